/**
 * What the server says of each Arrow column (`DataFrame.columns_json`,
 * protocol README "Tables"), and how it refines a column's kind. Shared by
 * the Arrow reader (./arrow.ts, in the grid's lazy chunk) and the first
 * paint (./firstPaint.ts, in the initial bundle), so it imports no Arrow
 * library. Pure; no DOM.
 */
import type { ColumnKind, DataColumn } from "./model";

/** What the server says of one Arrow column (`DataFrame.columns_json`, protocol README "Tables"). */
export interface ColumnInfo {
  readonly name?: string;
  readonly index?: boolean;
  readonly kind?: string;
  readonly dtype?: string;
  readonly options?: readonly unknown[];
  readonly tz?: string;
}

const SERVER_KINDS: Readonly<Record<string, ColumnKind>> = {
  int: "int",
  float: "float",
  bool: "bool",
  string: "string",
  bytes: "bytes",
  datetime: "datetime",
  date: "date",
  time: "time",
  timedelta: "timedelta",
  decimal: "decimal",
  categorical: "categorical",
  interval: "interval",
  period: "period",
  list: "list",
  json: "json",
  object: "object",
  empty: "null",
};

export function parseColumnsJson(json: string): ColumnInfo[] {
  if (json === "") return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed)
      ? parsed.filter((x): x is ColumnInfo => x !== null && typeof x === "object")
      : [];
  } catch {
    return [];
  }
}

/** The server's word on a column wins over what the Arrow type alone says. */
export function withInfo(column: DataColumn, info: ColumnInfo | undefined): DataColumn {
  if (info === undefined) return column;
  const kind = (info.kind !== undefined ? SERVER_KINDS[info.kind] : undefined) ?? column.kind;
  const next: { -readonly [K in keyof DataColumn]: DataColumn[K] } = { ...column, kind };
  if (info.dtype !== undefined) next.dtype = info.dtype;
  if (info.tz !== undefined && info.tz !== "") next.timezone = info.tz;
  if (Array.isArray(info.options)) next.categories = info.options.map(String);
  return next;
}
