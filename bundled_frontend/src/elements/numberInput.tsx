/**
 * `st.number_input`: typed text sent on Enter or blur, −/+ steppers and the
 * arrow keys step from what is typed and send at once, clamped to min/max;
 * ints stay ints. The number shows in `format`; text that is no number (or
 * not a whole one for an int input) is refused with the reason, and the
 * last good number stays.
 */
import { useState } from "preact/hooks";
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

/** Typed text → a number (format decorations such as "%" or "," dropped), or why it is none. */
export function parseNumber(text: string, isInt: boolean): { n: number } | { error: string } {
  const kept = text.trim().replace(/[^0-9eE.+-]/g, "");
  const n = kept === "" ? Number.NaN : Number(kept);
  if (!Number.isFinite(n)) return { error: `"${text.trim()}" is not a number.` };
  if (isInt && !Number.isInteger(n)) return { error: `${kept} is not a whole number.` };
  return { n };
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
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const errorId = `${id}-error`;

  const send = (n: number | undefined) => {
    if (n === undefined) {
      if (current !== undefined) widget.set(NO_VALUE);
      return;
    }
    setProblem(undefined);
    // Steps add in binary floating point: round to the step's decimals.
    const decimals = (String(step).split(".")[1] ?? "").length;
    const clamped = clampNumber(value.isInt ? n : Number(n.toFixed(Math.max(decimals, 10))), value);
    setDraft(formatNumber(clamped, value.format, value.isInt));
    if (clamped !== current) widget.set(value.isInt ? intValue(clamped) : doubleValue(clamped));
  };
  const commitDraft = () => {
    const text = draft.trim();
    if (text === shown) return;
    // required: an emptied box keeps the last number (and blocks its form).
    widget.setInvalid(value.required && text === "");
    if (text === "") return value.required ? undefined : send(undefined);
    const parsed = parseNumber(text, value.isInt);
    if ("error" in parsed) setProblem(`${parsed.error} The last good number is kept.`);
    else send(parsed.n);
  };
  const typed = (): number | undefined => {
    const parsed = parseNumber(draft, value.isInt);
    return "n" in parsed && draft.trim() !== shown ? parsed.n : current;
  };
  const stepBy = (direction: 1 | -1) => send((typed() ?? (value.hasMin ? value.min : 0)) + direction * step);
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
          aria-invalid={problem !== undefined}
          aria-describedby={problem !== undefined ? errorId : undefined}
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
      {problem !== undefined && (
        <div class="rl-field-error" id={errorId} role="alert">
          {problem}
        </div>
      )}
    </WidgetBox>
  );
}
