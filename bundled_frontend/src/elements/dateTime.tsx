/**
 * `st.date_input` and `st.time_input`.
 *
 * A date is typed in the app's `format` or picked in a calendar popup that
 * keeps to min/max (a range takes two picks). A time is typed or picked
 * from a list of choices every `step`, shown in 24 or 12 hours (`format`).
 * Typed text that is no valid date or time is refused in the field with the
 * reason, and the last good value stays.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { NO_VALUE, stringArrayValue, stringValue } from "../widgetValues";
import { Combobox, type ComboRow } from "./combobox";
import { commonOf, inputId, Label, WidgetBox } from "./common";
import {
  Calendar,
  formatDate,
  formatTime,
  outOfBounds,
  parseDate,
  parseTime,
  PickerClear,
  PickerToggle,
  secondsWire,
  timeChoices,
  wireSeconds,
} from "./pickers";
import { useDraft } from "./textInputs";

/** Between a range's two dates, as shown and as typed (a spaced hyphen is read too). */
const RANGE_SEPARATOR = " – ";

/** Typed text → the ISO dates it names, or why it names none. */
export function parseDates(
  text: string,
  spec: { format: string; isRange: boolean; min: string; max: string },
): { dates: string[] } | { error: string } {
  const parts = spec.isRange
    ? text
        .split(/\s[–-]\s|–/)
        .map((part) => part.trim())
        .filter((part) => part !== "")
    : [text.trim()];
  if (parts.length > (spec.isRange ? 2 : 1)) return { error: "A range has two dates at most." };
  const dates: string[] = [];
  for (const part of parts) {
    const parsed = parseDate(part, spec.format);
    if ("error" in parsed) return parsed;
    const beyond = outOfBounds(parsed.iso, spec.min, spec.max, spec.format);
    if (beyond !== undefined) return { error: beyond };
    dates.push(parsed.iso);
  }
  dates.sort();
  return { dates };
}

export function DateInput({ value, node }: ElementProps<"dateInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const dates = widget.value?.case === "stringArrayValue" ? [...widget.value.value.data] : [...value.value];
  const shown = dates.map((iso) => formatDate(iso, value.format)).join(RANGE_SEPARATOR);
  const [draft, setDraft] = useDraft(shown, widget.version);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const id = inputId(common);
  const errorId = `${id}-error`;
  // required: a form does not submit while no date is chosen.
  const missing = value.required && dates.length === 0;
  useEffect(() => widget.setInvalid(missing), [missing]);

  const commit = (next: string[]) => {
    setProblem(undefined);
    widget.setInvalid(false);
    setDraft(next.map((iso) => formatDate(iso, value.format)).join(RANGE_SEPARATOR));
    if (next.join() !== dates.join()) widget.set(stringArrayValue(next));
  };
  const commitDraft = () => {
    if (draft.trim() === shown) return setProblem(undefined);
    if (draft.trim() === "") {
      if (value.required) {
        setProblem("A date is required; the last one is kept.");
        widget.setInvalid(true);
        return;
      }
      return commit([]);
    }
    const parsed = parseDates(draft, value);
    if ("error" in parsed) {
      setProblem(`${parsed.error} The last good value is kept.`);
      return;
    }
    commit(parsed.dates);
  };
  const placeholder = value.format || "YYYY/MM/DD";
  // As Streamlit: made with no date and not required, a chosen date can be cleared.
  const clearable = value.clearable && !common.disabled && dates.length > 0;

  return (
    <WidgetBox common={common} kind="date-input">
      <Label common={common} htmlFor={id} />
      <div
        class="rl-picker"
        ref={box}
        onFocusOut={(event) => {
          const next = event.relatedTarget as Node | null;
          if (next === null || !box.current?.contains(next)) setOpen(false);
        }}
      >
        <input
          id={id}
          class={`rl-input${clearable ? " rl-has-clear" : ""}`}
          type="text"
          autoComplete="off"
          value={draft}
          placeholder={value.isRange ? `${placeholder}${RANGE_SEPARATOR}${placeholder}` : placeholder}
          disabled={common.disabled}
          required={value.required}
          aria-invalid={problem !== undefined}
          aria-describedby={problem !== undefined ? errorId : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onClick={() => setOpen(true)}
          onBlur={commitDraft}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              commitDraft();
              widget.submitFormOnEnter();
            } else if (event.key === "ArrowDown" && !open) {
              event.preventDefault();
              setOpen(true);
            } else if (event.key === "Escape") {
              setOpen(false);
              setDraft(shown);
              setProblem(undefined);
            }
          }}
        />
        {clearable && (
          <PickerClear
            onClear={() => {
              setOpen(false);
              commit([]);
            }}
          />
        )}
        <PickerToggle
          label="Open calendar"
          open={open}
          disabled={common.disabled}
          onToggle={() => setOpen(!open)}
        />
        {open && (
          <Calendar
            chosen={dates}
            min={value.min}
            max={value.max}
            range={value.isRange}
            format={value.format}
            label={common.label}
            onPick={(picked) => {
              commit(picked);
              if (!value.isRange || picked.length === 2) {
                setOpen(false);
                document.getElementById(id)?.focus();
              }
            }}
            onClose={() => {
              setOpen(false);
              document.getElementById(id)?.focus();
            }}
          />
        )}
      </div>
      {problem !== undefined && (
        <div class="rl-field-error" id={errorId} role="alert">
          {problem}
        </div>
      )}
    </WidgetBox>
  );
}

export function TimeInput({ value, node }: ElementProps<"timeInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const wire =
    widget.value === undefined ? value.value : widget.value.case === "stringValue" ? widget.value.value : "";
  const current = wireSeconds(wire);
  const withSeconds = value.step % 60 !== 0;
  const format = value.format || "24h";
  const show = (seconds: number) => formatTime(seconds, format, withSeconds);
  const choices = timeChoices(value.step);
  const labels = choices.map(show);
  const id = inputId(common);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const nearest =
    current === undefined
      ? 0
      : Math.max(
          0,
          choices.findIndex((c) => c >= current),
        );

  const rows = (query: string): ComboRow[] => {
    const text = query.trim();
    const all: ComboRow[] = choices.map((seconds, index) => ({
      kind: "option",
      index,
      label: labels[index] ?? show(seconds),
    }));
    if (text === "") return all;
    const parsed = parseTime(text);
    const matching = all.filter((row) => row.label.toLowerCase().startsWith(text.toLowerCase()));
    if ("error" in parsed) return matching;
    const typed = show(parsed.seconds);
    return [{ kind: "create", label: typed }, ...matching.filter((row) => row.label !== typed)];
  };
  const commitSeconds = (seconds: number) => {
    setProblem(undefined);
    const next = secondsWire(seconds, withSeconds);
    if (next !== wire) widget.set(stringValue(next));
  };
  const onPick = (row: ComboRow) => {
    if (row.kind === "option") commitSeconds(choices[row.index] ?? 0);
    else if (row.kind === "create") {
      const parsed = parseTime(row.label);
      if ("seconds" in parsed) commitSeconds(parsed.seconds);
    }
  };
  const clearable = value.clearable && !common.disabled && current !== undefined;
  // required: a form does not submit while no time is chosen.
  const missing = value.required && current === undefined;
  useEffect(() => widget.setInvalid(missing), [missing]);

  return (
    <WidgetBox common={common} kind="time-input">
      <Label common={common} htmlFor={id} />
      <Combobox
        id={id}
        options={labels}
        disabled={common.disabled}
        filterMode="prefix"
        shown={current === undefined ? "" : show(current)}
        placeholder={format === "12h" ? "h:mm AM" : "HH:MM"}
        rows={rows}
        activeOnOpen={nearest}
        emptyText={(query) => {
          const parsed = parseTime(query);
          return "error" in parsed ? parsed.error : "No time matches";
        }}
        onPick={onPick}
        onNoMatch={(query) => {
          const parsed = parseTime(query);
          setProblem(
            `${"error" in parsed ? parsed.error : `"${query.trim()}" is not a time.`} The last time is kept.`,
          );
        }}
        required={value.required}
        boxClass="rl-time-combo"
        describedBy={problem !== undefined ? `${id}-error` : undefined}
        after={
          clearable && (
            <button
              type="button"
              class="rl-combo-clear"
              aria-label="Clear value"
              title="Clear"
              onClick={() => widget.set(NO_VALUE)}
            >
              ×
            </button>
          )
        }
      />
      {problem !== undefined && (
        <div class="rl-field-error" id={`${id}-error`} role="alert">
          {problem}
        </div>
      )}
    </WidgetBox>
  );
}
