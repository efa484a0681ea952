/** `st.metric`: a big value with an optional delta, its arrow and colour per `delta_color`. */
import type { JSX } from "preact";
import { formatNamedNumber } from "../format";
import { LabelVisibility } from "../proto/rillet_pb";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { Help, Icon } from "./common";

/** The colours `delta_color` may name outright (the theme's `--rl-<name>`). */
const NAMED_COLORS = new Set(["red", "orange", "yellow", "green", "blue", "violet", "gray", "primary"]);

/**
 * The theme colour a delta is drawn in: green when the change is good, red
 * when bad (`"inverse"` swaps them), gray for `"off"`, or the colour
 * `delta_color` names.
 */
export function deltaColorOf(delta: string, deltaColor: string): string {
  const named = deltaColor === "grey" ? "gray" : deltaColor;
  if (NAMED_COLORS.has(named)) return named;
  if (deltaColor === "off" || delta.trim() === "") return "gray";
  const falling = delta.trim().startsWith("-");
  const good = deltaColor === "inverse" ? falling : !falling;
  return good ? "green" : "red";
}

/**
 * The arrow beside a delta. `"auto"`: down for a fall, up for anything else
 * (the server sends `"off"` for a change of exactly zero, which it alone can
 * tell from the value's type); `"up"` and `"down"` force it; `"off"` hides it.
 */
export function deltaArrow(delta: string, direction = "auto"): string {
  if (direction === "up") return "↑";
  if (direction === "down") return "↓";
  if (direction === "off") return "";
  return delta.trim().startsWith("-") ? "↓" : "↑";
}

/** The delta's arrow drawn, not typed: the metric's text (innerText, a copy) is its numbers, as Streamlit's. */
function DeltaArrow({ up }: { up: boolean }) {
  return (
    <svg viewBox="0 0 12 12" width="1em" height="1em" aria-hidden="true" style={{ verticalAlign: "-0.15em" }}>
      <path
        d={up ? "M6 10.5V2M2.5 5.5L6 2l3.5 3.5" : "M6 1.5V10M2.5 6.5L6 10l3.5-3.5"}
        fill="none"
        stroke="currentColor"
        stroke-width="1.4"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A body or delta in the metric's `format`; text that is not a plain number is shown as sent. */
export function metricText(text: string, format: string): string {
  const trimmed = text.trim();
  if (format === "" || !NUMERIC.test(trimmed)) return text;
  const value = Number(trimmed);
  return formatNamedNumber(value, format, /^[+-]?\d+$/.test(trimmed));
}

/** A delta's colour, its text shade and the pale ground under it (themes define `--rl-<tone>-text`/`-bg`). */
function toneStyle(tone: string): JSX.CSSProperties {
  return {
    "--rl-tone": `var(--rl-${tone})`,
    "--rl-tone-text": `var(--rl-${tone}-text, var(--rl-${tone}))`,
    "--rl-tone-bg": `var(--rl-${tone}-bg, color-mix(in srgb, var(--rl-${tone}) 12%, transparent))`,
  };
}

/** The box's height from the wire's `"content" | "stretch" | "<n>px"` (its width is the element's). */
function boxStyle(height: string): JSX.CSSProperties {
  if (height === "stretch") return { height: "100%" };
  if (height.endsWith("px")) return { height, overflow: "auto" };
  return {};
}

/** The points of a sparkline through `data`, scaled into a `width` × `height` box. */
export function sparkPoints(data: readonly number[], width: number, height: number): [number, number][] {
  if (data.length === 0) return [];
  const low = Math.min(...data);
  const high = Math.max(...data);
  const span = high - low || 1;
  const step = data.length > 1 ? width / (data.length - 1) : 0;
  return data.map((v, i) => [i * step, height - ((v - low) / span) * height]);
}

/** `chart_data` under the value: a line, bars or a filled area (`chart_type`). */
function Sparkline({ data, type, tone }: { data: readonly number[]; type: string; tone: string }) {
  const width = 200;
  const height = 40;
  const color = `var(--rl-${tone})`;
  if (type === "bar") {
    const low = Math.min(0, ...data);
    const high = Math.max(0, ...data);
    const span = high - low || 1;
    const slot = width / data.length;
    const zero = height - ((0 - low) / span) * height;
    return (
      <svg
        class="rl-metric-chart"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {data.map((v, i) => {
          const y = height - ((v - low) / span) * height;
          return (
            <rect
              key={i}
              x={i * slot + slot * 0.1}
              width={slot * 0.8}
              y={Math.min(y, zero)}
              height={Math.max(Math.abs(zero - y), 0.5)}
              fill={color}
            />
          );
        })}
      </svg>
    );
  }
  const points = sparkPoints(data, width, height);
  const line = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
  return (
    <svg
      class="rl-metric-chart"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {type === "area" && (
        <polygon points={`0,${height} ${line} ${width},${height}`} fill={color} opacity="0.25" />
      )}
      <polyline
        points={line}
        fill="none"
        stroke={color}
        stroke-width="2"
        vector-effect="non-scaling-stroke"
      />
    </svg>
  );
}

export function Metric({ value }: ElementProps<"metric">) {
  const arrow = deltaArrow(value.delta, value.deltaArrow);
  const labelClass =
    value.labelVisibility === LabelVisibility.VISIBLE ? "rl-metric-label" : "rl-metric-label rl-label-hidden";
  return (
    <div class={`rl-metric${value.border ? " rl-bordered" : ""}`} style={boxStyle(value.height)}>
      {value.labelVisibility !== LabelVisibility.COLLAPSED && (
        <div class={labelClass}>
          {value.icon === "spinner" ? (
            <span class="rl-spinner-wheel" aria-hidden="true" />
          ) : (
            <Icon icon={value.icon} />
          )}
          <MarkdownBody body={value.label} inline />
          <Help text={value.help} />
        </div>
      )}
      <div class="rl-metric-value">{metricText(value.body, value.format)}</div>
      {value.delta !== "" && (
        <div class="rl-metric-delta-row">
          <div class="rl-metric-delta" style={toneStyle(deltaColorOf(value.delta, value.deltaColor))}>
            {arrow && <DeltaArrow up={arrow === "↑"} />}
            {metricText(value.delta, value.format)}
          </div>
          {value.deltaDescription !== "" && (
            <span class="rl-metric-description">{value.deltaDescription}</span>
          )}
        </div>
      )}
      {value.chartData.length > 0 && (
        <Sparkline
          data={value.chartData}
          type={value.chartType}
          tone={value.delta !== "" ? deltaColorOf(value.delta, value.deltaColor) : "primary"}
        />
      )}
    </div>
  );
}
