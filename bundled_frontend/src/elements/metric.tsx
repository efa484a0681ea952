/** `st.metric`: a big value with an optional delta arrow coloured per `delta_color`. */
import { LabelVisibility } from "../proto/rillet_pb";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { Help } from "./common";

export type DeltaTone = "good" | "bad" | "neutral";

/** Whether a delta reads as good, bad or neutral, given `delta_color`. */
export function deltaTone(delta: string, deltaColor: string): DeltaTone {
  if (deltaColor === "off" || delta.trim() === "") return "neutral";
  const falling = delta.trim().startsWith("-");
  const good = deltaColor === "inverse" ? falling : !falling;
  return good ? "good" : "bad";
}

export function Metric({ value }: ElementProps<"metric">) {
  const tone = deltaTone(value.delta, value.deltaColor);
  const falling = value.delta.trim().startsWith("-");
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
        <div class={`rl-metric-delta rl-tone-${tone}`}>
          <span aria-hidden="true">{falling ? "↓" : "↑"} </span>
          {value.delta}
        </div>
      )}
    </div>
  );
}
