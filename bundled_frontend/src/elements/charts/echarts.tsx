/**
 * `st.echarts_chart`: an ECharts option drawn by ECharts (a lazy chunk).
 * `theme="streamlit"` gives it the page's colours and font; with `on_select`
 * the chart is a widget whose value is the selection (native `selectedMode`
 * and brush), grouped by series as Streamlit reports it.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { create } from "@bufbuild/protobuf";
import { WidgetCommonSchema } from "../../proto/rillet_pb";
import type { ElementProps } from "../../render/types";
import { useWidget } from "../../render/useWidget";
import {
  ChartError,
  chartError,
  parseChartColors,
  pixels,
  seriesColors,
  useChartTheme,
  widthCss,
  type ChartColors,
  type ChartTheme,
} from "./libraryChart";

type Json = Record<string, unknown>;
const NO_COMMON = create(WidgetCommonSchema, {});
const DEFAULT_HEIGHT = 400;

/** An ECharts theme object from the page's colours. */
export function echartsTheme(theme: ChartTheme, colors: ChartColors = {}): Json {
  const axis = {
    axisLine: { lineStyle: { color: theme.border } },
    axisTick: { lineStyle: { color: theme.border } },
    axisLabel: { color: theme.textMuted },
    splitLine: { lineStyle: { color: theme.border } },
    nameTextStyle: { color: theme.textMuted },
  };
  return {
    color: seriesColors(theme, colors),
    backgroundColor: "transparent",
    textStyle: { color: theme.text, fontFamily: theme.font },
    title: { textStyle: { color: theme.text }, subtextStyle: { color: theme.textMuted } },
    legend: { textStyle: { color: theme.text } },
    tooltip: {
      backgroundColor: theme.backgroundSecondary,
      borderColor: theme.border,
      textStyle: { color: theme.text },
    },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    logAxis: axis,
  };
}

interface SeriesPick {
  seriesIndex: number;
  dataIndex?: number[];
  dataType?: string;
}

/** Streamlit's selection shape from ECharts' picked series and brush areas. */
export function echartsSelection(option: Json, picks: SeriesPick[], areas: Json[]): Json {
  const series = (Array.isArray(option["series"]) ? option["series"] : [option["series"]]) as (
    Json | undefined
  )[];
  const groups = new Map<string, Json & { data_indices: number[] }>();
  for (const pick of picks) {
    const indices = pick.dataIndex ?? [];
    if (indices.length === 0) continue;
    const type = pick.dataType ?? "main";
    const key = `${pick.seriesIndex}/${type}`;
    const one = series[pick.seriesIndex] ?? {};
    const group = groups.get(key) ?? {
      series_index: pick.seriesIndex,
      series_id: one["id"] ?? null,
      series_name: one["name"] ?? null,
      data_type: type,
      data_indices: [],
    };
    group.data_indices = [...new Set([...group.data_indices, ...indices])].sort((a, b) => a - b);
    groups.set(key, group);
  }
  const selected = [...groups.values()].sort((a, b) => Number(a["series_index"]) - Number(b["series_index"]));
  const shapes = areas
    .filter((area) => area["coordRange"] !== undefined)
    .map((area, i) => ({ brush_index: i, brush_type: area["brushType"], coord_range: area["coordRange"] }));
  return { selection: { selected, areas: shapes } };
}

interface EChartsLike {
  setOption(option: Json, notMerge?: boolean): void;
  on(event: string, handler: (params: Json) => void): void;
  resize(): void;
  dispose(): void;
}

export function EChartsChart({ value, node }: ElementProps<"echartsChart">) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const theme = useChartTheme(host);
  const [error, setError] = useState("");
  const widget = useWidget(value.common ?? NO_COMMON, node);
  const widgetRef = useRef(widget);
  widgetRef.current = widget;
  const selectable = value.common !== undefined && value.selectionActivated;
  const height = pixels(value.height) ?? DEFAULT_HEIGHT;

  useEffect(() => {
    const element = canvas.current;
    if (element === null || theme === undefined) return;
    let live = true;
    let chart: EChartsLike | undefined;
    let observer: ResizeObserver | undefined;
    import("echarts")
      .then((echarts) => {
        if (!live) return;
        const option = JSON.parse(value.spec) as Json;
        chart = echarts.init(
          element,
          value.theme === "streamlit" ? echartsTheme(theme, parseChartColors(value.colors)) : undefined,
          {
            renderer: value.renderer === "svg" ? "svg" : "canvas",
          },
        ) as unknown as EChartsLike;
        chart.setOption(option, true);
        if (selectable) {
          let picks: SeriesPick[] = [];
          let areas: Json[] = [];
          const send = () =>
            widgetRef.current.set({
              case: "jsonValue",
              value: JSON.stringify(echartsSelection(option, picks, areas)),
            });
          chart.on("selectchanged", (params) => {
            picks = (params["selected"] as SeriesPick[] | undefined) ?? [];
            send();
          });
          chart.on("brushSelected", (params) => {
            const batch = ((params["batch"] as Json[] | undefined) ?? [])[0] ?? {};
            areas = (batch["areas"] as Json[] | undefined) ?? [];
            picks = (batch["selected"] as SeriesPick[] | undefined) ?? [];
            send();
          });
        }
        observer = new ResizeObserver(() => chart?.resize());
        observer.observe(element);
        setError("");
      })
      .catch((failure: unknown) => live && setError(chartError("ECharts chart", failure)));
    return () => {
      live = false;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [value.spec, value.colors, value.theme, value.renderer, selectable, theme]);

  return (
    <div ref={host} class="rl-echarts-chart" style={widthCss(value.width)}>
      <ChartError error={error} />
      <div
        ref={canvas}
        role="img"
        aria-label={value.alt || "Chart"}
        style={{ width: "100%", height: `${height}px` }}
      />
    </div>
  );
}
