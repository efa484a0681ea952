/**
 * The column-oriented JSON a DataFrame element carries:
 * `{"columns": [...], "index": [...], "data": [[row], ...]}`, parsed into a
 * table of display strings.
 */
export interface Table {
  readonly columns: readonly string[];
  readonly index: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function display(cell: unknown): string {
  if (cell === null || cell === undefined) return "None";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : formatFloat(cell);
  if (typeof cell === "object") return JSON.stringify(cell);
  return String(cell);
}

function formatFloat(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number(value.toFixed(4)).toString();
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Parse the element's JSON; throws a readable error when it is not that shape. */
export function parseTable(json: string): Table {
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || typeof parsed !== "object") {
    throw new Error("dataframe JSON must be an object with columns, index and data");
  }
  const record = parsed as Record<string, unknown>;
  const rows = asArray(record["data"]).map((row) => asArray(row).map(display));
  const index = asArray(record["index"]).map(display);
  return {
    columns: asArray(record["columns"]).map(display),
    index: index.length > 0 ? index : rows.map((_, i) => String(i)),
    rows,
  };
}
