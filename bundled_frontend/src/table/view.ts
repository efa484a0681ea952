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
 * radix sort on the float bits: a million rows in tens of milliseconds),
 * categoricals by category order, everything else as text.
 */
export function sortRows(rows: Uint32Array, column: DataColumn, direction: SortDirection): Uint32Array {
  const n = rows.length;
  const categories = column.categories;
  const rank = categories ? new Map(categories.map((c, i) => [c, i])) : undefined;
  const numbers = new Float64Array(n);
  const texts: (string | undefined)[] = new Array<string | undefined>(n);
  const present: number[] = [];
  const missing: number[] = [];
  let numeric = true;
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? 0;
    const value = column.get(row);
    if (isMissing(value)) {
      missing.push(row);
      continue;
    }
    const key = rank ? (rank.get(String(value)) ?? -1) : sortKey(value);
    const at = present.length;
    present.push(row);
    if (typeof key === "number") numbers[at] = key;
    else {
      numeric = false;
      texts[at] = key;
    }
  }
  if (!numeric) {
    for (let i = 0; i < present.length; i++) texts[i] ??= String(numbers[i]);
  }
  let ordered: Uint32Array;
  if (numeric) {
    ordered = radixOrder(numbers.subarray(0, present.length), direction === "desc");
  } else {
    const sign = direction === "asc" ? 1 : -1;
    const useCollator = present.length <= COLLATOR_LIMIT;
    const keys = useCollator ? texts : texts.map((t) => (t ?? "").toLowerCase());
    const positions = Array.from({ length: present.length }, (_, i) => i);
    positions.sort((a, b) => {
      const ka = keys[a] ?? "";
      const kb = keys[b] ?? "";
      const diff = useCollator ? collator.compare(ka, kb) : ka < kb ? -1 : ka > kb ? 1 : 0;
      return diff === 0 ? a - b : sign * diff;
    });
    ordered = Uint32Array.from(positions);
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < ordered.length; i++) out[i] = present[ordered[i] ?? 0] ?? 0;
  for (let i = 0; i < missing.length; i++) out[ordered.length + i] = missing[i] ?? 0;
  return out;
}

/** Stable order of float keys by an LSD radix sort on 16-bit digits of their order-preserving bits. */
export function radixOrder(keys: Float64Array, descending: boolean): Uint32Array {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer.slice(keys.byteOffset, keys.byteOffset + n * 8));
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1] ?? 0;
    let l = words[2 * i] ?? 0;
    if (keys[i] === 0) h = l = 0; // -0 and +0 tie
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    if (descending) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((source[order[i] ?? 0] ?? 0) >>> shift) & 0xffff;
      counts[digit] = (counts[digit] ?? 0) + 1;
    }
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d] ?? 0;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const index = order[i] ?? 0;
      const digit = ((source[index] ?? 0) >>> shift) & 0xffff;
      const at = counts[digit] ?? 0;
      spare[at] = index;
      counts[digit] = at + 1;
    }
    [order, spare] = [spare, order];
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
