/**
 * The data grid's body rows, drawn straight into the DOM (lazy chunk, with
 * dataGrid.tsx).
 *
 * A scroll is the grid's hot path: at a fling through a million rows every
 * cell on screen changes on every frame. Re-rendering a Preact tree of a few
 * hundred cells per frame (creating their virtual nodes and style objects,
 * then diffing them) took most of the main thread's frame budget in a trace
 * (bench/grid.py), so the body is kept out of Preact: a pool of row and cell
 * elements, one row element per slot of the window (view position modulo the
 * window's size, so a one-row scroll rewrites one row's text and moves the
 * others), and a cell is touched only where its text, class, style or data
 * attribute differs from what it shows. Plain text goes into one Text node
 * per cell (`data`, no node created); the rich cell types (checkbox,
 * progress, chips, sparklines, links, images, the missing-value placeholder)
 * are small Preact trees rendered into their cell.
 *
 * A vertical scroll redraws the body without rendering the grid component at
 * all (dataGrid.tsx calls `draw` from its scroll handler); anything else
 * (selection, sort, edits, resize, a horizontal scroll) renders the component,
 * whose layout effect calls `draw` with the new painter.
 */
import { render, type JSX } from "preact";

/** What a cell shows: text, a small Preact tree, or nothing. */
export type CellContent = string | JSX.Element | null;

/** The grid's current drawing state, rebuilt on each render of the component. */
export interface BodyPainter {
  readonly rowHeight: number;
  readonly headerHeight: number;
  readonly totalWidth: number;
  /** Width of the pinned group (0: none) and its column positions (the marker, if any, is 0). */
  readonly pinnedWidth: number;
  readonly pinned: readonly number[];
  /** Column position 0 is the row marker (a checkbox to select rows). */
  readonly marker: boolean;
  readonly markerWidth: number;
  /** View positions to draw [start, end) and the body's true offset, for a scrollTop. */
  rows(scrollTop: number): { readonly start: number; readonly end: number; readonly offset: number };
  /** The unpinned column positions to draw for a scrollLeft. */
  columns(scrollLeft: number): readonly number[];
  /** The data row at a view position (undefined past the end). */
  rowAt(view: number): number | undefined;
  rowSelected(row: number): boolean;
  /** The data column (source) of a column position, undefined for none. */
  source(index: number): number | undefined;
  cellClass(row: number, index: number): string;
  /** The cell's inline style (position, width, alignment, Styler CSS). */
  cellStyle(row: number, index: number): string;
  cellContent(row: number, index: number): CellContent;
}

interface CellNode {
  readonly el: HTMLDivElement;
  text: Text | null;
  rich: boolean;
  row: number;
  view: number;
  source: number;
  cls: string;
  css: string;
}

interface MarkerNode {
  readonly el: HTMLDivElement;
  readonly input: HTMLInputElement;
  row: number;
  view: number;
}

interface RowNode {
  readonly el: HTMLDivElement;
  group: HTMLDivElement | null;
  groupCss: string;
  marker: MarkerNode | null;
  /** Cells by column position. */
  readonly cells: Map<number, CellNode>;
  cls: string;
  css: string;
  view: number;
}

function newCell(): CellNode {
  const el = document.createElement("div");
  el.setAttribute("role", "gridcell");
  return { el, text: null, rich: false, row: -1, view: -1, source: -2, cls: "", css: "" };
}

function newMarker(): MarkerNode {
  const el = document.createElement("div");
  el.className = "rl-dg-cell rl-dg-marker";
  el.setAttribute("data-col", "-1");
  const input = document.createElement("input");
  input.type = "checkbox";
  input.tabIndex = -1;
  el.append(input);
  return { el, input, row: -1, view: -1 };
}

function setContent(cell: CellNode, content: CellContent): void {
  if (content === null || typeof content === "string") {
    if (cell.rich) {
      render(null, cell.el);
      cell.el.textContent = "";
      cell.rich = false;
    }
    const text = content ?? "";
    if (cell.text === null) {
      cell.text = document.createTextNode(text);
      cell.el.append(cell.text);
    } else if (cell.text.data !== text) cell.text.data = text;
    return;
  }
  if (!cell.rich) {
    cell.el.textContent = "";
    cell.text = null;
    cell.rich = true;
  }
  render(content, cell.el);
}

function drawCell(cell: CellNode, painter: BodyPainter, row: number, view: number, index: number): void {
  const source = painter.source(index) ?? -1;
  if (cell.row !== row) {
    cell.el.setAttribute("data-row", String(row));
    cell.row = row;
  }
  if (cell.view !== view) {
    cell.el.setAttribute("data-view", String(view));
    cell.view = view;
  }
  if (cell.source !== source) {
    cell.el.setAttribute("data-col", String(source));
    cell.source = source;
  }
  const cls = painter.cellClass(row, index);
  if (cls !== cell.cls) {
    cell.el.className = cls;
    cell.cls = cls;
  }
  const css = painter.cellStyle(row, index);
  if (css !== cell.css) {
    cell.el.style.cssText = css;
    cell.css = css;
  }
  setContent(cell, painter.cellContent(row, index));
}

/** Keep exactly the cells of `wanted` positions in `parent`, reusing those already there. */
function syncCells(
  cells: Map<number, CellNode>,
  parent: HTMLElement,
  wanted: readonly number[],
  painter: BodyPainter,
  row: number,
  view: number,
  keep: (index: number) => boolean,
): void {
  for (const [index, cell] of cells) {
    if (keep(index) && !wanted.includes(index)) {
      if (cell.rich) render(null, cell.el);
      cell.el.remove();
      cells.delete(index);
    }
  }
  for (const index of wanted) {
    let cell = cells.get(index);
    if (cell === undefined) {
      cell = newCell();
      cells.set(index, cell);
      parent.append(cell.el);
    } else if (cell.el.parentNode !== parent) parent.append(cell.el);
    drawCell(cell, painter, row, view, index);
  }
}

export class GridBody {
  private readonly slots: RowNode[] = [];

  constructor(readonly host: HTMLElement) {}

  /** Draw the rows on screen for a scroll position; touches only what changed. */
  draw(painter: BodyPainter, scrollTop: number, scrollLeft: number): void {
    const window = painter.rows(scrollTop);
    let count = Math.max(0, window.end - window.start);
    // Past the end of the view (rows filtered away since), draw none of them.
    while (count > 0 && painter.rowAt(window.start + count - 1) === undefined) count--;
    while (this.slots.length > count) this.dropRow(this.slots.pop());
    while (this.slots.length < count) {
      const el = document.createElement("div");
      el.setAttribute("role", "row");
      this.host.append(el);
      this.slots.push({
        el,
        group: null,
        groupCss: "",
        marker: null,
        cells: new Map(),
        cls: "",
        css: "",
        view: -1,
      });
    }
    if (count === 0) return;
    const columns = painter.columns(scrollLeft);
    const pinnedCells = painter.marker ? painter.pinned.filter((i) => i !== 0) : painter.pinned;
    const rowHeight = painter.rowHeight;
    const width = painter.totalWidth;
    const groupCss = `width:${painter.pinnedWidth}px;left:${scrollLeft}px;`;
    for (let v = window.start; v < window.start + count; v++) {
      const row = painter.rowAt(v) ?? 0;
      const slot = this.slots[v % count];
      if (slot === undefined) continue;
      const top = painter.headerHeight + v * rowHeight - window.offset + scrollTop;
      const css = `top:${top}px;height:${rowHeight}px;width:${width}px;`;
      if (css !== slot.css) {
        slot.el.style.cssText = css;
        slot.css = css;
      }
      const cls = painter.rowSelected(row) ? "rl-dg-row rl-selected-row" : "rl-dg-row";
      if (cls !== slot.cls) {
        slot.el.className = cls;
        slot.cls = cls;
      }
      if (slot.view !== v) {
        slot.el.setAttribute("aria-rowindex", String(v + 2));
        slot.view = v;
      }
      this.drawPinned(slot, painter, pinnedCells, groupCss, row, v);
      syncCells(slot.cells, slot.el, columns, painter, row, v, (index) => !painter.pinned.includes(index));
    }
  }

  private drawPinned(
    slot: RowNode,
    painter: BodyPainter,
    pinnedCells: readonly number[],
    groupCss: string,
    row: number,
    view: number,
  ): void {
    if (painter.pinned.length === 0) {
      if (slot.group !== null) {
        for (const index of [...slot.cells.keys()]) {
          const cell = slot.cells.get(index);
          if (cell !== undefined && cell.el.parentNode === slot.group) {
            if (cell.rich) render(null, cell.el);
            slot.cells.delete(index);
          }
        }
        slot.group.remove();
        slot.group = null;
        slot.marker = null;
      }
      return;
    }
    let group = slot.group;
    if (group === null) {
      group = document.createElement("div");
      group.className = "rl-dg-pinned";
      slot.el.prepend(group);
      slot.group = group;
      slot.groupCss = "";
    }
    if (groupCss !== slot.groupCss) {
      group.style.cssText = groupCss;
      slot.groupCss = groupCss;
    }
    if (painter.marker) {
      let marker = slot.marker;
      if (marker === null) {
        marker = newMarker();
        marker.el.style.cssText = `left:0px;width:${painter.markerWidth}px;`;
        group.prepend(marker.el);
        slot.marker = marker;
      }
      if (marker.row !== row) {
        marker.el.setAttribute("data-row", String(row));
        marker.input.setAttribute("aria-label", `Select row ${row}`);
        marker.row = row;
      }
      if (marker.view !== view) {
        marker.el.setAttribute("data-view", String(view));
        marker.view = view;
      }
      const checked = painter.rowSelected(row);
      if (marker.input.checked !== checked) marker.input.checked = checked;
    } else if (slot.marker !== null) {
      slot.marker.el.remove();
      slot.marker = null;
    }
    syncCells(slot.cells, group, pinnedCells, painter, row, view, (index) => painter.pinned.includes(index));
  }

  private dropRow(slot: RowNode | undefined): void {
    if (slot === undefined) return;
    for (const cell of slot.cells.values()) if (cell.rich) render(null, cell.el);
    slot.el.remove();
  }

  /** Unmount every cell's Preact tree and empty the host. */
  destroy(): void {
    while (this.slots.length > 0) this.dropRow(this.slots.pop());
  }
}
