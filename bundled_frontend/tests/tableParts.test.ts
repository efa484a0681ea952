// Tables sent as parts kept by hash: the client's store, and a table joined from its parts.
import { create } from "@bufbuild/protobuf";
import { tableFromArrays, tableToIPC } from "@uwdata/flechette";
import { describe, expect, test } from "vitest";
import { DataFrameSchema, TablePartSchema } from "../src/proto/rillet_pb";
import { partsKey, tableFromParts } from "../src/table/arrow";
import { TableParts } from "../src/tableParts";

function ipc(values: number[]): Uint8Array {
  const bytes = tableToIPC(tableFromArrays({ n: Float64Array.from(values) }), { format: "stream" });
  if (bytes === null) throw new Error("no IPC");
  return bytes;
}

const part = (hash: string, arrow: Uint8Array, rows = 0) =>
  create(TablePartSchema, { hash, arrow, rows: BigInt(rows) });

describe("TableParts", () => {
  test("a whole part is kept and fills in the same hash sent bare later", () => {
    const parts = new TableParts();
    const bytes = ipc([1, 2]);
    expect(parts.resolve(create(DataFrameSchema, { parts: [part("a", bytes)] }))).toEqual([]);
    const again = create(DataFrameSchema, { parts: [part("a", new Uint8Array())] });
    expect(parts.resolve(again)).toEqual([]);
    expect(again.parts[0]?.arrow).toBe(bytes);
  });

  test("the least recently used part is forgotten first, as on the server", () => {
    const parts = new TableParts(2);
    for (const hash of ["a", "b"]) parts.resolve(create(DataFrameSchema, { parts: [part(hash, ipc([1]))] }));
    parts.resolve(create(DataFrameSchema, { parts: [part("a", new Uint8Array())] })); // a used: b is oldest
    parts.resolve(create(DataFrameSchema, { parts: [part("c", ipc([3]))] }));
    const bare = (hash: string) => create(DataFrameSchema, { parts: [part(hash, new Uint8Array())] });
    expect(parts.resolve(bare("b"))).toEqual(["b"]);
    expect(parts.resolve(bare("a"))).toEqual([]);
    expect(parts.resolve(bare("c"))).toEqual([]);
  });
});

describe("tableFromParts", () => {
  const head = part("h", ipc([0, 1, 2, 3, 4, 5, 6, 7]), 8);
  const rest = part("r", ipc([8, 9, 10]), 3);

  test("the first rows read before the others arrive; the others read as null until then", () => {
    const first = tableFromParts([head], 11, 0);
    expect(first.numRows).toBe(11);
    expect(first.loadedRows).toBe(8);
    expect(first.columns[0]?.get(7)).toBe(7);
    expect(first.columns[0]?.get(9)).toBeNull();
  });

  test("parts join into one table in row order", () => {
    const whole = tableFromParts([head, rest], 0, 0);
    expect(whole.numRows).toBe(11);
    expect(whole.loadedRows).toBeUndefined();
    expect([0, 7, 8, 10].map((row) => whole.columns[0]?.get(row))).toEqual([0, 7, 8, 10]);
    expect(whole.columns[0]?.get(11)).toBeNull();
  });

  test("an unchanged table sent again shows whole while its other rows are on their way", () => {
    const whole = tableFromParts([head, rest], 0, 0);
    expect(tableFromParts([head], 11, 0)).toBe(whole);
    expect(tableFromParts([head], 12, 0)).not.toBe(whole); // another row count: another table
  });

  test("a part is decoded when one of its rows is first read, not when it arrives", () => {
    // Bytes that are not Arrow: decoding them fails, so reading is what decodes.
    const later = part("bad", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 4);
    const third = part("t", ipc([20, 21]), 2);
    const table = tableFromParts([head, later, third], 14, 0);
    expect(table.numRows).toBe(14);
    expect(table.loadedRows).toBeUndefined();
    expect(table.columns[0]?.get(3)).toBe(3);
    expect(table.columns[0]?.get(12)).toBe(20); // its start comes from the rows the wire says
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(table.columns[0]?.get(9)).toBeNull(); // the bad part reads as missing, once said
      expect(table.columns[0]?.get(10)).toBeNull();
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });

  test("column specs need not be made again while later parts arrive", () => {
    const big = part("big", ipc(Array.from({ length: 60 }, (_, i) => i)), 60);
    const one = tableFromParts([big], 100, 0);
    const two = tableFromParts([big, part("x", ipc([1]), 1)], 100, 0);
    expect(two).not.toBe(one);
    expect(one.specSource).toBeDefined();
    expect(two.specSource).toBe(one.specSource);
    // A first part shorter than the specs' sample does not stand for the table.
    expect(tableFromParts([head], 11, 0).specSource).toBeUndefined();
  });

  test("a part without a row count is decoded for it", () => {
    const table = tableFromParts([head, part("r0", ipc([8, 9, 10]))], 0, 0);
    expect(table.numRows).toBe(11);
    expect(table.columns[0]?.get(10)).toBe(10);
  });

  test("the key the grid decodes by changes with the parts and the row count", () => {
    const key = (parts: ReturnType<typeof part>[], numRows: number) =>
      partsKey(create(DataFrameSchema, { parts, numRows: BigInt(numRows) }));
    expect(key([head], 11)).not.toBe(key([head, rest], 0));
    expect(key([], 0)).toBe("");
  });
});
