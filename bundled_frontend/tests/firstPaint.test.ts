// @vitest-environment happy-dom
// A small table's first paint (drawn before the grid's chunk loads, from the first rows the server
// sends as JSON): what qualifies, and that it draws the grid's texts and geometry (the grid reading
// the same table from Arrow).
import { tableFromArrays, tableToIPC, utf8 } from "@uwdata/flechette";
import { describe, expect, test } from "vitest";
import { columnSpecs, visibleOrder } from "../src/table/columns";
import { cellText } from "../src/table/format";
import { parseColumnsJson, tableFromArrow } from "../src/table/arrow";
import {
  escapeHtml,
  firstPaint,
  rowsHtml,
  gridHeight,
  HEADER_HEIGHT,
  MARKER_WIDTH,
  type FirstPaintElement,
} from "../src/table/firstPaint";

function ipc(columns: Record<string, unknown>): Uint8Array {
  const types = { s: utf8() };
  const bytes = tableToIPC(tableFromArrays(columns as Parameters<typeof tableFromArrays>[0], { types }), {
    format: "stream",
  });
  if (bytes === null) throw new Error("no IPC");
  return bytes;
}

const rows = 20;
const data = {
  idx: Array.from({ length: rows }, (_, i) => i),
  x: Array.from({ length: rows }, (_, i) => i / 3),
  s: Array.from({ length: rows }, (_, i) => (i === 4 ? null : `row ${i}`)),
};
const arrow = ipc({ idx: Int32Array.from(data.idx), x: Float64Array.from(data.x), s: data.s });
const columnsJson = JSON.stringify([{ name: "idx", index: true }, { name: "x" }, { name: "s" }]);
const firstRowsJson = JSON.stringify({
  n: rows,
  k: ["int", "float", "string"],
  c: [data.idx, data.x, data.s],
});

function element(extra: Partial<FirstPaintElement> = {}): FirstPaintElement {
  return {
    firstRowsJson,
    indexColumns: 1,
    columnsJson,
    columnConfigJson: "",
    columnOrder: [],
    hideIndex: false,
    editingMode: "",
    isTable: false,
    stylerJson: "",
    selectionMode: [],
    rowHeight: 0,
    height: 0,
    heightMode: "",
    width: 0,
    placeholder: "",
    ...extra,
  };
}

describe("firstPaint", () => {
  test("draws the rows on screen with the grid's texts, widths and height", () => {
    const paint = firstPaint(element(), false, false);
    if (paint === undefined) throw new Error("no first paint");
    const table = tableFromArrow(arrow, 1, parseColumnsJson(columnsJson));
    const specs = columnSpecs(table, {}, false);
    expect(paint.columns.map((c) => c.spec.source)).toEqual(visibleOrder(specs, [], false, new Set()));
    expect(paint.columns.map((c) => c.spec.width)).toEqual(specs.map((s) => s.width));
    expect(paint.height).toBe(gridHeight(rows, 35, 0, ""));
    expect(paint.height).toBe(HEADER_HEIGHT + 10 * 35 + 2); // ten rows, then it scrolls
    expect(paint.rows.length).toBeGreaterThanOrEqual(10);
    expect(paint.rows.length).toBeLessThan(rows);
    const row3 = paint.rows[3];
    expect(row3?.top).toBe(HEADER_HEIGHT + 3 * 35);
    expect(row3?.texts).toEqual(specs.map((spec, c) => cellText(table.columns[c]?.get(3), spec)));
    expect(paint.rows[4]?.texts[2]).toBeNull(); // missing: the placeholder
    expect(paint.rows[5]?.texts[2]).toBe("row 5");
    expect(paint.placeholder).toBe("None");
    // The index is pinned, as in the grid.
    expect(paint.pinnedWidth).toBe(specs[0]?.width);
    expect(paint.columns[0]?.pinned).toBe(true);
    expect(paint.totalWidth).toBe(specs.reduce((sum, s) => sum + s.width, 0));
    expect(paint.width).toBe(`${paint.totalWidth + 2}px`);
  });

  test("a selectable widget table gets the row marker column", () => {
    const paint = firstPaint(element({ selectionMode: ["multi-row"] }), true, true);
    expect(paint?.marker).toBe(true);
    expect(paint?.columns[0]?.left).toBe(MARKER_WIDTH);
    expect(paint?.width).toBe("100%");
    expect(firstPaint(element({ selectionMode: ["multi-row"] }), false, false)?.marker).toBe(false);
  });

  test("a categorical column draws its values, as the grid's selectbox cells", () => {
    const paint = firstPaint(
      element({
        firstRowsJson: '{"n":3,"k":["string"],"c":[["red","blue","red"]]}',
        columnsJson: '[{"name":"c","kind":"categorical","options":["blue","red"]}]',
        indexColumns: 0,
      }),
      false,
      false,
    );
    expect(paint?.columns[0]?.spec.type).toBe("selectbox");
    expect(paint?.rows.map((r) => r.texts[0])).toEqual(["red", "blue", "red"]);
  });

  test("what does not draw as plain text waits for the grid", () => {
    expect(firstPaint(element({ editingMode: "fixed" }), true, false)).toBeUndefined();
    expect(firstPaint(element({ isTable: true }), false, false)).toBeUndefined();
    expect(firstPaint(element({ stylerJson: '{"cells":[]}' }), false, false)).toBeUndefined();
    // No first rows (a large table, or an older server): the loading box.
    expect(firstPaint(element({ firstRowsJson: "" }), false, false)).toBeUndefined();
    expect(firstPaint(element({ firstRowsJson: "{not json" }), false, false)).toBeUndefined();
    // First rows that do not match the columns described wait for the grid.
    expect(firstPaint(element({ columnsJson: '[{"name":"x"}]' }), false, false)).toBeUndefined();
    const progress = JSON.stringify({ x: { type_config: { type: "progress" } } });
    expect(firstPaint(element({ columnConfigJson: progress }), false, false)).toBeUndefined();
    const flags = '{"n":2,"k":["bool","string"],"c":[[true,false],["a","b"]]}';
    const named = '[{"name":"b"},{"name":"s"}]';
    expect(
      firstPaint(element({ firstRowsJson: flags, columnsJson: named, indexColumns: 0 }), false, false),
    ).toBeUndefined();
  });

  test("heights follow the grid's: given, content, stretch", () => {
    expect(firstPaint(element({ height: 250 }), false, false)?.height).toBe(250);
    expect(firstPaint(element({ heightMode: "content" }), false, false)?.height).toBe(
      HEADER_HEIGHT + rows * 35 + 2,
    );
    expect(firstPaint(element({ rowHeight: 50, heightMode: "content" }), false, false)?.height).toBe(
      HEADER_HEIGHT + rows * 50 + 2,
    );
  });

  test("rows past the server's first rows are left for the grid, not drawn as missing", () => {
    const head = JSON.stringify({ n: 500, k: ["int", "float", "string"], c: [data.idx, data.x, data.s] });
    const paint = firstPaint(element({ firstRowsJson: head, heightMode: "content" }), false, false);
    expect(paint?.height).toBe(HEADER_HEIGHT + 500 * 35 + 2); // the whole table's box
    expect(paint?.rows.length).toBe(rows);
  });
});

describe("rowsHtml", () => {
  function body(html: string): HTMLElement {
    const root = document.createElement("div");
    root.innerHTML = html;
    return root;
  }

  test("draws each row and cell with the grid's classes, geometry and attributes", () => {
    const paint = firstPaint(element(), false, false);
    if (paint === undefined) throw new Error("no first paint");
    const rowsShown = body(rowsHtml(paint)).querySelectorAll<HTMLElement>(":scope > [role=row]");
    expect(rowsShown.length).toBe(paint.rows.length);
    const third = rowsShown[3];
    expect(third?.getAttribute("aria-rowindex")).toBe("5");
    expect(third?.style.top).toBe(`${HEADER_HEIGHT + 3 * 35}px`);
    // The index is pinned: its cell sits in the pinned group, the others after it.
    const pinned = third?.querySelector(":scope > .rl-dg-pinned");
    expect(pinned?.querySelectorAll("[role=gridcell]").length).toBe(1);
    const cells = [...(third?.querySelectorAll<HTMLElement>("[role=gridcell]") ?? [])];
    expect(cells.map((cell) => cell.textContent)).toEqual(paint.rows[3]?.texts);
    expect(cells.map((cell) => cell.dataset["col"])).toEqual(paint.columns.map((c) => String(c.spec.source)));
    expect(cells.every((cell) => cell.dataset["row"] === "3" && cell.dataset["view"] === "3")).toBe(true);
    expect(cells[1]?.className).toBe(paint.columns[1]?.cls);
    expect(cells[1]?.style.width).toBe(`${paint.columns[1]?.spec.width}px`);
    // A missing value draws the placeholder.
    const missing = rowsShown[4]?.querySelectorAll("[role=gridcell]")[2];
    expect(missing?.querySelector(".rl-dg-missing")?.textContent).toBe("None");
  });

  test("cell texts and the placeholder are text, never markup", () => {
    const hostile = '<img src=x onerror="alert(1)">&amp;';
    const paint = firstPaint(
      element({
        firstRowsJson: JSON.stringify({ n: 2, k: ["string"], c: [[hostile, null]] }),
        columnsJson: '[{"name":"s"}]',
        indexColumns: 0,
        placeholder: "<b>none</b>",
      }),
      false,
      false,
    );
    if (paint === undefined) throw new Error("no first paint");
    const root = body(rowsHtml(paint));
    expect(root.querySelector("img, b")).toBeNull();
    const cells = root.querySelectorAll("[role=gridcell]");
    expect(cells[0]?.textContent).toBe(hostile);
    expect(cells[1]?.textContent).toBe("<b>none</b>");
    expect(escapeHtml(`a"b'c`)).toBe("a&quot;b&#39;c");
  });

  test("a selectable table's row marker leads the pinned group", () => {
    const paint = firstPaint(element({ selectionMode: ["multi-row"] }), true, false);
    if (paint === undefined) throw new Error("no first paint");
    const row = body(rowsHtml(paint)).querySelector("[role=row]");
    const group = row?.querySelector(":scope > .rl-dg-pinned");
    expect(group?.firstElementChild?.classList.contains("rl-dg-marker")).toBe(true);
    const box = group?.querySelector<HTMLInputElement>("input[type=checkbox]");
    expect(box?.disabled).toBe(true);
    expect(box?.getAttribute("aria-label")).toBe("Select row 0");
    expect(group?.querySelectorAll("[role=gridcell]").length).toBe(1); // the index
  });
});
