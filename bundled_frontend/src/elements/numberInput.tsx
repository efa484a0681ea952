/**
 * `st.number_input`: typed text sent on Enter or blur, −/+ steppers and the
 * arrow keys step by `step` from what is typed and send at once, clamped to
 * min/max; ints stay ints. The number shows in `format` whenever the field
 * is not being typed into. While typing, a keystroke the format does not
 * allow (a letter, a decimal point in a whole number, a third decimal under
 * "%.2f") is refused in the field with the reason; text that is still no
 * number when committed is refused too, and the last good number stays.
 * A typed number past min/max stays in the field with the reason and is
 * not sent (as Streamlit's); only the steppers clamp.
 */
import { useMemo, useState } from "preact/hooks";
import { formatNumber } from "../format";
import type { NumberInput as NumberInputMsg } from "../proto/rillet_pb";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { doubleValue, intValue, NO_VALUE, type WidgetValue } from "../widgetValues";
import { commonOf, Icon, inputId, Label, WidgetBox } from "./common";
import { InputInstructions, useFocused } from "./inputInstructions";
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

/** What typing may produce under a format: a test of partial text, and how to say it. */
export interface TypingRule {
  allows: (text: string) => boolean;
  says: string;
}

const CONVERSION = /%[+\-0 ,']*(\d+)?(?:\.(\d+))?([diufFeEgGxXos])/;

function literal(text: string): string {
  return text.replace(/%%/g, "%");
}

/**
 * The text a user may type into a number input with `format` ("%d",
 * "%.2f", "%e", "$%.2f", "%0.1f%%"; "" = the input's own kind): a sign,
 * digits, a decimal point only where the format shows decimals and at most
 * as many decimals as it shows, an exponent only for %e/%g, and the
 * format's own text before and after the number. Partial text ("-", "1.")
 * is allowed: it is what one types on the way to a number.
 */
export function typingRule(format: string, isInt: boolean): TypingRule {
  const match = CONVERSION.exec(format);
  const conv = match?.[3] ?? (isInt ? "d" : "g");
  const precision = match?.[2];
  const before = match === null ? "" : literal(format.slice(0, match.index));
  const after = match === null ? "" : literal(format.slice(match.index + match[0].length));
  const grouped = match !== null && match[0].includes(",");
  const digits = grouped ? "[\\d,]*" : "\\d*";
  let number: string;
  let says: string;
  if (isInt || "diuxXo".includes(conv)) {
    number = `[+-]?${digits}`;
    says = "whole numbers only";
  } else if (conv === "f" || conv === "F") {
    const places = precision === undefined ? 6 : Number(precision);
    number = places === 0 ? `[+-]?${digits}` : `[+-]?${digits}(?:\\.\\d{0,${places}})?`;
    says = places === 0 ? "whole numbers only" : `at most ${places} decimal${places === 1 ? "" : "s"}`;
  } else {
    number = `[+-]?${digits}(?:\\.\\d*)?(?:[eE][+-]?\\d*)?`;
    says = "a number such as 1.5 or 1.5e3";
  }
  const pattern = new RegExp(`^${number}$`);
  const allows = (text: string) => {
    let body = text.trim();
    if (before !== "" && body.startsWith(before.trim())) body = body.slice(before.trim().length).trim();
    // The format's trailing text, or the start of it while it is typed.
    const tail = after.trim();
    for (let cut = tail.length; cut > 0; cut--) {
      if (body.endsWith(tail.slice(0, cut))) {
        body = body.slice(0, body.length - cut).trim();
        break;
      }
    }
    return pattern.test(body);
  };
  return { allows, says: `${format === "" ? "this field takes" : `the format ${format} takes`} ${says}` };
}

/** Clamp to the input's bounds (and to an integer for int inputs). */
export function clampNumber(n: number, spec: NumberInputMsg): number {
  let result = spec.isInt ? Math.round(n) : n;
  if (spec.hasMin) result = Math.max(spec.min, result);
  if (spec.hasMax) result = Math.min(spec.max, result);
  return result;
}

/** Why a typed number is refused by the input's bounds (Streamlit's wording), or undefined. */
export function rangeProblem(n: number, spec: NumberInputMsg): string | undefined {
  const below = spec.hasMin && n < spec.min;
  const above = spec.hasMax && n > spec.max;
  if (!below && !above) return undefined;
  const bound = (b: number) => formatNumber(b, spec.format, spec.isInt);
  if (spec.hasMin && spec.hasMax) {
    return `Error: Number is outside the allowed range. Please enter a value between ${bound(spec.min)} and ${bound(spec.max)}.`;
  }
  return below
    ? `Error: Number is below the allowed range. Please enter a value greater than or equal to ${bound(spec.min)}.`
    : `Error: Number is above the allowed range. Please enter a value less than or equal to ${bound(spec.max)}.`;
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
  const rule = useMemo(() => typingRule(value.format, value.isInt), [value.format, value.isInt]);
  const focus = useFocused();

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
    if (text === shown) return setProblem(undefined);
    // required: an emptied box keeps the last number (and blocks its form).
    widget.setInvalid(value.required && text === "");
    if (text === "") return value.required ? undefined : send(undefined);
    const parsed = parseNumber(text, value.isInt);
    if ("error" in parsed) {
      setProblem(`${parsed.error} The last good number is kept.`);
      // Away from the field it shows the number it holds, in its format.
      setDraft(shown);
      return;
    }
    // Typed past min/max: as Streamlit, the text stays with the reason and nothing is sent.
    const outside = rangeProblem(parsed.n, value);
    if (outside !== undefined) setProblem(outside);
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
      {/* Positioned: the focused field's hint sits in its corner, left of the steppers. */}
      <div class={`rl-number${value.icon ? " rl-has-icon" : ""}`} style={{ position: "relative" }}>
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
          onInput={(event) => {
            const field = event.currentTarget;
            // A refused keystroke's reason stays until the number is committed.
            if (rule.allows(field.value)) {
              setDraft(field.value);
              return;
            }
            // Refused: the text stays as it was, the caret where it was.
            const caret = Math.max(0, (field.selectionStart ?? 0) - (field.value.length - draft.length));
            field.value = draft;
            field.setSelectionRange(caret, caret);
            const typedText = (event as InputEvent).data;
            setProblem(
              `${typedText ? `"${typedText}" cannot be typed here` : "That text cannot go here"}: ${rule.says}.`,
            );
          }}
          onFocus={focus.on.onFocus}
          onBlur={() => {
            focus.on.onBlur();
            commitDraft();
          }}
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
        <InputInstructions
          focused={focus.focused}
          dirty={draft.trim() !== shown}
          formId={common.formId}
          inset="4.6rem"
        />
        <button
          type="button"
          class="rl-stepper"
          aria-label="Decrement"
          tabIndex={-1}
          disabled={common.disabled || atMin}
          onClick={() => stepBy(-1)}
        >
          <StepIcon plus={false} />
        </button>
        <button
          type="button"
          class="rl-stepper"
          aria-label="Increment"
          tabIndex={-1}
          disabled={common.disabled || atMax}
          onClick={() => stepBy(1)}
        >
          <StepIcon plus />
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

/**
 * The steppers' − and + drawn, not typed: the field's text (innerText, a copy)
 * holds only its value, and, as Streamlit's, they stay out of the Tab order
 * (the arrow keys step from the field).
 */
function StepIcon({ plus }: { plus: boolean }) {
  return (
    <svg viewBox="0 0 10 10" width="0.625em" height="0.625em" aria-hidden="true">
      <path d={plus ? "M0 5h10M5 0v10" : "M0 5h10"} stroke="currentColor" stroke-width="2" />
    </svg>
  );
}
