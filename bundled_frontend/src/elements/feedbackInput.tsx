/**
 * `st.feedback`: a row of thumbs (down, up), five faces or five stars. The
 * value is the chosen index (`int_value`); clicking the chosen one again
 * clears it (no value). Stars up to the chosen one are drawn filled; while
 * the pointer is over a star, those up to it preview the choice.
 */
import "../styles/buttonGroups.css";
import { useState } from "preact/hooks";
import { Feedback_Kind } from "../proto/rillet_pb";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { intValue, NO_VALUE, type WidgetValue } from "../widgetValues";
import { commonOf, MaterialIcon } from "./common";
import { widthStyle } from "./widgetWidth";

/** A face: a ring, two eyes and a mouth whose curve goes from sad (-1) to happy (1). */
function Face({ mood }: { mood: number }) {
  const y = 15.5 - mood * 1.5;
  const mouth = mood === 0 ? `M8.5 ${y}h7` : `M8 ${y}q4 ${mood * 4} 8 0`;
  return (
    <svg
      class="rl-icon rl-feedback-face"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="9.5" />
      <path d="M9 9.5h.01M15 9.5h.01" />
      <path d={mouth} />
    </svg>
  );
}

interface Choice {
  readonly name: string;
  /** The value a click on it sends. */
  readonly index: number;
  readonly draw: () => preact.JSX.Element;
}

const FACES = [
  ["Very dissatisfied", -1],
  ["Dissatisfied", -0.5],
  ["Neutral", 0],
  ["Satisfied", 0.5],
  ["Very satisfied", 1],
] as const;

function choices(kind: Feedback_Kind): Choice[] {
  if (kind === Feedback_Kind.THUMBS) {
    // Shown up first, as in Streamlit; the values stay 0 = down, 1 = up.
    return [
      { name: "Thumbs up", index: 1, draw: () => <MaterialIcon name="thumb_up" /> },
      { name: "Thumbs down", index: 0, draw: () => <MaterialIcon name="thumb_down" /> },
    ];
  }
  if (kind === Feedback_Kind.FACES) {
    return FACES.map(([name, mood], index) => ({ name, index, draw: () => <Face mood={mood} /> }));
  }
  return [1, 2, 3, 4, 5].map((n) => ({
    name: `${n} out of 5 stars`,
    index: n - 1,
    draw: () => <MaterialIcon name="star" />,
  }));
}

function chosenIndex(value: WidgetValue | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return value.case === "intValue" ? Number(value.value) : -1;
}

export function Feedback({ value, node }: ElementProps<"feedback">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const chosen = chosenIndex(widget.value, value.value);
  const stars = value.kind === Feedback_Kind.STARS;
  const items = choices(value.kind);
  const [hovered, setHovered] = useState(-1);
  const shown = stars && hovered >= 0 ? hovered : chosen;
  const onClick = (index: number) => {
    widget.set(index === chosen ? NO_VALUE : intValue(index));
  };
  return (
    <div
      class={`rl-widget rl-feedback${common.disabled ? " rl-disabled" : ""}`}
      // As Streamlit's: a radiogroup of radios named "Thumbs up", "4 out of 5 stars"...
      role="radiogroup"
      aria-label={common.label || "Feedback"}
      style={widthStyle(value.width)}
    >
      {items.map(({ name, index, draw }) => {
        const on = index === chosen;
        const lit = stars ? shown >= 0 && index <= shown : on;
        return (
          <button
            key={index}
            type="button"
            class={`rl-feedback-button${lit ? " rl-picked" : ""}${stars ? " rl-star" : ""}`}
            aria-label={name}
            title={name}
            role="radio"
            aria-checked={on}
            disabled={common.disabled}
            onClick={() => onClick(index)}
            onMouseEnter={() => setHovered(index)}
            onMouseLeave={() => setHovered(-1)}
          >
            {draw()}
          </button>
        );
      })}
    </div>
  );
}
