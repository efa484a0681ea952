/** Single choice from options: `st.radio` and `st.selectbox`. */
import { useState } from "preact/hooks";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import type { WidgetValue } from "../widgetValues";
import { intValue, NO_VALUE, stringValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

/** The selected option index a value names, or -1 for none. */
export function selectedIndex(value: WidgetValue | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return value.case === "intValue" ? Number(value.value) : -1;
}

export function Radio({ value, node }: ElementProps<"radio">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const selected = selectedIndex(widget.value, value.value);
  const name = inputId(common);
  return (
    <WidgetBox common={common} kind="radio">
      <fieldset class="rl-fieldset" disabled={common.disabled}>
        <Label common={common} as="legend" />
        <div class={`rl-radio-options${value.horizontal ? " rl-horizontal" : ""}`}>
          {value.options.map((option, index) => {
            const caption = value.captions[index] ?? "";
            return (
              <label key={index} class="rl-radio-option">
                <input
                  type="radio"
                  name={name}
                  checked={index === selected}
                  onChange={() => widget.set(intValue(index))}
                />
                <span>
                  <MarkdownBody body={option} inline />
                  {caption !== "" && (
                    <span class="rl-caption rl-option-caption">
                      <MarkdownBody body={caption} inline />
                    </span>
                  )}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </WidgetBox>
  );
}

const NONE = "__rillet_none__";
const NEW = "__rillet_new__";

export function Selectbox({ value, node }: ElementProps<"selectbox">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const typed = widget.value?.case === "stringValue" ? widget.value.value : undefined;
  const selected = typed !== undefined ? -1 : selectedIndex(widget.value, value.value);
  const [adding, setAdding] = useState(false);
  const id = inputId(common);
  const placeholder = value.placeholder || "Choose an option";

  const onChange = (choice: string) => {
    if (choice === NEW) {
      setAdding(true);
      return;
    }
    widget.set(choice === NONE ? NO_VALUE : intValue(Number(choice)));
  };

  return (
    <WidgetBox common={common} kind="selectbox">
      <Label common={common} htmlFor={id} />
      {adding ? (
        <input
          id={id}
          class="rl-input"
          type="text"
          autoFocus
          placeholder="Type a new option and press Enter"
          onKeyDown={(event) => {
            if (event.key === "Enter" && event.currentTarget.value !== "") {
              setAdding(false);
              widget.set(stringValue(event.currentTarget.value));
            } else if (event.key === "Escape") {
              setAdding(false);
            }
          }}
          onBlur={() => setAdding(false)}
        />
      ) : (
        <select
          id={id}
          class="rl-select"
          disabled={common.disabled}
          value={typed !== undefined ? NEW + typed : selected < 0 ? NONE : String(selected)}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {selected < 0 && typed === undefined && <option value={NONE}>{placeholder}</option>}
          {typed !== undefined && <option value={NEW + typed}>{typed}</option>}
          {value.options.map((option, index) => (
            <option key={index} value={String(index)}>
              {option}
            </option>
          ))}
          {value.acceptNewOptions && <option value={NEW}>Add a new option…</option>}
        </select>
      )}
    </WidgetBox>
  );
}
