/** `st.dataframe` (a scrollable table with a sticky header) and `st.table` (static). */
import { useMemo } from "preact/hooks";
import { parseTable, type Table } from "../dataframe";
import type { ElementProps } from "../render/types";

function tryParse(json: string): Table | Error {
  try {
    return parseTable(json);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export function DataFrame({ value }: ElementProps<"dataframe">) {
  const table = useMemo(() => tryParse(value.json), [value.json]);
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
          {table.rows.map((row, r) => (
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
    </div>
  );
}
