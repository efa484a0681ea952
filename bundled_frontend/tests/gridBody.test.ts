// @vitest-environment happy-dom
/** The grid's body rows drawn outside Preact (src/lazy/gridBody.ts): reuse, pinning, rich cells. */
import { h } from "preact";
import { beforeEach, describe, expect, test } from "vitest";
import { GridBody, type BodyPainter, type CellContent } from "../src/lazy/gridBody";

const ROW_HEIGHT = 10;

/** A grid of `count` rows x 3 columns ("r{row}c{col}"), 5 rows on screen, column 0 pinned. */
function painter(
  overrides: Partial<BodyPainter> & { count?: number; order?: Uint32Array } = {},
): BodyPainter {
  const count = overrides.count ?? 100;
  const order = overrides.order;
  return {
    rowHeight: ROW_HEIGHT,
    headerHeight: 0,
    totalWidth: 300,
    pinnedWidth: 100,
    pinned: [0],
    marker: false,
    markerWidth: 30,
    rows: (top) => {
      const start = Math.floor(top / ROW_HEIGHT);
      return { start, end: Math.min(count, start + 5), offset: top };
    },
    columns: () => [1, 2],
    rowAt: (view) => (view < count ? (order ? order[view] : view) : undefined),
    rowSelected: () => false,
    source: (index) => index,
    cellClass: () => "rl-dg-cell",
    cellStyle: (_row, index) => `left:${index * 100}px;width:100px;`,
    cellContent: (row, index): CellContent => `r${row}c${index}`,
    ...overrides,
  };
}

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement("div");
  document.body.replaceChildren(host);
});

const rowTexts = (): string[] =>
  [...host.querySelectorAll<HTMLElement>(".rl-dg-row")]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
    .map((row) => [...row.querySelectorAll(".rl-dg-cell")].map((c) => c.textContent).join(" "));

describe("GridBody", () => {
  test("draws only the rows of the window, pinned cells in a group, with the grid's roles", () => {
    new GridBody(host).draw(painter(), 0, 0);
    expect(host.querySelectorAll("[role=row]")).toHaveLength(5);
    expect(rowTexts()[0]).toBe("r0c0 r0c1 r0c2");
    expect(rowTexts()[4]).toBe("r4c0 r4c1 r4c2");
    const first = host.querySelector<HTMLElement>(".rl-dg-cell[data-row='0'][data-col='0']");
    expect(first?.parentElement?.className).toBe("rl-dg-pinned");
    expect(first?.getAttribute("role")).toBe("gridcell");
    expect(host.querySelector("[aria-rowindex='2']")).not.toBeNull();
  });

  test("a one-row scroll keeps every element and rewrites the text of one row only", () => {
    const body = new GridBody(host);
    body.draw(painter(), 0, 0);
    const cells = [...host.querySelectorAll(".rl-dg-cell")];
    const texts = cells.map((cell) => cell.firstChild);
    body.draw(painter(), ROW_HEIGHT, 0);
    expect([...host.querySelectorAll(".rl-dg-cell")]).toEqual(cells);
    expect(cells.map((cell) => cell.firstChild)).toEqual(texts);
    expect(rowTexts()).toEqual([
      "r1c0 r1c1 r1c2",
      "r2c0 r2c1 r2c2",
      "r3c0 r3c1 r3c2",
      "r4c0 r4c1 r4c2",
      "r5c0 r5c1 r5c2",
    ]);
    // Rows 1-4 kept their text; only the slot of row 0 now shows row 5.
    const changed = cells.filter((cell) => cell.getAttribute("data-row") === "5");
    expect(changed).toHaveLength(3);
  });

  test("a sorted view draws data rows in view order and tags cells with both positions", () => {
    new GridBody(host).draw(painter({ count: 3, order: Uint32Array.from([2, 0, 1]) }), 0, 0);
    expect(rowTexts()).toEqual(["r2c0 r2c1 r2c2", "r0c0 r0c1 r0c2", "r1c0 r1c1 r1c2"]);
    const cell = host.querySelector<HTMLElement>(".rl-dg-cell[data-row='2'][data-col='1']");
    expect(cell?.dataset["view"]).toBe("0");
  });

  test("fewer rows in view (a search) remove the surplus row elements", () => {
    const body = new GridBody(host);
    body.draw(painter(), 0, 0);
    body.draw(painter({ count: 2 }), 0, 0);
    expect(host.querySelectorAll(".rl-dg-row")).toHaveLength(2);
    body.draw(painter({ count: 0 }), 0, 0);
    expect(host.children).toHaveLength(0);
  });

  test("the row marker's checkbox follows the selection, and selected rows are marked", () => {
    const body = new GridBody(host);
    const selected = new Set([1]);
    const marked = (): BodyPainter =>
      painter({ marker: true, pinned: [0, 1], columns: () => [2], rowSelected: (row) => selected.has(row) });
    body.draw(marked(), 0, 0);
    const box = (row: number): HTMLInputElement | null =>
      host.querySelector(`.rl-dg-marker[data-row='${row}'] input[type=checkbox]`);
    expect(box(1)?.checked).toBe(true);
    expect(box(0)?.checked).toBe(false);
    expect(box(1)?.getAttribute("aria-label")).toBe("Select row 1");
    expect(box(1)?.closest(".rl-dg-row")?.className).toContain("rl-selected-row");
    selected.clear();
    selected.add(0);
    body.draw(marked(), 0, 0);
    expect(box(1)?.checked).toBe(false);
    expect(box(0)?.checked).toBe(true);
  });

  test("a horizontal scroll swaps the unpinned cells and moves the pinned group", () => {
    const body = new GridBody(host);
    body.draw(painter(), 0, 0);
    body.draw(painter({ columns: () => [2, 3] }), 0, 150);
    expect(rowTexts()[0]).toBe("r0c0 r0c2 r0c3");
    expect(host.querySelector<HTMLElement>(".rl-dg-pinned")?.style.left).toBe("150px");
  });

  test("rich cells render a Preact tree and turn back into text", () => {
    const body = new GridBody(host);
    let rich = true;
    const draw = (): void =>
      body.draw(
        painter({
          cellContent: (row, index) =>
            rich && index === 1 ? h("span", { class: "rl-dg-missing" }, "None") : `r${row}c${index}`,
        }),
        0,
        0,
      );
    draw();
    const cell = host.querySelector(".rl-dg-cell[data-row='0'][data-col='1']");
    expect(cell?.querySelector(".rl-dg-missing")?.textContent).toBe("None");
    rich = false;
    draw();
    expect(cell?.querySelector(".rl-dg-missing")).toBeNull();
    expect(cell?.textContent).toBe("r0c1");
  });
});
