/** Single choice from options: `st.radio` and `st.selectbox`. */
import { useEffect } from "preact/hooks";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import type { WidgetValue } from "../widgetValues";
import { intValue, NO_VALUE, stringValue } from "../widgetValues";
import { Combobox, filterOptions, type ComboRow } from "./combobox";
import { CloseIcon, commonOf, Icon, inputId, Label, WidgetBox } from "./common";

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
      {/* A radiogroup, as Streamlit's: get_by_role("radiogroup", name=label) finds it. */}
      <fieldset class="rl-fieldset" role="radiogroup" disabled={common.disabled}>
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

/**
 * `st.selectbox`: a searchable combobox (see combobox.tsx). With
 * `accept_new_options` the text typed can be chosen as a value of its own;
 * unless `required`, a chosen value can be cleared.
 */
export function Selectbox({ value, node }: ElementProps<"selectbox">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const typed =
    widget.value === undefined
      ? value.newValue || undefined
      : widget.value.case === "stringValue"
        ? widget.value.value
        : undefined;
  const selected = typed !== undefined ? -1 : selectedIndex(widget.value, value.value);
  const id = inputId(common);
  const shown = typed ?? value.options[selected] ?? "";
  const placeholder = value.placeholder || "Choose an option";
  const rows = (query: string): ComboRow[] => {
    const found: ComboRow[] = filterOptions(value.options, query, value.filterMode).map((index) => ({
      kind: "option",
      index,
      label: value.options[index] ?? "",
    }));
    const text = query.trim();
    if (value.acceptNewOptions && text !== "" && !value.options.includes(text))
      found.unshift({ kind: "create", label: `Add: ${text}` });
    return found;
  };
  const onPick = (row: ComboRow) => {
    if (row.kind === "option") {
      if (row.index !== selected || typed !== undefined) widget.set(intValue(row.index));
    } else if (row.kind === "create") {
      widget.set(stringValue(row.label.slice("Add: ".length)));
    }
  };
  const clearable = value.clearable && !common.disabled && shown !== "";
  // required: a form does not submit while nothing is chosen.
  const missing = value.required && shown === "";
  useEffect(() => widget.setInvalid(missing), [missing]);

  return (
    <WidgetBox common={common} kind="selectbox">
      <Label common={common} htmlFor={id} />
      <Combobox
        id={id}
        options={value.options}
        disabled={common.disabled || (value.options.length === 0 && !value.acceptNewOptions)}
        filterMode={value.filterMode}
        shown={shown}
        placeholder={placeholder}
        rows={rows}
        emptyText={value.acceptNewOptions ? "Type to add a new option" : "No results"}
        onPick={onPick}
        activeOnOpen={Math.max(0, selected)}
        required={value.required}
        boxClass={value.icon ? "rl-has-icon" : undefined}
        before={
          value.icon !== "" && (
            <span class="rl-combo-icon">
              <Icon icon={value.icon} />
            </span>
          )
        }
        after={
          clearable && (
            <button
              type="button"
              class="rl-combo-clear"
              aria-label="Clear value"
              title="Clear"
              onClick={() => widget.set(NO_VALUE)}
            >
              <CloseIcon />
            </button>
          )
        }
      />
    </WidgetBox>
  );
}
