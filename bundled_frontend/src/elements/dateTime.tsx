/** `st.date_input` (native date inputs; a range is two) and `st.time_input`. */
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { NO_VALUE, stringArrayValue, stringValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

export function DateInput({ value, node }: ElementProps<"dateInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const dates = widget.value?.case === "stringArrayValue" ? widget.value.value.data : value.value;
  const id = inputId(common);
  const slots = value.isRange ? [0, 1] : [0];
  const change = (slot: number, iso: string) => {
    const next = slots.map((i) => (i === slot ? iso : (dates[i] ?? "")));
    // A range is complete with both ends; a cleared single date is None.
    const complete = next.filter((d) => d !== "");
    widget.set(stringArrayValue(complete));
  };
  return (
    <WidgetBox common={common} kind="date-input">
      <Label common={common} htmlFor={id} />
      <div class="rl-date-row">
        {slots.map((slot) => (
          <input
            key={slot}
            id={slot === 0 ? id : `${id}-end`}
            class="rl-input"
            type="date"
            value={dates[slot] ?? ""}
            min={value.min || undefined}
            max={value.max || undefined}
            disabled={common.disabled}
            aria-label={value.isRange ? (slot === 0 ? "Start date" : "End date") : undefined}
            onChange={(event) => change(slot, event.currentTarget.value)}
          />
        ))}
      </div>
    </WidgetBox>
  );
}

export function TimeInput({ value, node }: ElementProps<"timeInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const time =
    widget.value === undefined ? value.value : widget.value.case === "stringValue" ? widget.value.value : "";
  const id = inputId(common);
  return (
    <WidgetBox common={common} kind="time-input">
      <Label common={common} htmlFor={id} />
      <input
        id={id}
        class="rl-input"
        type="time"
        value={time}
        step={value.step > 0 ? value.step : 900}
        disabled={common.disabled}
        onChange={(event) => {
          const next = event.currentTarget.value.slice(0, 5);
          widget.set(next === "" ? NO_VALUE : stringValue(next));
        }}
      />
    </WidgetBox>
  );
}
