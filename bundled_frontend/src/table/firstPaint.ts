/**
 * A small table's first paint, drawn by the initial bundle while the grid's
 * chunk (src/lazy/dataGrid.tsx) still loads and compiles (~50 ms for the
 * first table of a page: more than drawing 20 rows takes). Issue 10 asks a
 * 20-row table to paint no slower than the plain JSON table did before Arrow.
 *
 * It is the grid's own picture of its first rows: the same column specs,
 * widths, texts and geometry (the constants and `gridHeight` below are the
 * grid's too), drawn with the grid's classes, so the grid replaces it without
 * a jump. It reads the first rows the server sends as JSON beside the Arrow
 * data (`DataFrame.first_rows_json`, ./firstRows.ts), so the initial bundle
 * holds no Arrow decoder: that stays in the grid's chunk (issue 10). Only
 * what draws as plain text qualifies: a table with those rows (the server
 * sends them for a whole table of at most FIRST_PAINT_MAX_BYTES of Arrow,
 * not an editor, no pandas Styler), every shown column of a text, number,
 * selectbox or date/time type. Anything else waits for the grid in an empty
 * box of the grid's size. Pure; no DOM.
 */
import { parseColumnsJson } from "./columnInfo";
import {
  columnSpecs,
  optionList,
  parseColumnConfig,
  visibleOrder,
  type ColumnSpec,
  type ColumnType,
} from "./columns";
import { tableFromFirstRows } from "./firstRows";
import { cellText, isMissing } from "./format";
import { columnOffsets, rowWindow } from "./layout";
import { parseModes, selectable } from "./selection";

export const DEFAULT_ROW_HEIGHT = 35;
export const HEADER_HEIGHT = 35;
export const MARKER_WIDTH = 34;
/** Rows a grid of automatic height shows before it scrolls. */
export const AUTO_ROWS = 10;
/** `height="stretch"` without a sized parent: as tall as a default grid may be. */
export const STRETCH_HEIGHT = 400;
export const DEFAULT_PLACEHOLDER = "None";
/** Larger tables get no first rows from the server (rillet/dataframes/preview.py PREVIEW_ARROW_BYTES). */
export const FIRST_PAINT_MAX_BYTES = 256 * 1024;
/** Columns are drawn up to this far right (the grid draws those its viewport shows). */
const FIRST_PAINT_MAX_LEFT = 2560;

const PLAIN_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>([
  "text",
  "number",
  "datetime",
  "date",
  "time",
  "selectbox",
]);

/** The fields of `DataFrame` (rillet.proto) a first paint reads. */
export interface FirstPaintElement {
  readonly firstRowsJson: string;
  readonly indexColumns: number;
  readonly columnsJson: string;
  readonly columnConfigJson: string;
  readonly columnOrder: readonly string[];
  readonly hideIndex: boolean;
  readonly editingMode: string;
  readonly isTable: boolean;
  readonly stylerJson: string;
  readonly selectionMode: readonly string[];
  readonly rowHeight: number;
  readonly height: number;
  readonly heightMode: string;
  readonly width: number;
  readonly placeholder: string;
}

/** The grid's height (px) for `rowCount` rows, outside full screen. */
export function gridHeight(rowCount: number, rowHeight: number, height: number, heightMode: string): number {
  const content = HEADER_HEIGHT + rowCount * rowHeight + 2;
  if (height > 0) return height;
  if (heightMode === "content") return content;
  if (heightMode === "stretch") return Math.max(content, STRETCH_HEIGHT);
  return Math.min(content, HEADER_HEIGHT + AUTO_ROWS * rowHeight + 2);
}

/** The CSS width of the grid's root: `width=`, the container's (stretch), else its columns'. */
export function gridWidth(width: number, stretch: boolean, totalWidth: number): string {
  return width > 0 ? `${width}px` : stretch ? "100%" : `${totalWidth + 2}px`;
}

/** A cell's class and inline style that do not depend on its row (as the grid draws them). */
export function cellBase(spec: ColumnSpec, left: number, flex: boolean, editable: boolean): [string, string] {
  let cls = flex ? "rl-dg-cell rl-dg-flex" : "rl-dg-cell";
  if (spec.isIndex) cls += " rl-dg-index";
  if (editable && !spec.disabled) cls += " rl-editable";
  const justify =
    spec.alignment === "right" ? "flex-end" : spec.alignment === "center" ? "center" : "flex-start";
  return [
    cls,
    `left:${left}px;width:${spec.width}px;text-align:${spec.alignment};justify-content:${justify};`,
  ];
}

export interface FirstPaintColumn {
  /** Column position (0 is the row marker when there is one). */
  readonly index: number;
  readonly spec: ColumnSpec;
  readonly left: number;
  readonly pinned: boolean;
  readonly cls: string;
  readonly style: string;
}

export interface FirstPaintRow {
  readonly row: number;
  readonly top: number;
  /** One text per column of `columns`; null draws the missing-value placeholder. */
  readonly texts: readonly (string | null)[];
}

export interface FirstPaint {
  readonly rowCount: number;
  readonly rowHeight: number;
  readonly height: number;
  readonly width: string;
  readonly totalWidth: number;
  readonly scrollHeight: number;
  /** 0: nothing pinned. */
  readonly pinnedWidth: number;
  readonly marker: boolean;
  readonly multiRows: boolean;
  readonly columns: readonly FirstPaintColumn[];
  readonly rows: readonly FirstPaintRow[];
  readonly placeholder: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` safe as HTML text or as a quoted attribute's value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * The rows of `paint` as the HTML of the grid's body: its classes, geometry
 * and attributes, pinned cells (and the row marker) in their pinned group.
 * The first paint sets it as one string: the browser's parser builds its
 * hundred-odd cells in a fraction of the time a virtual-DOM diff takes to
 * create them an element and an attribute at a time (issue 10's 20-row
 * table paints no slower than the plain JSON table did).
 */
export function rowsHtml(paint: FirstPaint): string {
  const placeholder = `<span class="rl-dg-missing">${escapeHtml(paint.placeholder)}</span>`;
  const open = paint.columns.map(
    (column) =>
      `<div role="gridcell" class="${escapeHtml(column.cls)}" style="${escapeHtml(column.style)}" data-col="${column.spec.source}"`,
  );
  const pinnedOpen =
    paint.pinnedWidth > 0 ? `<div class="rl-dg-pinned" style="width:${paint.pinnedWidth}px;left:0px;">` : "";
  const html: string[] = [];
  for (const { row, top, texts } of paint.rows) {
    html.push(
      `<div role="row" class="rl-dg-row" aria-rowindex="${row + 2}" style="top:${top}px;height:${paint.rowHeight}px;width:${paint.totalWidth}px;">`,
    );
    if (pinnedOpen !== "") {
      html.push(pinnedOpen);
      if (paint.marker)
        html.push(
          `<div class="rl-dg-cell rl-dg-marker" data-col="-1" data-row="${row}" style="left:0px;width:${MARKER_WIDTH}px;">`,
          `<input type="checkbox" tabindex="-1" disabled aria-label="Select row ${row}"></div>`,
        );
    }
    let pinnedOpenNow = pinnedOpen !== "";
    paint.columns.forEach((column, i) => {
      if (pinnedOpenNow && !column.pinned) {
        html.push("</div>");
        pinnedOpenNow = false;
      }
      const text = texts[i];
      html.push(
        open[i] as string,
        ` data-row="${row}" data-view="${row}">`,
        text === null || text === undefined ? placeholder : escapeHtml(text),
        "</div>",
      );
    });
    if (pinnedOpenNow) html.push("</div>");
    html.push("</div>");
  }
  return html.join("");
}

/**
 * The first paint of `element`, or undefined when it must wait for the grid.
 * `widget` says whether the element is a widget (selections need one), as
 * the grid's `setWidgetValue`. Throws nothing: first rows that will not
 * read wait for the grid.
 */
export function firstPaint(
  element: FirstPaintElement,
  widget: boolean,
  stretch: boolean,
): FirstPaint | undefined {
  if (element.isTable || element.editingMode !== "" || element.stylerJson !== "") return undefined;
  const table = tableFromFirstRows(
    element.firstRowsJson,
    element.indexColumns,
    parseColumnsJson(element.columnsJson),
  );
  if (table === undefined) return undefined;
  const samples: string[][] = [];
  const specs = columnSpecs(table, parseColumnConfig(element.columnConfigJson), false, samples);
  const shown = visibleOrder(specs, element.columnOrder, element.hideIndex, new Set());
  const shownSpecs = shown.map((source) => specs[source] as ColumnSpec);
  if (shownSpecs.some((spec) => !PLAIN_TYPES.has(spec.type))) return undefined;

  const modes = parseModes(element.selectionMode);
  const marker = widget && selectable(modes) && modes.rows !== "none";
  const shift = marker ? 1 : 0;
  const offsets = columnOffsets([...(marker ? [MARKER_WIDTH] : []), ...shownSpecs.map((spec) => spec.width)]);
  const pinnedCount = shift + shownSpecs.filter((spec) => spec.pinned).length;
  const pinnedWidth = pinnedCount > 0 ? (offsets[pinnedCount] ?? 0) : 0;
  const totalWidth = offsets[offsets.length - 1] ?? 0;
  const rowHeight = element.rowHeight > 0 ? element.rowHeight : DEFAULT_ROW_HEIGHT;
  const rowCount = table.numRows;
  const height = gridHeight(rowCount, rowHeight, element.height, element.heightMode);

  const columns: FirstPaintColumn[] = [];
  shownSpecs.forEach((spec, i) => {
    const index = i + shift;
    const left = offsets[index] ?? 0;
    const pinned = index < pinnedCount;
    if (!pinned && left > pinnedWidth + FIRST_PAINT_MAX_LEFT) return;
    const [cls, style] = cellBase(spec, left, false, false);
    columns.push({ index, spec, left, pinned, cls, style });
  });
  const window = rowWindow(0, Math.max(0, height - HEADER_HEIGHT), rowHeight, rowCount);
  const rows: FirstPaintRow[] = [];
  // Rows past the server's first rows are left for the grid (never drawn as missing).
  const end = Math.min(window.end, table.loadedRows ?? rowCount);
  for (let row = window.start; row < end; row++) {
    const texts = columns.map(({ spec }) => {
      const value = table.columns[spec.source]?.get(row);
      if (isMissing(value)) return null;
      // As the grid's cells: a selectbox shows its option's label.
      const label =
        spec.type === "selectbox" ? optionList(spec)?.find((o) => o.value === value)?.label : undefined;
      return label ?? samples[spec.source]?.[row] ?? cellText(value, spec);
    });
    rows.push({ row, top: HEADER_HEIGHT + row * rowHeight - window.offset, texts });
  }
  return {
    rowCount,
    rowHeight,
    height,
    width: gridWidth(element.width, stretch, totalWidth),
    totalWidth,
    scrollHeight: window.scrollHeight,
    pinnedWidth,
    marker,
    multiRows: modes.rows === "multi",
    columns,
    rows,
    placeholder: element.placeholder !== "" ? element.placeholder : DEFAULT_PLACEHOLDER,
  };
}
