/** `st.metric`: a big value with an optional delta, its arrow and colour per `delta_color`. */
import { LabelVisibility } from "../proto/rillet_pb";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { Help } from "./common";

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

/** The arrow beside a delta: down for a fall, up for a rise, none for a change of zero. */
export function deltaArrow(delta: string): string {
  const text = delta.trim();
  if (/^[+-]?0+(\.0+)?$/.test(text)) return "";
  return text.startsWith("-") ? "↓" : "↑";
}

export function Metric({ value }: ElementProps<"metric">) {
  const arrow = deltaArrow(value.delta);
  const labelClass =
    value.labelVisibility === LabelVisibility.VISIBLE ? "rl-metric-label" : "rl-metric-label rl-label-hidden";
  return (
    <div class={`rl-metric${value.border ? " rl-bordered" : ""}`}>
      {value.labelVisibility !== LabelVisibility.COLLAPSED && (
        <div class={labelClass}>
          <MarkdownBody body={value.label} inline />
          <Help text={value.help} />
        </div>
      )}
      <div class="rl-metric-value">{value.body}</div>
      {value.delta !== "" && (
        <div
          class="rl-metric-delta"
          style={{ "--rl-tone": `var(--rl-${deltaColorOf(value.delta, value.deltaColor)})` }}
        >
          {arrow && <span aria-hidden="true">{arrow} </span>}
          {value.delta}
        </div>
      )}
    </div>
  );
}
