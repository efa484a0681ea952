import { describe, expect, test } from "vitest";
import { nextSelection, themeDeckJson, unknownLayers } from "../src/elements/charts/deck";
import { echartsSelection, echartsTheme } from "../src/elements/charts/echarts";
import { pixels, rgba, widthCss, type ChartTheme } from "../src/elements/charts/libraryChart";
import { selectionState, themeTemplate } from "../src/elements/charts/plotly";

const THEME: ChartTheme = {
  dark: false,
  primary: "#ff0000",
  text: "#111111",
  textMuted: "#666666",
  background: "#ffffff",
  backgroundSecondary: "#eeeeee",
  border: "#cccccc",
  font: "serif",
};

describe("plotly", () => {
  test("a box selection becomes Streamlit's selection state", () => {
    const state = selectionState({
      points: [{ curveNumber: 0, pointNumber: 2, pointIndex: 2, x: 3, y: 4, "marker.size": 9 }],
      range: { x: [1, 5], y: [0, 6] },
    });
    expect(state).toEqual({
      selection: {
        points: [{ curve_number: 0, point_number: 2, point_index: 2, x: 3, y: 4, marker_size: 9 }],
        point_indices: [2],
        box: [{ xref: "x", yref: "y", x: [1, 5], y: [0, 6] }],
        lasso: [],
      },
    });
  });

  test("a cleared selection is empty", () => {
    expect(selectionState(undefined)).toEqual({
      selection: { points: [], point_indices: [], box: [], lasso: [] },
    });
  });

  test("the streamlit theme puts the primary colour first and the page's font on", () => {
    const layout = themeTemplate(THEME)["layout"] as Record<string, unknown>;
    expect((layout["colorway"] as string[])[0]).toBe("#ff0000");
    expect(layout["font"]).toEqual({ color: "#111111", family: "serif" });
  });
});

describe("deck", () => {
  test("single-object selection replaces, multi-object toggles", () => {
    const empty = { indices: {}, objects: {} };
    expect(nextSelection(empty, "a", 3, { n: 3 }, false)).toEqual({
      selection: { indices: { a: [3] }, objects: { a: [{ n: 3 }] } },
    });
    const one = nextSelection(empty, "a", 3, { n: 3 }, true).selection;
    const two = nextSelection(one, "a", 5, { n: 5 }, true).selection;
    expect(two.indices).toEqual({ a: [3, 5] });
    expect(nextSelection(two, "a", 3, { n: 3 }, true).selection).toEqual({
      indices: { a: [5] },
      objects: { a: [{ n: 5 }] },
    });
    expect(nextSelection(two, undefined, -1, null, true)).toEqual({
      selection: { indices: {}, objects: {} },
    });
  });

  test("the colour placeholder becomes the theme's primary colour", () => {
    const spec = themeDeckJson(
      { layers: [{ "@@type": "ScatterplotLayer", getFillColor: "primary" }] },
      THEME,
    );
    expect((spec["layers"] as Record<string, unknown>[])[0]!["getFillColor"]).toEqual([255, 0, 0, 200]);
  });

  test("layers the build lacks are named", () => {
    expect(
      unknownLayers(
        { layers: [{ "@@type": "H3HexagonLayer" }, { "@@type": "ScatterplotLayer" }] },
        { ScatterplotLayer: 1 },
      ),
    ).toEqual(["H3HexagonLayer"]);
  });
});

describe("echarts", () => {
  test("picked data and brushes are grouped by series, as Streamlit reports them", () => {
    const option = {
      series: [
        { type: "bar", name: "Sales" },
        { type: "line", id: "cost" },
      ],
    };
    const state = echartsSelection(
      option,
      [
        { seriesIndex: 1, dataIndex: [4, 2] },
        { seriesIndex: 0, dataIndex: [] },
      ],
      [
        {
          brushType: "rect",
          coordRange: [
            [0, 1],
            [2, 3],
          ],
        },
        { brushType: "rect" },
      ],
    );
    expect(state).toEqual({
      selection: {
        selected: [
          { series_index: 1, series_id: "cost", series_name: null, data_type: "main", data_indices: [2, 4] },
        ],
        areas: [
          {
            brush_index: 0,
            brush_type: "rect",
            coord_range: [
              [0, 1],
              [2, 3],
            ],
          },
        ],
      },
    });
  });

  test("the theme object leads with the primary colour", () => {
    expect((echartsTheme(THEME)["color"] as string[])[0]).toBe("#ff0000");
  });
});

describe("sizes and colours", () => {
  test("width strings become CSS, pixels are digits", () => {
    expect(widthCss("stretch")).toEqual({ width: "100%" });
    expect(widthCss("300")).toEqual({ width: "300px", maxWidth: "100%" });
    expect(pixels("250")).toBe(250);
    expect(pixels("content")).toBeUndefined();
  });

  test("CSS colours become deck.gl colours", () => {
    expect(rgba("#0f0")).toEqual([0, 255, 0, 255]);
    expect(rgba("rgb(1, 2, 3)", 10)).toEqual([1, 2, 3, 10]);
  });
});

describe("deck chunks", () => {
  test("the aggregation layers load only for a deck that names one", async () => {
    const { needsAggregation } = await import("../src/elements/charts/deck");
    expect(needsAggregation({ layers: [{ "@@type": "ScatterplotLayer" }] })).toBe(false);
    expect(needsAggregation({ layers: [{ "@@type": "HexagonLayer" }] })).toBe(true);
  });
});

describe("plotly colours", () => {
  test("Plotly Express's default colours take the theme's, chosen ones stay", async () => {
    const { recolorTraces } = await import("../src/elements/charts/plotly");
    const traces = recolorTraces(
      [{ marker: { color: "#636efa" } }, { line: { color: "#EF553B" } }, { marker: { color: "#123456" } }],
      ["#ff0000", "#00ff00"],
    );
    expect(traces).toEqual([
      { marker: { color: "#ff0000" } },
      { line: { color: "#00ff00" } },
      { marker: { color: "#123456" } },
    ]);
  });
});

describe("the app's chart colours", () => {
  test("categorical colours replace the theme's, scales become Plotly colorscales", async () => {
    const { parseChartColors, seriesColors } = await import("../src/elements/charts/libraryChart");
    const colors = parseChartColors('{"categorical": ["#111111"], "sequential": ["#000000", "#ffffff"]}');
    expect(seriesColors(THEME, colors)).toEqual(["#111111"]);
    expect(seriesColors(THEME, parseChartColors(""))[0]).toBe("#ff0000");
    const layout = themeTemplate(THEME, colors)["layout"] as Record<string, unknown>;
    expect(layout["colorscale"]).toEqual({
      sequential: [
        [0, "#000000"],
        [1, "#ffffff"],
      ],
    });
  });
});
