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

// How long a duration reads in words, from the largest unit it reaches (seconds given).
const SPANS: readonly (readonly [limit: number, one: string, many: string, unit: number])[] = [
  [45, "a few seconds", "a few seconds", 1],
  [90, "a minute", "a minute", 60],
  [45 * 60, "a minute", "%d minutes", 60],
  [90 * 60, "an hour", "an hour", 3600],
  [22 * 3600, "an hour", "%d hours", 3600],
  [36 * 3600, "a day", "a day", 86_400],
  [26 * 86_400, "a day", "%d days", 86_400],
  [45 * 86_400, "a month", "a month", 30.4 * 86_400],
  [320 * 86_400, "a month", "%d months", 30.4 * 86_400],
  [548 * 86_400, "a year", "a year", 365.25 * 86_400],
];

/**
 * Seconds as approximate words, as Streamlit's "duration" format shows them:
 * 30 → "a few seconds", 7200 → "2 hours", 86400 → "a day", 400 days → "a year".
 */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const abs = Math.abs(seconds);
  for (const [limit, one, many, unit] of SPANS) {
    if (abs < limit) {
      const count = Math.round(abs / unit);
      return count <= 1 ? one : many.replace("%d", String(count));
    }
  }
  const years = Math.round(abs / (365.25 * 86_400));
  return years <= 1 ? "a year" : `${years} years`;
}

// ------------------------------------------------------------------ pandas dtypes

/** A duration in pandas' spelling: "1 days 02:03:04.500000". */
export function formatTimedelta(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86400000);
  rest -= days * 86400000;
  const hours = Math.floor(rest / 3600000);
  rest -= hours * 3600000;
  const minutes = Math.floor(rest / 60000);
  rest -= minutes * 60000;
  const seconds = Math.floor(rest / 1000);
  const micros = Math.round((rest - seconds * 1000) * 1000);
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${micros ? `.${pad(micros, 6)}` : ""}`;
  return `${sign}${days} days ${clock}`;
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
      return typeof value === "number" ? formatTimedelta(value) : plainText(value);
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
