/**
 * `st.dataframe(on_select=..., selection_mode=...)`: which rows, columns and
 * cells the user selected, and the widget value in Streamlit's shape
 * `{"selection": {"rows": [...], "columns": [...], "cells": [[row, col], ...]}}`.
 * Rows are positions in the data as sent. Pure; no DOM.
 */

export type SelectionMode =
  | "single-row"
  | "single-row-required"
  | "multi-row"
  | "single-column"
  | "multi-column"
  | "single-cell"
  | "multi-cell";

export interface SelectionModes {
  readonly rows: "none" | "single" | "multi";
  readonly columns: "none" | "single" | "multi";
  readonly cells: "none" | "single" | "multi";
  /** "single-row-required": the one selected row cannot be unselected, only replaced. */
  readonly rowRequired?: boolean;
}

export function parseModes(modes: readonly string[]): SelectionModes {
  const rowRequired = modes.includes("single-row-required");
  const pick = (noun: string): "none" | "single" | "multi" =>
    modes.includes(`multi-${noun}`)
      ? "multi"
      : modes.includes(`single-${noun}`) || (noun === "row" && rowRequired)
        ? "single"
        : "none";
  const picked = { rows: pick("row"), columns: pick("column"), cells: pick("cell") };
  return rowRequired ? { ...picked, rowRequired } : picked;
}

export function selectable(modes: SelectionModes): boolean {
  return modes.rows !== "none" || modes.columns !== "none" || modes.cells !== "none";
}

export interface Selection {
  readonly rows: readonly number[];
  readonly columns: readonly string[];
  readonly cells: readonly (readonly [number, string])[];
}

export const EMPTY_SELECTION: Selection = { rows: [], columns: [], cells: [] };

function toggle<T>(items: readonly T[], item: T, multi: boolean, same: (a: T, b: T) => boolean): T[] {
  const present = items.some((x) => same(x, item));
  if (present) return items.filter((x) => !same(x, item));
  return multi ? [...items, item] : [item];
}

const eq = <T>(a: T, b: T): boolean => a === b;
const sameCell = (a: readonly [number, string], b: readonly [number, string]): boolean =>
  a[0] === b[0] && a[1] === b[1];

/** Click on a row marker: toggle that row (single mode replaces the selection). */
export function toggleRow(selection: Selection, modes: SelectionModes, row: number): Selection {
  if (modes.rows === "none") return selection;
  if (modes.rowRequired === true && selection.rows.includes(row)) return selection;
  return { ...selection, rows: toggle(selection.rows, row, modes.rows === "multi", eq) };
}

/** Shift-click on a row marker: add every row between the last selected one and this (view order). */
export function extendRows(
  selection: Selection,
  modes: SelectionModes,
  viewRows: readonly number[],
  row: number,
): Selection {
  if (modes.rows !== "multi") return toggleRow(selection, modes, row);
  const last = selection.rows[selection.rows.length - 1];
  const from = last === undefined ? -1 : viewRows.indexOf(last);
  const to = viewRows.indexOf(row);
  if (from < 0 || to < 0) return toggleRow(selection, modes, row);
  const [lo, hi] = from < to ? [from, to] : [to, from];
  const rows = new Set(selection.rows);
  for (let i = lo; i <= hi; i++) rows.add(viewRows[i] ?? row);
  return { ...selection, rows: [...rows] };
}

/** Select every row (the header's row marker); again clears them. */
export function toggleAllRows(
  selection: Selection,
  modes: SelectionModes,
  viewRows: readonly number[],
): Selection {
  if (modes.rows !== "multi") return selection;
  const all = viewRows.length > 0 && viewRows.every((row) => selection.rows.includes(row));
  return { ...selection, rows: all ? [] : [...viewRows] };
}

export function toggleColumn(selection: Selection, modes: SelectionModes, column: string): Selection {
  if (modes.columns === "none") return selection;
  return { ...selection, columns: toggle(selection.columns, column, modes.columns === "multi", eq) };
}

export function toggleCell(
  selection: Selection,
  modes: SelectionModes,
  row: number,
  column: string,
): Selection {
  if (modes.cells === "none") return selection;
  return {
    ...selection,
    cells: toggle(selection.cells, [row, column] as const, modes.cells === "multi", sameCell),
  };
}

/** Streamlit's widget value; rows and cells sorted by data position. */
export function selectionJson(selection: Selection): string {
  const rows = [...selection.rows].sort((a, b) => a - b);
  const cells = [...selection.cells].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return JSON.stringify({ selection: { rows, columns: [...selection.columns], cells } });
}

/** The selection the server holds (`value_json`), tolerant of missing parts. */
export function parseSelection(json: string): Selection {
  if (json === "") return EMPTY_SELECTION;
  try {
    const parsed = JSON.parse(json) as { selection?: Partial<Record<string, unknown>> };
    const s = parsed.selection ?? {};
    const rows = Array.isArray(s["rows"]) ? s["rows"].filter((r): r is number => typeof r === "number") : [];
    const columns = Array.isArray(s["columns"]) ? s["columns"].map(String) : [];
    const cells = Array.isArray(s["cells"])
      ? s["cells"].flatMap((c: unknown) =>
          Array.isArray(c) && typeof c[0] === "number" ? [[c[0], String(c[1])] as const] : [],
        )
      : [];
    return { rows, columns, cells };
  } catch {
    return EMPTY_SELECTION;
  }
}
