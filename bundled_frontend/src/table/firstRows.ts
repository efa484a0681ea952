/**
 * A small table's first rows as the server sends them beside its Arrow data
 * (`DataFrame.first_rows_json`, rillet/dataframes/preview.py): the columns
 * the Arrow reader (./arrow.ts) would give for those rows, without it. The
 * first paint (./firstPaint.ts) draws from these in the initial bundle while
 * the grid's chunk, which holds the Arrow decoder, loads. Pure; no DOM.
 *
 * The document: `{"n": rows of the table, "k": [Arrow kind per column],
 * "c": [[values of the first rows], ...]}`, columns in Arrow order. Values
 * are those of `DataColumn.get` (epoch ms for dates and datetimes, ms for
 * times and durations, numbers, text, booleans, null for a missing value).
 * A float column without missing values comes as its little-endian bytes in
 * base64 after "f8:" (float64) or "f4:" (float32), as the Arrow data holds
 * them (cheaper for the server than writing each float as text).
 */
import { withInfo, type ColumnInfo } from "./columnInfo";
import type { ColumnKind, DataColumn, TableData } from "./model";

const ARROW_KINDS: ReadonlySet<string> = new Set<ColumnKind>([
  "null",
  "int",
  "float",
  "decimal",
  "bool",
  "string",
  "bytes",
  "date",
  "time",
  "datetime",
  "timedelta",
]);

/** A float column sent as its bytes ("f8:" or "f4:" then base64), as the Arrow reader reads it. */
function floatColumn(text: string): ArrayLike<number> | undefined {
  const width = text.startsWith("f8:") ? 8 : text.startsWith("f4:") ? 4 : 0;
  if (width === 0) return undefined;
  let binary: string;
  try {
    binary = atob(text.slice(3));
  } catch {
    return undefined;
  }
  if (binary.length % width !== 0) return undefined;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return width === 8 ? new Float64Array(bytes.buffer) : new Float32Array(bytes.buffer);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The table of `json`'s first rows: `numRows` is the whole table's, and
 * `loadedRows` (when fewer) where the preview ends. Undefined for "" or a
 * document that does not match the columns the server described in `info`.
 */
export function tableFromFirstRows(
  json: string,
  indexColumns: number,
  info: readonly ColumnInfo[],
): TableData | undefined {
  if (json === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const numRows = parsed["n"];
  const kinds = parsed["k"];
  const values = parsed["c"];
  if (typeof numRows !== "number" || !Array.isArray(kinds) || !Array.isArray(values)) return undefined;
  if (kinds.length !== values.length || kinds.length !== info.length) return undefined;
  let shown = numRows;
  const columns: DataColumn[] = [];
  for (let c = 0; c < kinds.length; c++) {
    const kind: unknown = kinds[c];
    const raw: unknown = values[c];
    const column = Array.isArray(raw) ? raw : typeof raw === "string" ? floatColumn(raw) : undefined;
    if (typeof kind !== "string" || !ARROW_KINDS.has(kind) || column === undefined) return undefined;
    shown = Math.min(shown, column.length);
    const isIndex = c < indexColumns;
    const field = info[c]?.name ?? "";
    // As the Arrow reader names a pandas index field.
    const name = isIndex && /^__index_level_\d+__$/.test(field) ? "_index" : field;
    const cells: ArrayLike<unknown> = column;
    const base: DataColumn = { name, kind: kind as ColumnKind, isIndex, get: (row) => cells[row] ?? null };
    columns.push(withInfo(base, info[c]));
  }
  return { numRows, ...(shown < numRows ? { loadedRows: shown } : {}), columns };
}
