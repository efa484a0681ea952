import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { columnRows, datasetColumns, decimate, selectionParams } from "../src/elements/charts/vegaDraw";
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
