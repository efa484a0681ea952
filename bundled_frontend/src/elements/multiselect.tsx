/**
 * `st.multiselect`: the chosen options as removable chips, and a list to add
 * more (a native <select>, so it is keyboard and screen-reader friendly).
 * With `accept_new_options` a text field adds options of the user's own, and
 * the value travels as labels instead of option indexes.
 */
import { useState } from "preact/hooks";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { intArrayValue, stringArrayValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

const ADD_PROMPT = "";

export function Multiselect({ value, node }: ElementProps<"multiselect">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const [draft, setDraft] = useState("");
  const typed = value.acceptNewOptions;
  // Both modes work on labels here; `send` turns them into the wire value.
  const chosen: string[] = typed
    ? widget.value?.case === "stringArrayValue"
      ? [...widget.value.value.data]
      : [...value.valueLabels]
    : (widget.value?.case === "intArrayValue" ? widget.value.value.data.map(Number) : value.value).map(
        (index) => value.options[index] ?? "",
      );
  const send = (labels: string[]) =>
    widget.set(
      typed ? stringArrayValue(labels) : intArrayValue(labels.map((label) => value.options.indexOf(label))),
    );
  const full = value.maxSelections > 0 && chosen.length >= value.maxSelections;
  const remaining = value.options.filter((label) => !chosen.includes(label));
  const id = inputId(common);
  const placeholder = full
    ? `You can only select up to ${value.maxSelections} option${value.maxSelections === 1 ? "" : "s"}.`
    : value.placeholder || "Choose options";
  const addDraft = () => {
    const text = draft.trim();
    setDraft("");
    if (text !== "" && !chosen.includes(text) && !full) send([...chosen, text]);
  };

  return (
    <WidgetBox common={common} kind="multiselect">
      <Label common={common} htmlFor={id} />
      <div class="rl-multiselect-box">
        {chosen.length > 0 && (
          <ul class="rl-chips" aria-label="Selected">
            {chosen.map((label) => (
              <li key={label} class="rl-chip">
                <span>{label}</span>
                <button
                  type="button"
                  class="rl-chip-remove"
                  disabled={common.disabled}
                  aria-label={`Remove ${label}`}
                  onClick={() => send(chosen.filter((other) => other !== label))}
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
              if (picked !== ADD_PROMPT) send([...chosen, value.options[Number(picked)] ?? ""]);
            }}
          >
            <option value={ADD_PROMPT}>{remaining.length === 0 ? "No more options" : placeholder}</option>
            {value.options.map(
              (label, index) =>
                !chosen.includes(label) && (
                  <option key={index} value={String(index)}>
                    {label}
                  </option>
                ),
            )}
          </select>
          {typed && (
            <input
              type="text"
              class="rl-input"
              aria-label={`Add a new option to ${common.label}`}
              placeholder="Add a new option"
              disabled={common.disabled || full}
              value={draft}
              onInput={(event) => setDraft(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  addDraft();
                }
              }}
              onBlur={addDraft}
            />
          )}
          {chosen.length > 0 && (
            <button
              type="button"
              class="rl-button rl-button-tertiary"
              disabled={common.disabled}
              onClick={() => send([])}
            >
              Clear all
            </button>
          )}
        </div>
      </div>
    </WidgetBox>
  );
}
