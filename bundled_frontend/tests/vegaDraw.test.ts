import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  columnRows,
  datasetColumns,
  decimate,
  foldedRows,
  selectionParams,
} from "../src/elements/charts/vegaDraw";
import { VegaColumn_Kind, VegaColumnSchema, VegaDatasetSchema } from "../src/proto/rillet_pb";

function float64(values: number[]): Uint8Array {
  return new Uint8Array(new Float64Array(values).buffer);
}

describe("Vega chart data", () => {
  it("decodes float64, category and JSON columns into rows with nulls", () => {
    const dataset = create(VegaDatasetSchema, {
      name: "source",
      numRows: 3,
      columns: [
        create(VegaColumnSchema, { name: "x", float64: float64([1, Number.NaN, 3]) }),
        create(VegaColumnSchema, {
          name: "c",
          kind: VegaColumn_Kind.CATEGORIES,
          categories: ["a", "b"],
          codes: new Uint8Array(new Int32Array([1, -1, 0]).buffer),
        }),
        create(VegaColumnSchema, { name: "j", kind: VegaColumn_Kind.JSON, json: "[true, null, false]" }),
        create(VegaColumnSchema, { name: "r", kind: VegaColumn_Kind.RANGE, start: 10, step: 5 }),
      ],
    });
    const columns = datasetColumns(dataset);
    expect(columnRows(columns, 3)).toEqual([
      { x: 1, c: "b", j: true, r: 10 },
      { x: null, c: null, j: null, r: 15 },
      { x: 3, c: "a", j: false, r: 20 },
    ]);
    expect(columnRows(columns, 3, [2])).toEqual([{ x: 3, c: "a", j: false, r: 20 }]);
  });

  it("keeps each series' extremes per bucket of a long line, and every row of a short one", () => {
    const n = 100_000;
    const x = Array.from({ length: n }, (_, i) => i);
    const a = x.map((i) => Math.sin(i / 50));
    const b = x.map((i) => (i === 5_000 ? 1e6 : 0));
    const columns = new Map<string, unknown[]>([
      ["x", x],
      ["a", a],
      ["b", b],
    ]);
    const spec = {
      transform: [{ fold: ["a", "b"], as: ["color", "value"] }],
      layer: [{ mark: "line", encoding: { x: { field: "x" }, y: { field: "value" } } }],
    };
    const kept = decimate(columns, n, spec, 600) as number[];
    expect(kept.length).toBeLessThan(1_000);
    expect(kept).toContain(0);
    expect(kept).toContain(n - 1);
    expect(kept).toContain(5_000); // the spike survives
    expect(decimate(columns, 300, spec, 600)).toBeUndefined();
    const shuffled = new Map(columns).set("x", [...x].reverse());
    expect(decimate(shuffled, n, spec, 600)).toBeUndefined(); // x not ascending: every row
  });

  it("folds columns whose names the spec escapes (a.b, c[0]) under their own names", () => {
    const spec = {
      transform: [{ fold: ["a\\.b", "c\\[0\\]"], as: ["series", "v"] }],
      layer: [{ mark: "line", encoding: { x: { field: "x" }, y: { field: "v" } } }],
    };
    const columns = new Map<string, ArrayLike<unknown>>([
      ["x", new Float64Array([0])],
      ["a.b", new Float64Array([1])],
      ["c[0]", new Float64Array([2])],
    ]);
    expect(foldedRows(columns, 1, spec, 600, true)).toEqual([
      { x: 0, series: "a.b", v: 1 },
      { x: 0, series: "c[0]", v: 2 },
    ]);
  });

  it("folds wide rows as Vega-Lite would, keeping each line's own extremes when long", () => {
    const spec = {
      transform: [{ fold: ["a", "b"], as: ["series", "v"] }],
      layer: [{ mark: "line", encoding: { x: { field: "x" }, y: { field: "v" } } }],
    };
    const short = new Map<string, ArrayLike<unknown>>([
      ["x", new Float64Array([0, 1])],
      ["a", new Float64Array([5, Number.NaN])],
      ["b", ["p", "q"]],
    ]);
    expect(foldedRows(short, 2, spec, 600, true)).toEqual([
      { x: 0, series: "a", v: 5 },
      { x: 1, series: "a", v: null },
      { x: 0, series: "b", v: "p" },
      { x: 1, series: "b", v: "q" },
    ]);
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const a = Float64Array.from(x, (i) => (i === 7 ? 1e6 : 0));
    const b = Float64Array.from(x, (i) => (i === 90_000 ? -1e6 : 1));
    const long = new Map<string, ArrayLike<unknown>>([
      ["x", x],
      ["a", a],
      ["b", b],
    ]);
    const lines = foldedRows(long, n, spec, 600, true);
    const areas = foldedRows(long, n, spec, 600, false);
    expect(lines.length).toBeLessThan(1_000);
    expect(lines).toContainEqual({ x: 7, series: "a", v: 1e6 });
    expect(lines).toContainEqual({ x: 90_000, series: "b", v: -1e6 });
    expect(lines.filter((row) => row["series"] === "a").length).toBeLessThan(500);
    // Areas share their x values: every series has a row wherever another needs one.
    const xsOf = (series: string) => areas.filter((row) => row["series"] === series).map((row) => row["x"]);
    expect(xsOf("a")).toEqual(xsOf("b"));
    expect(xsOf("a")).toContain(90_000);
  });

  it("finds selection parameters at the top and in layers", () => {
    const spec = {
      params: [
        { name: "brush", select: { type: "interval" } },
        { name: "zoom", bind: "scales" },
      ],
      layer: [{ params: [{ name: "pick", select: "point" }] }],
    };
    expect([...selectionParams(spec).entries()]).toEqual([
      ["brush", "interval"],
      ["pick", "point"],
    ]);
  });
});
