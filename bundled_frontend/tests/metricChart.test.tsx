import { describe, expect, test } from "vitest";
import { sparkPoints } from "../src/elements/metric";

describe("metric sparkline", () => {
  test("points span the box, lowest value at the bottom and highest at the top", () => {
    expect(sparkPoints([1, 3, 2], 200, 40)).toEqual([
      [0, 40],
      [100, 0],
      [200, 20],
    ]);
  });

  test("a flat or single-value series stays inside the box", () => {
    expect(sparkPoints([5, 5], 200, 40)).toEqual([
      [0, 40],
      [200, 40],
    ]);
    expect(sparkPoints([7], 200, 40)).toEqual([[0, 40]]);
    expect(sparkPoints([], 200, 40)).toEqual([]);
  });
});
