/**
 * `st.multiselect`: the chosen options as removable chips inside a
 * searchable combobox (see combobox.tsx), a clear-all button, and a
 * "Select all" row (or "Select N matches" while filtering) as
 * `select_all` allows. `max_selections` is enforced here: once it is
 * reached the list offers nothing and says why. With `accept_new_options`
 * the text typed can be added, and the value travels as labels instead of
 * option indexes.
 */
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { intArrayValue, stringArrayValue } from "../widgetValues";
import { Combobox, filterOptions, type ComboRow } from "./combobox";
import { CloseIcon, commonOf, inputId, Label, WidgetBox } from "./common";

/** Whether "Select all" is offered for `selectable` options under `limit` (-1 = any number). */
export function offersSelectAll(selectable: number, limit: number): boolean {
  return selectable >= 2 && (limit < 0 || selectable <= limit);
}

export function Multiselect({ value, node }: ElementProps<"multiselect">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const typed = value.acceptNewOptions;
  // Both modes work on labels here; `send` turns them into the wire value.
  const chosen: string[] = typed
    ? widget.value?.case === "stringArrayValue"
      ? [...widget.value.value.data]
      : [...value.valueLabels]
    : (widget.value?.case === "intArrayValue" ? widget.value.value.data.map(Number) : value.value).map(
        (index) => value.options[index] ?? "",
      );
  const send = (labels: string[]) =>
    widget.set(
      typed ? stringArrayValue(labels) : intArrayValue(labels.map((label) => value.options.indexOf(label))),
    );
  const max = value.maxSelections;
  const full = max > 0 && chosen.length >= max;
  const id = inputId(common);
  const limitText = `You can only select up to ${max} option${max === 1 ? "" : "s"}. Remove an option first.`;
  const chosenSet = new Set(chosen);

  const rows = (query: string): ComboRow[] => {
    if (full) return [];
    const found = filterOptions(value.options, query, value.filterMode, (index) =>
      chosenSet.has(value.options[index] ?? ""),
    );
    const result: ComboRow[] = found.map((index) => ({
      kind: "option",
      index,
      label: value.options[index] ?? "",
    }));
    const text = query.trim();
    if (typed && text !== "" && !chosenSet.has(text) && !value.options.includes(text))
      result.unshift({ kind: "create", label: `Add: ${text}` });
    if (offersSelectAll(found.length, value.selectAll)) {
      const label = text === "" ? "Select all" : `Select ${found.length} matches`;
      result.unshift({ kind: "selectAll", label, indexes: found });
    }
    return result;
  };
  const onPick = (row: ComboRow) => {
    if (row.kind === "option") send([...chosen, row.label]);
    else if (row.kind === "create") send([...chosen, row.label.slice("Add: ".length)]);
    else {
      const room = max > 0 ? max - chosen.length : row.indexes.length;
      const added = [...row.indexes]
        .sort((a, b) => a - b)
        .slice(0, room)
        .map((index) => value.options[index] ?? "");
      send([...chosen, ...added]);
    }
  };
  // wrap: "" lets the layout decide (one scrolling row directly in a column or row; see pickers.css).
  const wrap = value.wrap === "nowrap" ? " rl-chips-nowrap" : value.wrap === "wrap" ? "" : " rl-chips-auto";
  const placeholder = chosen.length > 0 ? "" : value.placeholder || "Choose options";

  return (
    <WidgetBox common={common} kind="multiselect">
      <Label common={common} htmlFor={id} />
      <Combobox
        id={id}
        options={value.options}
        disabled={common.disabled || (value.options.length === 0 && !typed && chosen.length === 0)}
        filterMode={value.filterMode}
        shown=""
        placeholder={placeholder}
        rows={rows}
        emptyText={full ? limitText : typed ? "Type to add a new option" : "No results"}
        onPick={onPick}
        stayOpen
        onBackspace={() => chosen.length > 0 && send(chosen.slice(0, -1))}
        boxClass={`rl-multi-combo${wrap}`}
        before={
          chosen.length > 0 && (
            <ul class="rl-chips" aria-label="Selected options">
              {chosen.map((label) => (
                <li key={label} class="rl-chip">
                  <span class="rl-chip-text">{label}</span>
                  <button
                    type="button"
                    class="rl-chip-remove"
                    disabled={common.disabled}
                    tabIndex={-1}
                    aria-label={`Remove ${label}`}
                    onClick={() => {
                      send(chosen.filter((other) => other !== label));
                      // The chip and its button go: focus stays in the field, as in Streamlit.
                      document.getElementById(id)?.focus();
                    }}
                  >
                    <CloseIcon />
                  </button>
                </li>
              ))}
            </ul>
          )
        }
        after={
          chosen.length > 0 &&
          !common.disabled && (
            <button
              type="button"
              class="rl-combo-clear"
              aria-label="Clear all"
              title="Clear all"
              onClick={() => send([])}
            >
              <CloseIcon />
            </button>
          )
        }
      />
    </WidgetBox>
  );
}
