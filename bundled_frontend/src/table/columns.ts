/**
 * What each column shows and how: the Arrow-derived kind merged with the
 * script's `column_config` (Streamlit 1.67's dict shape, keyed by column name
 * or "_index"). Pure; no DOM.
 */
import { cellText } from "./format";
import { isNumericKind, type ColumnKind, type TableData } from "./model";

/** `type_config.type` values of Streamlit 1.67's column types. */
export type ColumnType =
  | "text"
  | "number"
  | "checkbox"
  | "selectbox"
  | "multiselect"
  | "datetime"
  | "date"
  | "time"
  | "list"
  | "link"
  | "image"
  | "json"
  | "line_chart"
  | "bar_chart"
  | "area_chart"
  | "progress";

const COLUMN_TYPES: ReadonlySet<string> = new Set<ColumnType>([
  "text",
  "number",
  "checkbox",
  "selectbox",
  "multiselect",
  "datetime",
  "date",
  "time",
  "list",
  "link",
  "image",
  "json",
  "line_chart",
  "bar_chart",
  "area_chart",
  "progress",
]);

export type Alignment = "left" | "center" | "right";

export interface ColumnSpec {
  /** Position of the column in `TableData.columns`. */
  readonly source: number;
  readonly name: string;
  readonly label: string;
  readonly help: string;
  readonly kind: ColumnKind;
  readonly type: ColumnType;
  /** The rest of `type_config` (format, min_value, options, ...). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly width: number;
  readonly pinned: boolean;
  readonly hidden: boolean;
  readonly disabled: boolean;
  readonly required: boolean;
  readonly defaultValue: unknown;
  readonly alignment: Alignment;
  readonly isIndex: boolean;
  readonly timezone: string | undefined;
  readonly categories: readonly string[] | undefined;
  readonly freq: string | undefined;
}

export type ColumnConfig = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export function parseColumnConfig(json: string): ColumnConfig {
  if (json === "") return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as ColumnConfig)
      : {};
  } catch {
    return {};
  }
}

/** The column type a kind shows as when the script configured none. */
export function defaultType(kind: ColumnKind): ColumnType {
  switch (kind) {
    case "int":
    case "float":
    case "decimal":
      return "number";
    case "bool":
      return "checkbox";
    case "categorical":
      return "selectbox";
    case "datetime":
      return "datetime";
    case "date":
      return "date";
    case "time":
      return "time";
    case "list":
      return "list";
    case "struct":
      return "json";
    default:
      return "text";
  }
}

export const WIDTHS: Readonly<Record<string, number>> = { small: 75, medium: 200, large: 400 };
const MIN_WIDTH = 50;
const MAX_AUTO_WIDTH = 400;
const HELP_ICON_WIDTH = 18;

/** Pixel width from a config value: "small" | "medium" | "large" | pixels; undefined = automatic. */
export function widthOf(value: unknown): number | undefined {
  if (typeof value === "number" && value > 0) return Math.max(MIN_WIDTH, Math.round(value));
  if (typeof value === "string") return WIDTHS[value];
  return undefined;
}

/** A width that fits the header and the first rows' text (about 7.5 px per character). */
export function autoWidth(label: string, sample: readonly string[]): number {
  let longest = 0;
  for (const text of sample) longest = Math.max(longest, text.length);
  const header = label.length * 8 + 40; // room for the sort arrow and the menu button
  return Math.min(MAX_AUTO_WIDTH, Math.max(MIN_WIDTH + 10, header, Math.ceil(longest * 7.5 + 24)));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Rows whose texts size a column of automatic width. */
export const SAMPLE_ROWS = 50;

/**
 * Column specs for every column of the table, in the table's order. A
 * column of automatic width is sized from the texts of its first
 * SAMPLE_ROWS rows; given `samples`, those texts are left in it by column
 * (source) for a caller that draws those rows.
 */
export function columnSpecs(
  table: TableData,
  config: ColumnConfig,
  editable: boolean,
  samples?: string[][],
): ColumnSpec[] {
  const sampleRows = Math.min(table.numRows, SAMPLE_ROWS);
  return table.columns.map((column, source) => {
    const own = asRecord(config[column.name] ?? (column.isIndex ? config["_index"] : undefined));
    const typeConfig = asRecord(own["type_config"]);
    const configured = typeof typeConfig["type"] === "string" ? typeConfig["type"] : "";
    const type = COLUMN_TYPES.has(configured) ? (configured as ColumnType) : defaultType(column.kind);
    const rawLabel = typeof own["label"] === "string" ? own["label"] : column.name;
    const label = column.isIndex && /^_index(_\d+)?$/.test(rawLabel) ? "" : rawLabel;
    const alignment =
      own["alignment"] === "left" || own["alignment"] === "center" || own["alignment"] === "right"
        ? own["alignment"]
        : (isNumericKind(column.kind) && type === "number") || type === "progress"
          ? "right"
          : type === "checkbox"
            ? "center"
            : "left";
    const notEditable = column.isIndex || ["bytes", "interval", "period", "timedelta"].includes(column.kind);
    const spec: ColumnSpec = {
      source,
      name: column.name,
      label,
      help: typeof own["help"] === "string" ? own["help"] : "",
      kind: column.kind,
      type,
      config: typeConfig,
      width: 0,
      pinned: own["pinned"] === true || (column.isIndex && own["pinned"] !== false),
      hidden: own["hidden"] === true,
      disabled: !editable || own["disabled"] === true || notEditable || READ_ONLY_TYPES.has(type),
      required: own["required"] === true,
      defaultValue: own["default"] ?? null,
      alignment,
      isIndex: column.isIndex,
      timezone: typeof typeConfig["timezone"] === "string" ? typeConfig["timezone"] : column.timezone,
      categories: column.categories,
      freq: column.freq,
    };
    const fixed = widthOf(own["width"]);
    if (fixed !== undefined) return { ...spec, width: fixed };
    const sample: string[] = [];
    for (let row = 0; row < sampleRows; row++) sample.push(cellText(column.get(row), spec));
    if (samples !== undefined) samples[source] = sample;
    return { ...spec, width: autoWidth(label, sample) + (spec.help ? HELP_ICON_WIDTH : 0) };
  });
}

const READ_ONLY_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>([
  "image",
  "json",
  "line_chart",
  "bar_chart",
  "area_chart",
  "progress",
]);

export interface OptionItem {
  readonly value: unknown;
  readonly label: string;
}

/** A selectbox/multiselect column's options: `[{"value", "label"}]` or plain values, else the categories. */
export function optionList(spec: ColumnSpec): OptionItem[] | undefined {
  const options = spec.config["options"];
  if (Array.isArray(options)) {
    return options.map((option: unknown) => {
      if (option !== null && typeof option === "object" && "value" in option) {
        const record = option as { value: unknown; label?: unknown };
        return {
          value: record.value,
          label: typeof record.label === "string" ? record.label : String(record.value),
        };
      }
      return { value: option, label: String(option) };
    });
  }
  return spec.categories?.map((category) => ({ value: category, label: category }));
}

/**
 * The columns to show, left to right: `column_order` when given (names; the
 * index stays first unless hidden), else the table's; hidden ones dropped;
 * pinned ones first.
 */
export function visibleOrder(
  specs: readonly ColumnSpec[],
  columnOrder: readonly string[],
  hideIndex: boolean,
  hiddenByUser: ReadonlySet<string>,
): number[] {
  const index = specs.filter((spec) => spec.isIndex && !hideIndex).map((spec) => spec.source);
  const byName = new Map(specs.filter((spec) => !spec.isIndex).map((spec) => [spec.name, spec.source]));
  const data =
    columnOrder.length > 0
      ? columnOrder.flatMap((name) => {
          const source = byName.get(name);
          return source === undefined ? [] : [source];
        })
      : specs.filter((spec) => !spec.isIndex).map((spec) => spec.source);
  const shown = [...index, ...data].filter((source) => {
    const spec = specs[source];
    return spec !== undefined && !spec.hidden && !hiddenByUser.has(spec.name);
  });
  const pinned = shown.filter((source) => specs[source]?.pinned);
  return [...pinned, ...shown.filter((source) => !specs[source]?.pinned)];
}
