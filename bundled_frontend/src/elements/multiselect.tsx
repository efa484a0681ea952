/**
 * `st.multiselect`: the chosen options as removable chips, and a list to add
 * more (a native <select>, so it is keyboard and screen-reader friendly).
 */
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { intArrayValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

const ADD_PROMPT = "";

export function Multiselect({ value, node }: ElementProps<"multiselect">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const chosen = widget.value?.case === "intArrayValue" ? widget.value.value.data.map(Number) : value.value;
  const full = value.maxSelections > 0 && chosen.length >= value.maxSelections;
  const remaining = value.options.map((_, i) => i).filter((i) => !chosen.includes(i));
  const id = inputId(common);
  const placeholder = full
    ? `You can only select up to ${value.maxSelections} option${value.maxSelections === 1 ? "" : "s"}.`
    : value.placeholder || "Choose options";

  return (
    <WidgetBox common={common} kind="multiselect">
      <Label common={common} htmlFor={id} />
      <div class="rl-multiselect-box">
        {chosen.length > 0 && (
          <ul class="rl-chips" aria-label="Selected">
            {chosen.map((index) => (
              <li key={index} class="rl-chip">
                <span>{value.options[index] ?? ""}</span>
                <button
                  type="button"
                  class="rl-chip-remove"
                  disabled={common.disabled}
                  aria-label={`Remove ${value.options[index] ?? ""}`}
                  onClick={() => widget.set(intArrayValue(chosen.filter((i) => i !== index)))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="rl-multiselect-controls">
          <select
            id={id}
            class="rl-select"
            disabled={common.disabled || full || remaining.length === 0}
            value={ADD_PROMPT}
            onChange={(event) => {
              const picked = event.currentTarget.value;
              if (picked !== ADD_PROMPT) widget.set(intArrayValue([...chosen, Number(picked)]));
            }}
          >
            <option value={ADD_PROMPT}>{remaining.length === 0 ? "No more options" : placeholder}</option>
            {remaining.map((index) => (
              <option key={index} value={String(index)}>
                {value.options[index]}
              </option>
            ))}
          </select>
          {chosen.length > 0 && (
            <button
              type="button"
              class="rl-button rl-button-tertiary"
              disabled={common.disabled}
              onClick={() => widget.set(intArrayValue([]))}
            >
              Clear all
            </button>
          )}
        </div>
      </div>
    </WidgetBox>
  );
}
