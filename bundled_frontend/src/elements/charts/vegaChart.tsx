/**
 * `st.line_chart`, `st.area_chart`, `st.bar_chart`, `st.scatter_chart`,
 * `st.altair_chart` and `st.vega_lite_chart`: a Vega-Lite spec drawn by the
 * lazy `vegaDraw` chunk. The chart redraws when the page switches between
 * light and dark (no rerun). With `on_select` the chart is a widget: its
 * selection becomes `WidgetState.json_value` `{"selection": {param: value}}`.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { VegaLiteChart, WidgetCommon } from "../../proto/rillet_pb";
import type { ElementProps } from "../../render/types";
import { useWidget } from "../../render/useWidget";
import type { ElementNode } from "../../tree";
import type { DrawnChart, SelectionValue } from "./vegaDraw";

/** The theme the page shows now (`<html data-theme>`), following every switch. */
function usePageTheme(): "light" | "dark" {
  const read = () => (document.documentElement.dataset["theme"] === "dark" ? "dark" : "light");
  const [theme, setTheme] = useState<"light" | "dark">(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme", "style"],
    });
    return () => observer.disconnect();
  }, []);
  return theme;
}

/**
 * Charts whose component went away, kept a little while: when a rerun moves
 * a chart to another position (a cached function's spinner took its place),
 * the chart mounted there takes the drawn one over and only shows the new
 * data, instead of drawing 100,000 points from scratch.
 */
interface Parked {
  readonly drawn: { chart: DrawnChart; theme: string };
  readonly spec: string;
  readonly timer: ReturnType<typeof setTimeout>;
}
const parked: Parked[] = [];
const PARKED_MAX = 4;
const PARKED_MS = 30_000;

function park(drawn: { chart: DrawnChart; theme: string }, spec: string): void {
  const timer = setTimeout(() => {
    const index = parked.findIndex((entry) => entry.timer === timer);
    if (index >= 0) parked.splice(index, 1)[0]?.drawn.chart.finalize();
  }, PARKED_MS);
  parked.push({ drawn, spec, timer });
  while (parked.length > PARKED_MAX) {
    const oldest = parked.shift();
    if (oldest !== undefined) {
      clearTimeout(oldest.timer);
      oldest.drawn.chart.finalize();
    }
  }
}

/** A parked chart of the same spec and theme, taken out of the parking. */
function unpark(spec: string, theme: string): { chart: DrawnChart; theme: string } | undefined {
  const index = parked.findIndex((entry) => entry.spec === spec && entry.drawn.theme === theme);
  if (index < 0) return undefined;
  const [entry] = parked.splice(index, 1);
  if (entry === undefined) return undefined;
  clearTimeout(entry.timer);
  return entry.drawn;
}

function sizeStyle(chart: VegaLiteChart): Record<string, string> {
  const style: Record<string, string> = {};
  if (/^\d+$/.test(chart.width)) style["maxWidth"] = "100%";
  if (chart.height === "stretch") style["height"] = "100%";
  return style;
}

function ChartView({
  chart,
  onSelect,
}: {
  chart: VegaLiteChart;
  onSelect?: (selection: Record<string, SelectionValue>) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = usePageTheme();
  const [error, setError] = useState<string | undefined>(undefined);
  const select = useRef(onSelect);
  select.current = onSelect;

  // The drawn chart and the theme it was drawn in: a rerun that changes only
  // the data updates it in place; a theme switch or a new spec redraws it.
  const drawn = useRef<{ chart: DrawnChart; theme: string } | undefined>(undefined);
  const spec = useRef(chart.spec);
  spec.current = chart.spec;
  const selectable = onSelect !== undefined;
  useEffect(
    () => () => {
      const current = drawn.current;
      drawn.current = undefined;
      // A selectable chart is a widget with a state of its own: never reused.
      if (current !== undefined && !selectable) park(current, spec.current);
      else current?.chart.finalize();
    },
    [],
  );
  useEffect(() => {
    const target = ref.current;
    if (target === null) return;
    let live = true;
    setError(undefined);
    if (drawn.current === undefined && !selectable) {
      const taken = unpark(chart.spec, theme);
      taken?.chart.rehome(target);
      drawn.current = taken;
    }
    const previous = drawn.current;
    const draw = async () => {
      if (previous !== undefined && previous.theme === theme && (await previous.chart.update(chart))) return;
      const { drawChart } = await import("./vegaDraw");
      if (!live) return;
      previous?.chart.finalize();
      drawn.current = undefined;
      const handle = await drawChart(target, chart, {
        dark: theme === "dark",
        host: target,
        onSelect: (selection) => select.current?.(selection),
      });
      if (live) drawn.current = { chart: handle, theme };
      else handle.finalize();
    };
    draw().catch((err: unknown) => {
      if (live) setError(err instanceof Error ? err.message : String(err));
    });
    return () => {
      live = false;
    };
  }, [chart, theme]);

  return (
    <div class="rl-vega-chart" style={sizeStyle(chart)} role="figure" aria-label={chart.alt || undefined}>
      {error !== undefined && <div class="rl-alert rl-alert-error">Vega-Lite chart error: {error}</div>}
      <div ref={ref} class="rl-vega-target" data-chart-type={chart.chartType || "spec"} />
    </div>
  );
}

function SelectableChart({
  chart,
  common,
  node,
}: {
  chart: VegaLiteChart;
  common: WidgetCommon;
  node: ElementNode;
}) {
  const widget = useWidget(common, node);
  const empty = Object.fromEntries(chart.selectionMode.map((name) => [name, {}]));
  const last = useRef(JSON.stringify({ selection: empty }));
  return (
    <ChartView
      chart={chart}
      onSelect={(selection) => {
        const json = JSON.stringify({ selection });
        if (json === last.current) return;
        last.current = json;
        widget.set({ case: "jsonValue", value: json });
      }}
    />
  );
}

export function VegaLiteChartElement({ value, node }: ElementProps<"vegaLiteChart">) {
  const common = value.common;
  if (common !== undefined && common.id !== "")
    return <SelectableChart chart={value} common={common} node={node} />;
  return <ChartView chart={value} />;
}
