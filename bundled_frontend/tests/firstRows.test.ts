// The first rows the server sends as JSON (rillet/dataframes/preview.py) read as the grid's Arrow
// reader reads the same table's Arrow payload: the same columns, values, texts and widths.
// The fixture is written by tests/fixtures/make_first_rows.py (rillet's own writer, every dtype).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseColumnsJson, tableFromArrow } from "../src/table/arrow";
import { columnSpecs } from "../src/table/columns";
import { tableFromFirstRows } from "../src/table/firstRows";
import { cellText, isMissing } from "../src/table/format";

interface Fixture {
  readonly arrow: string;
  readonly indexColumns: number;
  readonly columnsJson: string;
  readonly firstRowsJson: string;
}

const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/firstRows.json", import.meta.url), "utf-8"),
) as Fixture;
const info = parseColumnsJson(fixture.columnsJson);
const grid = tableFromArrow(new Uint8Array(Buffer.from(fixture.arrow, "base64")), fixture.indexColumns, info);

describe("first rows", () => {
  const first = tableFromFirstRows(fixture.firstRowsJson, fixture.indexColumns, info);

  test("describe the columns as the Arrow reader does", () => {
    if (first === undefined) throw new Error("no first rows");
    expect(first.numRows).toBe(grid.numRows);
    expect(first.loadedRows).toBeUndefined();
    const facts = (t: typeof grid) =>
      t.columns.map((c) => ({
        name: c.name,
        kind: c.kind,
        isIndex: c.isIndex,
        timezone: c.timezone,
        categories: c.categories,
        dtype: c.dtype,
      }));
    expect(facts(first)).toEqual(facts(grid));
  });

  test("hold the values the Arrow reader gives, and draw the same texts and widths", () => {
    if (first === undefined) throw new Error("no first rows");
    const gridSpecs = columnSpecs(grid, {}, false);
    const firstSpecs = columnSpecs(first, {}, false);
    expect(firstSpecs.map((s) => s.width)).toEqual(gridSpecs.map((s) => s.width));
    grid.columns.forEach((column, c) => {
      for (let row = 0; row < grid.numRows; row++) {
        const want = column.get(row);
        const got = first.columns[c]?.get(row);
        const where = `${column.name}[${row}]`;
        if (isMissing(want)) expect(isMissing(got), where).toBe(true);
        else if (!(want instanceof Uint8Array)) expect(got, where).toBe(want);
        const spec = gridSpecs[c];
        if (spec !== undefined) expect(cellText(got, spec), where).toBe(cellText(want, spec));
      }
    });
  });

  test("a preview shorter than the table marks where its rows end", () => {
    const short = tableFromFirstRows('{"n":100,"k":["int"],"c":[[1,2]]}', 0, [{ name: "a" }]);
    expect(short?.numRows).toBe(100);
    expect(short?.loadedRows).toBe(2);
    expect(short?.columns[0]?.get(1)).toBe(2);
    expect(short?.columns[0]?.get(2)).toBeNull();
  });

  test("nothing, or a document that does not fit the columns, is no table", () => {
    expect(tableFromFirstRows("", 0, [])).toBeUndefined();
    expect(tableFromFirstRows("[1]", 0, [])).toBeUndefined();
    expect(tableFromFirstRows('{"n":1,"k":["int"],"c":[[1]]}', 0, [])).toBeUndefined();
    expect(tableFromFirstRows('{"n":1,"k":["list"],"c":[[1]]}', 0, [{ name: "a" }])).toBeUndefined();
  });
});
