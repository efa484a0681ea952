import { describe, expect, it } from "vitest";
import { filterOptions, fuzzyScore } from "../src/elements/combobox";
import { parseDates } from "../src/elements/dateTime";
import { offersSelectAll } from "../src/elements/multiselect";
import { parseDateTime, timesOfDay } from "../src/elements/dateTimeInput";
import { parseNumber, typingRule } from "../src/elements/numberInput";
import { thumbCentre } from "../src/elements/slider";
import { formatDate, formatTime, parseDate, parseTime, timeChoices } from "../src/elements/pickers";

describe("filterOptions", () => {
  const labels = ["Oslo", "Lima", "Pune", "Los Angeles", "Lisbon"];
  it("keeps every option for an empty query or no filter mode", () => {
    expect(filterOptions(labels, "", "fuzzy")).toEqual([0, 1, 2, 3, 4]);
    expect(filterOptions(labels, "zz", "")).toEqual([0, 1, 2, 3, 4]);
  });
  it("matches a prefix or a substring without regard to case", () => {
    expect(filterOptions(labels, "l", "prefix")).toEqual([1, 3, 4]);
    expect(filterOptions(labels, "OS", "contains")).toEqual([0, 3]);
  });
  it("matches letters in order for fuzzy, closest matches first", () => {
    expect(filterOptions(labels, "ls", "fuzzy")).toEqual([3, 4]);
    expect(filterOptions(labels, "la", "fuzzy")).toEqual([1, 3]);
    expect(fuzzyScore("Lisbon", "lsb")).toBe(1);
    expect(fuzzyScore("Lima", "am")).toBeUndefined();
    expect(filterOptions(["City 170", "City 017"], "17", "fuzzy")).toEqual([0, 1]);
    expect(filterOptions(["a-b-c", "xabc"], "abc", "fuzzy")).toEqual([1, 0]);
  });
  it("leaves out skipped options", () => {
    expect(filterOptions(labels, "", "fuzzy", (i) => i < 3)).toEqual([3, 4]);
  });
});

describe("select all", () => {
  it("needs two selectable options and respects the limit", () => {
    expect(offersSelectAll(1, -1)).toBe(false);
    expect(offersSelectAll(2, -1)).toBe(true);
    expect(offersSelectAll(1000, 1000)).toBe(true);
    expect(offersSelectAll(1001, 1000)).toBe(false);
    expect(offersSelectAll(5, 0)).toBe(false);
  });
});

describe("dates", () => {
  it("shows and reads a date in the app's format", () => {
    expect(formatDate("2026-01-31", "DD.MM.YYYY")).toBe("31.01.2026");
    expect(formatDate("2026-01-31", "")).toBe("2026/01/31");
    expect(parseDate("31.01.2026", "DD.MM.YYYY")).toEqual({ iso: "2026-01-31" });
    expect(parseDate("1/2/2026", "MM/DD/YYYY")).toEqual({ iso: "2026-01-02" });
  });
  it("says why text is not a date", () => {
    expect(parseDate("2026/02/30", "YYYY/MM/DD")).toEqual({ error: "2026-02 has no day 30." });
    expect(parseDate("2026/13/01", "YYYY/MM/DD")).toEqual({ error: "13 is not a month (1 to 12)." });
    expect(parseDate("soon", "YYYY/MM/DD")).toEqual({
      error: '"soon" is not a date; type it as YYYY/MM/DD.',
    });
  });
  it("reads a range in order and keeps to the bounds", () => {
    const spec = { format: "YYYY-MM-DD", isRange: true, min: "2026-01-01", max: "2026-12-31" };
    expect(parseDates("2026-03-09 – 2026-03-01", spec)).toEqual({ dates: ["2026-03-01", "2026-03-09"] });
    expect(parseDates("2026-03-01 - 2026-03-09", spec)).toEqual({ dates: ["2026-03-01", "2026-03-09"] });
    expect(parseDates("2025-12-31", spec)).toEqual({ error: "2025-12-31 is before 2026-01-01." });
  });
});

describe("times", () => {
  it("shows 24-hour time by default and 12-hour on request", () => {
    expect(formatTime(8 * 3600 + 45 * 60, "24h", false)).toBe("08:45");
    expect(formatTime(20 * 3600 + 5 * 60, "12h", false)).toBe("8:05 PM");
    expect(formatTime(0, "12h", false)).toBe("12:00 AM");
    expect(formatTime(3661, "24h", true)).toBe("01:01:01");
  });
  it("reads typed times and says why text is not one", () => {
    expect(parseTime("8:45")).toEqual({ seconds: 31500 });
    expect(parseTime("8:45 pm")).toEqual({ seconds: 74700 });
    expect(parseTime("0845")).toEqual({ seconds: 31500 });
    expect(parseTime("25:00")).toEqual({ error: "25 is not an hour (0 to 23)." });
    expect(parseTime("noon")).toHaveProperty("error");
  });
  it("offers a choice every step", () => {
    expect(timeChoices(900)).toHaveLength(96);
    expect(timeChoices(3600 * 5)).toEqual([0, 18000, 36000, 54000, 72000]);
  });
});

describe("number input text", () => {
  it("reads numbers through format decorations and says why text is none", () => {
    expect(parseNumber("12.50%", false)).toEqual({ n: 12.5 });
    expect(parseNumber("1,000", true)).toEqual({ n: 1000 });
    expect(parseNumber("abc", false)).toEqual({ error: '"abc" is not a number.' });
    expect(parseNumber("2.5", true)).toEqual({ error: "2.5 is not a whole number." });
  });
});

describe("slider values", () => {
  it("sit over the thumb centre, half a thumb in from either end", () => {
    expect(thumbCentre(0)).toBe("calc(0% + 6.00px)");
    expect(thumbCentre(100)).toBe("calc(100% + -6.00px)");
  });
});

describe("typing into a number input", () => {
  it("takes only what the format shows", () => {
    const twoPlaces = typingRule("%.2f", false);
    expect(["", "-", "1", "1.", "1.5", "-12.25"].every(twoPlaces.allows)).toBe(true);
    expect(twoPlaces.allows("1.255")).toBe(false);
    expect(twoPlaces.allows("1a")).toBe(false);
    expect(twoPlaces.says).toBe("the format %.2f takes at most 2 decimals");
    const whole = typingRule("", true);
    expect(whole.allows("42")).toBe(true);
    expect(whole.allows("4.2")).toBe(false);
    expect(typingRule("%d", false).allows("3.")).toBe(false);
    expect(typingRule("%e", false).allows("1.5e-3")).toBe(true);
    expect(typingRule("%.1f", false).allows("1e3")).toBe(false);
  });
  it("lets the format's own text stand around the number", () => {
    const money = typingRule("$%.2f", false);
    expect(money.allows("$1.50")).toBe(true);
    expect(money.allows("1.50")).toBe(true);
    const percent = typingRule("%0.1f%%", false);
    expect(percent.allows("12.5%")).toBe(true);
    expect(percent.allows("12.5 %")).toBe(true);
    expect(percent.allows("12.55%")).toBe(false);
    expect(typingRule("%,.0f", false).allows("1,000")).toBe(true);
  });
});

describe("typed datetimes", () => {
  const spec = { format: "DD.MM.YYYY", min: "2026-01-01T00:00", max: "2026-12-31T23:59" };
  it("read as the field shows them", () => {
    expect(parseDateTime("31.01.2026, 20:30", spec)).toEqual({ wire: "2026-01-31T20:30" });
    expect(parseDateTime("31.01.2026 8:05 pm", spec)).toEqual({ wire: "2026-01-31T20:05" });
    expect(parseDateTime("31.01.2026", spec)).toEqual({ wire: "2026-01-31T00:00" });
  });
  it("are refused with the reason", () => {
    expect(parseDateTime("tomorrow", spec)).toEqual({
      error: '"tomorrow" is not a date and time; type it as DD.MM.YYYY, HH:MM.',
    });
    expect(parseDateTime("31.02.2026, 10:00", spec)).toEqual({ error: "2026-02 has no day 31." });
    expect(parseDateTime("01.01.2026, 25:00", spec)).toEqual({ error: "25 is not an hour (0 to 23)." });
    expect(parseDateTime("31.12.2025, 23:00", spec)).toEqual({
      error: "31.12.2025, 23:00 is before 01.01.2026, 00:00.",
    });
  });
  it("offer the times of a day within the bounds", () => {
    expect(timesOfDay("2026-01-01", 3600 * 6, "2026-01-01T07:00", "")).toEqual([43200, 64800]);
    expect(timesOfDay("2026-01-02", 3600 * 6, "2026-01-01T07:00", "2026-01-02T06:00")).toEqual([0, 21600]);
  });
});
