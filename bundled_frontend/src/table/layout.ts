/**
 * Grid geometry: which rows and columns are on screen for a scroll position.
 * Browsers cap an element's height (Chromium near 33.5 million px, i.e. under
 * a million 35 px rows), so past `MAX_SCROLL_HEIGHT` the scrollbar is scaled
 * and rows are placed relative to the viewport. Pure; no DOM.
 */

export const MAX_SCROLL_HEIGHT = 8_000_000;
const OVERSCAN_ROWS = 2;
const OVERSCAN_PX = 120;

export interface RowWindow {
  /** First and one-past-last view positions to draw. */
  readonly start: number;
  readonly end: number;
  /** Height of the scrollable body (scaled when the true one is too tall). */
  readonly scrollHeight: number;
  /** The body's true scroll offset for this scrollTop. */
  readonly offset: number;
}

/** The body height the scroller gets for `count` rows. */
export function bodyHeight(count: number, rowHeight: number): number {
  return Math.min(count * rowHeight, MAX_SCROLL_HEIGHT);
}

/** scrollTop → true offset into the body (identity unless scaled). */
export function trueOffset(scrollTop: number, count: number, rowHeight: number, viewHeight: number): number {
  const full = count * rowHeight;
  const shown = bodyHeight(count, rowHeight);
  if (full === shown || shown <= viewHeight) return scrollTop;
  return (scrollTop * (full - viewHeight)) / (shown - viewHeight);
}

/** The inverse: the scrollTop that shows the body from a true offset. */
export function scrollTopFor(offset: number, count: number, rowHeight: number, viewHeight: number): number {
  const full = count * rowHeight;
  const shown = bodyHeight(count, rowHeight);
  if (full === shown || full <= viewHeight) return offset;
  return (offset * (shown - viewHeight)) / (full - viewHeight);
}

export function rowWindow(
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  count: number,
): RowWindow {
  const offset = trueOffset(scrollTop, count, rowHeight, viewHeight);
  const start = Math.max(0, Math.floor(offset / rowHeight) - OVERSCAN_ROWS);
  const end = Math.min(count, Math.ceil((offset + viewHeight) / rowHeight) + OVERSCAN_ROWS);
  return { start, end, scrollHeight: bodyHeight(count, rowHeight), offset };
}

/** Left edges of columns laid side by side (one more entry: the total width). */
export function columnOffsets(widths: readonly number[]): number[] {
  const offsets = [0];
  for (const width of widths) offsets.push((offsets[offsets.length - 1] ?? 0) + width);
  return offsets;
}

/** Positions (in `offsets`) of the unpinned columns that overlap [left, left + width), with overscan. */
export function visibleColumns(
  offsets: readonly number[],
  firstUnpinned: number,
  left: number,
  width: number,
): number[] {
  const shown: number[] = [];
  for (let i = firstUnpinned; i < offsets.length - 1; i++) {
    const x0 = offsets[i] ?? 0;
    const x1 = offsets[i + 1] ?? 0;
    if (x1 >= left - OVERSCAN_PX && x0 <= left + width + OVERSCAN_PX) shown.push(i);
  }
  return shown;
}

/** The scroll offset that brings [start, start + size) into a viewport at `current` of `view` length. */
export function scrollToShow(current: number, view: number, start: number, size: number): number {
  if (start < current) return start;
  if (start + size > current + view) return start + size - view;
  return current;
}
