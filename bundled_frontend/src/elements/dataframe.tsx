/**
 * `st.dataframe`, `st.data_editor` and `st.table`: the element shell. The
 * grid lives in a lazy chunk; until it has loaded, a small plain table
 * draws its first rows as the grid will (src/table/firstPaint.ts), and any
 * other table keeps its place with an empty box of the grid's height.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { gridModule, loadGrid, type GridModule } from "../dataframe";
import type { DataFrame as DataFrameProto } from "../proto/rillet_pb";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import {
  firstPaint,
  rowsHtml,
  gridHeight,
  DEFAULT_ROW_HEIGHT,
  HEADER_HEIGHT,
  MARKER_WIDTH,
} from "../table/firstPaint";
import type { WidgetValue } from "../widgetValues";
// In the initial bundle: the first paint and the loading box are styled before the grid's chunk arrives.
import "../styles/datagrid.css";

/** Runs `then` once the browser has presented its next frame. */
function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then, 0));
}

/**
 * The grid's chunk, once loaded. A table that mounted before it had loaded
 * shows its first paint until then, and swaps to the grid only after that
 * paint is on screen: the grid's first render (cold code, the Arrow decode)
 * then never holds up the frame that shows the first rows. Nor does asking
 * for the chunk: Preact runs this effect early when the next message of the
 * run re-renders the table before that frame, so the request waits for it
 * too (a table without first rows asked for it on arrival, src/controller.ts).
 */
function useGridModule(): GridModule | undefined {
  const [module, setModule] = useState(gridModule);
  useEffect(() => {
    if (module !== undefined) return;
    afterNextPaint(() => void loadGrid().then((loaded) => afterNextPaint(() => setModule(loaded))));
  }, [module]);
  return module;
}

function Loading({ element }: { element: DataFrameProto }) {
  const rowHeight = element.rowHeight > 0 ? element.rowHeight : DEFAULT_ROW_HEIGHT;
  const rows = Number(element.numRows);
  const height =
    element.isTable || (rows === 0 && element.height <= 0)
      ? 120
      : gridHeight(rows, rowHeight, element.height, element.heightMode);
  return <div class="rl-dg-loading" style={{ height: `${height}px` }} aria-busy="true" />;
}

/** The first rows of a small table, drawn with the grid's classes and geometry; replaced by the grid. */
function FirstPaint({
  element,
  widget,
  stretch,
}: {
  element: DataFrameProto;
  widget: boolean;
  stretch: boolean;
}) {
  const paint = useMemo(
    () => {
      const painted = firstPaint(element, widget, stretch);
      return painted && { ...painted, html: rowsHtml(painted) };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [element, widget, stretch],
  );
  if (paint === undefined) return <Loading element={element} />;
  const head = paint.columns.map((column) => (
    <div
      key={column.spec.source}
      class={`rl-dg-head${column.spec.isIndex ? " rl-dg-index" : ""}`}
      style={{
        left: `${column.left}px`,
        width: `${column.spec.width}px`,
        justifyContent: column.spec.alignment === "right" ? "flex-end" : "flex-start",
      }}
      role="columnheader"
    >
      <span class="rl-dg-head-label">{column.spec.label}</span>
      {column.spec.help && <span class="rl-dg-help">?</span>}
    </div>
  ));
  const markerHead = paint.marker && (
    <div key="marker" class="rl-dg-head rl-dg-marker" style={{ left: "0px", width: `${MARKER_WIDTH}px` }}>
      {paint.multiRows && <input type="checkbox" tabIndex={-1} disabled aria-label="Select all rows" />}
    </div>
  );
  const pinnedGroup = (content: ComponentChildren) =>
    paint.pinnedWidth > 0 && (
      <div class="rl-dg-pinned" style={{ width: `${paint.pinnedWidth}px`, left: "0px" }}>
        {content}
      </div>
    );
  return (
    <div
      class="rl-dg"
      style={{ width: paint.width, maxWidth: "100%", "--rl-dg-row-height": `${paint.rowHeight}px` }}
      role="grid"
      aria-busy="true"
      aria-rowcount={paint.rowCount + 1}
      aria-colcount={paint.columns.length}
      data-testid="rl-dataframe-first-paint"
    >
      <div class="rl-dg-scroll" style={{ height: `${paint.height}px` }}>
        <div
          class="rl-dg-canvas"
          style={{ width: `${paint.totalWidth}px`, height: `${HEADER_HEIGHT + paint.scrollHeight}px` }}
        >
          <div
            class="rl-dg-header"
            style={{ width: `${paint.totalWidth}px`, height: `${HEADER_HEIGHT}px` }}
            role="row"
          >
            {pinnedGroup([markerHead, ...head.filter((_, i) => paint.columns[i]?.pinned)])}
            {head.filter((_, i) => !paint.columns[i]?.pinned)}
          </div>
          <div class="rl-dg-body" role="rowgroup" dangerouslySetInnerHTML={{ __html: paint.html }} />
          {paint.rowCount === 0 && (
            <div class="rl-dg-empty" style={{ top: `${HEADER_HEIGHT}px` }}>
              empty
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

const jsonText = (value: WidgetValue | undefined): string | undefined =>
  value?.case === "jsonValue" ? value.value : undefined;

function WidgetTable({ value, node }: ElementProps<"dataframe">) {
  const module = useGridModule();
  const common = value.common;
  if (common === undefined) throw new Error("WidgetTable needs common");
  const widget = useWidget(common, node);
  const stretch = node.element.useContainerWidth;
  if (module === undefined) return <FirstPaint element={value} widget stretch={stretch} />;
  return (
    <module.Grid
      element={value}
      stretch={stretch}
      widgetValue={jsonText(widget.value) ?? value.valueJson}
      widgetVersion={widget.version}
      setWidgetValue={(json) => widget.set({ case: "jsonValue", value: json })}
    />
  );
}

export function DataFrame(props: ElementProps<"dataframe">) {
  const module = useGridModule();
  if (props.value.common !== undefined && !props.value.isTable) return <WidgetTable {...props} />;
  if (module === undefined) {
    return props.value.isTable ? (
      <Loading element={props.value} />
    ) : (
      <FirstPaint element={props.value} widget={false} stretch={false} />
    );
  }
  return props.value.isTable ? (
    <module.StaticTable element={props.value} />
  ) : (
    <module.Grid element={props.value} />
  );
}
