/**
 * `st.grid`: a CSS grid whose children are its cells, placed in order row by
 * row; `grid.cell()` blocks may span columns or rows.
 */
import type { BlockProps } from "../render/types";
import { keyClass } from "../render/keyClass";
import "../styles/grid.css";

/** Named gaps, as st.columns spaces them; anything else is CSS already ("24px", "0"). */
const GAPS: Record<string, string> = {
  xxsmall: "0.125rem",
  xsmall: "0.25rem",
  small: "0.5rem",
  medium: "1rem",
  large: "2rem",
  xlarge: "3rem",
  xxlarge: "4rem",
  none: "0",
};
const ALIGN: Record<string, string> = { top: "start", center: "center", bottom: "end" };
/** The narrowest a column gets when the grid picks the count or wraps ("auto"). */
const AUTO_MIN_COLUMN = "12rem";

const gapOf = (gap: string) => GAPS[gap || "small"] ?? gap;

/** `grid-template-columns` for the grid's column count, minimum width and wrapping. */
export function gridColumns(
  columns: number,
  minColumnWidth: number,
  wrap: boolean,
  columnGap: string,
): string {
  const least = minColumnWidth > 0 ? `${minColumnWidth}px` : AUTO_MIN_COLUMN;
  if (columns <= 0) return `repeat(auto-fill, minmax(min(${least}, 100%), 1fr))`;
  if (!wrap) return `repeat(${columns}, minmax(0, 1fr))`;
  // At most `columns` tracks; fewer when a track would be narrower than `least`.
  const share = `calc((100% - ${columns - 1} * ${columnGap}) / ${columns})`;
  return `repeat(auto-fill, minmax(max(min(${least}, 100%), ${share}), 1fr))`;
}

export function Grid({ value, children }: BlockProps<"grid">) {
  const columnGap = gapOf(value.columnGap);
  const style: Record<string, string> = {
    gridTemplateColumns: gridColumns(value.columns, value.minColumnWidth, value.wrap, columnGap),
    columnGap,
    rowGap: gapOf(value.rowGap),
    alignItems: ALIGN[value.verticalAlignment] ?? "start",
    gridAutoFlow: value.dense ? "row dense" : "row",
    gridAutoRows: value.rowHeight > 0 ? `${value.rowHeight}px` : "auto",
  };
  if (value.width.endsWith("px")) style.width = value.width;
  if (value.height.endsWith("px")) style.height = value.height;
  const classes = [
    "rl-grid",
    value.border ? "rl-bordered" : "",
    value.height === "stretch" ? "rl-grid-stretch" : "",
    value.height.endsWith("px") ? "rl-scroll" : "",
    keyClass(value.key),
  ];
  return (
    <div class={classes.filter(Boolean).join(" ")} style={style} data-columns={value.columns || "auto"}>
      {children}
    </div>
  );
}

export function GridCell({ value, children }: BlockProps<"gridCell">) {
  const style: Record<string, string> = {};
  if (value.columnSpanAll) style.gridColumn = "1 / -1";
  else if (value.columnSpan > 1) style.gridColumn = `span ${value.columnSpan}`;
  if (value.rowSpan > 1) style.gridRow = `span ${value.rowSpan}`;
  return (
    <div class="rl-grid-cell" style={style}>
      {children}
    </div>
  );
}
