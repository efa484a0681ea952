/**
 * A cell's raw value as display text: numbers in Streamlit 1.67's named
 * formats or printf, dates in named or moment-style patterns, and a readable
 * text for every other Arrow dtype. Pure; no DOM.
 */
import {
  formatDate,
  formatFloat,
  formatMoment,
  formatNamedNumber,
  pad,
  sprintf,
  type DateKind,
} from "../format";
import type { ColumnSpec } from "./columns";

// Numbers and dates format as in the widgets: one implementation, in ../format
// (re-exported here for the grid's tests).
export { formatDate, sprintf } from "../format";

/** A number in a named format of Streamlit 1.67 or a printf pattern; "" = the default. */
/** A number cell in its column's `format`: Streamlit's named formats, printf, or "duration". */
export function formatNumber(value: number, format: string, isInteger = false): string {
  return format === "duration" ? humanDuration(value) : formatNamedNumber(value, format, isInteger);
}

/**
 * Seconds as approximate words, as Streamlit's "duration" format shows them:
 * each unit is the rounded count of it, and the first unit that stays under
 * its limit names the span (45 s → "a minute", 7200 → "2 hours", 400 days →
 * "a year").
 */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const abs = Math.abs(seconds);
  const days = abs / 86_400;
  const months = (days * 4800) / 146_097; // the Gregorian calendar's average month
  const count = {
    s: Math.round(abs),
    m: Math.round(abs / 60),
    h: Math.round(abs / 3600),
    d: Math.round(days),
    M: Math.round(months),
    y: Math.round(months / 12),
  };
  if (count.s <= 44) return "a few seconds";
  if (count.m <= 1) return "a minute";
  if (count.m < 45) return `${count.m} minutes`;
  if (count.h <= 1) return "an hour";
  if (count.h < 22) return `${count.h} hours`;
  if (count.d <= 1) return "a day";
  if (count.d < 26) return `${count.d} days`;
  if (count.M <= 1) return "a month";
  if (count.M < 11) return `${count.M} months`;
  return count.y <= 1 ? "a year" : `${count.y} years`;
}

// ------------------------------------------------------------------ pandas dtypes

/**
 * A duration cell, as Streamlit 1.67 shows one: in words by default or with
 * "duration" ("a day"), a clock with "compact" ("26:03:04", hours not
 * wrapped), the locale's units with "localized" ("1 day, 2 hr, 3 min, 4 sec"),
 * and any other named or printf format applied to its seconds.
 */
export function durationText(ms: number, format: string): string {
  const seconds = ms / 1000;
  if (format !== "" && format !== "duration" && format !== "compact" && format !== "localized") {
    return formatNamedNumber(seconds, format);
  }
  const sign = seconds < 0 ? "-" : "";
  const abs = Math.abs(seconds);
  if (format === "compact") return sign + clockText(abs);
  if (format === "localized") return sign + (localizedDuration(abs) ?? clockText(abs));
  return sign + humanDuration(abs);
}

function clockText(seconds: number): string {
  const whole = Math.floor(seconds);
  const fraction = Math.round((seconds - whole) * 1e6);
  const hours = Math.floor(whole / 3600);
  const clock = `${pad(hours)}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  return fraction ? `${clock}.${pad(fraction, 6).replace(/0+$/, "")}` : clock;
}

interface DurationFormatter {
  format(parts: Record<string, number>): string;
}
const durationFormats = new Map<boolean, DurationFormatter | null>();

/** The locale's units (Intl.DurationFormat, short style); undefined where the browser has none. */
function localizedDuration(seconds: number): string | undefined {
  const whole = Math.floor(seconds);
  const parts: Record<string, number> = {};
  const units: [string, number][] = [
    ["days", Math.floor(whole / 86_400)],
    ["hours", Math.floor((whole % 86_400) / 3600)],
    ["minutes", Math.floor((whole % 3600) / 60)],
    ["seconds", whole % 60],
  ];
  for (const [unit, count] of units) if (count) parts[unit] = count;
  const micros = Math.round((seconds - whole) * 1e6);
  if (micros >= 1000) parts["milliseconds"] = Math.floor(micros / 1000);
  if (micros % 1000) parts["microseconds"] = micros % 1000;
  const zero = Object.keys(parts).length === 0;
  if (zero) parts["seconds"] = 0;
  if (!durationFormats.has(zero)) {
    const make = (
      Intl as unknown as { DurationFormat?: new (locale?: string, options?: object) => DurationFormatter }
    ).DurationFormat;
    durationFormats.set(
      zero,
      make
        ? new make(undefined, zero ? { style: "short", secondsDisplay: "always" } : { style: "short" })
        : null,
    );
  }
  return durationFormats.get(zero)?.format(parts);
}

/** A pandas period ordinal as its label, by frequency. */
export function formatPeriod(ordinal: number, freq: string): string {
  const base = freq.replace(/^\d+/, "").split("-")[0]?.toUpperCase() ?? "D";
  const day = (d: number): string => formatMoment(d * 86400000, "YYYY-MM-DD");
  switch (base) {
    case "Y":
    case "A":
    case "YE":
      return String(1970 + ordinal);
    case "Q":
    case "QE":
      return `${1970 + Math.floor(ordinal / 4)}Q${(((ordinal % 4) + 4) % 4) + 1}`;
    case "M":
    case "ME":
      return `${1970 + Math.floor(ordinal / 12)}-${pad((((ordinal % 12) + 12) % 12) + 1)}`;
    case "W": {
      // pandas counts weeks ending on Sunday from the week of 1969-12-29.
      const end = ordinal * 7 + 3;
      return `${day(end - 6)}/${day(end)}`;
    }
    case "H":
    case "h":
      return formatMoment(ordinal * 3600000, "YYYY-MM-DD HH:00");
    case "T":
    case "MIN":
      return formatMoment(ordinal * 60000, "YYYY-MM-DD HH:mm");
    case "S":
      return formatMoment(ordinal * 1000, "YYYY-MM-DD HH:mm:ss");
    default:
      return day(ordinal);
  }
}

// ------------------------------------------------------------------ cells

const decoder = new TextDecoder("utf-8", { fatal: false });

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

/** Any nested value as compact readable text (lists, structs, bytes, typed arrays). */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatFloat(value);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Uint8Array) return decoder.decode(value);
  if (ArrayBuffer.isView(value))
    return `[${Array.from(value as unknown as ArrayLike<number>, plainText).join(", ")}]`;
  if (Array.isArray(value)) return `[${value.map(plainText).join(", ")}]`;
  if (value instanceof Map) return plainText(Object.fromEntries(value));
  if (isRecord(value)) {
    try {
      return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** The items of a list-like cell value. */
export function listItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<unknown>);
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // a plain string is one item
    }
    return [value];
  }
  return value === null || value === undefined ? [] : [value];
}

function intervalText(value: unknown): string {
  if (!isRecord(value)) return plainText(value);
  const closed = String(value["closed"] ?? "right");
  const open = closed === "left" || closed === "both" ? "[" : "(";
  const close = closed === "right" || closed === "both" ? "]" : ")";
  return `${open}${plainText(value["left"])}, ${plainText(value["right"])}${close}`;
}

function configString(spec: ColumnSpec, key: string): string {
  const value = spec.config[key];
  return typeof value === "string" ? value : "";
}

/** True for a missing value: null, undefined, NaN, NaT. */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

/** The text a cell shows ("" for a missing value: the grid draws the placeholder). */
export function cellText(value: unknown, spec: ColumnSpec): string {
  if (isMissing(value)) return "";
  const format = configString(spec, "format");
  switch (spec.kind) {
    case "interval":
      return intervalText(value);
    case "period":
      return typeof value === "number" ? formatPeriod(value, spec.freq ?? "D") : plainText(value);
    case "timedelta":
      return typeof value === "number" ? durationText(value, format) : plainText(value);
    case "bytes":
      return plainText(value);
    default:
      break;
  }
  switch (spec.type) {
    case "number":
    case "progress":
      if (typeof value === "number") return formatNumber(value, format, spec.kind === "int");
      if (typeof value === "bigint") return value.toString();
      if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)))
        return formatNumber(Number(value), format, Number.isInteger(Number(value)));
      return plainText(value);
    case "datetime":
    case "date":
    case "time": {
      const ms =
        typeof value === "number"
          ? value
          : typeof value === "string"
            ? parseDateValue(value, spec.type)
            : NaN;
      if (!Number.isFinite(ms)) return plainText(value);
      return formatDate(ms, format, spec.type, spec.type === "datetime" ? spec.timezone : undefined);
    }
    case "checkbox":
      return value ? "true" : "false";
    case "multiselect":
    case "list":
      return listItems(value).map(plainText).join(", ");
    case "link": {
      const display = configString(spec, "display_text");
      if (display === "") return plainText(value);
      const url = plainText(value);
      // display_text may be a regex with one group that picks part of the URL.
      if (display.includes("(")) {
        try {
          const match = new RegExp(display).exec(url);
          if (match?.[1] !== undefined) return match[1];
        } catch {
          return display;
        }
      }
      return display;
    }
    case "text":
    case "selectbox":
      if (format !== "" && format.includes("%") && (typeof value === "number" || typeof value === "string"))
        return sprintf(format, value);
      return plainText(value);
    default:
      return plainText(value);
  }
}

/** Parse a date/time the user typed or an edit held as ISO text into epoch ms (time: ms after midnight). */
export function parseDateValue(text: string, kind: DateKind): number {
  const trimmed = text.trim();
  if (kind === "time") {
    const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/.exec(trimmed);
    if (match === null) return NaN;
    const ms = Number((match[4] ?? "0").padEnd(3, "0").slice(0, 3));
    return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3] ?? 0)) * 1000 + ms;
  }
  // Naive texts are read as UTC: the grid shows naive values as stored.
  const naive = /(?:Z|[+-]\d{2}:?\d{2})$/.test(trimmed)
    ? trimmed
    : `${trimmed.replace(" ", "T")}${trimmed.length > 10 ? "Z" : ""}`;
  return Date.parse(naive.length === 10 ? `${naive}T00:00:00Z` : naive);
}
