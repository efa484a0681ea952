import { describe, expect, test } from "vitest";
import { textProblem } from "../src/elements/textInputs";

describe("text checks before a commit", () => {
  test("required refuses empty and blank text", () => {
    expect(textProblem("", { required: true })).toBe("This field is required.");
    expect(textProblem("   ", { required: true })).toBe("This field is required.");
    expect(textProblem("x", { required: true })).toBeUndefined();
    expect(textProblem("", { required: false })).toBeUndefined();
  });

  test("validate refuses text that does not match, with the app's message", () => {
    const rule = { required: false, validateRegex: "^\\d{3}$", validateMessage: "Three digits." };
    expect(textProblem("12a", rule)).toBe("Three digits.");
    expect(textProblem("123", rule)).toBeUndefined();
    expect(textProblem("", rule)).toBeUndefined(); // empty skips validation
    expect(textProblem("12a", { ...rule, validateMessage: "" })).toMatch(/expected format/);
  });

  test("a pattern the browser cannot read checks nothing", () => {
    expect(textProblem("x", { required: false, validateRegex: "(" })).toBeUndefined();
  });
});
