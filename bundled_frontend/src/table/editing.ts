/**
 * `st.data_editor`'s edit state: the user's changes over the data as sent,
 * validated against `column_config`, and the widget value in Streamlit's
 * shape `{"edited_rows": {"0": {"col": v}}, "added_rows": [{"col": v}],
 * "deleted_rows": [1]}`. Row keys are positions in the data as sent; an
 * added row's position is `numRows + i`. Values are as the wire carries them
 * (dates as ISO text, lists as arrays). Pure; no DOM.
 */
import { optionList, type ColumnSpec } from "./columns";
import { listItems, parseDateValue } from "./format";

export interface EditState {
  readonly edited: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly added: readonly Readonly<Record<string, unknown>>[];
  readonly deleted: readonly number[];
}

export const NO_EDITS: EditState = { edited: {}, added: [], deleted: [] };

export type NumRows = "fixed" | "dynamic" | "add" | "delete";

export function canAdd(mode: string): boolean {
  return mode === "dynamic" || mode === "add";
}
export function canDelete(mode: string): boolean {
  return mode === "dynamic" || mode === "delete";
}

export function editsJson(state: EditState): string {
  return JSON.stringify({
    edited_rows: state.edited,
    added_rows: state.added,
    deleted_rows: [...state.deleted].sort((a, b) => a - b),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The state the server holds (`value_json`), tolerant of missing parts. */
export function parseEdits(json: string): EditState {
  if (json === "") return NO_EDITS;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!isRecord(parsed)) return NO_EDITS;
    const edited: Record<string, Record<string, unknown>> = {};
    if (isRecord(parsed["edited_rows"])) {
      for (const [row, cells] of Object.entries(parsed["edited_rows"]))
        if (isRecord(cells)) edited[row] = cells;
    }
    const added = Array.isArray(parsed["added_rows"]) ? parsed["added_rows"].filter(isRecord) : [];
    const deleted = Array.isArray(parsed["deleted_rows"])
      ? parsed["deleted_rows"].filter((r): r is number => typeof r === "number")
      : [];
    return { edited, added, deleted };
  } catch {
    return NO_EDITS;
  }
}

/** The value shown at a cell: an edit if any, else the data's (`original` is called lazily). */
export function editedValue(
  state: EditState,
  numRows: number,
  row: number,
  column: string,
  original: () => unknown,
): unknown {
  if (row >= numRows) return state.added[row - numRows]?.[column] ?? null;
  const cells = state.edited[String(row)];
  return cells !== undefined && column in cells ? cells[column] : original();
}

/** Set one cell; an added row's cell goes into its added row. */
export function setCell(
  state: EditState,
  numRows: number,
  row: number,
  column: string,
  value: unknown,
): EditState {
  if (row >= numRows) {
    const added = state.added.map((cells, i) =>
      i === row - numRows ? { ...cells, [column]: value } : cells,
    );
    return { ...state, added };
  }
  const key = String(row);
  return { ...state, edited: { ...state.edited, [key]: { ...state.edited[key], [column]: value } } };
}

/** Append a row holding each column's configured default. */
export function addRow(state: EditState, specs: readonly ColumnSpec[]): EditState {
  const cells: Record<string, unknown> = {};
  for (const spec of specs) {
    if (!spec.isIndex && spec.defaultValue !== null && spec.defaultValue !== undefined)
      cells[spec.name] = spec.defaultValue;
  }
  return { ...state, added: [...state.added, cells] };
}

/** Delete rows: data rows are listed in `deleted_rows`, added rows simply go away. */
export function deleteRows(state: EditState, numRows: number, rows: readonly number[]): EditState {
  const gone = new Set(rows);
  const deleted = [...new Set([...state.deleted, ...rows.filter((r) => r < numRows)])];
  const added = state.added.filter((_, i) => !gone.has(numRows + i));
  const edited = Object.fromEntries(Object.entries(state.edited).filter(([row]) => !gone.has(Number(row))));
  return { edited, added, deleted };
}

/** The rows left to show, data rows first, then added ones. */
export function liveRows(state: EditState, numRows: number): number[] {
  const deleted = new Set(state.deleted);
  const rows: number[] = [];
  for (let row = 0; row < numRows; row++) if (!deleted.has(row)) rows.push(row);
  for (let i = 0; i < state.added.length; i++) rows.push(numRows + i);
  return rows;
}

// ------------------------------------------------------------ input and validation

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

const ok = (value: unknown): Parsed => ({ ok: true, value });
const refuse = (reason: string): Parsed => ({ ok: false, reason });

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

function optionsOf(spec: ColumnSpec): string[] | undefined {
  return optionList(spec)?.map((option) => String(option.value));
}

/** The wire value of what the user entered in a cell editor (text from an input, or a ready value). */
export function parseInput(spec: ColumnSpec, input: unknown): Parsed {
  if (typeof input === "string" && input.trim() === "" && spec.type !== "text") return ok(null);
  switch (spec.type) {
    case "number": {
      const value = typeof input === "number" ? input : Number(String(input).trim().replace(/,/g, ""));
      if (!Number.isFinite(value)) return refuse(`"${String(input)}" is not a number`);
      if (spec.kind === "int" && !Number.isInteger(value)) return refuse(`${value} is not a whole number`);
      return ok(value);
    }
    case "checkbox":
      return ok(input === true || input === "true");
    case "date":
    case "time":
    case "datetime": {
      const text = String(input).trim();
      const ms = parseDateValue(text, spec.type);
      if (!Number.isFinite(ms)) return refuse(`"${text}" is not a ${spec.type}`);
      return ok(isoText(ms, spec.type));
    }
    case "multiselect":
    case "list": {
      const items = Array.isArray(input)
        ? input
        : listItems(input).flatMap((item) =>
            typeof item === "string" && !String(input).trim().startsWith("[")
              ? item
                  .split(",")
                  .map((s) => s.trim())
                  .filter((s) => s !== "")
              : [item],
          );
      return ok(items);
    }
    case "text":
    case "link":
      return ok(input === "" ? null : String(input));
    default:
      return ok(input);
  }
}

/** ISO text of an epoch-ms value: "2024-05-01", "13:05:00", "2024-05-01T13:05:00". */
export function isoText(ms: number, kind: "date" | "time" | "datetime"): string {
  const iso = new Date(ms).toISOString();
  if (kind === "date") return iso.slice(0, 10);
  if (kind === "time") return iso.slice(11, 19);
  return iso.slice(0, 19);
}

/** Why column_config refuses a value, or undefined when it is acceptable. */
export function validate(spec: ColumnSpec, value: unknown): string | undefined {
  if (isEmpty(value)) return spec.required ? `${spec.label || spec.name} is required` : undefined;
  const config = spec.config;
  switch (spec.type) {
    case "number":
    case "progress": {
      const n = num(value);
      if (n === undefined) return "not a number";
      const min = num(config["min_value"]);
      const max = num(config["max_value"]);
      if (min !== undefined && n < min) return `must be at least ${min}`;
      if (max !== undefined && n > max) return `must be at most ${max}`;
      const step = num(config["step"]);
      if (step !== undefined && step > 0) {
        const base = min ?? 0;
        const steps = (n - base) / step;
        if (Math.abs(steps - Math.round(steps)) > 1e-9)
          return `must be a multiple of ${step}${min ? ` from ${min}` : ""}`;
      }
      return undefined;
    }
    case "text":
    case "link": {
      const text = String(value);
      const maxChars = num(config["max_chars"]);
      if (maxChars !== undefined && text.length > maxChars) return `at most ${maxChars} characters`;
      const pattern = config["validate"];
      if (typeof pattern === "string" && pattern !== "") {
        try {
          if (!new RegExp(pattern).test(text)) return `does not match ${pattern}`;
        } catch {
          return undefined; // a pattern JavaScript cannot read refuses nothing
        }
      }
      return undefined;
    }
    case "selectbox": {
      const options = optionsOf(spec);
      return options && !options.includes(String(value))
        ? `"${String(value)}" is not one of the options`
        : undefined;
    }
    case "multiselect": {
      const options = optionsOf(spec);
      if (!options || config["accept_new_options"] === true) return undefined;
      const bad = listItems(value).find((item) => !options.includes(String(item)));
      return bad === undefined ? undefined : `"${String(bad)}" is not one of the options`;
    }
    case "date":
    case "time":
    case "datetime": {
      const text = String(value);
      const kind = spec.type;
      const at = parseDateValue(text, kind);
      const min = typeof config["min_value"] === "string" ? parseDateValue(config["min_value"], kind) : NaN;
      const max = typeof config["max_value"] === "string" ? parseDateValue(config["max_value"], kind) : NaN;
      if (Number.isFinite(min) && at < min) return `must be on or after ${String(config["min_value"])}`;
      if (Number.isFinite(max) && at > max) return `must be on or before ${String(config["max_value"])}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Added rows that lack a required value: `[row position, column name, reason]`. */
export function missingRequired(
  state: EditState,
  numRows: number,
  specs: readonly ColumnSpec[],
): [number, string, string][] {
  const problems: [number, string, string][] = [];
  state.added.forEach((cells, i) => {
    for (const spec of specs) {
      if (spec.required && !spec.isIndex && isEmpty(cells[spec.name])) {
        problems.push([numRows + i, spec.name, `${spec.label || spec.name} is required`]);
      }
    }
  });
  return problems;
}
