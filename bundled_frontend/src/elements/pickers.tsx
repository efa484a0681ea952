/**
 * Date and time picking shared by `st.date_input`, `st.time_input` and
 * `st.datetime_input`: dates shown and typed in the app's `format`
 * (`YYYY/MM/DD`, `DD.MM.YYYY`, ...), a calendar popup that keeps to
 * min/max and picks ranges, and times shown in 24 or 12 hours.
 *
 * Dates travel as ISO strings ("2026-01-31") and are computed in UTC, so
 * the machine's time zone never shifts a day.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import "../styles/pickers.css";

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, "0");

/** "2026-01-31" shown as `format` orders and separates it ("31.01.2026"). */
export function formatDate(iso: string, format: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return "";
  const [, year = "", month = "", day = ""] = match;
  return (format || "YYYY/MM/DD").replace("YYYY", year).replace("MM", month).replace("DD", day);
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date typed in `format` as ISO, or the reason it is not one. */
export function parseDate(text: string, format: string): { iso: string } | { error: string } {
  const fmt = format || "YYYY/MM/DD";
  const order = fmt.split(/[/.-]/);
  const parts = text.trim().split(/[/.\s-]+/);
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p)))
    return { error: `"${text.trim()}" is not a date; type it as ${fmt}.` };
  const field = (name: string) => Number(parts[order.indexOf(name)]);
  const year = field("YYYY");
  const month = field("MM");
  const day = field("DD");
  if (year < 1 || year > 9999) return { error: `${year} is not a year from 1 to 9999.` };
  if (month < 1 || month > 12) return { error: `${month} is not a month (1 to 12).` };
  if (day < 1 || day > daysIn(year, month))
    return { error: `${isoOf(year, month, 1).slice(0, 7)} has no day ${day}.` };
  return { iso: isoOf(year, month, day) };
}

/** The reason `iso` is outside [min, max], shown in `format`; undefined when inside. */
export function outOfBounds(iso: string, min: string, max: string, format: string): string | undefined {
  if (min !== "" && iso < min) return `${formatDate(iso, format)} is before ${formatDate(min, format)}.`;
  if (max !== "" && iso > max) return `${formatDate(iso, format)} is after ${formatDate(max, format)}.`;
  return undefined;
}

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function shiftMonths(iso: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return isoOf(year, month, Math.min(d, daysIn(year, month)));
}

function clampIso(iso: string, min: string, max: string): string {
  if (min !== "" && iso < min) return min;
  if (max !== "" && iso > max) return max;
  return iso;
}

export function todayIso(): string {
  const now = new Date();
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAY_NAMES = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];

export interface CalendarProps {
  /** The dates chosen: none, one, or a range's two ends. */
  chosen: string[];
  min: string;
  max: string;
  range: boolean;
  format: string;
  onPick: (dates: string[]) => void;
  onClose: () => void;
  label: string;
}

/** The button beside a date field that opens its calendar popup. */
export function PickerToggle(props: {
  label: string;
  open: boolean;
  disabled: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      class="rl-picker-toggle"
      aria-label={props.label}
      aria-haspopup="dialog"
      aria-expanded={props.open}
      disabled={props.disabled}
      onClick={props.onToggle}
    >
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">
        <rect x="3" y="5" width="18" height="16" rx="2" />
        <path d="M3 10h18M8 3v4M16 3v4" />
      </svg>
    </button>
  );
}

/** The clear control of a date or datetime field made with no default (left of the toggle). */
export function PickerClear(props: { onClear: () => void }) {
  return (
    <button
      type="button"
      class="rl-picker-clear"
      aria-label="Clear value"
      title="Clear"
      onClick={props.onClear}
    >
      ×
    </button>
  );
}

/**
 * A month grid in a dialog. Arrow keys move a day or a week, PageUp and
 * PageDown a month (with Shift, a year), Home/End to the week's ends, Enter
 * or Space picks, Escape closes. A range takes two picks, in either order.
 */
export function Calendar(props: CalendarProps) {
  const { min, max } = props;
  const [pending, setPending] = useState<string | undefined>(undefined);
  const start = clampIso(props.chosen[0] ?? todayIso(), min, max);
  const [focused, setFocused] = useState(start);
  const grid = useRef<HTMLTableElement>(null);
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-iso="${focused}"]`)?.focus();
  }, [focused]);

  const [year = 1970, month = 1] = focused.split("-").map(Number);
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const count = daysIn(year, month);
  const cells: (string | undefined)[] = [
    ...Array.from({ length: firstWeekday }, () => undefined),
    ...Array.from({ length: count }, (_, i) => isoOf(year, month, i + 1)),
  ];
  while (cells.length % 7 !== 0) cells.push(undefined);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const ends = pending !== undefined ? [pending] : props.chosen;
  const low = ends[0];
  const high = ends[1] ?? ends[0];
  const today = todayIso();

  const pick = (iso: string) => {
    if (outOfBounds(iso, min, max, props.format) !== undefined) return;
    if (!props.range) {
      props.onPick([iso]);
      return;
    }
    if (pending === undefined) {
      setPending(iso);
      return;
    }
    setPending(undefined);
    props.onPick(iso < pending ? [iso, pending] : [pending, iso]);
  };
  const move = (next: string) => setFocused(clampIso(next, min, max));
  const onKeyDown = (event: KeyboardEvent) => {
    const weekday = new Date(`${focused}T00:00:00Z`).getUTCDay();
    const moves: Record<string, () => string> = {
      ArrowLeft: () => shiftDays(focused, -1),
      ArrowRight: () => shiftDays(focused, 1),
      ArrowUp: () => shiftDays(focused, -7),
      ArrowDown: () => shiftDays(focused, 7),
      Home: () => shiftDays(focused, -weekday),
      End: () => shiftDays(focused, 6 - weekday),
      PageUp: () => shiftMonths(focused, event.shiftKey ? -12 : -1),
      PageDown: () => shiftMonths(focused, event.shiftKey ? 12 : 1),
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      move(to());
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (pending !== undefined) props.onPick([pending]);
      props.onClose();
    }
  };
  const prevMonth = shiftMonths(isoOf(year, month, 1), -1);
  const nextMonth = shiftMonths(isoOf(year, month, 1), 1);

  return (
    <div
      class="rl-calendar"
      role="dialog"
      aria-modal="false"
      aria-label={`Choose ${props.range ? "dates" : "a date"} for ${props.label}`}
      onKeyDown={onKeyDown}
    >
      <div class="rl-calendar-head">
        <button
          type="button"
          aria-label="Previous month"
          disabled={min !== "" && prevMonth.slice(0, 7) < min.slice(0, 7)}
          onClick={() => move(shiftMonths(focused, -1))}
        >
          ‹
        </button>
        <span aria-live="polite">{`${MONTH_NAMES[month - 1] ?? ""} ${year}`}</span>
        <button
          type="button"
          aria-label="Next month"
          disabled={max !== "" && nextMonth.slice(0, 7) > max.slice(0, 7)}
          onClick={() => move(shiftMonths(focused, 1))}
        >
          ›
        </button>
      </div>
      <table class="rl-calendar-grid" ref={grid} role="grid">
        <thead>
          <tr>
            {WEEKDAY_NAMES.map((name) => (
              <th key={name} scope="col" abbr={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((iso, d) => (
                <td key={d}>
                  {iso !== undefined && (
                    <button
                      type="button"
                      data-iso={iso}
                      tabIndex={iso === focused ? 0 : -1}
                      class={`rl-day${iso === today ? " rl-today" : ""}${
                        iso === low || iso === high ? " rl-chosen" : ""
                      }${low !== undefined && high !== undefined && iso > low && iso < high ? " rl-in-range" : ""}`}
                      aria-pressed={iso === low || iso === high}
                      // The visible day first, so speech matches what is seen.
                      aria-label={`${Number(iso.slice(8))}, ${formatDate(iso, props.format)}`}
                      disabled={outOfBounds(iso, min, max, props.format) !== undefined}
                      onClick={() => pick(iso)}
                    >
                      {Number(iso.slice(8))}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ------------------------------------------------------------------ times

/** Seconds since midnight as `format` shows them: "24h" (default), "12h" or "localized". */
export function formatTime(seconds: number, format: string, withSeconds: boolean): string {
  const h = Math.floor(seconds / 3600) % 24;
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const tail = `${pad2(m)}${withSeconds ? `:${pad2(s)}` : ""}`;
  if (format === "12h") return `${((h + 11) % 12) + 1}:${tail} ${h < 12 ? "AM" : "PM"}`;
  if (format === "localized") {
    return new Date(Date.UTC(1970, 0, 1, h, m, s)).toLocaleTimeString(undefined, {
      hour: "numeric",
      minute: "2-digit",
      ...(withSeconds ? { second: "2-digit" } : {}),
      timeZone: "UTC",
    });
  }
  return `${pad2(h)}:${tail}`;
}

/** "HH:MM[:SS]" (the wire form) → seconds since midnight. */
export function wireSeconds(wire: string): number | undefined {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wire);
  if (match === null) return undefined;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}

export function secondsWire(seconds: number, withSeconds: boolean): string {
  const h = Math.floor(seconds / 3600) % 24;
  const m = Math.floor((seconds % 3600) / 60);
  return `${pad2(h)}:${pad2(m)}${withSeconds ? `:${pad2(seconds % 60)}` : ""}`;
}

/**
 * A time typed as "8:45", "08:45:30", "845", "8:45 pm" or "20.45" → seconds
 * since midnight, or the reason it is not a time.
 */
export function parseTime(text: string): { seconds: number } | { error: string } {
  const cleaned = text.trim().toLowerCase();
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?(?:[:.](\d{2}))?\s*([ap]\.?m?\.?)?$/.exec(cleaned);
  const wrong = { error: `"${text.trim()}" is not a time; type it as HH:MM (00:00 to 23:59).` };
  if (match === null) return wrong;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const second = Number(match[3] ?? 0);
  const meridiem = match[4];
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { error: `${hour} is not an hour from 1 to 12 (with AM/PM).` };
    hour = (hour % 12) + (meridiem.startsWith("p") ? 12 : 0);
  }
  if (hour > 23) return { error: `${hour} is not an hour (0 to 23).` };
  if (minute > 59) return { error: `${minute} is not a minute (0 to 59).` };
  if (second > 59) return { error: `${second} is not a second (0 to 59).` };
  return { seconds: hour * 3600 + minute * 60 + second };
}

/** The choices of a day every `step` seconds, from midnight. */
export function timeChoices(step: number): number[] {
  const every = step > 0 ? step : 900;
  return Array.from({ length: Math.ceil(86_400 / every) }, (_, i) => i * every);
}
