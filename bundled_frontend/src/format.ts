/**
 * Display formatting shared by sliders and number inputs: the printf-style
 * `format` strings Streamlit apps pass (`"%d"`, `"%.2f"`, `"%0.1f%%"`,
 * `"$%,.2f"` is not printf and is shown as is), and the protocol's encodings of
 * dates (days since 1970-01-01), times (seconds since midnight) and datetimes
 * (epoch microseconds).
 */

const PRINTF = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([dieEfFgGsxXu])/;

/** Format `value` with a printf-style `format`; "" = the shortest natural form. */
export function formatNumber(value: number, format: string, isInt = false): string {
  if (format === "") return isInt ? String(Math.round(value)) : trimFloat(value);
  const match = PRINTF.exec(format);
  if (match === null) return format;
  const [whole, flags = "", width, precision, conversion] = match;
  let text: string;
  switch (conversion) {
    case "d":
    case "i":
    case "u":
      text = String(Math.round(value));
      break;
    case "e":
    case "E":
      // Python writes at least two exponent digits: 1.5e+03.
      text = value
        .toExponential(precision === undefined ? 6 : Number(precision))
        .replace(/e([+-])(\d)$/, "e$10$2");
      if (conversion === "E") text = text.toUpperCase();
      break;
    case "g":
    case "G":
      text = String(Number(value.toPrecision(precision === undefined ? 6 : Math.max(1, Number(precision)))));
      break;
    case "x":
    case "X":
      text = Math.round(value).toString(16);
      if (conversion === "X") text = text.toUpperCase();
      break;
    case "s":
      text = trimFloat(value);
      break;
    default:
      text = value.toFixed(precision === undefined ? 6 : Number(precision));
  }
  if (flags.includes("+") && value >= 0) text = `+${text}`;
  if (width !== undefined) text = text.padStart(Number(width), flags.includes("0") ? "0" : " ");
  return format.replace(whole, text).replace(/%%/g, "%");
}

function trimFloat(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

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
  return `${pad2(Math.floor(total / 3600) % 24)}:${pad2(Math.floor((total % 3600) / 60))}`;
}

/** Epoch microseconds → "YYYY-MM-DD HH:MM" (UTC, as the server encoded it). */
export function microsToDateTime(micros: number): string {
  const iso = new Date(micros / 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
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
const MOMENT_TOKEN = /\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|A|a/g;

function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[day % 10] ?? "th");
  return `${day}${suffix}`;
}

/**
 * Format a UTC moment with the moment.js-style tokens date and time sliders
 * take (`"YYYY-MM-DD"`, `"MMM D, YYYY h:mm A"`); `[text]` is literal.
 */
export function formatMoment(date: Date, format: string): string {
  const hour12 = ((date.getUTCHours() + 11) % 12) + 1;
  const tokens: Record<string, () => string> = {
    YYYY: () => String(date.getUTCFullYear()).padStart(4, "0"),
    YY: () => pad2(date.getUTCFullYear() % 100),
    MMMM: () => MONTHS[date.getUTCMonth()] ?? "",
    MMM: () => (MONTHS[date.getUTCMonth()] ?? "").slice(0, 3),
    MM: () => pad2(date.getUTCMonth() + 1),
    M: () => String(date.getUTCMonth() + 1),
    Do: () => ordinal(date.getUTCDate()),
    DD: () => pad2(date.getUTCDate()),
    D: () => String(date.getUTCDate()),
    dddd: () => WEEKDAYS[date.getUTCDay()] ?? "",
    ddd: () => (WEEKDAYS[date.getUTCDay()] ?? "").slice(0, 3),
    HH: () => pad2(date.getUTCHours()),
    H: () => String(date.getUTCHours()),
    hh: () => pad2(hour12),
    h: () => String(hour12),
    mm: () => pad2(date.getUTCMinutes()),
    m: () => String(date.getUTCMinutes()),
    ss: () => pad2(date.getUTCSeconds()),
    s: () => String(date.getUTCSeconds()),
    A: () => (date.getUTCHours() < 12 ? "AM" : "PM"),
    a: () => (date.getUTCHours() < 12 ? "am" : "pm"),
  };
  return format.replace(MOMENT_TOKEN, (token) =>
    token.startsWith("[") ? token.slice(1, -1) : (tokens[token]?.() ?? token),
  );
}

/** The Date for a slider value of a date/time/datetime slider (see the protocol's encodings). */
export function sliderMoment(kind: "date" | "time" | "datetime", value: number): Date {
  if (kind === "date") return new Date(Math.round(value) * DAY_MS);
  if (kind === "time") return new Date(Math.round(value) * 1000);
  return new Date(value / 1000);
}
