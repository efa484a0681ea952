/**
 * The tables of a components.v2 `data` argument, decoded for the
 * component's JS (rillet/protocol/README.md, "Custom components"). A lazy
 * chunk: the Arrow decoder (flechette, shared with the grid) loads only
 * when a component receives a table.
 */
import { tableFromIPC, type Table } from "@uwdata/flechette";

/**
 * One Arrow IPC stream as a table that reads as apache-arrow's does, which
 * is what Streamlit gives components: `numRows`, `numCols`, `schema.fields`,
 * `getChild(name)`, `get(i)`, `toArray()`, rows with `toJSON()`, 64-bit
 * integers as BigInt, dates and timestamps as epoch milliseconds.
 */
export function decodeTable(bytes: Uint8Array): Table {
  // Typed views need 8-byte alignment; the bytes are a view into the
  // protobuf message at any offset.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  return tableFromIPC(aligned, { useProxy: true, useBigInt: true, useDate: false, useMap: false });
}
