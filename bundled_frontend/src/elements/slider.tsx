/**
 * `st.slider` and `st.select_slider`: one thumb or a range (two native range
 * inputs on one track, so both are keyboard operable). Each value shows
 * above its thumb, formatted with `format`, follows it while dragging, and
 * is sent on release.
 */
import { useEffect, useState } from "preact/hooks";
import { Slider_DataType, type Slider as SliderMsg } from "../proto/rillet_pb";
import {
  daysToIsoDate,
  formatMoment,
  formatNumber,
  microsToDateTime,
  secondsToTime,
  sliderMoment,
} from "../format";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { doubleArrayValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

/** How a slider value reads to a person, per data type. */
export function sliderLabel(slider: SliderMsg, value: number): string {
  switch (slider.dataType) {
    case Slider_DataType.DATE:
      return slider.format ? formatMoment(sliderMoment("date", value), slider.format) : daysToIsoDate(value);
    case Slider_DataType.TIME:
      return slider.format ? formatMoment(sliderMoment("time", value), slider.format) : secondsToTime(value);
    case Slider_DataType.DATETIME:
      return slider.format
        ? formatMoment(sliderMoment("datetime", value), slider.format)
        : microsToDateTime(value);
    case Slider_DataType.OPTIONS:
      return slider.options[Math.round(value)] ?? "";
    case Slider_DataType.INT:
      return formatNumber(value, slider.format, true);
    default:
      return formatNumber(value, slider.format);
  }
}

/**
 * Where a thumb's centre sits for `percent` along the track: the 12 px thumb
 * (Streamlit 1.67's size) travels between half its width from either end.
 */
export function thumbCentre(percent: number): string {
  return `calc(${percent}% + ${((0.5 - percent / 100) * 12).toFixed(2)}px)`;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function Slider({ value, node }: ElementProps<"slider">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const committed = widget.value?.case === "doubleArrayValue" ? widget.value.value.data : value.value;
  const [draft, setDraft] = useState<number[]>(committed);
  const committedKey = committed.join(",");
  useEffect(() => setDraft(committed), [committedKey, widget.version]);

  const isOptions = value.dataType === Slider_DataType.OPTIONS;
  const min = isOptions ? 0 : value.min;
  const max = isOptions ? Math.max(0, value.options.length - 1) : value.max;
  const step = isOptions ? 1 : value.step || 1;
  const id = inputId(common);
  const isRange = draft.length === 2;

  // Range thumbs may not cross: the moved one stops at the other.
  const withThumb = (current: readonly number[], thumb: number, next: number): number[] => {
    const updated = current.slice();
    updated[thumb] = next;
    const [lowValue = min, highValue = max] = updated;
    if (isRange && thumb === 0 && lowValue > highValue) updated[0] = highValue;
    if (isRange && thumb === 1 && highValue < lowValue) updated[1] = lowValue;
    return updated;
  };
  // `change` fires on release (and per key press): read the value from the
  // event, since the draft from `input` may not have rendered yet.
  const release = (thumb: number, next: number) => {
    const updated = withThumb(draft, thumb, next);
    setDraft(updated);
    if (!sameNumbers(updated, committed)) widget.set(doubleArrayValue(updated));
  };
  // The server's own labels describe its value; while the user moves away, format locally.
  const labelOf = (v: number, thumb: number): string =>
    sameNumbers(draft, value.value) && value.valueLabels[thumb] !== undefined
      ? value.valueLabels[thumb]
      : sliderLabel(value, v);
  const percent = (v: number) => (max === min ? 0 : ((v - min) / (max - min)) * 100);
  const [low = min, high = low] = draft;

  return (
    <WidgetBox common={common} kind="slider">
      <Label common={common} htmlFor={id} />
      <div class="rl-slider-values" aria-hidden="true">
        {draft.map((v, thumb) => (
          <span key={thumb} class="rl-slider-value" style={{ left: thumbCentre(percent(v)) }}>
            {labelOf(v, thumb)}
          </span>
        ))}
      </div>
      <div
        class={`rl-slider-track${isRange ? " rl-range" : ""}`}
        style={{
          "--rl-fill-from": `${isRange ? percent(low) : 0}%`,
          "--rl-fill-to": `${percent(isRange ? high : low)}%`,
        }}
      >
        {draft.map((v, thumb) => (
          <input
            key={thumb}
            id={thumb === 0 ? id : `${id}-high`}
            type="range"
            min={min}
            max={max}
            step={step}
            value={v}
            disabled={common.disabled}
            aria-label={isRange ? `${common.label} — ${thumb === 0 ? "start" : "end"}` : undefined}
            aria-valuetext={labelOf(v, thumb)}
            onInput={(event) => setDraft(withThumb(draft, thumb, Number(event.currentTarget.value)))}
            onChange={(event) => release(thumb, Number(event.currentTarget.value))}
          />
        ))}
      </div>
      <div class="rl-slider-bounds" aria-hidden="true">
        <span>{value.minLabel || sliderLabel(value, min)}</span>
        <span>{value.maxLabel || sliderLabel(value, max)}</span>
      </div>
    </WidgetBox>
  );
}
