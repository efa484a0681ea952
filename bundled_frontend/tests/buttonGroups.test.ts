/** Pure pieces of the pills, segmented control and pagination renderers. */
import { describe, expect, test } from "vitest";
import { selectedIndexes, toggled } from "../src/elements/buttonGroup";
import { pageItems } from "../src/elements/pagination";
import { intArrayValue } from "../src/widgetValues";

describe("pageItems", () => {
  test("shows every page when they fit, or when there is no cap", () => {
    expect(pageItems(5, 1, 7)).toEqual([1, 2, 3, 4, 5]);
    expect(pageItems(12, 4, -1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test("an ellipsis takes a place, as in Streamlit", () => {
    expect(pageItems(20, 10, 7)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
    expect(pageItems(20, 2, 7)).toEqual([1, 2, 3, 4, 5, "gap", 20]);
    expect(pageItems(20, 19, 7)).toEqual([1, "gap", 16, 17, 18, 19, 20]);
  });

  test("the current page is always shown, with the first and the last", () => {
    for (const max of [1, 2, 3, 4, 5, 6, 7, 9]) {
      for (let page = 1; page <= 30; page++) {
        const items = pageItems(30, page, max);
        expect(items).toContain(page);
        expect(items[0]).toBe(1);
        expect(items.at(-1)).toBe(30);
        if (max >= 5) expect(items.length).toBe(max);
      }
    }
  });

  test("zero shows only the arrows", () => {
    expect(pageItems(20, 3, 0)).toEqual([]);
  });
});

describe("button group selection", () => {
  test("single mode selects one, a second click clears it unless required", () => {
    expect(toggled([], 2, false, false)).toEqual([2]);
    expect(toggled([2], 0, false, false)).toEqual([0]);
    expect(toggled([2], 2, false, false)).toEqual([]);
    expect(toggled([2], 2, false, true)).toEqual([2]);
  });

  test("multi mode adds in click order and removes", () => {
    expect(toggled([1], 0, true, false)).toEqual([1, 0]);
    expect(toggled([1, 0], 1, true, false)).toEqual([0]);
  });

  test("the user's value wins over the server's", () => {
    expect(selectedIndexes(undefined, [1])).toEqual([1]);
    expect(selectedIndexes(intArrayValue([0, 2]), [1])).toEqual([0, 2]);
  });
});
