/**
 * The table the grid draws: columns of raw values with a kind each, whatever
 * the wire carried (Arrow IPC, or the older JSON document). Pure; no DOM.
 *
 * Raw values are JavaScript scalars: numbers (dates and datetimes as epoch
 * milliseconds, times as milliseconds after midnight, durations as
 * milliseconds), strings, booleans, arrays, plain objects, `Uint8Array` for
 * bytes, and `null` for a missing value.
 */

export type ColumnKind =
  | "int"
  | "float"
  | "decimal"
  | "bool"
  | "string"
  | "categorical"
  | "datetime"
  | "date"
  | "time"
  | "timedelta"
  | "interval"
  | "period"
  | "list"
  | "struct"
  | "bytes"
  | "null"
  | "json"
  | "object";

export interface DataColumn {
  /** The name the script uses (column_config key, selection and edit key). */
  readonly name: string;
  readonly kind: ColumnKind;
  readonly isIndex: boolean;
  /** IANA zone (or offset) of a tz-aware datetime column. */
  readonly timezone?: string;
  /** The categories of a categorical column, in order. */
  readonly categories?: readonly string[];
  /** A period column's pandas frequency ("D", "M", "Y", ...). */
  readonly freq?: string;
  /** The source dtype as text ("int64", "datetime64[ns, UTC]", ...), when the server said. */
  readonly dtype?: string;
  get(row: number): unknown;
}

export interface TableData {
  readonly numRows: number;
  /**
   * Rows from here on have not arrived yet (a large table's first rows come
   * first; see rillet/protocol/README.md, "Tables"): their cells read as
   * null. Undefined when every row is here.
   */
  readonly loadedRows?: number;
  /**
   * What the column specs are drawn from (`columnSpecs` reads the columns and
   * the first 50 rows): the same object while only later parts of the table
   * arrive, so the grid does not make its specs again for each. Undefined:
   * the table itself.
   */
  readonly specSource?: object;
  /** Index columns first, then the data columns. */
  readonly columns: readonly DataColumn[];
}

export const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(["int", "float", "decimal"]);

export function isNumericKind(kind: ColumnKind): boolean {
  return NUMERIC_KINDS.has(kind);
}

/** A column from a plain array of values (JSON path, added rows, tests). */
export function arrayColumn(
  name: string,
  kind: ColumnKind,
  values: readonly unknown[],
  isIndex = false,
): DataColumn {
  return { name, kind, isIndex, get: (row) => values[row] ?? null };
}

/** The kind a column of JSON values has: numbers, booleans, else strings/objects. */
export function inferKind(values: readonly unknown[]): ColumnKind {
  let kind: ColumnKind | undefined;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const next: ColumnKind =
      typeof value === "number"
        ? Number.isInteger(value)
          ? "int"
          : "float"
        : typeof value === "boolean"
          ? "bool"
          : typeof value === "string"
            ? "string"
            : Array.isArray(value)
              ? "list"
              : "object";
    if (kind === undefined) kind = next;
    else if (kind !== next) {
      if ((kind === "int" && next === "float") || (kind === "float" && next === "int")) kind = "float";
      else return "object";
    }
  }
  return kind ?? "null";
}

/**
 * The JSON document older servers send:
 * `{"columns": [...], "index": [...], "data": [[row], ...]}`.
 */
export function tableFromJson(json: string): TableData {
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error("dataframe JSON must be an object with columns, index and data");
  }
  const record = parsed as Record<string, unknown>;
  const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const rows = asArray(record["data"]).map(asArray);
  const names = asArray(record["columns"]).map((name) => String(name));
  const index = asArray(record["index"]);
  const columns: DataColumn[] = [];
  if (index.length > 0) columns.push(arrayColumn("_index", inferKind(index), index, true));
  names.forEach((name, c) => {
    const values = rows.map((row) => row[c] ?? null);
    columns.push(arrayColumn(name, inferKind(values), values));
  });
  return { numRows: rows.length, columns };
}
