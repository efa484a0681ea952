/**
 * Number and date display, written once for the widgets (sliders, number
 * inputs) and the table grid: printf-style formats as sprintf.js reads them
 * (`"%d"`, `"%.2f"`, `"%0.1f%%"`, `"$%,.2f"`), Streamlit 1.67's named number
 * formats (`"percent"`, `"dollar"`, ...), moment.js-style date patterns, and
 * the protocol's encodings of dates (days since 1970-01-01), times (seconds
 * since midnight) and datetimes (epoch microseconds). Pure; no DOM.
 */

/** printf-style: `%d`, `%i`, `%u`, `%f`, `%.2f`, `%e`, `%g`, `%x`, `%s`, `%%`, with flags `+-0 ,` and a width. */
const PRINTF = /%([+\-0 ,']*)(\d+)?(?:\.(\d+))?([diufFeEgGxXos%])/g;

/** `value` in every conversion of a printf-style `pattern`, as sprintf.js writes it. */
export function sprintf(pattern: string, value: number | string): string {
  return pattern.replace(
    PRINTF,
    (_match, flags: string, width: string | undefined, precision: string | undefined, conv: string) =>
      conversion(flags, width, precision, conv, value),
  );
}

/** One printf conversion (`%[flags][width][.precision]conv`) of `value`. */
function conversion(
  flags: string,
  width: string | undefined,
  precision: string | undefined,
  conv: string,
  value: number | string,
): string {
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
}

/**
 * A widget's number (sliders, number inputs) in its printf-style `format`:
 * the first conversion shows the value, the rest of the text is shown as
 * written (as the server writes the labels); "" = the shortest natural form.
 */
export function formatNumber(value: number, format: string, isInt = false): string {
  if (format === "") return isInt ? String(Math.round(value)) : trimFloat(value);
  for (const match of format.matchAll(PRINTF)) {
    const [whole, flags = "", width, precision, conv = ""] = match;
    if (conv === "%") continue;
    // Widgets show whole-number conversions rounded (as the server's slider labels do) and %s in the natural form.
    const shown = conv === "s" ? trimFloat(value) : "diuxX".includes(conv) ? Math.round(value) : value;
    const text = conversion(flags, width, precision, conv, shown);
    const at = match.index;
    return unescape(format.slice(0, at)) + text + unescape(format.slice(at + whole.length));
  }
  return format;
}

function unescape(text: string): string {
  return text.replace(/%%/g, "%");
}

function trimFloat(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
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

const intlFormats = new Map<string, Intl.NumberFormat>();
/** One `Intl.NumberFormat` per named format, made on first use (they are costly to build). */
function intl(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = intlFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, options);
    intlFormats.set(key, format);
  }
  return format;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];

/** A size in bytes with a 1,000-step unit and one decimal: 1234 → "1.2KB". */
function formatBytes(value: number): string {
  let scaled = Math.abs(value);
  let unit = 0;
  while (scaled >= 1000 && unit < BYTE_UNITS.length - 1) {
    scaled /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const text = intl(`bytes${digits}`, { maximumFractionDigits: digits }).format(scaled);
  return `${value < 0 ? "-" : ""}${text}${BYTE_UNITS[unit]}`;
}

/**
 * A number in one of Streamlit 1.67's named formats (`"plain"`, `"localized"`,
 * `"percent"`, `"dollar"`, `"euro"`, `"yen"`, `"accounting"`, `"bytes"`,
 * `"compact"`, `"scientific"`, `"engineering"`) or a printf pattern; "" and
 * an unknown name give the default (whole numbers as they are, floats with
 * up to four decimals).
 */
export function formatNamedNumber(value: number, format: string, isInteger = false): string {
  switch (format) {
    case "plain":
      return String(value);
    case "localized": // the locale's own number form (up to three decimals), as Streamlit
      return intl("localized", {}).format(value);
    case "percent": // up to two decimals, none when whole: 0.25 → "25%", 0.1234 → "12.34%"
      return intl("percent", { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(
        value,
      );
    case "dollar":
      return intl("dollar", { style: "currency", currency: "USD" }).format(value);
    case "euro":
      return intl("euro", { style: "currency", currency: "EUR" }).format(value);
    case "yen":
      return intl("yen", { style: "currency", currency: "JPY" }).format(value);
    case "accounting": {
      // Two decimals with separators and no currency sign; a negative in parentheses: "(5.00)".
      const text = intl("accounting", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        Math.abs(value),
      );
      return value < 0 ? `(${text})` : text;
    }
    case "bytes":
      return formatBytes(value);
    case "compact": // the notations' own precision: 1234 → "1.2K", 12345 → "12K"
      return intl("compact", { notation: "compact" }).format(value);
    case "scientific":
      return intl("scientific", { notation: "scientific" }).format(value);
    case "engineering":
      return intl("engineering", { notation: "engineering" }).format(value);
    default:
      if (format.includes("%")) return sprintf(format, value);
      return isInteger ? String(value) : formatFloat(value);
  }
}

/** Up to four decimals, trailing zeros dropped (the grid's default for floats). */
export function formatFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return value.toExponential(4).replace(/\.?0+e/, "e");
  return String(Number(value.toFixed(4)));
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

/** `value` (its magnitude) in at least `width` digits: pad(5) is "05". */
export const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, "0");

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

/**
 * A moment (a Date or epoch ms) in a moment.js-style pattern ("YYYY-MM-DD HH:mm",
 * "MMM Do, YYYY", "[at] h:mm a"), in `zone` (undefined = as stored, i.e. UTC).
 */
export function formatMoment(moment: Date | number, pattern: string, zone?: string): string {
  const ms = typeof moment === "number" ? moment : moment.getTime();
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

const localizedFormats = new Map<string, Intl.DateTimeFormat>();
/** The browser locale's medium date/time style for `kind` in `timeZone` (UTC for a zone it does not know), made once. */
function localizedFormat(kind: DateKind, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = localizedFormats.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? { dateStyle: "medium" }
        : kind === "time"
          ? { timeStyle: "medium" }
          : { dateStyle: "medium", timeStyle: "medium" };
    try {
      format = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" });
    }
    localizedFormats.set(key, format);
  }
  return format;
}

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
      // Whole seconds, as Streamlit 1.67's grid draws them (03:04:05.123 shows 03:04:05).
      return formatMoment(ms, DEFAULT_DATE_PATTERNS[kind] + (zone ? "Z" : ""), zone);
    case "localized":
      return localizedFormat(kind, kind === "datetime" && zone ? zone : "UTC").format(new Date(ms));
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

// ------------------------------------------------------------ slider values

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function daysToIsoDate(days: number): string {
  return new Date(Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → days since 1970-01-01. */
export function isoDateToDays(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Seconds since midnight → "HH:MM". */
export function secondsToTime(seconds: number): string {
  const total = Math.round(seconds);
  return `${pad(Math.floor(total / 3600) % 24)}:${pad(Math.floor((total % 3600) / 60))}`;
}

/** Epoch microseconds → "YYYY-MM-DD HH:MM" (UTC, as the server encoded it). */
export function microsToDateTime(micros: number): string {
  const iso = new Date(micros / 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The Date for a slider value of a date/time/datetime slider (see the protocol's encodings). */
export function sliderMoment(kind: "date" | "time" | "datetime", value: number): Date {
  if (kind === "date") return new Date(Math.round(value) * DAY_MS);
  if (kind === "time") return new Date(Math.round(value) * 1000);
  return new Date(value / 1000);
}
