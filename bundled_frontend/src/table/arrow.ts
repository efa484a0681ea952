/**
 * Arrow IPC (stream or file) to the grid's table, with flechette: 7 KB gzip
 * and zero-copy (see rillet/protocol/README.md, "Tables", for the figures).
 * Values are read lazily, cell by cell, so a million rows cost nothing until
 * they are drawn or sorted.
 *
 * A column's kind comes from the Arrow type, its field metadata (pyarrow's
 * `ARROW:extension:name` for pandas periods and intervals) and the schema's
 * "pandas" metadata (categoricals, timedeltas, time zones).
 */
import { tableFromIPC, Type, type Column, type DataType, type Field } from "@uwdata/flechette";
import { withInfo, type ColumnInfo } from "./columnInfo";
import { SAMPLE_ROWS } from "./columns";
import type { ColumnKind, DataColumn, TableData } from "./model";

// The server's column facts are read by the initial bundle's first paint too (src/table/firstPaint.ts).
export { parseColumnsJson, type ColumnInfo } from "./columnInfo";

/** Milliseconds per unit of Arrow's TimeUnit (SECOND, MILLISECOND, MICROSECOND, NANOSECOND). */
const MS_PER_UNIT = [1000, 1, 1e-3, 1e-6];

interface PandasColumnMeta {
  readonly name?: unknown;
  readonly field_name?: unknown;
  readonly pandas_type?: unknown;
  readonly metadata?: { readonly freq?: unknown; readonly timezone?: unknown } | null;
}

function pandasColumns(metadata: Map<string, string> | null | undefined): Map<string, PandasColumnMeta> {
  const byField = new Map<string, PandasColumnMeta>();
  const text = metadata?.get("pandas");
  if (text === undefined) return byField;
  try {
    const parsed = JSON.parse(text) as { columns?: PandasColumnMeta[] };
    for (const column of parsed.columns ?? []) {
      const key = typeof column.field_name === "string" ? column.field_name : String(column.name);
      byField.set(key, column);
    }
  } catch {
    // Unreadable pandas metadata only loses hints; the Arrow types still hold.
  }
  return byField;
}

/** The kind an Arrow type shows as. */
export function kindOfType(type: DataType): ColumnKind {
  switch (type.typeId) {
    case Type.Dictionary:
      return "categorical";
    case Type.Null:
    case Type.NONE:
      return "null";
    case Type.Int:
      return "int";
    case Type.Float:
      return "float";
    case Type.Decimal:
      return "decimal";
    case Type.Bool:
      return "bool";
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return "string";
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary:
      return "bytes";
    case Type.Date:
      return "date";
    case Type.Time:
      return "time";
    case Type.Timestamp:
      return "datetime";
    case Type.Duration:
      return "timedelta";
    case Type.Interval:
      return "object";
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList:
    case Type.ListView:
    case Type.LargeListView:
      return "list";
    case Type.Struct:
    case Type.Map:
    case Type.Union:
      return "struct";
    case Type.RunEndEncoded:
      return "object";
  }
}

function readerFor(column: Column<unknown>, type: DataType): (row: number) => unknown {
  if (type.typeId === Type.Time || type.typeId === Type.Duration) {
    const scale = MS_PER_UNIT[type.unit] ?? 1;
    return (row) => {
      const value = column.at(row);
      return value === null ? null : Number(value) * scale;
    };
  }
  if (type.typeId === Type.Dictionary) {
    return (row) => {
      const value = column.at(row);
      return value === null || value === undefined ? null : String(value);
    };
  }
  if (type.typeId === Type.Int) {
    // A 64-bit integer past 2^53 cannot be a number: read it as the BigInt it is
    // (shown whole, as Streamlit shows it) instead of failing the whole table.
    return (row) => {
      try {
        return column.at(row) ?? null;
      } catch {
        return bigIntAt(column, row);
      }
    };
  }
  return (row) => column.at(row) ?? null;
}

interface RawBatch {
  readonly length: number;
  readonly nullCount: number;
  readonly values: ArrayLike<bigint>;
  isValid(index: number): boolean;
}

function bigIntAt(column: Column<unknown>, row: number): bigint | null {
  let at = row;
  for (const batch of column.data as unknown as readonly RawBatch[]) {
    if (at < batch.length)
      return batch.nullCount === 0 || batch.isValid(at) ? (batch.values[at] ?? null) : null;
    at -= batch.length;
  }
  return null;
}

function categoriesOf(column: Column<unknown>, type: DataType): string[] | undefined {
  if (type.typeId !== Type.Dictionary) return undefined;
  const batch = column.data[0] as { dictionary?: { length: number; at(i: number): unknown } } | undefined;
  const dictionary = batch?.dictionary;
  if (dictionary === undefined) return undefined;
  const categories: string[] = [];
  for (let i = 0; i < dictionary.length; i++) categories.push(String(dictionary.at(i)));
  return categories;
}

function describe(
  field: Field,
  column: Column<unknown>,
  pandas: PandasColumnMeta | undefined,
  isIndex: boolean,
): DataColumn {
  const type = field.type;
  const extension = field.metadata?.get("ARROW:extension:name") ?? "";
  let kind = kindOfType(type);
  const extra: { timezone?: string; categories?: readonly string[]; freq?: string } = {};
  if (type.typeId === Type.Timestamp && type.timezone) extra.timezone = type.timezone;
  const categories = categoriesOf(column, type);
  if (categories !== undefined) extra.categories = categories;
  let get = readerFor(column, type);
  if (extension === "pandas.period") {
    kind = "period";
    const meta = field.metadata?.get("ARROW:extension:metadata");
    const freq = meta ? /"freq"\s*:\s*"([^"]+)"/.exec(meta)?.[1] : undefined;
    if (freq !== undefined) extra.freq = freq;
  } else if (extension === "pandas.interval") {
    kind = "interval";
    const meta = field.metadata?.get("ARROW:extension:metadata") ?? "";
    const closed = /"closed"\s*:\s*"([a-z]+)"/.exec(meta)?.[1] ?? "right";
    const inner = get;
    get = (row) => {
      const value = inner(row) as { left?: unknown; right?: unknown } | null;
      return value === null ? null : { left: value.left, right: value.right, closed };
    };
  } else if (pandas?.pandas_type === "timedelta" && kind === "int") {
    kind = "timedelta";
  }
  const name = isIndex && /^__index_level_\d+__$/.test(field.name) ? "_index" : field.name;
  return { name, kind, isIndex, get, ...extra };
}

/** Decoded Arrow payloads, by the bytes they came from: a part is decoded once. */
const decodedParts = new WeakMap<Uint8Array, TableData>();

function decodeOnce(bytes: Uint8Array, indexColumns: number, info: readonly ColumnInfo[]): TableData {
  let table = decodedParts.get(bytes);
  if (table === undefined) {
    table = tableFromArrow(bytes, indexColumns, info);
    decodedParts.set(bytes, table);
  }
  return table;
}

/** One part of a table as the wire carries it (`DataFrame.parts`). */
export interface ArrowPart {
  readonly hash: string;
  readonly arrow: Uint8Array;
  readonly rows: bigint | number;
}

/** The last whole table seen for each first part (and row count): shown while a resent table's other rows arrive. */
const wholeByHead = new Map<string, TableData>();
const WHOLE_KEPT = 8;

/**
 * A table sent as parts, in row order (each an Arrow IPC stream of the same
 * schema). `numRows` > 0 says how many rows the whole table has when only
 * its first parts are here; the others read as null until they arrive (see
 * `TableData.loadedRows`). While the first part is the one of a whole table
 * already decoded with as many rows, that table is returned instead: a
 * rerun that sends an unchanged table again shows no half-loaded table.
 *
 * Only the first part is decoded here (for the columns); every other part is
 * decoded when one of its rows is first read (drawn, sorted, searched). A
 * part of a million-row table is about 8 MB: decoding it (an aligned copy,
 * then the IPC headers) as it arrives took the main thread ~10 ms per part
 * in the middle of a scroll, and most parts are not on screen then. Its row
 * count comes from `ArrowPart.rows` (decoded for it when that is 0).
 */
export function tableFromParts(
  parts: readonly ArrowPart[],
  numRows: number,
  indexColumns: number,
  info: readonly ColumnInfo[] = [],
): TableData {
  const first = parts[0];
  if (first === undefined) return { numRows: 0, columns: [] };
  const head = decodeOnce(first.arrow, indexColumns, info);
  const decode = (part: ArrowPart): TableData => decodeOnce(part.arrow, indexColumns, info);
  const starts = [0];
  parts.forEach((part, p) => {
    const rows = p === 0 ? head.numRows : Number(part.rows) > 0 ? Number(part.rows) : decode(part).numRows;
    starts.push((starts[starts.length - 1] ?? 0) + rows);
  });
  const loaded = starts[starts.length - 1] ?? 0;
  const total = Math.max(numRows, loaded);
  const headKey = `${first.hash}:${total}`;
  if (loaded < total) {
    const whole = wholeByHead.get(headKey);
    if (whole !== undefined) return whole;
  }
  const table: TableData =
    parts.length === 1 && loaded === total
      ? head
      : {
          numRows: total,
          ...(loaded < total ? { loadedRows: loaded } : {}),
          // The first part holds every row the specs sample: they stay as the other parts arrive.
          ...(head.numRows >= SAMPLE_ROWS ? { specSource: head } : {}),
          columns: head.columns.map((column, c) => ({
            ...column,
            get: joinedGetter(parts, decode, starts, c),
          })),
        };
  if (loaded === total) {
    wholeByHead.delete(headKey);
    wholeByHead.set(headKey, table);
    if (wholeByHead.size > WHOLE_KEPT) {
      const oldest = wholeByHead.keys().next().value;
      if (oldest !== undefined) wholeByHead.delete(oldest);
    }
  }
  return table;
}

/** Column `c` over all parts; a part is decoded on the first read of one of its rows. */
function joinedGetter(
  parts: readonly ArrowPart[],
  decode: (part: ArrowPart) => TableData,
  starts: readonly number[],
  c: number,
): (row: number) => unknown {
  const getters: (((row: number) => unknown) | undefined)[] = parts.map(() => undefined);
  const getter = (p: number): ((row: number) => unknown) => {
    let get = getters[p];
    if (get === undefined) {
      const part = parts[p];
      try {
        get = (part === undefined ? undefined : decode(part).columns[c]?.get) ?? (() => null);
      } catch (error) {
        // The first part decoded, so the table shows; a later part that will not reads as missing.
        console.error(`rillet: a table part did not decode: ${String(error)}`);
        get = () => null;
      }
      getters[p] = get;
    }
    return get;
  };
  if (parts.length === 2) {
    // The common case (first rows, then the rest) without a search.
    const split = starts[1] ?? 0;
    const end = starts[2] ?? 0;
    const headGet = getter(0);
    return (row) => (row < split ? headGet(row) : row < end ? getter(1)(row - split) : null);
  }
  return (row) => {
    for (let p = 0; p < parts.length; p++) {
      const start = starts[p] ?? 0;
      const end = starts[p + 1] ?? 0;
      if (row < end) return row >= start ? getter(p)(row - start) : null;
    }
    return null;
  };
}

/** What identifies a table's parts: the grid decodes again only when it changes. */
export function partsKey(frame: {
  readonly parts: readonly ArrowPart[];
  readonly numRows: bigint | number;
}): string {
  return frame.parts.length === 0
    ? ""
    : `${frame.parts.map((p) => p.hash).join(",")}/${String(frame.numRows)}`;
}

/**
 * Decode an Arrow IPC payload; the first `indexColumns` columns are the index.
 * `info` (from `columns_json`) refines each column's kind. Throws a readable
 * error on a payload that is not Arrow.
 */
export function tableFromArrow(
  bytes: Uint8Array,
  indexColumns: number,
  info: readonly ColumnInfo[] = [],
): TableData {
  // Arrow's typed views need 8-byte alignment; a protobuf bytes field is a
  // view at any offset of the message, so copy it when it is not aligned.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const table = tableFromIPC(aligned, { useDate: false, useBigInt: false, useMap: false });
  const pandas = pandasColumns(table.schema.metadata);
  const columns = table.schema.fields.map((field, i) =>
    withInfo(describe(field, table.getChildAt(i), pandas.get(field.name), i < indexColumns), info[i]),
  );
  return { numRows: table.numRows, columns };
}
