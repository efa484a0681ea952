/**
 * `st.pills` (rounded chips that wrap) and `st.segmented_control` (one
 * joined row): toggle buttons of which one, or with `multi` several, are
 * selected. The value travels as the selected option indexes. Single choice
 * is a radiogroup of radios, multi a toolbar of toggle buttons (Streamlit's roles).
 */
import "../styles/buttonGroups.css";
import { ButtonGroup_Style } from "../proto/rillet_pb";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { intArrayValue, type WidgetValue } from "../widgetValues";
import { commonOf, Icon, inputId, Label, WidgetBox } from "./common";
import { widthClass, widthStyle } from "./widgetWidth";

/** The selected indexes a value names (the server's `fallback` when there is none yet). */
export function selectedIndexes(value: WidgetValue | undefined, fallback: readonly number[]): number[] {
  if (value === undefined) return [...fallback];
  return value.case === "intArrayValue" ? value.value.data.map(Number) : [];
}

/** The selection after a click on option `index`. */
export function toggled(
  selected: readonly number[],
  index: number,
  multi: boolean,
  required: boolean,
): number[] {
  const on = selected.includes(index);
  if (multi) return on ? selected.filter((i) => i !== index) : [...selected, index];
  if (on) return required ? [...selected] : [];
  return [index];
}

export function ButtonGroup({ value, node }: ElementProps<"buttonGroup">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const selected = selectedIndexes(widget.value, value.value);
  const id = inputId(common);
  const pills = value.style === ButtonGroup_Style.PILLS;
  const kind = pills ? "pills" : "segmented-control";
  const onClick = (index: number) => {
    const next = toggled(selected, index, value.multi, value.required);
    if (next.length === selected.length && next.every((v, i) => v === selected[i])) return;
    widget.set(intArrayValue(next));
  };
  return (
    <WidgetBox common={common} kind={kind}>
      <Label common={common} htmlFor={id} as="div" />
      <div
        id={id}
        // As Streamlit's: one choice is a radiogroup of radios, several a toolbar of toggles.
        role={value.multi ? "toolbar" : "radiogroup"}
        aria-labelledby={`${id}-label`}
        class={`rl-button-group rl-${kind} rl-wrap-${value.wrapMode || "auto"}${widthClass(value.width)}`}
        style={widthStyle(value.width)}
      >
        {value.options.map((option, index) => {
          const on = selected.includes(index);
          return (
            <button
              key={index}
              type="button"
              class={`rl-group-button${on ? " rl-picked" : ""}`}
              role={value.multi ? undefined : "radio"}
              aria-pressed={value.multi ? on : undefined}
              aria-checked={value.multi ? undefined : on}
              disabled={common.disabled}
              onClick={() => onClick(index)}
            >
              <Icon icon={option.icon} />
              {option.label !== "" && <MarkdownBody body={option.label} inline />}
            </button>
          );
        })}
      </div>
    </WidgetBox>
  );
}
