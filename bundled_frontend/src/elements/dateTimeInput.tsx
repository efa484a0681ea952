/**
 * `st.datetime_input`: one field showing the moment as the app's `format`
 * orders the date, then the 24-hour time ("2026/01/31, 20:30"), typed into
 * or picked in a popup: the calendar of date_input beside a list of times
 * every `step`, both kept to min/max. Typed text that is no moment, or one
 * outside the bounds, is refused in the field with the reason, and the last
 * good value stays. A field that is not `required` can be cleared (None).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { stringArrayValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";
import {
  Calendar,
  formatDate,
  formatTime,
  parseDate,
  parseTime,
  PickerClear,
  PickerToggle,
  secondsWire,
  timeChoices,
  todayIso,
} from "./pickers";
import { useDraft } from "./textInputs";
import { widthStyle } from "./widgetWidth";
import "../styles/dateTimeInput.css";

/** "2024-03-15T14:30" shown as `format` orders the date (YYYY/MM/DD ...), then the time. */
export function formatDateTime(value: string, format: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (match === null) return "";
  const [, date = "", time = ""] = match;
  return `${formatDate(date, format)}, ${time}`;
}

/**
 * A moment typed as the field shows it ("31.01.2026, 20:30"; a space may
 * stand for the comma, and a date alone means 00:00) → the wire form
 * "YYYY-MM-DDTHH:MM", or the reason it is none. min/max are wire strings.
 */
export function parseDateTime(
  text: string,
  spec: { format: string; min: string; max: string },
): { wire: string } | { error: string } {
  const fmt = spec.format || "YYYY/MM/DD";
  const match = /^\s*([^,\s]+(?:\s*[/.-]\s*[^,\s]+)*)\s*(?:,\s*|\s+)?(.*)$/.exec(text);
  const datePart = match?.[1] ?? "";
  const timePart = (match?.[2] ?? "").trim();
  const date = parseDate(datePart, fmt);
  if ("error" in date) {
    // Three numbers: a date whose day, month or year is wrong, said as such.
    if (/^\d+\s*[/.-]\s*\d+\s*[/.-]\s*\d+$/.test(datePart)) return date;
    return { error: `"${text.trim()}" is not a date and time; type it as ${fmt}, HH:MM.` };
  }
  let seconds = 0;
  if (timePart !== "") {
    const time = parseTime(timePart);
    if ("error" in time) return time;
    seconds = time.seconds;
  }
  const wire = `${date.iso}T${secondsWire(seconds - (seconds % 60), false)}`;
  if (spec.min !== "" && wire < spec.min)
    return { error: `${formatDateTime(wire, fmt)} is before ${formatDateTime(spec.min, fmt)}.` };
  if (spec.max !== "" && wire > spec.max)
    return { error: `${formatDateTime(wire, fmt)} is after ${formatDateTime(spec.max, fmt)}.` };
  return { wire };
}

/** The times of `day` every `step` seconds that fall within [min, max] (wire strings). */
export function timesOfDay(day: string, step: number, min: string, max: string): number[] {
  return timeChoices(step).filter((seconds) => {
    const wire = `${day}T${secondsWire(seconds, false)}`;
    return (min === "" || wire >= min) && (max === "" || wire <= max);
  });
}

interface TimeListProps {
  times: number[];
  chosen: number | undefined;
  onPick: (seconds: number) => void;
  onClose: () => void;
}

/** The times to pick from: a listbox, Up/Down/Home/End move, Enter or a click picks, Escape closes. */
function TimeList({ times, chosen, onPick, onClose }: TimeListProps) {
  const list = useRef<HTMLUListElement>(null);
  const start = Math.max(
    0,
    times.findIndex((t) => chosen !== undefined && t >= chosen),
  );
  const [active, setActive] = useState(start);
  useEffect(() => {
    const row = list.current?.children[active] as HTMLElement | undefined;
    row?.scrollIntoView({ block: "nearest" });
  }, [active]);
  useEffect(() => {
    // Opened: the chosen time in view near the top.
    const row = list.current?.children[start] as HTMLElement | undefined;
    if (row !== undefined && list.current !== null) list.current.scrollTop = row.offsetTop;
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    const last = times.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, active + 1),
      ArrowUp: Math.max(0, active - 1),
      Home: 0,
      End: last,
      PageDown: Math.min(last, active + 8),
      PageUp: Math.max(0, active - 8),
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      setActive(to);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      const seconds = times[active];
      if (seconds !== undefined) onPick(seconds);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };
  const optionId = (index: number) => `rl-time-${index}`;
  return (
    <ul
      ref={list}
      class="rl-datetime-times"
      role="listbox"
      aria-label="Time"
      tabIndex={0}
      aria-activedescendant={times.length > 0 ? optionId(active) : undefined}
      onKeyDown={onKeyDown}
    >
      {times.map((seconds, index) => (
        <li
          key={seconds}
          id={optionId(index)}
          role="option"
          aria-selected={seconds === chosen}
          class={`rl-datetime-time${index === active ? " rl-active" : ""}${seconds === chosen ? " rl-chosen" : ""}`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(seconds)}
        >
          {formatTime(seconds, "24h", false)}
        </li>
      ))}
    </ul>
  );
}

export function DateTimeInput({ value, node }: ElementProps<"datetimeInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const current =
    widget.value?.case === "stringArrayValue" ? (widget.value.value.data[0] ?? "") : value.value;
  const shown = formatDateTime(current, value.format);
  const [draft, setDraft] = useDraft(shown, widget.version);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const id = inputId(common);
  const errorId = `${id}-error`;
  const step = value.step > 0 ? value.step : 900;
  const day = current.slice(0, 10) || todayIso();
  const time =
    current === "" ? undefined : (Number(current.slice(11, 13)) * 60 + Number(current.slice(14, 16))) * 60;
  const missing = value.required && current === "";
  useEffect(() => widget.setInvalid(missing), [missing]);

  const commit = (next: string) => {
    setProblem(undefined);
    widget.setInvalid(false);
    setDraft(formatDateTime(next, value.format));
    if (next !== current) widget.set(stringArrayValue(next === "" ? [] : [next]));
  };
  const commitDraft = () => {
    const text = draft.trim();
    if (text === shown) return setProblem(undefined);
    if (text === "") {
      if (value.required) {
        setProblem("A date and time are required; the last one is kept.");
        return;
      }
      return commit("");
    }
    const parsed = parseDateTime(text, value);
    if ("error" in parsed) setProblem(`${parsed.error} The last good value is kept.`);
    else commit(parsed.wire);
  };
  /** A day picked keeps the time (the first one allowed on that day when it is not). */
  const pickDay = (iso: string) => {
    const allowed = timesOfDay(iso, step, value.min, value.max);
    const keep = time !== undefined && allowed.includes(time) ? time : allowed.find((t) => t >= (time ?? 0));
    const seconds = keep ?? allowed[allowed.length - 1] ?? 0;
    commit(`${iso}T${secondsWire(seconds, false)}`);
  };
  const close = () => {
    setOpen(false);
    document.getElementById(id)?.focus();
  };
  const minDay = value.min.slice(0, 10);
  const maxDay = value.max.slice(0, 10);
  const clearable = value.clearable && current !== "" && !common.disabled;

  return (
    <WidgetBox common={common} kind="datetime-input">
      <Label common={common} htmlFor={id} />
      <div
        class="rl-picker"
        ref={box}
        style={widthStyle(value.width)}
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
          placeholder={`${value.format || "YYYY/MM/DD"}, HH:MM`}
          disabled={common.disabled}
          required={value.required}
          aria-invalid={problem !== undefined}
          aria-describedby={problem !== undefined ? errorId : undefined}
          aria-keyshortcuts="Alt+ArrowDown"
          onInput={(event) => setDraft(event.currentTarget.value)}
          onBlur={commitDraft}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              commitDraft();
              widget.submitFormOnEnter();
            } else if (event.key === "ArrowDown" && (event.altKey || !open)) {
              event.preventDefault();
              setOpen(true);
            } else if (event.key === "Escape") {
              setOpen(false);
              setDraft(shown);
              setProblem(undefined);
            }
          }}
        />
        {clearable && <PickerClear onClear={() => commit("")} />}
        <PickerToggle
          label="Choose date and time"
          open={open}
          disabled={common.disabled}
          onToggle={() => setOpen(!open)}
        />
        {open && (
          <div class="rl-datetime-popup">
            <Calendar
              chosen={current === "" ? [] : [day]}
              min={minDay}
              max={maxDay}
              range={false}
              format={value.format}
              label={common.label}
              onPick={([iso]) => iso !== undefined && pickDay(iso)}
              onClose={close}
            />
            <TimeList
              times={timesOfDay(day, step, value.min, value.max)}
              chosen={time}
              onPick={(seconds) => {
                commit(`${day}T${secondsWire(seconds, false)}`);
                close();
              }}
              onClose={close}
            />
          </div>
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
