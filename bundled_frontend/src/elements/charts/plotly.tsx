/**
 * `st.plotly_chart`: the figure drawn by plotly.js, a lazy chunk. Figures
 * whose traces all belong to plotly.js's cartesian bundle (scatter, bar,
 * line, pie, histogram, heatmap, box, violin, contour, image) load that
 * bundle; anything else (maps, 3D, WebGL, sankey...) loads the full one
 * (`PlotlyChart.full_bundle`, decided by the server). With `on_select` the
 * chart is a widget whose value is the selection, in Streamlit's shape.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { create } from "@bufbuild/protobuf";
import { WidgetCommonSchema } from "../../proto/rillet_pb";
import type { ElementProps } from "../../render/types";
import { useWidget } from "../../render/useWidget";
import type { WidgetValue } from "../../widgetValues";
import {
  ChartError,
  chartError,
  colorScale,
  parseChartColors,
  pixels,
  seriesColors,
  useChartTheme,
  widthCss,
  type ChartColors,
  type ChartTheme,
} from "./libraryChart";

type Json = Record<string, unknown>;

interface PlotlyPoint extends Json {
  curveNumber: number;
  pointNumber?: number;
  pointIndex?: number;
}

interface PlotlyEvent {
  points?: PlotlyPoint[];
  range?: Record<string, number[]>;
  lassoPoints?: Record<string, number[]>;
}

export interface PlotlyElement extends HTMLDivElement {
  on(event: string, handler: (event?: PlotlyEvent) => void): void;
  removeAllListeners?(event: string): void;
}

export interface PlotlyModule {
  react(
    root: HTMLElement,
    figure: { data: unknown[]; layout: Json; config: Json; frames?: unknown[] },
  ): Promise<PlotlyElement>;
  purge(root: HTMLElement): void;
  Plots: { resize(root: HTMLElement): void };
}

const NO_COMMON = create(WidgetCommonSchema, {});
const DEFAULT_HEIGHT = 450;

/** The layout template of `theme="streamlit"`: the page's colours and font. */
export function themeTemplate(theme: ChartTheme, colors: ChartColors = {}): Json {
  const axis = {
    gridcolor: theme.border,
    linecolor: theme.border,
    zerolinecolor: theme.border,
    tickcolor: theme.border,
    title: { font: { color: theme.textMuted } },
    automargin: true,
  };
  return {
    layout: {
      font: { color: theme.text, family: theme.font },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      colorway: seriesColors(theme, colors),
      ...(colors.sequential?.length || colors.diverging?.length
        ? {
            colorscale: {
              ...(colors.sequential?.length ? { sequential: colorScale(colors.sequential) } : {}),
              ...(colors.diverging?.length ? { diverging: colorScale(colors.diverging) } : {}),
            },
          }
        : {}),
      xaxis: axis,
      yaxis: axis,
      legend: { font: { color: theme.text } },
      hoverlabel: { bgcolor: theme.backgroundSecondary, font: { color: theme.text } },
      polar: { bgcolor: "rgba(0,0,0,0)", angularaxis: axis, radialaxis: axis },
      geo: { bgcolor: "rgba(0,0,0,0)" },
      margin: { t: 40, l: 48, r: 16, b: 40 },
    },
  };
}

/** Plotly's default colours, which Plotly Express writes into each trace it makes. */
const PLOTLY_COLORWAY = [
  "#636efa",
  "#ef553b",
  "#00cc96",
  "#ab63fa",
  "#ffa15a",
  "#19d3f3",
  "#ff6692",
  "#b6e880",
  "#ff97ff",
  "#fecb52",
];

/**
 * Traces with Plotly's default colours (as Plotly Express bakes them in)
 * recoloured with the theme's colorway, same position for same position;
 * colours the user chose stay.
 */
export function recolorTraces(data: unknown[], colorway: string[]): unknown[] {
  const swap = (color: unknown) => {
    if (typeof color !== "string") return color;
    const at = PLOTLY_COLORWAY.indexOf(color.toLowerCase());
    return at < 0 ? color : colorway[at % colorway.length];
  };
  return data.map((trace) => {
    if (typeof trace !== "object" || trace === null) return trace;
    const out: Json = { ...(trace as Json) };
    for (const part of ["marker", "line"]) {
      const style = out[part] as Json | undefined;
      if (style !== undefined && typeof style === "object")
        out[part] = { ...style, color: swap(style["color"]) };
    }
    if (out["fillcolor"] !== undefined) out["fillcolor"] = swap(out["fillcolor"]);
    return out;
  });
}

/** A plotly.js point as Streamlit's selection reports it (snake_case, no trace objects). */
export function selectedPoint(point: PlotlyPoint): Json {
  const out: Json = {
    curve_number: point.curveNumber,
    point_number: point.pointNumber,
    point_index: point.pointIndex ?? point.pointNumber,
  };
  for (const key of ["x", "y", "z", "lat", "lon", "label", "value", "text", "hovertext", "customdata"]) {
    if (point[key] !== undefined) out[key] = point[key];
  }
  const marker = point["marker.size"];
  if (marker !== undefined) out["marker_size"] = marker;
  const color = point["marker.color"];
  if (color !== undefined) out["marker_color"] = color;
  const data = point["data"] as Json | undefined;
  if (data !== undefined && typeof data["legendgroup"] === "string" && data["legendgroup"] !== "") {
    out["legendgroup"] = data["legendgroup"];
  }
  return out;
}

function regions(shape: Record<string, number[]> | undefined): Json[] {
  if (shape === undefined) return [];
  const xs = Object.keys(shape).filter((k) => k.startsWith("x"));
  const ys = Object.keys(shape).filter((k) => k.startsWith("y"));
  return xs.map((xref, i) => ({
    xref,
    yref: ys[i] ?? "y",
    x: shape[xref],
    y: shape[ys[i] ?? "y"],
  }));
}

/** The widget value for a plotly.js selection event (`undefined` = cleared). */
export function selectionState(event: PlotlyEvent | undefined): Json {
  const points = (event?.points ?? []).map(selectedPoint);
  return {
    selection: {
      points,
      point_indices: points.map((p) => p["point_index"]),
      box: regions(event?.range),
      lasso: regions(event?.lassoPoints),
    },
  };
}

function jsonValue(state: Json): WidgetValue {
  return { case: "jsonValue", value: JSON.stringify(state) };
}

export function PlotlyChart({ value, node }: ElementProps<"plotlyChart">) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useChartTheme(host);
  const [error, setError] = useState("");
  const selectable = value.common !== undefined && value.selectionMode.length > 0;
  const widget = useWidget(value.common ?? NO_COMMON, node);
  const widgetRef = useRef(widget);
  widgetRef.current = widget;
  const figure = useMemo(() => {
    try {
      return JSON.parse(value.spec) as Json;
    } catch (failure) {
      return failure as Error;
    }
  }, [value.spec]);
  const config = useMemo(() => (value.config ? (JSON.parse(value.config) as Json) : {}), [value.config]);
  const modes = value.selectionMode.join(",");

  useEffect(() => {
    const element = host.current;
    if (element === null || theme === undefined) return;
    if (figure instanceof Error) {
      setError(chartError("Plotly chart", figure));
      return;
    }
    let live = true;
    const load = value.fullBundle ? import("plotly.js-dist-min") : import("plotly.js-cartesian-dist-min");
    load
      .then(async ({ default: Plotly }) => {
        if (!live) return;
        const layout: Json = { ...((figure["layout"] as Json | undefined) ?? {}) };
        let data = (figure["data"] as unknown[] | undefined) ?? [];
        if (value.theme === "streamlit" && layout["template"] === undefined) {
          const template = themeTemplate(theme, parseChartColors(value.colors));
          layout["template"] = template;
          data = recolorTraces(data, (template["layout"] as Json)["colorway"] as string[]);
        }
        const width = pixels(value.width);
        if (width !== undefined) layout["width"] = width;
        else if (value.width === "stretch") delete layout["width"];
        const height = pixels(value.height);
        if (height !== undefined) layout["height"] = height;
        else if (layout["height"] === undefined) layout["height"] = DEFAULT_HEIGHT;
        const allowed = new Set(value.selectionMode);
        if (selectable && layout["dragmode"] === undefined) {
          layout["dragmode"] = allowed.has("box") ? "select" : allowed.has("lasso") ? "lasso" : "zoom";
        }
        const removed = ["select2d", "lasso2d"].filter(
          (b) => !selectable || !allowed.has(b === "select2d" ? "box" : "lasso"),
        );
        const fullConfig: Json = {
          displaylogo: false,
          responsive: value.width === "stretch",
          modeBarButtonsToRemove: removed,
          ...config,
        };
        const frames = figure["frames"] as unknown[] | undefined;
        const plot = await Plotly.react(element, { data, layout, config: fullConfig, frames });
        if (!live) return;
        plot.removeAllListeners?.("plotly_selected");
        plot.removeAllListeners?.("plotly_click");
        plot.removeAllListeners?.("plotly_deselect");
        if (selectable) {
          const send = (event: PlotlyEvent | undefined) =>
            widgetRef.current.set(jsonValue(selectionState(event)));
          plot.on("plotly_selected", (event) => {
            if (event !== undefined) send(event);
          });
          plot.on("plotly_deselect", () => send(undefined));
          if (allowed.has("points")) {
            plot.on("plotly_click", (event) => send({ points: event?.points ?? [] }));
          }
        }
        setError("");
      })
      .catch((failure: unknown) => live && setError(chartError("Plotly chart", failure)));
    return () => {
      live = false;
    };
  }, [
    figure,
    config,
    theme,
    value.colors,
    value.theme,
    value.width,
    value.height,
    value.fullBundle,
    modes,
    selectable,
  ]);

  useEffect(() => {
    const element = host.current;
    return () => {
      if (element !== null) {
        void import(value.fullBundle ? "plotly.js-dist-min" : "plotly.js-cartesian-dist-min").then(
          ({ default: Plotly }) => Plotly.purge(element),
        );
      }
    };
  }, []);

  return (
    <div class="rl-plotly-chart" style={widthCss(value.width)}>
      <ChartError error={error} />
      <div ref={host} role="img" aria-label={value.alt || "Plotly chart"} />
    </div>
  );
}
