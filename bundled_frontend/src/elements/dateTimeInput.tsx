/**
 * `st.datetime_input`: the browser's own date-and-time picker (min, max and
 * step applied by it), with the chosen moment spelled out in the app's
 * `format` beside it. A field that is not `required` can be cleared (None).
 */
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { stringArrayValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";
import { formatDate } from "./pickers";
import { widthStyle } from "./widgetWidth";
import "../styles/dateTimeInput.css";

/** "2024-03-15T14:30" shown as `format` orders the date (YYYY/MM/DD ...), then the time. */
export function formatDateTime(value: string, format: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (match === null) return "";
  const [, date = "", time = ""] = match;
  return `${formatDate(date, format)}, ${time}`;
}

export function DateTimeInput({ value, node }: ElementProps<"datetimeInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const current =
    widget.value?.case === "stringArrayValue" ? (widget.value.value.data[0] ?? "") : value.value;
  const id = inputId(common);
  const commit = (next: string) => {
    if (next === "" && value.required) return;
    widget.set(stringArrayValue(next === "" ? [] : [next.slice(0, 16)]));
  };
  return (
    <WidgetBox common={common} kind="datetime-input">
      <Label common={common} htmlFor={id} />
      <div class="rl-date-row" style={widthStyle(value.width)}>
        <input
          id={id}
          class="rl-input"
          type="datetime-local"
          value={current}
          min={value.min || undefined}
          max={value.max || undefined}
          step={value.step > 0 ? value.step : 900}
          required={value.required}
          disabled={common.disabled}
          onChange={(event) => commit(event.currentTarget.value)}
        />
        {!value.required && current !== "" && !common.disabled && (
          <button type="button" class="rl-clear" aria-label="Clear" onClick={() => commit("")}>
            ×
          </button>
        )}
      </div>
      {current !== "" && (
        <div class="rl-datetime-shown" aria-live="polite">
          {formatDateTime(current, value.format)}
        </div>
      )}
    </WidgetBox>
  );
}
