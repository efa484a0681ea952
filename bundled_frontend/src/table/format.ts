/**
 * A cell's raw value as display text: numbers in Streamlit 1.67's named
 * formats or printf, dates in named or moment-style patterns, and a readable
 * text for every other Arrow dtype. Pure; no DOM.
 */
import type { ColumnSpec } from "./columns";

/** printf-style: `%d`, `%i`, `%u`, `%f`, `%.2f`, `%e`, `%g`, `%x`, `%s`, `%%`, with flags `+-0 ,` and a width. */
const PRINTF = /%([+\-0 ,']*)(\d+)?(?:\.(\d+))?([diufFeEgGxXos%])/g;

export function sprintf(pattern: string, value: number | string): string {
  return pattern.replace(
    PRINTF,
    (_match, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === "%") return "%";
      const digits = precision === undefined ? undefined : Number(precision);
      const num = typeof value === "number" ? value : Number(value);
      let text: string;
      switch (conv) {
        case "d":
        case "i":
        case "u":
          text = Number.isFinite(num) ? Math.trunc(num).toString() : String(num);
          break;
        case "f":
        case "F":
          text = Number.isFinite(num) ? num.toFixed(digits ?? 6) : String(num);
          break;
        case "e":
        case "E":
          text = Number.isFinite(num) ? expo(num.toExponential(digits ?? 6)) : String(num);
          if (conv === "E") text = text.toUpperCase();
          break;
        case "g":
        case "G":
          text = Number.isFinite(num)
            ? String(Number(num.toPrecision(digits === 0 ? 1 : (digits ?? 6))))
            : String(num);
          break;
        case "x":
        case "X":
          text = Math.trunc(num).toString(16);
          if (conv === "X") text = text.toUpperCase();
          break;
        case "o":
          text = Math.trunc(num).toString(8);
          break;
        default:
          text = typeof value === "string" ? value : formatFloat(num);
          if (digits !== undefined) text = text.slice(0, digits);
      }
      if (flags.includes(",") || flags.includes("'")) text = groupThousands(text);
      if (flags.includes("+") && conv !== "s" && num >= 0) text = `+${text}`;
      else if (flags.includes(" ") && conv !== "s" && num >= 0) text = ` ${text}`;
      const pad = width === undefined ? 0 : Number(width);
      if (text.length < pad) {
        if (flags.includes("-")) text = text.padEnd(pad);
        else if (flags.includes("0") && conv !== "s") {
          const sign = /^[+\- ]/.test(text) ? (text[0] ?? "") : "";
          text = sign + text.slice(sign.length).padStart(pad - sign.length, "0");
        } else text = text.padStart(pad);
      }
      return text;
    },
  );
}

function expo(text: string): string {
  // C prints at least two exponent digits: 1.5e+03, not 1.5e+3.
  return text.replace(/e([+-])(\d)$/, "e$10$2");
}

function groupThousands(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Up to four decimals, trailing zeros dropped (the grid's default for floats). */
export function formatFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return value.toExponential(4).replace(/\.?0+e/, "e");
  return String(Number(value.toFixed(4)));
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function intl(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number in a named format of Streamlit 1.67 or a printf pattern; "" = the default. */
export function formatNumber(value: number, format: string, isInteger: boolean): string {
  switch (format) {
    case "":
      return isInteger ? String(value) : formatFloat(value);
    case "plain":
      return String(value);
    case "localized":
      return intl("localized", { maximumFractionDigits: 4 }).format(value);
    case "percent":
      return intl("percent", { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        value,
      );
    case "dollar":
      return intl("dollar", { style: "currency", currency: "USD" }).format(value);
    case "euro":
      return intl("euro", { style: "currency", currency: "EUR" }).format(value);
    case "yen":
      return intl("yen", { style: "currency", currency: "JPY" }).format(value);
    case "accounting":
      return intl("accounting", { style: "currency", currency: "USD", currencySign: "accounting" }).format(
        value,
      );
    case "compact":
      return intl("compact", { notation: "compact", maximumFractionDigits: 1 }).format(value);
    case "scientific":
      return intl("scientific", { notation: "scientific", maximumFractionDigits: 3 }).format(value);
    case "engineering":
      return intl("engineering", { notation: "engineering", maximumFractionDigits: 3 }).format(value);
    default:
      return format.includes("%") ? sprintf(format, value) : isInteger ? String(value) : formatFloat(value);
  }
}

// ------------------------------------------------------------------ dates

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();
function zoneFormat(zone: string): Intl.DateTimeFormat | null {
  if (!zoneFormats.has(zone)) {
    let format: Intl.DateTimeFormat | null = null;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      format = null; // an unknown zone: shown in UTC with its offset when it is one
    }
    zoneFormats.set(zone, format);
  }
  return zoneFormats.get(zone) ?? null;
}

function fixedOffset(zone: string): number | undefined {
  const match = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (match === null) return zone === "UTC" || zone === "Z" ? 0 : undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/** Calendar fields of an epoch-milliseconds instant, in a zone (undefined = as stored, i.e. UTC). */
export function dateParts(ms: number, zone?: string): DateParts {
  let offset = 0;
  if (zone !== undefined && zone !== "") {
    const fixed = fixedOffset(zone);
    if (fixed !== undefined) offset = fixed;
    else {
      const format = zoneFormat(zone);
      if (format !== null) {
        const parts: Record<string, number> = {};
        for (const part of format.formatToParts(new Date(ms))) {
          if (part.type !== "literal") parts[part.type] = Number(part.value);
        }
        const local = Date.UTC(
          parts["year"] ?? 1970,
          (parts["month"] ?? 1) - 1,
          parts["day"] ?? 1,
          parts["hour"] ?? 0,
          parts["minute"] ?? 0,
          parts["second"] ?? 0,
        );
        offset = Math.round((local - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
      }
    }
  }
  const shifted = new Date(ms + offset * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    offset,
  };
}

const MONTHS = [
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
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, "0");

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${["th", "st", "nd", "rd"][day % 10] ?? "th"}`;
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ":" : ""}${pad(abs % 60)}`;
}

const MOMENT_TOKENS =
  /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x/g;

/** A moment.js-style pattern ("YYYY-MM-DD HH:mm", "MMM Do, YYYY", "[at] h:mm a"). */
export function formatMoment(ms: number, pattern: string, zone?: string): string {
  const p = dateParts(ms, zone);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return pattern.replace(MOMENT_TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case "YYYY":
        return pad(p.year, 4);
      case "YY":
        return pad(p.year % 100);
      case "MMMM":
        return MONTHS[p.month - 1] ?? "";
      case "MMM":
        return (MONTHS[p.month - 1] ?? "").slice(0, 3);
      case "MM":
        return pad(p.month);
      case "M":
        return String(p.month);
      case "Do":
        return ordinal(p.day);
      case "DD":
        return pad(p.day);
      case "D":
        return String(p.day);
      case "dddd":
        return WEEKDAYS[p.weekday] ?? "";
      case "ddd":
        return (WEEKDAYS[p.weekday] ?? "").slice(0, 3);
      case "dd":
        return (WEEKDAYS[p.weekday] ?? "").slice(0, 2);
      case "d":
        return String(p.weekday);
      case "HH":
        return pad(p.hour);
      case "H":
        return String(p.hour);
      case "hh":
        return pad(hour12);
      case "h":
        return String(hour12);
      case "mm":
        return pad(p.minute);
      case "m":
        return String(p.minute);
      case "ss":
        return pad(p.second);
      case "s":
        return String(p.second);
      case "SSS":
        return pad(p.millisecond, 3);
      case "SS":
        return pad(Math.floor(p.millisecond / 10));
      case "S":
        return String(Math.floor(p.millisecond / 100));
      case "A":
        return p.hour < 12 ? "AM" : "PM";
      case "a":
        return p.hour < 12 ? "am" : "pm";
      case "ZZ":
        return offsetText(p.offset, false);
      case "Z":
        return offsetText(p.offset, true);
      case "X":
        return String(Math.floor(ms / 1000));
      default:
        return String(ms);
    }
  });
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86400000],
  ["month", 30 * 86400000],
  ["day", 86400000],
  ["hour", 3600000],
  ["minute", 60000],
  ["second", 1000],
];
let relative: Intl.RelativeTimeFormat | undefined;

/** "3 days ago", "in 2 hours" (format "distance"). */
export function formatDistance(ms: number, now: number): string {
  relative ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const delta = ms - now;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(delta) >= size || unit === "second") return relative.format(Math.round(delta / size), unit);
  }
  return "";
}

/** "Today at 3:05 PM", "Yesterday at ...", "Last Monday at ...", else the date (format "calendar"). */
export function formatCalendar(ms: number, now: number, zone?: string): string {
  const dayOf = (t: number): number => {
    const p = dateParts(t, zone);
    return Math.floor(Date.UTC(p.year, p.month - 1, p.day) / 86400000);
  };
  const days = dayOf(ms) - dayOf(now);
  const time = formatMoment(ms, "h:mm A", zone);
  if (days === 0) return `Today at ${time}`;
  if (days === -1) return `Yesterday at ${time}`;
  if (days === 1) return `Tomorrow at ${time}`;
  if (days < 0 && days > -7) return `Last ${formatMoment(ms, "dddd", zone)} at ${time}`;
  if (days > 0 && days < 7) return `${formatMoment(ms, "dddd", zone)} at ${time}`;
  return formatMoment(ms, "MM/DD/YYYY", zone);
}

export type DateKind = "datetime" | "date" | "time";

const DEFAULT_DATE_PATTERNS: Record<DateKind, string> = {
  datetime: "YYYY-MM-DD HH:mm:ss",
  date: "YYYY-MM-DD",
  time: "HH:mm:ss",
};

/** A date, time or datetime (epoch ms; a time = ms after midnight) in a named or moment format. */
export function formatDate(
  ms: number,
  format: string,
  kind: DateKind,
  zone?: string,
  now = Date.now(),
): string {
  switch (format) {
    case "":
      return formatMoment(
        ms,
        DEFAULT_DATE_PATTERNS[kind] +
          (kind === "datetime" && ms % 1000 !== 0 ? ".SSS" : "") +
          (zone ? "Z" : ""),
        zone,
      );
    case "localized": {
      const options: Intl.DateTimeFormatOptions =
        kind === "date"
          ? { dateStyle: "medium" }
          : kind === "time"
            ? { timeStyle: "medium" }
            : { dateStyle: "medium", timeStyle: "medium" };
      const timeZone = kind === "datetime" && zone ? zone : "UTC";
      try {
        return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(ms));
      } catch {
        return new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" }).format(new Date(ms));
      }
    }
    case "distance":
      return formatDistance(ms, now);
    case "calendar":
      return formatCalendar(ms, now, zone);
    case "iso8601":
      return kind === "date"
        ? formatMoment(ms, "YYYY-MM-DD", zone)
        : kind === "time"
          ? formatMoment(ms, "HH:mm:ss.SSS", zone)
          : formatMoment(ms, zone ? "YYYY-MM-DD[T]HH:mm:ss.SSSZ" : "YYYY-MM-DD[T]HH:mm:ss.SSS", zone);
    default:
      return formatMoment(ms, format, zone);
  }
}

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
