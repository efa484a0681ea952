import { int64, tableFromArrays, tableToIPC, utf8 } from "@uwdata/flechette";
import { describe, expect, it } from "vitest";
import { decodeTable } from "../src/lazy/bidiTables";

function ipc(): Uint8Array {
  const table = tableFromArrays(
    { city: ["Oslo", "Lima"], rank: [1, 2] },
    { types: { city: utf8(), rank: int64() } },
  );
  const bytes = tableToIPC(table, { format: "stream" });
  if (bytes === null) throw new Error("no IPC bytes");
  return bytes;
}

describe("a components.v2 table", () => {
  it("reads as apache-arrow's tables do", () => {
    const table = decodeTable(ipc());
    expect(table.numRows).toBe(2);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["city", "rank"]);
    expect(table.getChild("city")?.get(1)).toBe("Lima");
    // 64-bit integers as BigInt, rows with toJSON(), as apache-arrow gives them.
    expect(table.getChild("rank")?.get(0)).toBe(1n);
    const row = table.get(0) as unknown as { city: string; toJSON(): unknown };
    expect(row.city).toBe("Oslo");
    expect(row.toJSON()).toEqual({ city: "Oslo", rank: 1n });
  });

  it("reads bytes at an offset that is not a multiple of 8", () => {
    const bytes = ipc();
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const table = decodeTable(shifted.subarray(3));
    expect(table.getChild("city")?.toArray()).toEqual(["Oslo", "Lima"]);
  });
});
