/**
 * The rows the user sees: a permutation of the data's row positions, sorted
 * by one column and filtered by a search, plus CSV and clipboard text of a
 * view. Row positions always refer to the data as sent. Pure; no DOM.
 */
import type { ColumnSpec } from "./columns";
import { isMissing } from "./format";
import type { DataColumn } from "./model";

export type SortDirection = "asc" | "desc";
export interface SortState {
  readonly column: string;
  readonly direction: SortDirection;
}

/** Header click: ascending, then descending, then unsorted. */
export function nextSort(current: SortState | undefined, column: string): SortState | undefined {
  if (current?.column !== column) return { column, direction: "asc" };
  return current.direction === "asc" ? { column, direction: "desc" } : undefined;
}

function sortKey(value: unknown): number | string {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return JSON.stringify(value) ?? "";
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
/** Past this many rows text compares by code point of the lower-cased text (a collator is too slow). */
const COLLATOR_LIMIT = 100_000;

/**
 * The given rows ordered by a column; missing values last in both directions,
 * ties kept in data order (a stable sort). Numbers compare as numbers (an LSD
 * radix sort on the float bits: a million rows in about a hundred
 * milliseconds), categoricals by category order, everything else as text.
 */
export function sortRows(rows: Uint32Array, column: DataColumn, direction: SortDirection): Uint32Array {
  const n = rows.length;
  const categories = column.categories;
  const rank = categories ? new Map(categories.map((c, i) => [c, i])) : undefined;
  const numbers = new Float64Array(n);
  let texts: (string | undefined)[] | undefined;
  const present = new Uint32Array(n);
  const missing = new Uint32Array(n);
  let presentCount = 0;
  let missingCount = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? 0;
    const value = column.get(row);
    if (typeof value === "number" && rank === undefined) {
      // The common case first: a plain number (NaN is missing).
      if (value !== value) missing[missingCount++] = row;
      else {
        numbers[presentCount] = value;
        present[presentCount++] = row;
      }
      continue;
    }
    if (isMissing(value)) {
      missing[missingCount++] = row;
      continue;
    }
    const key = rank ? (rank.get(String(value)) ?? -1) : sortKey(value);
    const at = presentCount++;
    present[at] = row;
    if (typeof key === "number") numbers[at] = key;
    else {
      texts ??= new Array<string | undefined>(n);
      texts[at] = key;
    }
  }
  let ordered: Uint32Array;
  if (texts === undefined) {
    ordered = radixOrder(numbers.subarray(0, presentCount), direction === "desc");
  } else {
    const all = texts;
    for (let i = 0; i < presentCount; i++) all[i] ??= String(numbers[i]);
    const sign = direction === "asc" ? 1 : -1;
    const useCollator = presentCount <= COLLATOR_LIMIT;
    const keys = useCollator ? all : all.map((t) => (t ?? "").toLowerCase());
    const positions = Array.from({ length: presentCount }, (_, i) => i);
    positions.sort((a, b) => {
      const ka = keys[a] ?? "";
      const kb = keys[b] ?? "";
      const diff = useCollator ? collator.compare(ka, kb) : ka < kb ? -1 : ka > kb ? 1 : 0;
      return diff === 0 ? a - b : sign * diff;
    });
    ordered = Uint32Array.from(positions);
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < presentCount; i++) out[i] = present[ordered[i] ?? 0] ?? 0;
  out.set(missing.subarray(0, missingCount), presentCount);
  return out;
}

/**
 * Per pass of the radix sort, an 11-bit digit of the 64-bit key as
 * `((lo >>> a) & ma) | (((hi >>> b) & mb) << c)`: 6 passes of 2048 buckets
 * (the bucket counters stay in the L1 cache, unlike 65536 of 16-bit digits).
 */
const DIGITS: readonly (readonly [number, number, number, number, number])[] = [
  [0, 2047, 0, 0, 0],
  [11, 2047, 0, 0, 0],
  [22, 1023, 0, 1, 10],
  [0, 0, 1, 2047, 0],
  [0, 0, 12, 2047, 0],
  [0, 0, 23, 511, 0],
];

/**
 * Stable order of float keys: an LSD radix sort on 11-bit digits of their
 * order-preserving bits. Each pass moves the keys with their positions, so
 * every read is sequential; a pass whose digit is the same for every key
 * (the high bits of small integers, say) is skipped.
 */
export function radixOrder(keys: Float64Array, descending: boolean): Uint32Array {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer.slice(keys.byteOffset, keys.byteOffset + n * 8));
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let order = new Uint32Array(n);
  const flip = descending ? 0xffffffff : 0;
  const counts = new Uint32Array(2048 * DIGITS.length);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1] ?? 0;
    let l = words[2 * i] ?? 0;
    if (keys[i] === 0) h = l = 0; // -0 and +0 tie
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h = h | 0x80000000;
    h = (h ^ flip) >>> 0;
    l = (l ^ flip) >>> 0;
    hi[i] = h;
    lo[i] = l;
    order[i] = i;
    // The six digits of DIGITS, unrolled.
    const d0 = l & 2047;
    counts[d0] = (counts[d0] ?? 0) + 1;
    const d1 = 2048 + ((l >>> 11) & 2047);
    counts[d1] = (counts[d1] ?? 0) + 1;
    const d2 = 4096 + ((l >>> 22) | ((h & 1) << 10));
    counts[d2] = (counts[d2] ?? 0) + 1;
    const d3 = 6144 + ((h >>> 1) & 2047);
    counts[d3] = (counts[d3] ?? 0) + 1;
    const d4 = 8192 + ((h >>> 12) & 2047);
    counts[d4] = (counts[d4] ?? 0) + 1;
    const d5 = 10240 + (h >>> 23);
    counts[d5] = (counts[d5] ?? 0) + 1;
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let order2 = new Uint32Array(n);
  for (let p = 0; p < DIGITS.length; p++) {
    const base = p * 2048;
    let skip = false;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const count = counts[base + d] ?? 0;
      if (count === n) skip = true;
      counts[base + d] = sum;
      sum += count;
    }
    if (skip) continue;
    const [a, ma, b, mb, c] = DIGITS[p] ?? [0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const l = lo[i] ?? 0;
      const h = hi[i] ?? 0;
      const d = base + (((l >>> a) & ma) | (((h >>> b) & mb) << c));
      const at = counts[d] ?? 0;
      counts[d] = at + 1;
      lo2[at] = l;
      hi2[at] = h;
      order2[at] = order[i] ?? 0;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [order, order2] = [order2, order];
  }
  return order;
}

/** Positions 0..n-1. */
export function allRows(n: number): Uint32Array {
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** The rows where some shown cell's text contains the query (case-insensitive). */
export function searchRows(
  rows: Uint32Array,
  query: string,
  columns: readonly number[],
  text: (row: number, column: number) => string,
): Uint32Array {
  const needle = query.trim().toLowerCase();
  if (needle === "") return rows;
  const found: number[] = [];
  for (const row of rows) {
    for (const column of columns) {
      if (text(row, column).toLowerCase().includes(needle)) {
        found.push(row);
        break;
      }
    }
  }
  return Uint32Array.from(found);
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV of the shown columns and rows (header first), with a BOM so spreadsheets read UTF-8. */
export function toCsv(
  specs: readonly ColumnSpec[],
  columns: readonly number[],
  rows: Iterable<number>,
  text: (row: number, column: number) => string,
): string {
  const lines = [columns.map((c) => csvField(specs[c]?.label ?? "")).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(text(row, c))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Tab-separated text of a block of cells, as spreadsheets paste it. */
export function toTsv(cells: readonly (readonly string[])[]): string {
  return cells.map((line) => line.map((t) => t.replace(/[\t\n\r]+/g, " ")).join("\t")).join("\n");
}
