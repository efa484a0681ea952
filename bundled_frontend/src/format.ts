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
