/**
 * The data grid (lazy chunk) for `st.dataframe` and `st.data_editor`, and the
 * static `st.table`.
 *
 * DOM with virtualisation, chosen by measurement (bench/grid.py): only the
 * cells on screen exist; rows are absolutely placed divs inside one scroller,
 * the header is `position: sticky` on top, pinned columns are a group at the
 * left of every row placed at the scroll offset on each render (a sticky
 * group per row made a compositor layer per row: three times the work per
 * frame in a trace of the scroll). The body rows are drawn outside Preact by
 * GridBody (./gridBody.ts), which a vertical scroll calls directly: it only
 * rewrites the text, classes and offsets that changed. The browser's own
 * text, selection, focus and CSS variables (light and dark theme) come for
 * free, which a canvas would have to redraw by hand.
 *
 * Everything that is not drawing lives in src/table/ (pure, unit-tested):
 * decoding, column specs, formats, sorting, selection and edit state.
 */
import type { JSX } from "preact";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { DataFrame } from "../proto/rillet_pb";
import { MarkdownBody } from "../render/MarkdownBody";
import { parseColumnsJson, partsKey, tableFromArrow, tableFromParts } from "../table/arrow";
import { columnSpecs, optionList, parseColumnConfig, visibleOrder, type ColumnSpec } from "../table/columns";
import {
  addRow,
  canAdd,
  canDelete,
  deleteRows,
  editedValue,
  editsJson,
  liveRows,
  missingRequired,
  NO_EDITS,
  parseEdits,
  parseInput,
  setCell,
  validate,
  type EditState,
} from "../table/editing";
import {
  cellBase,
  DEFAULT_PLACEHOLDER,
  DEFAULT_ROW_HEIGHT,
  gridHeight,
  gridWidth,
  HEADER_HEIGHT,
  MARKER_WIDTH,
} from "../table/firstPaint";
import { cellText, isMissing, listItems } from "../table/format";
import {
  columnOffsets,
  rowWindow,
  scrollTopFor,
  scrollToShow,
  trueOffset,
  visibleColumns,
} from "../table/layout";
import { NUMERIC_KINDS, tableFromJson, type DataColumn, type TableData } from "../table/model";
import {
  EMPTY_SELECTION,
  extendRows,
  parseModes,
  parseSelection,
  selectable,
  selectionJson,
  toggleAllRows,
  toggleCell,
  toggleColumn,
  toggleRow,
  type Selection,
} from "../table/selection";
import { allRows, nextSort, searchRows, sortRows, toCsv, toTsv, type SortState } from "../table/view";
import { GridBody, type BodyPainter } from "./gridBody";
// Its CSS (src/styles/datagrid.css) is in the initial bundle, with the first paint (src/elements/dataframe.tsx).

// ------------------------------------------------------------------ decoding

const EMPTY_TABLE: TableData = { numRows: 0, columns: [] };

/** The element's table; a payload that will not decode becomes an Error to show. */
export function decodeElement(element: DataFrame): TableData | Error {
  try {
    if (element.parts.length > 0) {
      const info = parseColumnsJson(element.columnsJson);
      return tableFromParts(element.parts, Number(element.numRows), element.indexColumns, info);
    }
    if (element.arrow.length > 0) {
      return tableFromArrow(element.arrow, element.indexColumns, parseColumnsJson(element.columnsJson));
    }
    return element.json !== "" ? tableFromJson(element.json) : EMPTY_TABLE;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

interface StyledCell {
  readonly text: string | null;
  readonly css: string;
}

/** pandas Styler output, keyed "row,col" among the data rows and columns. */
function parseStyler(json: string): { caption: string; cells: Map<string, StyledCell> } {
  const cells = new Map<string, StyledCell>();
  if (json === "") return { caption: "", cells };
  try {
    const parsed = JSON.parse(json) as { caption?: unknown; cells?: unknown };
    if (Array.isArray(parsed.cells)) {
      for (const entry of parsed.cells as unknown[]) {
        if (!Array.isArray(entry)) continue;
        const [row, col, text, css] = entry as [unknown, unknown, unknown, unknown];
        cells.set(`${String(row)},${String(col)}`, {
          text: typeof text === "string" ? text : null,
          css: typeof css === "string" ? css : "",
        });
      }
    }
    return { caption: typeof parsed.caption === "string" ? parsed.caption : "", cells };
  } catch {
    return { caption: "", cells };
  }
}

// ------------------------------------------------------------------ icons

function Icon({ d }: { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
    >
      <path d={d} />
    </svg>
  );
}
const ICONS = {
  search: "M10.5 4a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13zM15.5 15.5L21 21",
  download: "M12 3v12M7 10l5 5 5-5M4 20h16",
  fullscreen: "M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5",
  exit: "M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5",
  add: "M12 5v14M5 12h14",
  trash: "M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3",
  columns: "M4 5h16v14H4zM10 5v14M16 5v14",
  menu: "M12 5h.01M12 12h.01M12 19h.01",
};

// ------------------------------------------------------------------ cells

function Sparkline({ values, type, spec }: { values: number[]; type: string; spec: ColumnSpec }) {
  if (values.length === 0) return null;
  const yMin = typeof spec.config["y_min"] === "number" ? spec.config["y_min"] : Math.min(0, ...values);
  const yMax = typeof spec.config["y_max"] === "number" ? spec.config["y_max"] : Math.max(...values);
  const span = yMax - yMin || 1;
  const w = 100;
  const h = 24;
  const x = (i: number): number => (values.length === 1 ? w / 2 : (i / (values.length - 1)) * w);
  const y = (v: number): number => h - ((Math.min(Math.max(v, yMin), yMax) - yMin) / span) * h;
  const color = typeof spec.config["color"] === "string" ? spec.config["color"] : "var(--rl-primary)";
  if (type === "bar_chart") {
    const bw = w / values.length;
    return (
      <svg class="rl-dg-spark" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none">
        {values.map((v, i) => (
          <rect key={i} x={i * bw + bw * 0.1} width={bw * 0.8} y={y(v)} height={h - y(v)} fill={color} />
        ))}
      </svg>
    );
  }
  const points = values.map((v, i) => `${x(i).toFixed(2)},${y(v).toFixed(2)}`).join(" ");
  return (
    <svg class="rl-dg-spark" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none">
      {type === "area_chart" && <polygon points={`0,${h} ${points} ${w},${h}`} fill={color} opacity="0.25" />}
      <polyline
        points={points}
        fill="none"
        stroke={color}
        stroke-width="1.5"
        vector-effect="non-scaling-stroke"
      />
    </svg>
  );
}

/** A cell's content; a plain function (not a component) so a scroll creates no component instances. */
function cellContent(value: unknown, spec: ColumnSpec, placeholder: string): JSX.Element | string {
  if (isMissing(value) && spec.type !== "checkbox") return <span class="rl-dg-missing">{placeholder}</span>;
  switch (spec.type) {
    case "checkbox":
      return (
        <span
          class={`rl-dg-check${value === true ? " rl-on" : ""}`}
          role="checkbox"
          aria-checked={value === true}
        >
          {value === true ? "✓" : ""}
        </span>
      );
    case "progress": {
      const min = typeof spec.config["min_value"] === "number" ? spec.config["min_value"] : 0;
      const max = typeof spec.config["max_value"] === "number" ? spec.config["max_value"] : 1;
      const ratio = Math.min(1, Math.max(0, (Number(value) - min) / (max - min || 1)));
      return (
        <span class="rl-dg-progress">
          <span class="rl-dg-progress-bar" style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
          <span class="rl-dg-progress-text">{cellText(value, spec)}</span>
        </span>
      );
    }
    case "link": {
      const url = String(value);
      const safe = /^(https?:|mailto:|\/)/i.test(url) ? url : undefined;
      return (
        <a href={safe} target="_blank" rel="noopener noreferrer">
          {cellText(value, spec)}
        </a>
      );
    }
    case "image":
      return <img class="rl-dg-image" src={String(value)} alt="" loading="lazy" />;
    case "line_chart":
    case "bar_chart":
    case "area_chart":
      return (
        <Sparkline
          values={listItems(value).map(Number).filter(Number.isFinite)}
          type={spec.type}
          spec={spec}
        />
      );
    case "list":
    case "multiselect": {
      const options = optionList(spec);
      return (
        <span class="rl-dg-chips">
          {listItems(value).map((item, i) => (
            <span key={i} class="rl-dg-chip">
              {options?.find((o) => o.value === item)?.label ?? cellText([item], { ...spec, type: "list" })}
            </span>
          ))}
        </span>
      );
    }
    case "selectbox": {
      const label = optionList(spec)?.find((o) => o.value === value)?.label;
      return label ?? cellText(value, spec);
    }
    default:
      return cellText(value, spec);
  }
}

// ------------------------------------------------------------------ the grid

export interface GridProps {
  readonly element: DataFrame;
  /** `use_container_width` / `width="stretch"`: as wide as the container. */
  readonly stretch?: boolean;
  /** The widget's value as the client holds it (selection or edits JSON). */
  readonly widgetValue?: string;
  readonly widgetVersion?: number;
  readonly setWidgetValue?: (json: string) => void;
}

interface Focus {
  readonly row: number; // position in the view
  readonly col: number; // position among the shown columns
}

interface Editing {
  readonly row: number; // data position
  readonly source: number;
  readonly draft: unknown;
  readonly error?: string;
}

interface Menu {
  readonly source: number;
  readonly x: number;
  readonly y: number;
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportName(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}_${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}_export.csv`;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
}

/**
 * Copy text that is not known yet (rows still arriving): a ClipboardItem takes
 * the promise at once, inside the key press that asked for it, so the copy
 * keeps its user activation however long the rows take.
 */
async function copyWhenReady(text: Promise<string>): Promise<void> {
  if (typeof ClipboardItem !== "undefined" && typeof navigator.clipboard?.write === "function") {
    try {
      const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
      return;
    } catch {
      // Not allowed here: copy the usual way once the text is there.
    }
  }
  await copyText(await text);
}

export function Grid({
  element,
  stretch = false,
  widgetValue,
  widgetVersion = 0,
  setWidgetValue,
}: GridProps) {
  const decoded = useMemo(
    () => decodeElement(element),
    [element.arrow, element.json, element.indexColumns, element.columnsJson, partsKey(element)],
  );
  if (decoded instanceof Error) {
    return <div class="rl-alert rl-alert-error">Cannot show this table: {decoded.message}</div>;
  }
  return (
    <GridView
      table={decoded}
      element={element}
      stretch={stretch}
      widgetValue={widgetValue ?? element.valueJson}
      widgetVersion={widgetVersion}
      setWidgetValue={setWidgetValue}
    />
  );
}

interface ViewProps {
  readonly table: TableData;
  readonly element: DataFrame;
  readonly stretch: boolean;
  readonly widgetValue: string;
  readonly widgetVersion: number;
  readonly setWidgetValue: ((json: string) => void) | undefined;
}

function GridView({ table, element, stretch, widgetValue, setWidgetValue }: ViewProps) {
  const editingMode = element.editingMode;
  const isEditor = editingMode !== "";
  const disabled = element.common?.disabled ?? false;
  const editable = isEditor && !disabled && setWidgetValue !== undefined;
  const modes = useMemo(() => parseModes(element.selectionMode), [element.selectionMode]);
  const canSelect = selectable(modes) && setWidgetValue !== undefined && !isEditor;
  const rowHeight = element.rowHeight > 0 ? element.rowHeight : DEFAULT_ROW_HEIGHT;
  const placeholder = element.placeholder !== "" ? element.placeholder : DEFAULT_PLACEHOLDER;
  const numRows = table.numRows;
  // A large table's later parts may still be on their way: rows from
  // loadedRows on read as null until they arrive, so what reads every row
  // (CSV, copy, search, select-all, editing) waits for them or says so.
  const loadedRows = table.loadedRows ?? numRows;
  const loading = loadedRows < numRows;
  const pending = (row: number): boolean => row >= loadedRows && row < numRows;

  const config = useMemo(() => parseColumnConfig(element.columnConfigJson), [element.columnConfigJson]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const baseSpecs = useMemo(
    () => columnSpecs(table, config, editable),
    [table.specSource ?? table, config, editable],
  );
  const styler = useMemo(() => parseStyler(element.stylerJson), [element.stylerJson]);
  const indexCount = table.columns.filter((c) => c.isIndex).length;

  // The user's view of the columns: widths, order, pins, hidden ones.
  const [widths, setWidths] = useState<ReadonlyMap<number, number>>(new Map());
  const [pins, setPins] = useState<ReadonlyMap<number, boolean>>(new Map());
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [userOrder, setUserOrder] = useState<readonly number[] | undefined>(undefined);
  const specs = useMemo(
    () =>
      baseSpecs.map((spec) => ({
        ...spec,
        width: widths.get(spec.source) ?? spec.width,
        pinned: pins.get(spec.source) ?? spec.pinned,
      })),
    [baseSpecs, widths, pins],
  );
  const hiddenNames = useMemo(() => new Set([...hidden].map((s) => specs[s]?.name ?? "")), [hidden, specs]);
  const shown = useMemo(() => {
    const order = visibleOrder(specs, element.columnOrder, element.hideIndex, new Set()).filter(
      (s) => !hidden.has(s),
    );
    if (userOrder === undefined) return order;
    const rank = new Map(userOrder.map((s, i) => [s, i]));
    const arranged = [...order].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9));
    return [...arranged.filter((s) => specs[s]?.pinned), ...arranged.filter((s) => !specs[s]?.pinned)];
  }, [specs, element.columnOrder, element.hideIndex, hidden, userOrder]);
  void hiddenNames;

  // Widget values: edits (data_editor) or selection (dataframe).
  const edits: EditState = useMemo(
    () => (isEditor ? parseEdits(widgetValue) : NO_EDITS),
    [isEditor, widgetValue],
  );
  const selectionFromServer = useMemo(
    () => (canSelect ? parseSelection(widgetValue) : EMPTY_SELECTION),
    [canSelect, widgetValue],
  );
  const [editorRows, setEditorRows] = useState<Selection>(EMPTY_SELECTION);
  const selection = isEditor ? editorRows : selectionFromServer;
  // Added rows still lacking a required value: marked in their cells, named below the grid.
  const missing = useMemo(() => missingRequired(edits, numRows, baseSpecs), [edits, numRows, baseSpecs]);
  const missingCells = new Set(missing.map(([row, name]) => `${row}\u0000${name}`));

  const value = (row: number, source: number): unknown => {
    const column = table.columns[source];
    if (column === undefined) return null;
    if (!isEditor) return column.get(row);
    return editedValue(edits, numRows, row, column.name, () => (row < numRows ? column.get(row) : null));
  };
  const text = (row: number, source: number): string => {
    const spec = specs[source];
    if (spec === undefined) return "";
    const v = value(row, source);
    // As Streamlit's grid: a missing cell reads as missing, whatever a Styler's na_rep says.
    if (isMissing(v)) return "";
    const styled = spec.isIndex ? undefined : styler.cells.get(`${row},${source - indexCount}`);
    return styled?.text ?? cellText(v, spec);
  };

  // Rows in view order: sorted, searched; editors add their added rows and drop deleted ones.
  const [sort, setSort] = useState<SortState | undefined>(undefined);
  const [query, setQuery] = useState("");
  const [searchOpen, setSearchOpen] = useState(false);
  const baseRows = useMemo(
    () => (isEditor ? Uint32Array.from(liveRows(edits, numRows)) : allRows(numRows)),
    [isEditor, edits, numRows],
  );
  const sortedRows = useMemo(() => {
    if (sort === undefined) return baseRows;
    const source = specs.findIndex((s) => s.name === sort.column);
    const column = table.columns[source];
    if (column === undefined) return baseRows;
    const viewColumn: DataColumn = isEditor ? { ...column, get: (row) => value(row, source) } : column;
    return sortRows(baseRows, viewColumn, sort.direction);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [baseRows, sort, table, isEditor ? edits : undefined]);
  const viewRows = useMemo(
    () => (query.trim() === "" ? sortedRows : searchRows(sortedRows, query, shown, text)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sortedRows, query, shown, table],
  );

  // Geometry.
  const showMarker = (canSelect && modes.rows !== "none") || (editable && canDelete(editingMode));
  const widthsShown = shown.map((s) => specs[s]?.width ?? 100);
  const offsets = useMemo(
    () => columnOffsets([...(showMarker ? [MARKER_WIDTH] : []), ...widthsShown]),
    [showMarker, widthsShown.join(",")],
  );
  const markerShift = showMarker ? 1 : 0;
  const pinnedCount = markerShift + shown.filter((s) => specs[s]?.pinned).length;
  const pinnedWidth = offsets[pinnedCount] ?? 0;
  const totalWidth = offsets[offsets.length - 1] ?? 0;
  const addFooter = editable && canAdd(editingMode);
  const rowCount = viewRows.length;
  const [fullscreen, setFullscreen] = useState(false);
  const height = fullscreen ? undefined : gridHeight(rowCount, rowHeight, element.height, element.heightMode);

  const root = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // The scroll position lives in a ref: a vertical scroll redraws the body
  // rows directly (GridBody) without rendering this component; a horizontal
  // one, or any scroll while a cell editor is open, renders it (setScroll).
  const scrollPosition = useRef({ top: 0, left: 0 });
  const [, setScroll] = useState(scrollPosition.current);
  const scroll = scrollPosition.current;
  const bodyHost = useRef<HTMLDivElement>(null);
  const body = useRef<GridBody | undefined>(undefined);
  const painter = useRef<BodyPainter | undefined>(undefined);
  const [viewport, setViewport] = useState({ width: 800, height: (height ?? 400) - HEADER_HEIGHT });
  useLayoutEffect(() => {
    const node = scroller.current;
    if (node === null) return;
    const measure = (): void =>
      setViewport({ width: node.clientWidth, height: Math.max(0, node.clientHeight - HEADER_HEIGHT) });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  const onScroll = (): void => {
    const node = scroller.current;
    if (node === null) return;
    const next = { top: node.scrollTop, left: node.scrollLeft };
    const old = scrollPosition.current;
    if (next.top === old.top && next.left === old.left) return;
    scrollPosition.current = next;
    if (next.left !== old.left || editing !== undefined || body.current === undefined) setScroll(next);
    else if (painter.current !== undefined) body.current.draw(painter.current, next.top, next.left);
  };
  const rows = rowWindow(scroll.top, viewport.height, rowHeight, rowCount);
  const columnsDrawn = visibleColumns(
    offsets,
    pinnedCount,
    scroll.left + pinnedWidth,
    viewport.width - pinnedWidth,
  );

  // Focus, editing, menus.
  const [focus, setFocus] = useState<Focus | undefined>(undefined);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [menu, setMenu] = useState<Menu | undefined>(undefined);
  const [columnsMenu, setColumnsMenu] = useState(false);
  const [notice, setNotice] = useState("");

  const commitSelection = (next: Selection): void => {
    if (isEditor) setEditorRows(next);
    else setWidgetValue?.(selectionJson(next));
  };
  const commitEdits = (next: EditState): void => setWidgetValue?.(editsJson(next));

  const scrollCellIntoView = (target: Focus): void => {
    const node = scroller.current;
    if (node === null) return;
    const offset = trueOffset(node.scrollTop, rowCount, rowHeight, viewport.height);
    const wanted = scrollToShow(offset, viewport.height, target.row * rowHeight, rowHeight);
    if (wanted !== offset) node.scrollTop = scrollTopFor(wanted, rowCount, rowHeight, viewport.height);
    const index = target.col + markerShift;
    if (index >= pinnedCount) {
      const x = (offsets[index] ?? 0) - pinnedWidth;
      const w = (offsets[index + 1] ?? 0) - (offsets[index] ?? 0);
      node.scrollLeft = scrollToShow(node.scrollLeft, viewport.width - pinnedWidth, x, w);
    }
  };
  const moveFocus = (target: Focus): void => {
    const clamped = {
      row: Math.max(0, Math.min(rowCount - 1, target.row)),
      col: Math.max(0, Math.min(shown.length - 1, target.col)),
    };
    setFocus(clamped);
    scrollCellIntoView(clamped);
  };

  const startEdit = (row: number, source: number, draft?: unknown): void => {
    const spec = specs[source];
    if (!editable || spec === undefined || spec.disabled) return;
    if (pending(row)) {
      setNotice(
        `Row ${row + 1} has not arrived yet (${loadedRows} of ${numRows} rows loaded): edit it once it has.`,
      );
      return;
    }
    if (spec.type === "checkbox") {
      const current = value(row, source) === true;
      commitEdits(setCell(edits, numRows, row, spec.name, !current));
      return;
    }
    const current = value(row, source);
    const initial =
      draft !== undefined
        ? draft
        : spec.type === "multiselect" || spec.type === "list"
          ? listItems(current)
          : isMissing(current)
            ? ""
            : spec.type === "date" || spec.type === "time" || spec.type === "datetime"
              ? dateInputValue(current, spec)
              : spec.type === "selectbox"
                ? current
                : cellText(current, { ...spec, config: { ...spec.config, format: "" } });
    setEditing({ row, source, draft: initial });
  };
  const finishEdit = (commit: boolean, advance?: Focus): void => {
    if (editing === undefined) return;
    const spec = specs[editing.source];
    if (!commit || spec === undefined) {
      setEditing(undefined);
      root.current?.focus();
      return;
    }
    const parsed = parseInput(spec, editing.draft);
    const reason = parsed.ok ? validate(spec, parsed.value) : parsed.reason;
    if (reason !== undefined || !parsed.ok) {
      setEditing({ ...editing, error: reason });
      return;
    }
    setEditing(undefined);
    commitEdits(setCell(edits, numRows, editing.row, spec.name, parsed.value));
    root.current?.focus();
    if (advance) moveFocus(advance);
  };

  // What waits for the rest of the rows: run once they are all here (at once when they are).
  const [waitingFor, setWaitingFor] = useState<string | undefined>(undefined);
  const arrived = useRef<(() => void)[]>([]);
  const whenLoaded = (what: string, run: (done: Promise<void>) => void): void => {
    if (!loading) {
      run(Promise.resolve());
      return;
    }
    setWaitingFor(what);
    run(new Promise<void>((resolve) => arrived.current.push(resolve)));
  };
  useEffect(() => {
    if (loading) return;
    // Effects run after the render with every row: latest.current reads them.
    for (const resolve of arrived.current.splice(0)) resolve();
    setWaitingFor(undefined);
    setNotice((shown) => (shown.includes("has not arrived yet") ? "" : shown));
  }, [loading]);
  const copyReadsPending = (): boolean => {
    if (!loading) return false;
    if (selection.cells.length > 0) return selection.cells.some(([row]) => pending(row));
    if (selection.rows.length > 0) return selection.rows.some(pending);
    if (selection.columns.length > 0) return true; // a column: every row
    const row = focus === undefined ? undefined : viewRows[focus.row];
    return row !== undefined && pending(row);
  };

  const selectedCellText = (): string => {
    if (selection.cells.length > 0) {
      return toTsv(
        selection.cells.map(([row, name]) => {
          const source = specs.findIndex((s) => s.name === name);
          return [text(row, source)];
        }),
      );
    }
    if (selection.rows.length > 0 || selection.columns.length > 0) {
      const sources =
        selection.columns.length > 0
          ? shown.filter((s) => selection.columns.includes(specs[s]?.name ?? ""))
          : shown;
      const rowsPicked = selection.rows.length > 0 ? selection.rows : Array.from(viewRows);
      return toTsv(rowsPicked.map((row) => sources.map((s) => text(row, s))));
    }
    if (focus === undefined) return "";
    const row = viewRows[focus.row];
    const source = shown[focus.col];
    return row === undefined || source === undefined ? "" : text(row, source);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (editing !== undefined) return; // the editor handles its own keys
    const page = Math.max(1, Math.floor(viewport.height / rowHeight) - 1);
    const at = focus ?? { row: 0, col: 0 };
    const meta = event.ctrlKey || event.metaKey;
    let next: Focus | undefined;
    switch (event.key) {
      case "ArrowDown":
        next = { ...at, row: at.row + 1 };
        break;
      case "ArrowUp":
        next = { ...at, row: at.row - 1 };
        break;
      case "ArrowRight":
        next = { ...at, col: at.col + 1 };
        break;
      case "ArrowLeft":
        next = { ...at, col: at.col - 1 };
        break;
      case "PageDown":
        next = { ...at, row: at.row + page };
        break;
      case "PageUp":
        next = { ...at, row: at.row - page };
        break;
      case "Home":
        next = meta ? { row: 0, col: 0 } : { ...at, col: 0 };
        break;
      case "End":
        next = meta ? { row: rowCount - 1, col: shown.length - 1 } : { ...at, col: shown.length - 1 };
        break;
      case "Escape":
        if (fullscreen) setFullscreen(false);
        setMenu(undefined);
        return;
      case "Enter":
      case "F2":
      case " ": {
        const row = viewRows[at.row];
        const source = shown[at.col];
        if (focus === undefined || row === undefined || source === undefined) return;
        event.preventDefault();
        if (editable) startEdit(row, source);
        else if (event.key === " " && canSelect) clickCell(row, source, false);
        return;
      }
      case "Delete":
      case "Backspace": {
        const row = viewRows[at.row];
        const source = shown[at.col];
        const spec = source === undefined ? undefined : specs[source];
        if (!editable || focus === undefined || row === undefined || spec === undefined || spec.disabled)
          return;
        event.preventDefault();
        const reason = validate(spec, null);
        if (reason !== undefined) setNotice(reason);
        else commitEdits(setCell(edits, numRows, row, spec.name, null));
        return;
      }
      default:
        if (meta && (event.key === "c" || event.key === "C")) {
          event.preventDefault();
          if (copyReadsPending()) {
            whenLoaded("copy", (done) => void copyWhenReady(done.then(() => latest.current.copy())));
          } else {
            void copyText(selectedCellText());
          }
          return;
        }
        if (meta && event.key === "f") {
          event.preventDefault();
          setSearchOpen(true);
          return;
        }
        if (editable && focus !== undefined && event.key.length === 1 && !meta && !event.altKey) {
          const row = viewRows[at.row];
          const source = shown[at.col];
          const spec = source === undefined ? undefined : specs[source];
          if (
            row !== undefined &&
            source !== undefined &&
            spec &&
            !spec.disabled &&
            TYPED_EDITORS.has(spec.type)
          ) {
            event.preventDefault();
            startEdit(row, source, event.key);
          }
        }
        return;
    }
    event.preventDefault();
    moveFocus(next);
  };

  const clickCell = (row: number, source: number, shift: boolean): void => {
    const spec = specs[source];
    if (!canSelect || spec === undefined) return;
    if (modes.cells !== "none" && !spec.isIndex)
      commitSelection(toggleCell(selection, modes, row, spec.name));
    else if (modes.rows !== "none") {
      commitSelection(
        shift ? extendRows(selection, modes, Array.from(viewRows), row) : toggleRow(selection, modes, row),
      );
    }
  };

  const cellAt = (
    event: Event,
  ): { row: number; source: number; viewRow: number; col: number } | undefined => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-row]");
    if (!cell) return undefined;
    const row = Number(cell.dataset["row"]);
    const source = Number(cell.dataset["col"]);
    return { row, source, viewRow: Number(cell.dataset["view"]), col: shown.indexOf(source) };
  };
  const onBodyClick = (event: MouseEvent): void => {
    const hit = cellAt(event);
    if (!hit) return;
    if ((event.target as HTMLElement).closest("a")) return;
    const marker = (event.target as HTMLElement).closest(".rl-dg-marker");
    setFocus({ row: hit.viewRow, col: Math.max(0, hit.col) });
    if (marker) {
      const next = event.shiftKey
        ? extendRows(
            selection,
            { ...modes, rows: isEditor ? "multi" : modes.rows },
            Array.from(viewRows),
            hit.row,
          )
        : toggleRow(selection, isEditor ? { ...modes, rows: "multi" } : modes, hit.row);
      commitSelection(next);
      return;
    }
    const spec = specs[hit.source];
    if (editable && spec?.type === "checkbox" && !spec.disabled) {
      startEdit(hit.row, hit.source);
      return;
    }
    clickCell(hit.row, hit.source, event.shiftKey);
  };
  const onBodyDoubleClick = (event: MouseEvent): void => {
    const hit = cellAt(event);
    if (hit && editable && specs[hit.source]?.type !== "checkbox") startEdit(hit.row, hit.source);
  };

  const onHeaderClick = (source: number): void => {
    const spec = specs[source];
    if (spec === undefined) return;
    if (canSelect && modes.columns !== "none" && !spec.isIndex) {
      commitSelection(toggleColumn(selection, modes, spec.name));
      return;
    }
    setSort(nextSort(sort, spec.name));
  };

  // Column resize and reorder.
  const resizing = useRef<{ source: number; startX: number; startWidth: number } | undefined>(undefined);
  const onResizeDown = (event: PointerEvent, source: number): void => {
    event.stopPropagation();
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    resizing.current = { source, startX: event.clientX, startWidth: specs[source]?.width ?? 100 };
  };
  const onResizeMove = (event: PointerEvent): void => {
    const drag = resizing.current;
    if (!drag) return;
    const width = Math.max(50, Math.round(drag.startWidth + event.clientX - drag.startX));
    setWidths((old) => new Map(old).set(drag.source, width));
  };
  const onResizeUp = (): void => {
    resizing.current = undefined;
  };
  const dragged = useRef<number | undefined>(undefined);
  const onDrop = (target: number): void => {
    const from = dragged.current;
    dragged.current = undefined;
    if (from === undefined || from === target) return;
    const order = shown.filter((s) => s !== from);
    order.splice(order.indexOf(target), 0, from);
    setUserOrder(order);
  };

  const addNewRow = (): void => {
    const next = addRow(edits, specs);
    commitEdits(next);
    const position = rowCount; // the new row shows last
    setTimeout(() => moveFocus({ row: position, col: shown.findIndex((s) => !specs[s]?.isIndex) }), 0);
  };
  const deleteSelected = (): void => {
    if (selection.rows.length === 0) return;
    commitEdits(deleteRows(edits, numRows, selection.rows));
    setEditorRows(EMPTY_SELECTION);
  };
  const latest = useRef({ csv: (): string => "", copy: (): string => "", selectAll: (): void => undefined });
  latest.current = {
    csv: () => toCsv(specs, shown, viewRows, text),
    copy: selectedCellText,
    selectAll: () =>
      commitSelection(toggleAllRows(selection, { ...modes, rows: "multi" }, Array.from(viewRows))),
  };
  const downloadCsv = (): void =>
    whenLoaded("download", (done) => void done.then(() => download(latest.current.csv(), exportName())));

  useEffect(() => {
    if (!fullscreen) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === "Escape") setFullscreen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [fullscreen]);
  useEffect(() => {
    if (!menu && !columnsMenu) return;
    const close = (event: MouseEvent): void => {
      if (!(event.target as HTMLElement).closest(".rl-dg-menu")) {
        setMenu(undefined);
        setColumnsMenu(false);
      }
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [menu, columnsMenu]);

  // ---------------------------------------------------------------- drawing

  const selectedRows = new Set(selection.rows);
  const selectedColumns = new Set(selection.columns);
  const selectedCells = new Set(selection.cells.map(([r, c]) => `${r}\u0000${c}`));
  const focusRow = focus === undefined ? undefined : viewRows[focus.row];
  const focusSource = focus === undefined ? undefined : shown[focus.col];

  // Per column position: the parts of a cell's class and style that do not depend on the row.
  const positionSpecs = offsets.slice(0, -1).map((_, index) => {
    const source = index < markerShift ? undefined : shown[index - markerShift];
    return source === undefined ? undefined : specs[source];
  });
  const bases = positionSpecs.map((spec, index) =>
    spec === undefined ? ["", ""] : cellBase(spec, offsets[index] ?? 0, FLEX_TYPES.has(spec.type), editable),
  );
  const baseClass = bases.map((base) => base[0]);
  const baseStyle = bases.map((base) => base[1]);
  const anyCellSelected = selectedColumns.size > 0 || selectedCells.size > 0;
  const anyEdited = isEditor && Object.keys(edits.edited).length > 0;
  const styled = (row: number, spec: ColumnSpec): StyledCell | undefined =>
    spec.isIndex || styler.cells.size === 0
      ? undefined
      : styler.cells.get(`${row},${spec.source - indexCount}`);

  const cellClass = (row: number, index: number): string => {
    const spec = positionSpecs[index];
    if (spec === undefined) return "rl-dg-cell";
    let cls = baseClass[index] ?? "rl-dg-cell";
    if (pending(row)) cls += " rl-dg-pending";
    if (anyCellSelected && (selectedColumns.has(spec.name) || selectedCells.has(`${row}\u0000${spec.name}`)))
      cls += " rl-selected";
    if (row === focusRow && spec.source === focusSource) cls += " rl-focused";
    if (row >= numRows) cls += " rl-added";
    if (missingCells.size > 0 && missingCells.has(`${row}\u0000${spec.name}`)) cls += " rl-missing-required";
    if (anyEdited && edits.edited[String(row)]?.[spec.name] !== undefined) cls += " rl-edited";
    return cls;
  };

  // The body rows are drawn by GridBody, outside Preact (see gridBody.ts).
  painter.current = {
    rowHeight,
    headerHeight: HEADER_HEIGHT,
    totalWidth,
    pinnedWidth: pinnedCount > 0 ? pinnedWidth : 0,
    pinned: Array.from({ length: pinnedCount }, (_, i) => i),
    marker: showMarker,
    markerWidth: MARKER_WIDTH,
    rows: (top) => rowWindow(top, viewport.height, rowHeight, rowCount),
    columns: (left) => visibleColumns(offsets, pinnedCount, left + pinnedWidth, viewport.width - pinnedWidth),
    rowAt: (view) => viewRows[view],
    rowSelected: (row) => selectedRows.has(row),
    source: (index) => positionSpecs[index]?.source,
    cellClass,
    cellStyle: (row, index) => {
      const spec = positionSpecs[index];
      const css = spec === undefined ? undefined : styled(row, spec)?.css;
      return css ? `${baseStyle[index] ?? ""}${css}` : (baseStyle[index] ?? "");
    },
    cellContent: (row, index) => {
      const spec = positionSpecs[index];
      if (spec === undefined || (spec.isIndex && row >= numRows)) return null;
      if (pending(row)) return "…"; // not arrived yet, not missing
      const current = value(row, spec.source);
      const text = isMissing(current) ? undefined : styled(row, spec)?.text; // no na_rep, as Streamlit
      return text != null ? text : cellContent(current, spec, placeholder);
    },
  };
  useLayoutEffect(() => {
    const host = bodyHost.current;
    if (host === null || painter.current === undefined) return;
    if (body.current?.host !== host) {
      body.current?.destroy();
      body.current = new GridBody(host);
    }
    body.current.draw(painter.current, scrollPosition.current.top, scrollPosition.current.left);
  });
  useEffect(() => () => body.current?.destroy(), []);

  const headerCell = (index: number): JSX.Element | null => {
    if (showMarker && index === 0) {
      const allSelected = rowCount > 0 && selection.rows.length >= rowCount;
      return (
        <div key="marker" class="rl-dg-head rl-dg-marker" style={{ left: "0px", width: `${MARKER_WIDTH}px` }}>
          {(isEditor || modes.rows === "multi") && (
            <input
              type="checkbox"
              tabIndex={-1}
              checked={allSelected}
              aria-label="Select all rows"
              onClick={() =>
                loading && query.trim() !== ""
                  ? // The matches among rows still arriving are not known yet.
                    whenLoaded("selection", (done) => void done.then(() => latest.current.selectAll()))
                  : latest.current.selectAll()
              }
            />
          )}
        </div>
      );
    }
    const source = shown[index - markerShift];
    const spec = source === undefined ? undefined : specs[source];
    if (source === undefined || spec === undefined) return null;
    const sorted = sort?.column === spec.name ? sort.direction : undefined;
    return (
      <div
        key={source}
        class={`rl-dg-head${selectedColumns.has(spec.name) ? " rl-selected" : ""}${spec.isIndex ? " rl-dg-index" : ""}`}
        style={{
          left: `${offsets[index] ?? 0}px`,
          width: `${spec.width}px`,
          justifyContent: spec.alignment === "right" ? "flex-end" : "flex-start",
        }}
        role="columnheader"
        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
        title={spec.help || undefined}
        draggable
        onDragStart={() => (dragged.current = source)}
        onDragOver={(event) => event.preventDefault()}
        onDrop={() => onDrop(source)}
        onClick={() => onHeaderClick(source)}
      >
        <span class="rl-dg-head-label">{spec.label}</span>
        {spec.help && (
          <span class="rl-dg-help" aria-label={spec.help}>
            ?
          </span>
        )}
        {sorted && <span class="rl-dg-sort">{sorted === "asc" ? "↑" : "↓"}</span>}
        <button
          type="button"
          class="rl-dg-head-menu"
          aria-label={`Column menu of ${spec.label || "the index"}`}
          onClick={(event) => {
            event.stopPropagation();
            const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
            const rootBox = root.current?.getBoundingClientRect();
            setMenu({ source, x: box.left - (rootBox?.left ?? 0), y: box.bottom - (rootBox?.top ?? 0) });
          }}
        >
          <Icon d={ICONS.menu} />
        </button>
        <span
          class="rl-dg-resize"
          onPointerDown={(event) => onResizeDown(event, source)}
          onPointerMove={onResizeMove}
          onPointerUp={onResizeUp}
          onClick={(event) => event.stopPropagation()}
        />
      </div>
    );
  };

  const editor = editing !== undefined ? drawEditor() : null;
  function drawEditor(): JSX.Element | null {
    if (editing === undefined) return null;
    const spec = specs[editing.source];
    const viewRow = viewRows.indexOf(editing.row);
    const index = shown.indexOf(editing.source) + markerShift;
    if (spec === undefined || viewRow < 0 || index < markerShift) return null;
    const top = HEADER_HEIGHT + viewRow * rowHeight - rows.offset + scroll.top;
    const left = index < pinnedCount ? scroll.left + (offsets[index] ?? 0) : (offsets[index] ?? 0);
    const nextFocus = { row: viewRow + 1, col: index - markerShift };
    return (
      <CellEditor
        spec={spec}
        editing={editing}
        style={{
          top: `${top}px`,
          left: `${left}px`,
          minWidth: `${spec.width}px`,
          minHeight: `${rowHeight}px`,
        }}
        onDraft={(draft) => setEditing({ ...editing, draft, error: undefined })}
        onCommit={(advance) =>
          finishEdit(
            true,
            advance === "down"
              ? nextFocus
              : advance === "right"
                ? { row: viewRow, col: index - markerShift + 1 }
                : undefined,
          )
        }
        onCancel={() => finishEdit(false)}
      />
    );
  }

  const hiddenSpecs = specs.filter((s) => hidden.has(s.source) || s.hidden);
  const gridStyle: JSX.CSSProperties = fullscreen
    ? {}
    : {
        width: gridWidth(element.width, stretch, totalWidth),
        maxWidth: "100%",
      };

  return (
    <div
      ref={root}
      class={`rl-dg${fullscreen ? " rl-dg-fullscreen" : ""}${disabled ? " rl-dg-disabled" : ""}`}
      style={{ ...gridStyle, "--rl-dg-row-height": `${rowHeight}px` }}
      tabIndex={0}
      role="grid"
      aria-label={element.alt || (isEditor ? "Data editor" : "Data table")}
      aria-rowcount={rowCount + 1}
      aria-colcount={shown.length}
      data-testid={isEditor ? "rl-data-editor" : "rl-dataframe"}
      data-loaded-rows={table.loadedRows ?? numRows}
      onKeyDown={onKeyDown}
    >
      <div class="rl-dg-toolbar" role="toolbar">
        {editable && canAdd(editingMode) && (
          <button type="button" title="Add row" aria-label="Add row" onClick={addNewRow}>
            <Icon d={ICONS.add} />
          </button>
        )}
        {editable && canDelete(editingMode) && selection.rows.length > 0 && (
          <button
            type="button"
            title="Delete rows"
            aria-label="Delete selected rows"
            onClick={deleteSelected}
          >
            <Icon d={ICONS.trash} />
          </button>
        )}
        {hiddenSpecs.length > 0 || specs.length > 1 ? (
          <button
            type="button"
            title="Show/hide columns"
            aria-label="Show or hide columns"
            onClick={() => setColumnsMenu(!columnsMenu)}
          >
            <Icon d={ICONS.columns} />
          </button>
        ) : null}
        <button type="button" title="Search" aria-label="Search" onClick={() => setSearchOpen(!searchOpen)}>
          <Icon d={ICONS.search} />
        </button>
        <button type="button" title="Download as CSV" aria-label="Download as CSV" onClick={downloadCsv}>
          <Icon d={ICONS.download} />
        </button>
        <button
          type="button"
          title={fullscreen ? "Close fullscreen" : "Fullscreen"}
          aria-label={fullscreen ? "Close fullscreen" : "Fullscreen"}
          onClick={() => setFullscreen(!fullscreen)}
        >
          <Icon d={fullscreen ? ICONS.exit : ICONS.fullscreen} />
        </button>
      </div>
      {searchOpen && (
        <div class="rl-dg-search">
          <input
            type="search"
            placeholder="Search"
            aria-label="Search the table"
            value={query}
            ref={(node) => node?.focus()}
            onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
            onKeyDown={(event) => {
              event.stopPropagation();
              if (event.key === "Escape") {
                setQuery("");
                setSearchOpen(false);
                root.current?.focus();
              }
            }}
          />
          <span class="rl-dg-search-count">
            {query.trim() === ""
              ? ""
              : loading
                ? `${rowCount} of ${baseRows.length} rows so far: searching ${loadedRows} rows loaded…`
                : `${rowCount} of ${baseRows.length} rows`}
          </span>
        </div>
      )}
      <div
        ref={scroller}
        class="rl-dg-scroll"
        style={height === undefined ? undefined : { height: `${height}px` }}
        onScroll={onScroll}
        onClick={onBodyClick}
        onDblClick={onBodyDoubleClick}
      >
        <div
          class="rl-dg-canvas"
          style={{ width: `${totalWidth}px`, height: `${HEADER_HEIGHT + rows.scrollHeight}px` }}
        >
          <div
            class="rl-dg-header"
            style={{ width: `${totalWidth}px`, height: `${HEADER_HEIGHT}px` }}
            role="row"
          >
            {pinnedCount > 0 && (
              <div class="rl-dg-pinned" style={{ width: `${pinnedWidth}px`, left: `${scroll.left}px` }}>
                {Array.from({ length: pinnedCount }, (_, i) => headerCell(i))}
              </div>
            )}
            {columnsDrawn.map(headerCell)}
          </div>
          <div ref={bodyHost} class="rl-dg-body" role="rowgroup" />
          {rowCount === 0 && (
            <div class="rl-dg-empty" style={{ top: `${HEADER_HEIGHT}px` }}>
              empty
            </div>
          )}
          {editor}
        </div>
      </div>
      {addFooter && (
        <button type="button" class="rl-dg-add-row" onClick={addNewRow}>
          + Add row
        </button>
      )}
      {loading && (waitingFor !== undefined || sort !== undefined) && (
        <div class="rl-dg-notice rl-dg-loading" role="status">
          {`Loading rows: ${loadedRows} of ${numRows}`}
          {waitingFor === undefined
            ? " (sorted so far; the order is redone when all have arrived)"
            : ` (the ${waitingFor} waits for all of them)`}
        </div>
      )}
      {(notice !== "" || editing?.error) && (
        <div class="rl-dg-notice" role="alert">
          {editing?.error ?? notice}
        </div>
      )}
      {missing.length > 0 && editing === undefined && (
        <div class="rl-dg-notice">
          {missing.map(([row, , reason]) => `New row ${row - numRows + 1}: ${reason}`).join("; ")}
        </div>
      )}
      {styler.caption !== "" && <div class="rl-dg-caption">{styler.caption}</div>}
      {menu && (
        <ColumnMenu
          menu={menu}
          spec={specs[menu.source]}
          sort={sort}
          onSort={(direction) => {
            const name = specs[menu.source]?.name;
            setSort(direction === undefined || name === undefined ? undefined : { column: name, direction });
            setMenu(undefined);
          }}
          onPin={(pinned) => {
            setPins((old) => new Map(old).set(menu.source, pinned));
            setMenu(undefined);
          }}
          onHide={() => {
            setHidden((old) => new Set(old).add(menu.source));
            setMenu(undefined);
          }}
        />
      )}
      {columnsMenu && (
        <div class="rl-dg-menu rl-dg-columns-menu" role="menu">
          {baseSpecs
            .filter((s) => !(s.isIndex && element.hideIndex) && !s.hidden)
            .map((s) => (
              <label key={s.source} class="rl-dg-menu-item">
                <input
                  type="checkbox"
                  checked={!hidden.has(s.source)}
                  onChange={() =>
                    setHidden((old) => {
                      const next = new Set(old);
                      if (next.has(s.source)) next.delete(s.source);
                      else next.add(s.source);
                      return next;
                    })
                  }
                />
                {s.label || "(index)"}
              </label>
            ))}
        </div>
      )}
    </div>
  );
}

/** Cell types laid out as flex boxes (the rest are one line of text: cheaper to lay out). */
const FLEX_TYPES: ReadonlySet<string> = new Set([
  "checkbox",
  "progress",
  "list",
  "multiselect",
  "image",
  "line_chart",
  "bar_chart",
  "area_chart",
]);

const TYPED_EDITORS: ReadonlySet<string> = new Set([
  "text",
  "number",
  "link",
  "list",
  "date",
  "time",
  "datetime",
]);

/** The value an <input type=date|time|datetime-local> takes for a cell value. */
function dateInputValue(value: unknown, spec: ColumnSpec): string {
  const text = cellText(value, {
    ...spec,
    config: { ...spec.config, format: "iso8601" },
    timezone: undefined,
  });
  if (spec.type === "date") return text.slice(0, 10);
  if (spec.type === "time") return text.slice(0, 8);
  return text.slice(0, 19);
}

interface MenuProps {
  readonly menu: Menu;
  readonly spec: ColumnSpec | undefined;
  readonly sort: SortState | undefined;
  readonly onSort: (direction: "asc" | "desc" | undefined) => void;
  readonly onPin: (pinned: boolean) => void;
  readonly onHide: () => void;
}

function ColumnMenu({ menu, spec, sort, onSort, onPin, onHide }: MenuProps) {
  if (spec === undefined) return null;
  const sorted = sort?.column === spec.name;
  return (
    <div class="rl-dg-menu" role="menu" style={{ left: `${menu.x}px`, top: `${menu.y}px` }}>
      <button type="button" role="menuitem" class="rl-dg-menu-item" onClick={() => onSort("asc")}>
        Sort ascending
      </button>
      <button type="button" role="menuitem" class="rl-dg-menu-item" onClick={() => onSort("desc")}>
        Sort descending
      </button>
      {sorted && (
        <button type="button" role="menuitem" class="rl-dg-menu-item" onClick={() => onSort(undefined)}>
          Clear sort
        </button>
      )}
      <button type="button" role="menuitem" class="rl-dg-menu-item" onClick={() => onPin(!spec.pinned)}>
        {spec.pinned ? "Unpin column" : "Pin column"}
      </button>
      <button type="button" role="menuitem" class="rl-dg-menu-item" onClick={onHide}>
        Hide column
      </button>
    </div>
  );
}

interface EditorProps {
  readonly spec: ColumnSpec;
  readonly editing: Editing;
  readonly style: JSX.CSSProperties;
  readonly onDraft: (draft: unknown) => void;
  readonly onCommit: (advance?: "down" | "right") => void;
  readonly onCancel: () => void;
}

/** The in-cell editor: an input suited to the column type; Enter/Tab commit, Escape cancels. */
function CellEditor({ spec, editing, style, onDraft, onCommit, onCancel }: EditorProps) {
  const onKeyDown = (event: KeyboardEvent): void => {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && !(spec.type === "multiselect" && event.shiftKey)) {
      event.preventDefault();
      onCommit("down");
    } else if (event.key === "Tab") {
      event.preventDefault();
      onCommit("right");
    }
  };
  const focusOnMount = (node: HTMLElement | null): void => {
    if (node && document.activeElement !== node && !node.dataset["focused"]) {
      node.dataset["focused"] = "1";
      node.focus();
      if (node instanceof HTMLInputElement && node.type === "text")
        node.setSelectionRange(node.value.length, node.value.length);
    }
  };
  const config = spec.config;
  const options = optionList(spec) ?? [];
  let input: JSX.Element;
  if (spec.type === "selectbox") {
    const current = options.findIndex((o) => o.value === editing.draft);
    input = (
      <select
        ref={focusOnMount}
        value={current < 0 ? "" : String(current)}
        onChange={(event) => {
          const i = Number((event.currentTarget as HTMLSelectElement).value);
          onDraft(
            (event.currentTarget as HTMLSelectElement).value === "" ? null : (options[i]?.value ?? null),
          );
        }}
        onKeyDown={onKeyDown}
        aria-label={`Edit ${spec.label}`}
      >
        <option value="">{spec.required ? "Choose an option" : "(none)"}</option>
        {options.map((o, i) => (
          <option key={i} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === "multiselect" && options.length > 0) {
    const chosen = new Set(listItems(editing.draft).map(String));
    input = (
      <select
        multiple
        size={Math.min(6, options.length)}
        ref={focusOnMount}
        onChange={(event) =>
          onDraft(
            Array.from(
              (event.currentTarget as HTMLSelectElement).selectedOptions,
              (o) => options[Number(o.value)]?.value,
            ),
          )
        }
        onKeyDown={onKeyDown}
        aria-label={`Edit ${spec.label}`}
      >
        {options.map((o, i) => (
          <option key={i} value={String(i)} selected={chosen.has(String(o.value))}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const type =
      spec.type === "number"
        ? "number"
        : spec.type === "date"
          ? "date"
          : spec.type === "time"
            ? "time"
            : spec.type === "datetime"
              ? "datetime-local"
              : "text";
    const draft =
      spec.type === "multiselect" || spec.type === "list"
        ? Array.isArray(editing.draft)
          ? editing.draft.map(String).join(", ")
          : String(editing.draft ?? "")
        : String(editing.draft ?? "");
    input = (
      <input
        ref={focusOnMount}
        type={type}
        value={draft}
        min={
          typeof config["min_value"] === "number" || typeof config["min_value"] === "string"
            ? String(config["min_value"])
            : undefined
        }
        max={
          typeof config["max_value"] === "number" || typeof config["max_value"] === "string"
            ? String(config["max_value"])
            : undefined
        }
        step={
          typeof config["step"] === "number"
            ? String(config["step"])
            : type === "number"
              ? "any"
              : type === "text"
                ? undefined
                : "1"
        }
        maxLength={typeof config["max_chars"] === "number" ? config["max_chars"] : undefined}
        onInput={(event) => onDraft((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        aria-label={`Edit ${spec.label}`}
        aria-invalid={editing.error !== undefined}
      />
    );
  }
  return (
    <div
      class={`rl-dg-editor${editing.error ? " rl-invalid" : ""}`}
      style={style}
      onClick={(e) => e.stopPropagation()}
    >
      {input}
      {editing.error && <div class="rl-dg-editor-error">{editing.error}</div>}
      <div class="rl-dg-editor-actions">
        <button type="button" onClick={() => onCommit()}>
          OK
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

// ------------------------------------------------------------------ st.table

/** `st.table`: every row, static; string cells are inline Markdown. */
// st.table's floats: four decimals, grouped thousands ("1,234,567.8910"), as Streamlit's.
const TABLE_FLOAT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 4, maximumFractionDigits: 4 });

export function StaticTable({ element }: { element: DataFrame }) {
  const table = useMemo(
    () => decodeElement(element),
    [element.arrow, element.json, element.indexColumns, element.columnsJson, partsKey(element)],
  );
  const config = useMemo(() => parseColumnConfig(element.columnConfigJson), [element.columnConfigJson]);
  const styler = useMemo(() => parseStyler(element.stylerJson), [element.stylerJson]);
  if (table instanceof Error)
    return <div class="rl-alert rl-alert-error">Cannot show this table: {table.message}</div>;
  const specs = columnSpecs(table, config, false);
  const shown = visibleOrder(specs, element.columnOrder, element.hideIndex, new Set());
  const indexCount = table.columns.filter((c) => c.isIndex).length;
  const border = element.border === "" ? "all" : element.border;
  const rows = Array.from({ length: table.numRows }, (_, r) => r);
  return (
    <div
      class={`rl-dg-table rl-dg-table-border-${border}`}
      role="region"
      aria-label={element.alt || "Table"}
      tabIndex={0}
    >
      <table>
        {styler.caption !== "" && <caption>{styler.caption}</caption>}
        {!element.hideHeader && (
          <thead>
            <tr>
              {shown.map((s) => (
                <th key={s} scope="col" class={specs[s]?.isIndex ? "rl-index" : undefined}>
                  {specs[s]?.label}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              {shown.map((s) => {
                const spec = specs[s];
                const column = table.columns[s];
                if (spec === undefined || column === undefined) return null;
                const styled = spec.isIndex ? undefined : styler.cells.get(`${r},${s - indexCount}`);
                const raw = column.get(r);
                const Tag = spec.isIndex ? "th" : "td";
                // As Streamlit's st.table: a Styler's text (its na_rep too) first, a
                // missing cell blank, floats with four decimals, numbers to the right.
                const content =
                  styled?.text != null ? (
                    styled.text
                  ) : isMissing(raw) ? (
                    ""
                  ) : typeof raw === "string" && (spec.kind === "string" || spec.kind === "object") ? (
                    <MarkdownBody body={raw} inline />
                  ) : spec.kind === "float" && typeof raw === "number" && Number.isFinite(raw) ? (
                    TABLE_FLOAT.format(raw)
                  ) : (
                    cellText(raw, spec)
                  );
                const align = NUMERIC_KINDS.has(spec.kind) ? "right" : "left";
                return (
                  <Tag
                    key={s}
                    class={spec.isIndex ? "rl-index" : undefined}
                    style={`text-align:${align};${styled?.css ?? ""}`}
                  >
                    {content}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Components.v2 tables are decoded from this chunk too, so the decoder stays in one lazy chunk.
export { decodeTable as decodeComponentTable } from "./bidiTables";
