/**
 * Vega-Lite drawing (lazy chunk: vega, vega-lite, vega-embed). Loaded the
 * first time a `VegaLiteChart` element appears; the renderer in
 * `vegaChart.tsx` stays in the initial bundle and only imports this.
 *
 * It decodes the element's column datasets into Vega rows, builds the
 * "streamlit" theme's config from the page's CSS variables (so light, dark
 * and `theme.*` colours all reach the chart), embeds the spec and reports
 * selections of the parameters named in `selection_mode`.
 */
import { changeset } from "vega";
import embed, { type Result, type VisualizationSpec } from "vega-embed";
import type { VegaDataset, VegaLiteChart } from "../../proto/rillet_pb";
import { VegaColumn_Kind } from "../../proto/rillet_pb";
import { themeVar } from "../../themeVars";

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

/** What a selection parameter holds, as 1.67 reports it: points as rows, intervals as ranges. */
export type SelectionValue = Row[] | Record<string, unknown[]> | Record<string, never>;

export interface DrawOptions {
  readonly dark: boolean;
  /** The element the chart is drawn in; its CSS variables give the theme colours. */
  readonly host: HTMLElement;
  /** Called (debounced) with every reporting parameter's current selection. */
  readonly onSelect?: (selection: Record<string, SelectionValue>) => void;
}

export interface DrawnChart {
  /** Show `chart`'s data in place when only its data changed; false when it must be redrawn. */
  update(chart: VegaLiteChart): Promise<boolean>;
  /** Move the drawn chart (its canvas, size tracking and draw count) into another target. */
  rehome(target: HTMLElement): void;
  finalize(): void;
}

const DEFAULT_HEIGHT = 350;

/**
 * A column's values: numbers (and dates as epoch milliseconds) stay in the
 * Float64Array they arrived in, NaN for missing; other kinds are arrays with
 * null for missing. Rows are only built for the values Vega is given.
 */
export type Values = ArrayLike<unknown>;

/** The dataset's columns by name. */
export function datasetColumns(dataset: VegaDataset): Map<string, Values> {
  const columns = new Map<string, Values>();
  for (const column of dataset.columns) {
    columns.set(column.name, columnValues(column.kind, column, dataset.numRows));
  }
  return columns;
}

/** One value as Vega gets it: NaN is null. */
function cell(values: Values, row: number): unknown {
  const value = values[row];
  return typeof value === "number" && Number.isNaN(value) ? null : value;
}

/** Rows (one object per row) of the given row numbers, or of every row; NaN and missing values are null. */
export function columnRows(columns: Map<string, Values>, n: number, only?: readonly number[]): Row[] {
  const count = only === undefined ? n : only.length;
  const rows: Row[] = new Array<Row>(count);
  for (let r = 0; r < count; r++) rows[r] = {};
  for (const [name, values] of columns) {
    for (let r = 0; r < count; r++)
      (rows[r] as Row)[name] = cell(values, only === undefined ? r : (only[r] as number));
  }
  return rows;
}

/** The dataset's rows, one object per row; NaN and missing values are null. */
export function datasetRows(dataset: VegaDataset): Row[] {
  return columnRows(datasetColumns(dataset), dataset.numRows);
}

function columnValues(
  kind: VegaColumn_Kind,
  column: {
    float64: Uint8Array;
    json: string;
    categories: string[];
    codes: Uint8Array;
    start: number;
    step: number;
  },
  n: number,
): Values {
  if (kind === VegaColumn_Kind.JSON) {
    const parsed: unknown = JSON.parse(column.json === "" ? "[]" : column.json);
    return Array.isArray(parsed) ? parsed : [];
  }
  if (kind === VegaColumn_Kind.RANGE) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = column.start + i * column.step;
    return out;
  }
  if (kind === VegaColumn_Kind.CATEGORIES) {
    const codes = int32s(column.codes, n);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const code = codes[i] as number;
      out[i] = code < 0 ? null : column.categories[code];
    }
    return out;
  }
  return float64s(column.float64, n);
}

// The bytes sit at an arbitrary offset of the message buffer: a typed array
// needs its offset aligned, so an unaligned one is copied first.
function float64s(bytes: Uint8Array, n: number): Float64Array {
  const count = Math.min(n, Math.floor(bytes.byteLength / 8));
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, count);
  return new Float64Array(bytes.slice(0, count * 8).buffer);
}

function int32s(bytes: Uint8Array, n: number): Int32Array {
  const count = Math.min(n, Math.floor(bytes.byteLength / 4));
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, count);
  return new Int32Array(bytes.slice(0, count * 4).buffer);
}

/** The chart's colour options (`VegaLiteChart.colors`), with the page's defaults. */
interface ChartColors {
  categorical: string[];
  sequential: string[];
  diverging: string[];
}

function cssVar(host: HTMLElement, name: string, fallback: string): string {
  const value = getComputedStyle(host).getPropertyValue(name).trim();
  return value === "" ? fallback : value;
}

function parseColors(colors: string): Partial<ChartColors> {
  if (colors === "") return {};
  try {
    return JSON.parse(colors) as Partial<ChartColors>;
  } catch {
    return {};
  }
}

/** rillet's own palettes: categorical from the page's named colours, ramps from blue. */
function defaultColors(host: HTMLElement, dark: boolean): ChartColors {
  const v = (name: string, fallback: string) => cssVar(host, name, fallback);
  const categorical = [
    v("--rl-blue", "#1c6fd1"),
    dark ? "#9cc8ff" : "#86b6ef",
    v("--rl-red", "#d62d3f"),
    dark ? "#ffb3bd" : "#f29aa6",
    v("--rl-green", "#1d8a4a"),
    dark ? "#a7ecc2" : "#8fd3aa",
    v("--rl-orange", "#d96b00"),
    v("--rl-violet", "#7d44cf"),
    v("--rl-yellow", "#a88400"),
    v("--rl-gray", "#6b6e7b"),
  ];
  const sequential = dark
    ? [
        "#0b2a4f",
        "#0e3a6d",
        "#114b8c",
        "#155daa",
        "#1c6fd1",
        "#3d88e0",
        "#62a1ea",
        "#89baf2",
        "#b1d3f8",
        "#d8eafd",
      ]
    : [
        "#e6f1fd",
        "#c6ddf9",
        "#a3c7f4",
        "#7fb0ee",
        "#5b98e6",
        "#3a82dd",
        "#1c6fd1",
        "#155cb0",
        "#0f4a8f",
        "#0a376d",
      ];
  const diverging = [
    "#8f1d2c",
    "#c23a4b",
    "#e0717f",
    "#f0a9b1",
    "#f7dade",
    "#d9e8fb",
    "#a9cbf5",
    "#6fa7ec",
    "#3a82dd",
    "#12519c",
  ];
  return { categorical, sequential, diverging };
}

/** The "streamlit" theme as a Vega-Lite config, from the page's colours. */
export function themeConfig(host: HTMLElement, dark: boolean, colors: string): Json {
  const own = parseColors(colors);
  const base = defaultColors(host, dark);
  const palette: ChartColors = {
    categorical: own.categorical?.length ? own.categorical : base.categorical,
    sequential: own.sequential?.length ? own.sequential : base.sequential,
    diverging: own.diverging?.length ? own.diverging : base.diverging,
  };
  const style = getComputedStyle(host);
  const text = themeVar(style, "--rl-text", dark);
  const muted = themeVar(style, "--rl-text-muted", dark);
  const border = themeVar(style, "--rl-border", dark);
  const primary = themeVar(style, "--rl-primary", dark);
  const font = getComputedStyle(host).fontFamily || "sans-serif";
  const axis = {
    labelColor: muted,
    titleColor: text,
    gridColor: border,
    domainColor: border,
    tickColor: border,
    labelFont: font,
    titleFont: font,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: "normal",
    titlePadding: 12,
    labelPadding: 6,
    tickSize: 4,
  };
  const first = palette.categorical[0] as string;
  return {
    background: "transparent",
    font,
    padding: { left: 4, right: 4, top: 4, bottom: 4 },
    view: { stroke: null, continuousHeight: DEFAULT_HEIGHT },
    axis,
    axisXBand: { labelAngle: 0, labelOverlap: true },
    legend: {
      labelColor: text,
      titleColor: text,
      labelFont: font,
      titleFont: font,
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: "normal",
    },
    header: { labelColor: text, titleColor: text, labelFont: font, titleFont: font },
    title: { color: text, font, fontSize: 16, anchor: "start", fontWeight: "normal" },
    range: {
      category: palette.categorical,
      ramp: palette.sequential,
      heatmap: palette.sequential,
      diverging: palette.diverging,
    },
    mark: { color: first },
    bar: { fill: first, binSpacing: 1, discreteBandSize: { band: 0.85 } },
    line: { stroke: first, strokeWidth: 2 },
    area: { fill: first },
    point: { fill: first, stroke: first },
    circle: { fill: first },
    arc: { stroke: "transparent" },
    selection: { interval: { mark: { fill: primary, fillOpacity: 0.15, stroke: primary } } },
  };
}

/**
 * Above this many rows a point selection's `nearest` (a Voronoi diagram of
 * every point: minutes for 300,000 points) is turned off. The points are then
 * denser than the pixels, so the pointer is always on one anyway.
 */
const NEAREST_MAX_ROWS = 5_000;

function withoutNearest(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withoutNearest(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const obj = node as Json;
  const select = obj["select"];
  if (typeof select === "object" && select !== null && (select as Json)["nearest"] === true) {
    (select as Json)["nearest"] = false;
  }
  for (const key of ["params", "layer", "hconcat", "vconcat", "concat", "spec"]) withoutNearest(obj[key]);
}

/** Buckets of x for a chart `width` pixels wide: one per 3 pixels. */
function bucketCount(width: number): number {
  return Math.max(100, Math.floor(width / 3));
}

/** Whether `xs` holds ascending numbers (no gaps) spanning a positive range. */
function ascending(xs: Values, n: number): boolean {
  const first = xs[0];
  const last = xs[n - 1];
  if (typeof first !== "number" || typeof last !== "number" || !(last > first)) return false;
  for (let i = 1; i < n; i++) {
    const x = xs[i];
    if (typeof x !== "number" || !(x >= (xs[i - 1] as number))) return false;
  }
  return true;
}

/**
 * Mark in `keep` the rows holding one series' lowest and highest value per
 * bucket of x, and its missing values (a gap in the line stays a gap).
 * `xs` must be ascending (see `ascending`).
 */
function markExtremes(keep: Uint8Array, xs: Values, values: Values, n: number, buckets: number): void {
  const first = xs[0] as number;
  const scale = buckets / ((xs[n - 1] as number) - first);
  let bucket = -1;
  let lo = -1;
  let hi = -1;
  let loValue = 0;
  let hiValue = 0;
  for (let i = 0; i < n; i++) {
    const b = Math.min(buckets - 1, Math.floor(((xs[i] as number) - first) * scale));
    if (b !== bucket) {
      if (lo >= 0) keep[lo] = 1;
      if (hi >= 0) keep[hi] = 1;
      bucket = b;
      lo = -1;
      hi = -1;
    }
    const y = values[i];
    if (typeof y !== "number" || Number.isNaN(y)) {
      keep[i] = 1;
      continue;
    }
    if (lo < 0 || y < loValue) {
      lo = i;
      loValue = y;
    }
    if (hi < 0 || y > hiValue) {
      hi = i;
      hiValue = y;
    }
  }
  if (lo >= 0) keep[lo] = 1;
  if (hi >= 0) keep[hi] = 1;
}

function keptRows(keep: Uint8Array): number[] {
  const only: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i] === 1) only.push(i);
  return only;
}

/** The y fields a built-in chart draws, and its fold transform when it folds several. */
function chartFields(spec: Json): { x: string; ys: string[]; fold: Json | undefined } {
  const layer = (Array.isArray(spec["layer"]) ? (spec["layer"] as Json[])[0] : spec) ?? spec;
  const encoding = (layer["encoding"] ?? {}) as Record<string, Json | undefined>;
  const fold = ((spec["transform"] as Json[] | undefined) ?? []).find((t) => "fold" in t);
  const ys = fold !== undefined ? (fold["fold"] as unknown[]) : [encoding["y"]?.["field"]];
  // A fold names columns as Vega-Lite fields: "a\\.b" is the column "a.b".
  const column = (name: unknown): string => String(name).replace(/\\(.)/g, "$1");
  return { x: String(encoding["x"]?.["field"]), ys: ys.map(column), fold };
}

/**
 * A built-in line or area chart with far more points than pixels, drawn from
 * the rows holding each series' lowest and highest value per third of a
 * pixel of x (plus the first and last row): the same line on screen, for a
 * few thousand rows instead of hundreds of thousands (Vega takes seconds per
 * 100,000 line points). Undefined (every row) when x is not ascending numbers.
 */
export function decimate(
  columns: Map<string, Values>,
  n: number,
  spec: Json,
  width: number,
): number[] | undefined {
  const buckets = bucketCount(width);
  if (n <= buckets * 4) return undefined;
  const fields = chartFields(spec);
  const xs = columns.get(fields.x);
  const ys = fields.ys.map((f) => columns.get(f));
  if (xs === undefined || ys.some((y) => y === undefined) || !ascending(xs, n)) return undefined;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  for (const values of ys as Values[]) markExtremes(keep, xs, values, n, buckets);
  return keptRows(keep);
}

/**
 * The rows of a built-in chart that folds several y columns (wide data), folded
 * here as Vega-Lite's `fold` would (one row per row and series, the series'
 * name and value in the `as` fields), so that Vega gets only what it draws:
 * a long line chart keeps each series' own extremes (a third of the rows a
 * shared decimation keeps); a long area chart, whose series may be stacked
 * and so need the same x values, keeps the rows any series needs.
 */
export function foldedRows(
  columns: Map<string, Values>,
  n: number,
  spec: Json,
  width: number,
  perSeries: boolean,
): Row[] {
  const { x, ys, fold } = chartFields(spec);
  const [asKey, asValue] = ((fold?.["as"] as string[] | undefined) ?? ["key", "value"]).map(String);
  const kept = new Set(ys);
  const others = [...columns].filter(([name]) => !kept.has(name));
  const xs = columns.get(x);
  const buckets = bucketCount(width);
  const decimated = xs !== undefined && n > buckets * 4 && ascending(xs, n);
  const shared = decimated && !perSeries ? decimate(columns, n, spec, width) : undefined;
  const rows: Row[] = [];
  for (const name of ys) {
    const values: Values = columns.get(name) ?? [];
    let only = shared;
    if (decimated && perSeries) {
      const keep = new Uint8Array(n);
      keep[0] = 1;
      keep[n - 1] = 1;
      markExtremes(keep, xs, values, n, buckets);
      only = keptRows(keep);
    }
    const count = only === undefined ? n : only.length;
    for (let k = 0; k < count; k++) {
      const r = only === undefined ? k : (only[k] as number);
      const row: Row = {};
      for (const [column, all] of others) row[column] = cell(all, r);
      row[asKey as string] = name;
      row[asValue as string] = r < values.length ? cell(values, r) : null;
      rows.push(row);
    }
  }
  return rows;
}

/** Whether the chart fills its container's width: asked, or not given and the spec sets none. */
function stretches(chart: VegaLiteChart, spec: Json): boolean {
  if (chart.width === "stretch") return true;
  return chart.width === "" && (chart.chartType !== "" || typeof spec["width"] !== "number");
}

/** The spec with its named datasets in place and the element's width and height applied. */
export function prepareSpec(chart: VegaLiteChart, containerWidth: number): Json {
  const spec = JSON.parse(chart.spec) as Json;
  if (chart.datasets.length > 0) {
    const datasets = { ...((spec["datasets"] as Json | undefined) ?? {}) };
    const isLine = chart.chartType === "line" || chart.chartType === "area";
    const width = Math.max(containerWidth, 200);
    const transforms = Array.isArray(spec["transform"]) ? (spec["transform"] as Json[]) : [];
    // A built-in chart of wide data: one dataset, folded by the spec's only transform.
    const folds =
      isLine && chart.datasets.length === 1 && transforms.length === 1 && "fold" in transforms[0]!;
    for (const dataset of chart.datasets) {
      const columns = datasetColumns(dataset);
      if (folds) {
        datasets[dataset.name] = foldedRows(
          columns,
          dataset.numRows,
          spec,
          width,
          chart.chartType === "line",
        );
        continue;
      }
      const only = isLine ? decimate(columns, dataset.numRows, spec, width) : undefined;
      datasets[dataset.name] = columnRows(columns, dataset.numRows, only);
    }
    if (folds) delete spec["transform"];
    spec["datasets"] = datasets;
  }
  const isComposite = ["hconcat", "vconcat", "concat", "facet", "repeat"].some((k) => k in spec);
  if (!isComposite) {
    if (stretches(chart, spec)) {
      spec["width"] = Math.max(containerWidth, 50);
    } else if (/^\d+$/.test(chart.width)) {
      spec["width"] = Number(chart.width);
    }
    if (/^\d+$/.test(chart.height)) spec["height"] = Number(chart.height);
    else if (chart.chartType !== "" && !(typeof spec["height"] === "number" && spec["height"] > 0)) {
      spec["height"] = DEFAULT_HEIGHT;
    }
    spec["autosize"] = { type: "fit", contains: "padding" };
  }
  const rows = chart.datasets.reduce((sum, dataset) => sum + dataset.numRows, 0);
  if (rows > NEAREST_MAX_ROWS) withoutNearest(spec);
  // Built-in specs say 0 for "not given"; Vega-Lite would draw nothing.
  if (spec["width"] === 0) delete spec["width"];
  if (spec["height"] === 0) spec["height"] = DEFAULT_HEIGHT;
  return spec;
}

/** Every selection parameter of the spec (at the top or in layers), name → "point" | "interval". */
export function selectionParams(spec: Json): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const obj = node as Json;
    const params = obj["params"];
    if (Array.isArray(params)) {
      for (const param of params as Json[]) {
        const select = param["select"];
        const type = typeof select === "string" ? select : (select as Json | undefined)?.["type"];
        if (typeof param["name"] === "string" && typeof type === "string") found.set(param["name"], type);
      }
    }
    for (const key of ["layer", "hconcat", "vconcat", "concat", "spec"]) visit(obj[key]);
  };
  visit(spec);
  return found;
}

/** A point selection's chosen rows, from Vega's `<param>_store` dataset. */
function pointSelection(result: Result, name: string): Row[] {
  let store: unknown[];
  try {
    store = result.view.data(`${name}_store`) as unknown[];
  } catch {
    return [];
  }
  return store.map((entry) => {
    const tuple = entry as { fields?: { field: string }[]; values?: unknown[] };
    const row: Row = {};
    (tuple.fields ?? []).forEach((f, i) => {
      row[f.field] = tuple.values?.[i];
    });
    return row;
  });
}

/** Draw `chart` into `target`; the returned handle removes it. */
export async function drawChart(
  target: HTMLElement,
  chart: VegaLiteChart,
  options: DrawOptions,
): Promise<DrawnChart> {
  const spec = prepareSpec(chart, target.clientWidth);
  const config = chart.theme === "streamlit" ? themeConfig(options.host, options.dark, chart.colors) : {};
  // Vega draws into a div of its own, so that the drawn chart can move to
  // another target (a remount of the same chart) without being drawn again.
  const host = document.createElement("div");
  host.className = "rl-vega-host";
  target.replaceChildren(host);
  let current = target;
  const countDraw = () => {
    // Tests and benchmarks wait for this: the canvas holds the drawn chart.
    current.dataset["drawn"] = String(Number(current.dataset["drawn"] ?? "0") + 1);
  };
  const result = await embed(host, spec as VisualizationSpec, {
    actions: { export: true, source: false, compiled: false, editor: false },
    renderer: "canvas",
    config,
    tooltip: { theme: options.dark ? "dark" : "light" },
    defaultStyle: true,
    logLevel: 0,
  });
  countDraw();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onSelect = options.onSelect;
  const params = selectionParams(spec);
  const reporting = chart.selectionMode.filter((name) => params.has(name));
  if (onSelect !== undefined && reporting.length > 0) {
    const report = () => {
      const selection: Record<string, SelectionValue> = {};
      for (const name of reporting) {
        if (params.get(name) === "interval") {
          const value = result.view.signal(name) as Record<string, unknown[]> | undefined;
          selection[name] = value !== undefined && value !== null ? value : {};
        } else {
          const rows = pointSelection(result, name);
          selection[name] = rows.length > 0 ? rows : {};
        }
      }
      onSelect(selection);
    };
    for (const name of reporting) {
      result.view.addSignalListener(name, () => {
        clearTimeout(timer);
        timer = setTimeout(report, 150);
      });
    }
  }
  // Width "stretch": follow the container's width.
  let observer: ResizeObserver | undefined;
  if (stretches(chart, JSON.parse(chart.spec) as Json)) {
    let last = target.clientWidth;
    observer = new ResizeObserver(() => {
      const width = current.clientWidth;
      if (width === last || width === 0) return;
      last = width;
      void result.view.width(width).runAsync();
    });
    observer.observe(target);
  }
  return {
    async update(next: VegaLiteChart): Promise<boolean> {
      if (next === chart) return true; // the same element (sent by reference): nothing to do
      const same =
        next.spec === chart.spec &&
        next.theme === chart.theme &&
        next.colors === chart.colors &&
        next.width === chart.width &&
        next.height === chart.height &&
        next.datasets.length === chart.datasets.length &&
        next.datasets.every((d, i) => d.name === chart.datasets[i]?.name);
      if (!same) return false;
      const nextSpec = prepareSpec(next, current.clientWidth);
      const datasets = nextSpec["datasets"] as Record<string, Row[]>;
      for (const dataset of next.datasets) {
        const rows = datasets[dataset.name] ?? [];
        result.view.change(
          dataset.name,
          changeset()
            .remove(() => true)
            .insert(rows),
        );
      }
      await result.view.runAsync();
      chart = next;
      countDraw();
      return true;
    },
    rehome(target: HTMLElement) {
      if (target === current) return;
      observer?.unobserve(current);
      current = target;
      target.replaceChildren(host);
      observer?.observe(target);
    },
    finalize() {
      clearTimeout(timer);
      observer?.disconnect();
      result.finalize();
    },
  };
}
