/** `st.dataframe` (a scrollable table with a sticky header) and `st.table` (static). */
import { useMemo, useState } from "preact/hooks";
import { parseTable, type Table } from "../dataframe";
import type { ElementProps } from "../render/types";

function tryParse(json: string): Table | Error {
  try {
    return parseTable(json);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Rows rendered before "Show all": enough to scroll through, cheap to draw. */
const FIRST_ROWS = 500;

export function DataFrame({ value }: ElementProps<"dataframe">) {
  const table = useMemo(() => tryParse(value.json), [value.json]);
  const [showAll, setShowAll] = useState(false);
  if (table instanceof Error) {
    return <div class="rl-alert rl-alert-error">Cannot show this table: {table.message}</div>;
  }
  const style = {
    ...(value.height > 0 ? { maxHeight: `${value.height}px` } : {}),
    ...(value.width > 0 ? { width: `${value.width}px`, maxWidth: "100%" } : {}),
  };
  const showIndex = !value.hideIndex;
  // st.table is static: the whole table in the page flow, no inner scrolling.
  const className = value.isTable ? "rl-dataframe rl-static-table" : "rl-dataframe";
  return (
    <div class={className} style={style} tabIndex={0} role="region" aria-label="Data table">
      <table>
        <thead>
          <tr>
            {showIndex && <th class="rl-index" />}
            {table.columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(showAll || value.isTable ? table.rows : table.rows.slice(0, FIRST_ROWS)).map((row, r) => (
            <tr key={r}>
              {showIndex && (
                <th class="rl-index" scope="row">
                  {table.index[r]}
                </th>
              )}
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {!showAll && !value.isTable && table.rows.length > FIRST_ROWS && (
        <button
          type="button"
          class="rl-button rl-button-tertiary rl-show-all"
          onClick={() => setShowAll(true)}
        >
          Show all {table.rows.length} rows
        </button>
      )}
    </div>
  );
}
