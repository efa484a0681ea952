/**
 * The searchable list behind `st.selectbox` and `st.multiselect`: an input
 * with role "combobox" that filters a "listbox" popup as one types
 * (`filter_mode`), driven by the arrow keys, Home/End, Enter and Escape.
 *
 * Only the rows in view are rendered (rows have one fixed height), so a
 * list of thousands of options opens and scrolls as fast as one of ten.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import "../styles/pickers.css";

/** One row of the popup: an option (its index), or an action row. */
export type ComboRow =
  | { kind: "option"; index: number; label: string }
  | { kind: "create"; label: string }
  | { kind: "selectAll"; label: string; indexes: number[] };

/** The height of one row in pixels; `.rl-combo-option` has it too. */
export const ROW_HEIGHT = 36;
const VISIBLE_ROWS = 8;
const OVERSCAN = 4;

/**
 * Subsequence match of `query` in `label` (case-insensitive): undefined when
 * the letters do not all occur in order, else a score (lower is better)
 * that favours the query found whole, then early, contiguous matches.
 */
export function fuzzyScore(label: string, query: string): number | undefined {
  const text = label.toLowerCase();
  const wanted = query.toLowerCase();
  // The query as it stands in the label beats any scattered match.
  const whole = text.indexOf(wanted);
  if (whole >= 0) return whole - 1_000_000;
  let score = 0;
  let from = 0;
  let previous = -1;
  for (const char of wanted) {
    const at = text.indexOf(char, from);
    if (at < 0) return undefined;
    score += previous < 0 ? at : at - previous - 1;
    previous = at;
    from = at + 1;
  }
  return score;
}

/**
 * The indexes of `labels` that `query` matches under `mode` ("fuzzy",
 * "contains", "prefix"; "" = no filtering), best first for "fuzzy" and in
 * option order otherwise. `skip` leaves indexes out (chosen chips).
 */
export function filterOptions(
  labels: readonly string[],
  query: string,
  mode: string,
  skip: (index: number) => boolean = () => false,
): number[] {
  const wanted = query.trim().toLowerCase();
  const kept: number[] = [];
  if (wanted === "" || mode === "") {
    labels.forEach((_, index) => skip(index) || kept.push(index));
    return kept;
  }
  if (mode === "fuzzy") {
    const scored: [number, number][] = [];
    labels.forEach((label, index) => {
      if (skip(index)) return;
      const score = fuzzyScore(label, wanted);
      if (score !== undefined) scored.push([score, index]);
    });
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return scored.map(([, index]) => index);
  }
  labels.forEach((label, index) => {
    if (skip(index)) return;
    const text = label.toLowerCase();
    if (mode === "prefix" ? text.startsWith(wanted) : text.includes(wanted)) kept.push(index);
  });
  return kept;
}

export interface ComboboxProps {
  id: string;
  options: readonly string[];
  disabled: boolean;
  filterMode: string;
  /** Text in the input while the list is closed (the chosen option of a selectbox). */
  shown: string;
  placeholder: string;
  /** The rows to offer for `query`, in order. */
  rows: (query: string) => ComboRow[];
  /** Said in the list when there is no row for the query (or choosing is not possible). */
  emptyText: string | ((query: string) => string);
  /** The row made active when the list opens with no query (the current choice). */
  activeOnOpen?: number;
  onPick: (row: ComboRow) => void;
  /** Text typed that matches no row, on Enter or on leaving the field. */
  onNoMatch?: (query: string) => void;
  /** Backspace in an empty input (a multiselect drops its last chip). */
  onBackspace?: () => void;
  /** Keep the list open after a pick (a multiselect). */
  stayOpen?: boolean;
  /** Drawn in the box before the input (chips, an icon). */
  before?: ComponentChildren;
  /** Drawn in the box after the input (clear buttons); the chevron follows. */
  after?: ComponentChildren;
  boxClass?: string;
  required?: boolean;
  describedBy?: string;
}

export function Combobox(props: ComboboxProps) {
  const { id, disabled, filterMode } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const opened = useRef(false);
  const rows = useMemo(() => (open ? props.rows(query) : []), [open, query, props.rows]);
  const listId = `${id}-list`;
  const typing = filterMode !== "";

  const close = () => {
    setOpen(false);
    setQuery("");
    setScrollTop(0);
  };
  const show = () => {
    if (disabled) return;
    opened.current = true;
    setOpen(true);
    setActive(props.activeOnOpen ?? 0);
  };
  // Keep the active row in view; the window of rendered rows follows scrollTop.
  useEffect(() => {
    const list = listRef.current;
    if (!open || list === null) return;
    const top = active * ROW_HEIGHT;
    if (opened.current) {
      // Just opened: the current choice sits near the top, with one row above it.
      opened.current = false;
      list.scrollTop = Math.max(0, top - ROW_HEIGHT);
    } else if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight)
      list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
    setScrollTop(list.scrollTop);
  }, [active, open]);
  useEffect(() => {
    if (active >= rows.length) setActive(Math.max(0, rows.length - 1));
  }, [rows.length]);

  const pick = (row: ComboRow | undefined) => {
    if (row === undefined) return;
    props.onPick(row);
    if (props.stayOpen) {
      setQuery("");
    } else {
      close();
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const last = rows.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) show();
        else setActive(Math.min(last, active + 1));
        return;
      case "ArrowUp":
        event.preventDefault();
        if (!open) show();
        else setActive(Math.max(0, active - 1));
        return;
      case "Home":
      case "End":
      case "PageDown":
      case "PageUp":
        if (!open) return;
        event.preventDefault();
        setActive(
          event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : event.key === "PageDown"
                ? Math.min(last, active + VISIBLE_ROWS)
                : Math.max(0, active - VISIBLE_ROWS),
        );
        return;
      case "Enter":
        if (!open) {
          event.preventDefault();
          show();
          return;
        }
        event.preventDefault();
        if (rows.length === 0 && query.trim() !== "") props.onNoMatch?.(query);
        pick(rows[active]);
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
        return;
      case " ":
        if (!typing) {
          event.preventDefault();
          if (open) pick(rows[active]);
          else show();
        }
        return;
      case "Backspace":
        if (query === "" && props.onBackspace) props.onBackspace();
        return;
      case "Tab":
        close();
        return;
    }
    // Typing into a closed box starts a new query, not an edit of the value shown.
    if (!open && typing && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      if (disabled) return;
      setOpen(true);
      setQuery(event.key);
      setActive(0);
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(rows.length, first + VISIBLE_ROWS + 2 * OVERSCAN);
  const activeId = open && rows.length > 0 ? `${id}-opt-${active}` : undefined;

  return (
    <div
      class={`rl-combo${open ? " rl-open" : ""}${props.boxClass ? ` ${props.boxClass}` : ""}`}
      onMouseDown={(event) => {
        // A press anywhere in the box focuses the input and toggles the list.
        if (disabled || (event.target as HTMLElement).closest("button, .rl-combo-list")) return;
        event.preventDefault();
        inputRef.current?.focus();
        if (open) close();
        else show();
      }}
    >
      <div class="rl-combo-field">
        {props.before}
        <input
          ref={inputRef}
          id={id}
          class="rl-combo-input"
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-haspopup="listbox"
          aria-autocomplete={typing ? "list" : "none"}
          aria-activedescendant={activeId}
          aria-required={props.required || undefined}
          aria-describedby={props.describedBy}
          autoComplete="off"
          spellcheck={false}
          readOnly={!typing}
          disabled={disabled}
          value={open ? query : props.shown}
          placeholder={open && props.shown !== "" ? props.shown : props.placeholder}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
            if (!open) setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (open && rows.length === 0 && query.trim() !== "") props.onNoMatch?.(query);
            close();
          }}
        />
      </div>
      {props.after}
      <span class="rl-combo-chevron" aria-hidden="true" />
      {open && (
        <ul
          ref={listRef}
          id={listId}
          class="rl-combo-list"
          role="listbox"
          aria-labelledby={`${id}-label`}
          style={{ maxHeight: `${VISIBLE_ROWS * ROW_HEIGHT + 2}px` }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          onMouseDown={(event) => event.preventDefault()}
        >
          {rows.length === 0 ? (
            <li class="rl-combo-empty" role="presentation">
              {typeof props.emptyText === "string" ? props.emptyText : props.emptyText(query)}
            </li>
          ) : (
            <>
              <li role="presentation" style={{ height: `${first * ROW_HEIGHT}px` }} />
              {rows.slice(first, end).map((row, offset) => {
                const at = first + offset;
                return (
                  <li
                    key={at}
                    id={`${id}-opt-${at}`}
                    role="option"
                    aria-selected={at === active}
                    class={`rl-combo-option rl-combo-${row.kind}${at === active ? " rl-active" : ""}`}
                    onMouseMove={() => at !== active && setActive(at)}
                    onClick={() => pick(row)}
                  >
                    {row.label}
                  </li>
                );
              })}
              <li role="presentation" style={{ height: `${(rows.length - end) * ROW_HEIGHT}px` }} />
            </>
          )}
        </ul>
      )}
    </div>
  );
}
