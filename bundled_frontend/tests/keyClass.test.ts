import { describe, expect, test } from "vitest";
import { keyClass } from "../src/render/keyClass";

describe("keyClass", () => {
  test("names a key's class as Streamlit 1.67 does, character by character", () => {
    // Read off Streamlit's page for the same keys.
    const expected: Record<string, string> = {
      "a b": "st-key-a-b",
      "a  b": "st-key-a--b",
      " x ": "st-key-x",
      é1: "st-key--1",
      "a.b": "st-key-a-b",
      "1abc": "st-key-1abc",
      "a:b": "st-key-a-b",
      "tab\tx": "st-key-tab-x",
      "-q": "st-key--q",
      a__b: "st-key-a__b",
      日本: "st-key---",
      "hotkeys-manager::global": "st-key-hotkeys-manager--global",
    };
    for (const [key, name] of Object.entries(expected)) expect(keyClass(key)).toBe(name);
    expect(keyClass(undefined)).toBe("");
    expect(keyClass("")).toBe("");
  });
});
