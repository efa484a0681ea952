/** The grid's pure logic: Arrow decoding, column specs, formats, sorting, selection and edit state. */
import { readFileSync } from "node:fs";
import { int64, tableFromArrays, tableToIPC } from "@uwdata/flechette";
import { describe, expect, test } from "vitest";
import { parseColumnsJson, tableFromArrow } from "../src/table/arrow";
import { columnSpecs, visibleOrder, type ColumnSpec } from "../src/table/columns";
import {
  addRow,
  deleteRows,
  editedValue,
  editsJson,
  liveRows,
  missingRequired,
  NO_EDITS,
  parseEdits,
  parseInput,
  setCell,
  validate,
} from "../src/table/editing";
import { cellText, formatDate, formatNumber, formatPeriod, durationText, sprintf } from "../src/table/format";
import {
  columnOffsets,
  MAX_SCROLL_HEIGHT,
  rowWindow,
  scrollTopFor,
  trueOffset,
  visibleColumns,
} from "../src/table/layout";
import { tableFromJson, type TableData } from "../src/table/model";
import {
  extendRows,
  parseModes,
  parseSelection,
  selectionJson,
  toggleCell,
  toggleColumn,
  toggleRow,
  EMPTY_SELECTION,
} from "../src/table/selection";
import { allRows, nextSort, searchRows, sortRows, toCsv } from "../src/table/view";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

function textsOf(table: TableData, config = {}): Record<string, string[]> {
  const specs = columnSpecs(table, config, false);
  const out: Record<string, string[]> = {};
  table.columns.forEach((column, i) => {
    const spec = specs[i] as ColumnSpec;
    out[column.name] = Array.from({ length: table.numRows }, (_, r) => cellText(column.get(r), spec));
  });
  return out;
}

describe("Arrow decode", () => {
  const table = tableFromArrow(fixture("mixed.arrow"), 1);

  test("every pandas dtype gets a kind, the index first", () => {
    expect(table.numRows).toBe(3);
    expect(Object.fromEntries(table.columns.map((c) => [c.name, c.kind]))).toEqual({
      key: "string",
      int: "int",
      float: "float",
      text: "string",
      flag: "bool",
      when: "datetime",
      day: "date",
      clock: "time",
      span: "timedelta",
      money: "decimal",
      cat: "categorical",
      items: "list",
      record: "struct",
      raw: "bytes",
      interval: "interval",
      period: "period",
    });
    expect(table.columns[0]?.isIndex).toBe(true);
    expect(table.columns[1]?.isIndex).toBe(false);
    expect(table.columns.find((c) => c.name === "cat")?.categories).toEqual(["lo", "hi"]);
    expect(table.columns.find((c) => c.name === "when")?.timezone).toBe("Europe/Oslo");
  });

  test("each dtype shows readably, missing values as empty text", () => {
    const texts = textsOf(table);
    expect(texts["int"]).toEqual(["1", "", "3"]);
    expect(texts["float"]).toEqual(["1.5", "", "-2.25"]);
    expect(texts["flag"]).toEqual(["true", "false", ""]);
    expect(texts["when"]).toEqual(["2024-01-02 03:04:05+01:00", "2024-06-30 12:00:00+02:00", ""]);
    expect(texts["day"]).toEqual(["2024-01-02", "1999-12-31", ""]);
    expect(texts["clock"]).toEqual(["13:05:06", "00:00:00", ""]);
    expect(texts["span"]).toEqual(["a day", "a few seconds", ""]);
    expect(texts["money"]).toEqual(["1.25", "-3.5", ""]);
    expect(texts["cat"]).toEqual(["lo", "hi", "lo"]);
    expect(texts["items"]).toEqual(["1, 2", "", ""]);
    expect(texts["record"]).toEqual(['{"x":1,"y":"a"}', '{"x":2,"y":"b"}', ""]);
    expect(texts["raw"]?.[0]).toBe("bytes");
    expect(texts["interval"]).toEqual(["(0, 1]", "(1, 2]", "(2, 3]"]);
    expect(texts["period"]).toEqual(["2024-01", "2024-02", "2024-03"]);
  });

  test("the server's columns_json refines kinds and options", () => {
    const info = parseColumnsJson(
      '[{"name":"key","index":true,"kind":"string"},{"name":"int","kind":"float","dtype":"Int64"}]',
    );
    const refined = tableFromArrow(fixture("mixed.arrow"), 1, info);
    expect(refined.columns[1]?.kind).toBe("float");
    expect(refined.columns[1]?.dtype).toBe("Int64");
    expect(parseColumnsJson("not json")).toEqual([]);
  });

  test("bytes that are not Arrow throw a readable error", () => {
    expect(() => tableFromArrow(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 0)).toThrow();
  });

  test("the older JSON document still reads", () => {
    const json = tableFromJson('{"columns":["a","b"],"index":[0,1],"data":[[1,2.5],[null,"x"]]}');
    expect(json.columns.map((c) => [c.name, c.kind, c.isIndex])).toEqual([
      ["_index", "int", true],
      ["a", "int", false],
      ["b", "object", false],
    ]);
    expect(json.columns[2]?.get(1)).toBe("x");
  });
});

describe("integers past 2^53", () => {
  test("read as BigInts, missing ones as null, and show whole", () => {
    const big = 2n ** 53n + 1n;
    const bytes = tableToIPC(tableFromArrays({ a: [big, 7n, null] }, { types: { a: int64() } }), {
      format: "stream",
    });
    const column = tableFromArrow(bytes!, 0).columns[0]!;
    expect([column.get(0), column.get(1), column.get(2)]).toEqual([big, 7, null]);
  });
});

describe("column specs", () => {
  const table = tableFromArrow(fixture("mixed.arrow"), 1);

  test("column_config sets label, width, type, pinning, hiding and alignment", () => {
    const specs = columnSpecs(
      table,
      {
        int: {
          label: "Count",
          width: "small",
          help: "how many",
          type_config: { type: "progress", max_value: 10 },
        },
        float: { width: 123, alignment: "center", pinned: true },
        text: { hidden: true },
      },
      true,
    );
    const byName = Object.fromEntries(specs.map((s) => [s.name, s]));
    expect(byName["int"]).toMatchObject({
      label: "Count",
      width: 75,
      help: "how many",
      type: "progress",
      disabled: true,
    });
    expect(byName["float"]).toMatchObject({ width: 123, alignment: "center", pinned: true, type: "number" });
    expect(byName["text"]?.hidden).toBe(true);
    expect(byName["key"]).toMatchObject({ isIndex: true, pinned: true, disabled: true });
    expect(byName["flag"]).toMatchObject({ type: "checkbox", alignment: "center", disabled: false });
    expect(byName["cat"]?.type).toBe("selectbox");
  });

  test("numbers are right-aligned by default, text left", () => {
    const specs = columnSpecs(table, {}, false);
    expect(specs.find((s) => s.name === "float")?.alignment).toBe("right");
    expect(specs.find((s) => s.name === "text")?.alignment).toBe("left");
  });

  test("visible order: column_order, hidden and hide_index, pinned first", () => {
    const specs = columnSpecs(table, { text: { hidden: true }, day: { pinned: true } }, false);
    const names = (order: number[]): string[] => order.map((i) => specs[i]?.name ?? "?");
    expect(names(visibleOrder(specs, ["float", "text", "int", "day"], false, new Set()))).toEqual([
      "key",
      "day",
      "float",
      "int",
    ]);
    expect(names(visibleOrder(specs, ["int"], true, new Set()))).toEqual(["int"]);
  });
});

describe("number formats", () => {
  test("named formats of Streamlit 1.67", () => {
    expect(formatNumber(1234.5, "plain", false)).toBe("1234.5");
    expect(formatNumber(0.1234, "percent", false)).toMatch(/12\.34\s?%/);
    expect(formatNumber(1234.5, "dollar", false)).toBe("$1,234.50");
    expect(formatNumber(1234.5, "euro", false)).toContain("1,234.50");
    expect(formatNumber(1234567, "compact", true)).toBe("1.2M");
    expect(formatNumber(12345, "scientific", true)).toBe("1.235E4");
    expect(formatNumber(12345, "engineering", true)).toBe("12.345E3");
    expect(formatNumber(-5, "accounting", true)).toBe("(5.00)");
    expect(formatNumber(1234.5, "accounting", false)).toBe("1,234.50");
    expect(formatNumber(1234.5678, "localized", false)).toBe("1,234.568");
    expect(formatNumber(0.25, "percent", false)).toBe("25%");
    expect(formatNumber(12345, "compact", true)).toBe("12K");
    expect(formatNumber(30, "duration", true)).toBe("a few seconds");
    expect(formatNumber(7200, "duration", true)).toBe("2 hours");
    expect(formatNumber(86400, "duration", true)).toBe("a day");
    expect(formatNumber(86400 * 400, "duration", false)).toBe("a year");
    expect(formatNumber(1234.5, "localized", false)).toBe("1,234.5");
  });

  test("printf patterns", () => {
    expect(sprintf("%d", 3.9)).toBe("3");
    expect(sprintf("%.2f", 3.14159)).toBe("3.14");
    expect(sprintf("$%,.2f", 1234567.891)).toBe("$1,234,567.89");
    expect(sprintf("%05d", 42)).toBe("00042");
    expect(sprintf("%+d", 5)).toBe("+5");
    expect(sprintf("%e", 1500)).toBe("1.500000e+03");
    expect(sprintf("%s items", "3")).toBe("3 items");
    expect(sprintf("%.1f%%", 12.34)).toBe("12.3%");
  });

  test("the default shows integers whole and floats with up to four decimals", () => {
    expect(formatNumber(3, "", true)).toBe("3");
    expect(formatNumber(0.1 + 0.2, "", false)).toBe("0.3");
    expect(formatNumber(1 / 3, "", false)).toBe("0.3333");
  });
});

describe("date formats", () => {
  const ms = Date.UTC(2024, 0, 5, 14, 7, 9, 250);

  test("moment-style patterns, iso8601 and zones", () => {
    expect(formatDate(ms, "YYYY-MM-DD HH:mm", "datetime")).toBe("2024-01-05 14:07");
    expect(formatDate(ms, "MMM Do, YYYY [at] h:mm a", "datetime")).toBe("Jan 5th, 2024 at 2:07 pm");
    expect(formatDate(ms, "dddd", "datetime")).toBe("Friday");
    expect(formatDate(ms, "iso8601", "datetime")).toBe("2024-01-05T14:07:09.250");
    expect(formatDate(ms, "", "datetime", "America/New_York")).toBe("2024-01-05 09:07:09-05:00");
    expect(formatDate(ms, "HH:mm Z", "datetime", "+05:30")).toBe("19:37 +05:30");
    expect(formatDate(ms, "", "date")).toBe("2024-01-05");
  });

  test("distance and calendar are relative to now", () => {
    const now = ms + 3 * 86400000;
    expect(formatDate(ms, "distance", "datetime", undefined, now)).toBe("3 days ago");
    expect(formatDate(ms, "calendar", "datetime", undefined, ms + 3600000)).toBe("Today at 2:07 PM");
    expect(formatDate(ms, "calendar", "datetime", undefined, ms + 86400000)).toBe("Yesterday at 2:07 PM");
  });

  test("timedeltas and periods", () => {
    expect(durationText(-90_000, "")).toBe("-2 minutes");
    expect(durationText(93_784_000, "duration")).toBe("a day");
    expect(durationText(1500.5, "compact")).toBe("00:00:01.5005");
    expect(durationText(1_209_600_000, "compact")).toBe("336:00:00");
    expect(durationText(1500, "%.1f")).toBe("1.5");
    expect(durationText(1500, "localized")).toMatch(/^(1 sec, 500 ms|00:00:01\.5)$/);
    expect(formatPeriod(54 * 4 + 1, "Q-DEC")).toBe("2024Q2");
    expect(formatPeriod(54, "Y-DEC")).toBe("2024");
    expect(formatPeriod(19723, "D")).toBe("2024-01-01");
  });
});

describe("sorting, search and CSV", () => {
  const table = tableFromArrow(fixture("sortable.arrow"), 1);
  const n = table.columns[1]!;
  const s = table.columns[2]!;

  test("numbers sort as numbers, stable, missing last both ways", () => {
    expect(Array.from(sortRows(allRows(5), n, "asc"))).toEqual([2, 4, 3, 0, 1]);
    expect(Array.from(sortRows(allRows(5), n, "desc"))).toEqual([0, 3, 2, 4, 1]);
  });

  test("text sorts naturally and case-insensitively", () => {
    expect(Array.from(sortRows(allRows(5), s, "asc"))).toEqual([1, 4, 0, 3, 2]);
  });

  test("header clicks cycle ascending, descending, unsorted", () => {
    const first = nextSort(undefined, "n");
    expect(first).toEqual({ column: "n", direction: "asc" });
    expect(nextSort(first, "n")).toEqual({ column: "n", direction: "desc" });
    expect(nextSort(nextSort(first, "n"), "n")).toBeUndefined();
    expect(nextSort(first, "s")).toEqual({ column: "s", direction: "asc" });
  });

  test("search keeps rows with a matching cell", () => {
    const text = (row: number, col: number): string => String(table.columns[col]?.get(row) ?? "");
    expect(Array.from(searchRows(allRows(5), "A", [2], text))).toEqual([1, 4]);
    expect(Array.from(searchRows(allRows(5), "", [2], text))).toEqual([0, 1, 2, 3, 4]);
  });

  test("a million numbers sort in seconds at most, even on a busy machine", () => {
    const values = new Float64Array(1_000_000).map((_, i) => Math.sin(i) * 1000);
    const column = { name: "x", kind: "float" as const, isIndex: false, get: (r: number) => values[r] };
    const started = performance.now();
    const order = sortRows(allRows(values.length), column, "asc");
    expect(performance.now() - started).toBeLessThan(3000);
    expect((values[order[0]!] ?? 0) <= (values[order[1]!] ?? 0)).toBe(true);
  });

  test("CSV quotes what needs quoting and starts with a BOM", () => {
    const specs = columnSpecs(table, {}, false);
    const csv = toCsv(specs, [1, 2], [0, 2], (row, col) =>
      col === 2 && row === 0 ? 'say "hi", you' : String(row),
    );
    expect(csv).toBe('\uFEFFn,s\r\n0,"say ""hi"", you"\r\n2,2\r\n');
  });
});

describe("selection", () => {
  test("modes parse from selection_mode", () => {
    expect(parseModes(["multi-row", "single-column"])).toEqual({
      rows: "multi",
      columns: "single",
      cells: "none",
    });
  });

  test("single replaces, multi adds, a second click removes", () => {
    const single = parseModes(["single-row"]);
    const multi = parseModes(["multi-row", "multi-column", "multi-cell"]);
    expect(toggleRow(toggleRow(EMPTY_SELECTION, single, 1), single, 3).rows).toEqual([3]);
    const two = toggleRow(toggleRow(EMPTY_SELECTION, multi, 1), multi, 3);
    expect(two.rows).toEqual([1, 3]);
    expect(toggleRow(two, multi, 1).rows).toEqual([3]);
    expect(toggleColumn(EMPTY_SELECTION, multi, "a").columns).toEqual(["a"]);
    expect(toggleCell(toggleCell(EMPTY_SELECTION, multi, 2, "a"), multi, 2, "a").cells).toEqual([]);
    expect(toggleRow(EMPTY_SELECTION, parseModes([]), 1)).toBe(EMPTY_SELECTION);
  });

  test("single-row-required replaces its row but never leaves none", () => {
    const required = parseModes(["single-row-required"]);
    expect(required.rows).toBe("single");
    const first = { ...EMPTY_SELECTION, rows: [0] };
    expect(toggleRow(first, required, 0).rows).toEqual([0]);
    expect(toggleRow(first, required, 2).rows).toEqual([2]);
  });

  test("shift-click selects the range in view order, stored as data positions", () => {
    const multi = parseModes(["multi-row"]);
    const view = [4, 2, 0, 3, 1]; // a sorted view
    const first = toggleRow(EMPTY_SELECTION, multi, 2);
    expect([...extendRows(first, multi, view, 3).rows].sort()).toEqual([0, 2, 3]);
  });

  test("the value is Streamlit's shape, rows sorted by data position", () => {
    const multi = parseModes(["multi-row", "multi-cell"]);
    const selection = toggleCell(toggleRow(toggleRow(EMPTY_SELECTION, multi, 5), multi, 2), multi, 1, "b");
    const json = selectionJson(selection);
    expect(JSON.parse(json)).toEqual({ selection: { rows: [2, 5], columns: [], cells: [[1, "b"]] } });
    expect(parseSelection(json)).toEqual({ rows: [2, 5], columns: [], cells: [[1, "b"]] });
    expect(parseSelection("garbage")).toEqual(EMPTY_SELECTION);
  });
});

describe("data_editor state", () => {
  const table = tableFromArrow(fixture("mixed.arrow"), 1);
  const specs = columnSpecs(
    table,
    {
      int: { required: true, type_config: { type: "number", min_value: 0, max_value: 10, step: 2 } },
      text: { default: "new", type_config: { type: "text", max_chars: 5, validate: "^[a-z]+$" } },
      cat: {
        type_config: {
          type: "selectbox",
          options: [
            { value: "lo", label: "Low" },
            { value: "hi", label: "High" },
          ],
        },
      },
      day: { type_config: { type: "date", min_value: "2000-01-01" } },
    },
    true,
  );
  const spec = (name: string): ColumnSpec => specs.find((s) => s.name === name) as ColumnSpec;

  test("edits, added and deleted rows make Streamlit's value", () => {
    let state = setCell(NO_EDITS, 3, 0, "int", 4);
    state = addRow(state, specs);
    state = setCell(state, 3, 3, "int", 2);
    state = deleteRows(state, 3, [1]);
    expect(JSON.parse(editsJson(state))).toEqual({
      edited_rows: { "0": { int: 4 } },
      added_rows: [{ text: "new", int: 2 }],
      deleted_rows: [1],
    });
    expect(liveRows(state, 3)).toEqual([0, 2, 3]);
    expect(editedValue(state, 3, 0, "int", () => 1)).toBe(4);
    expect(editedValue(state, 3, 2, "int", () => 3)).toBe(3);
    expect(parseEdits(editsJson(state))).toEqual(state);
  });

  test("deleting an added row drops it instead of listing it", () => {
    const state = deleteRows(addRow(addRow(NO_EDITS, specs), specs), 3, [3]);
    expect(state.added.length).toBe(1);
    expect(state.deleted).toEqual([]);
  });

  test("validation refuses with the reason", () => {
    expect(validate(spec("int"), 12)).toBe("must be at most 10");
    expect(validate(spec("int"), -2)).toBe("must be at least 0");
    expect(validate(spec("int"), 3)).toBe("must be a multiple of 2");
    expect(validate(spec("int"), 4)).toBeUndefined();
    expect(validate(spec("int"), null)).toBe("int is required");
    expect(validate(spec("text"), "toolong")).toBe("at most 5 characters");
    expect(validate(spec("text"), "AB")).toBe("does not match ^[a-z]+$");
    expect(validate(spec("cat"), "mid")).toBe('"mid" is not one of the options');
    expect(validate(spec("cat"), "hi")).toBeUndefined();
    expect(validate(spec("day"), "1999-01-01")).toBe("must be on or after 2000-01-01");
  });

  test("typed input becomes the wire value", () => {
    expect(parseInput(spec("int"), "1,234")).toEqual({ ok: true, value: 1234 });
    expect(parseInput(spec("int"), "1.5")).toEqual({ ok: false, reason: "1.5 is not a whole number" });
    expect(parseInput(spec("int"), "abc")).toEqual({ ok: false, reason: '"abc" is not a number' });
    expect(parseInput(spec("int"), "")).toEqual({ ok: true, value: null });
    expect(parseInput(spec("day"), "2024-05-01")).toEqual({ ok: true, value: "2024-05-01" });
    expect(parseInput(spec("clock"), "13:05")).toEqual({ ok: true, value: "13:05:00" });
    expect(parseInput(spec("when"), "2024-05-01T10:00")).toEqual({ ok: true, value: "2024-05-01T10:00:00" });
    expect(parseInput(spec("items"), "a, b")).toEqual({ ok: true, value: ["a", "b"] });
    expect(parseInput(spec("items"), "[1, 2]")).toEqual({ ok: true, value: [1, 2] });
  });

  test("added rows missing a required value are reported", () => {
    expect(missingRequired(addRow(NO_EDITS, specs), 3, specs)).toEqual([[3, "int", "int is required"]]);
  });
});

describe("layout", () => {
  test("only the rows on screen (plus a little overscan) are drawn", () => {
    const window = rowWindow(35 * 1000, 350, 35, 10_000);
    expect(window.start).toBe(998);
    expect(window.end).toBe(1012);
  });

  test("a million rows scale the scrollbar below the browser's height cap", () => {
    const count = 1_000_000;
    const window = rowWindow(0, 350, 35, count);
    expect(window.scrollHeight).toBe(MAX_SCROLL_HEIGHT);
    const bottom = MAX_SCROLL_HEIGHT - 350;
    expect(trueOffset(bottom, count, 35, 350)).toBeCloseTo(count * 35 - 350);
    expect(scrollTopFor(trueOffset(12345, count, 35, 350), count, 35, 350)).toBeCloseTo(12345);
    expect(rowWindow(bottom, 350, 35, count).end).toBe(count);
  });

  test("columns outside the viewport are skipped", () => {
    const offsets = columnOffsets(Array.from({ length: 100 }, () => 100));
    const shown = visibleColumns(offsets, 0, 5000, 800);
    expect(shown[0]).toBeGreaterThanOrEqual(48);
    expect(shown[shown.length - 1]).toBeLessThanOrEqual(59);
  });
});

describe("Arrow bytes inside a larger message", () => {
  test("a payload at an odd offset still decodes", () => {
    const bytes = fixture("sortable.arrow");
    const message = new Uint8Array(bytes.length + 3);
    message.set(bytes, 3);
    const table = tableFromArrow(message.subarray(3), 1);
    expect(table.numRows).toBe(5);
    expect(table.columns[2]?.get(0)).toBe("b");
  });
});
