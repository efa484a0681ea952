/**
 * `st.number_input`: typed text sent on Enter or blur, −/+ steppers sent at
 * once, clamped to min/max; ints stay ints.
 */
import { formatNumber } from "../format";
import type { NumberInput as NumberInputMsg } from "../proto/rillet_pb";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { doubleValue, intValue, NO_VALUE, type WidgetValue } from "../widgetValues";
import { commonOf, Icon, inputId, Label, WidgetBox } from "./common";
import { useDraft } from "./textInputs";

function numberOf(value: WidgetValue | undefined, spec: NumberInputMsg): number | undefined {
  if (value === undefined) return spec.hasValue ? spec.value : undefined;
  if (value.case === "intValue") return Number(value.value);
  if (value.case === "doubleValue") return value.value;
  return undefined;
}

/** Clamp to the input's bounds (and to an integer for int inputs). */
export function clampNumber(n: number, spec: NumberInputMsg): number {
  let result = spec.isInt ? Math.round(n) : n;
  if (spec.hasMin) result = Math.max(spec.min, result);
  if (spec.hasMax) result = Math.min(spec.max, result);
  return result;
}

export function NumberInput({ value, node }: ElementProps<"numberInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const current = numberOf(widget.value, value);
  const shown = current === undefined ? "" : formatNumber(current, value.format, value.isInt);
  const [draft, setDraft] = useDraft(shown, widget.version);
  const id = inputId(common);
  const step = value.step || (value.isInt ? 1 : 0.01);

  const send = (n: number | undefined) => {
    if (n === undefined) {
      if (current !== undefined) widget.set(NO_VALUE);
      return;
    }
    const clamped = clampNumber(n, value);
    setDraft(formatNumber(clamped, value.format, value.isInt));
    if (clamped !== current) widget.set(value.isInt ? intValue(clamped) : doubleValue(clamped));
  };
  const commitDraft = () => {
    const text = draft.trim();
    if (text === shown) return;
    // required: an emptied box keeps the last number (and blocks its form).
    widget.setInvalid(value.required && text === "");
    if (text === "") return value.required ? undefined : send(undefined);
    const parsed = Number(text.replace(/[^0-9eE.+-]/g, ""));
    if (Number.isNaN(parsed)) setDraft(shown);
    else send(parsed);
  };
  const stepBy = (direction: 1 | -1) => send((current ?? (value.hasMin ? value.min : 0)) + direction * step);
  const atMin = value.hasMin && current !== undefined && current <= value.min;
  const atMax = value.hasMax && current !== undefined && current >= value.max;

  return (
    <WidgetBox common={common} kind="number-input">
      <Label common={common} htmlFor={id} />
      <div class={`rl-number${value.icon ? " rl-has-icon" : ""}`}>
        {value.icon !== "" && (
          <span class="rl-input-icon">
            <Icon icon={value.icon} />
          </span>
        )}
        <input
          id={id}
          class="rl-input"
          type="text"
          inputMode={value.isInt ? "numeric" : "decimal"}
          value={draft}
          placeholder={value.placeholder}
          disabled={common.disabled}
          required={value.required}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onBlur={commitDraft}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              commitDraft();
              widget.submitFormOnEnter();
            } else if (event.key === "ArrowUp") {
              event.preventDefault();
              stepBy(1);
            } else if (event.key === "ArrowDown") {
              event.preventDefault();
              stepBy(-1);
            }
          }}
        />
        <button
          type="button"
          class="rl-stepper"
          aria-label="Decrement"
          disabled={common.disabled || atMin}
          onClick={() => stepBy(-1)}
        >
          −
        </button>
        <button
          type="button"
          class="rl-stepper"
          aria-label="Increment"
          disabled={common.disabled || atMax}
          onClick={() => stepBy(1)}
        >
          +
        </button>
      </div>
    </WidgetBox>
  );
}
