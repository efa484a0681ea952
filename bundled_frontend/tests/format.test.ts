import { describe, expect, test } from "vitest";
import { parseMenuItems } from "../src/chrome/MainMenu";
import { create } from "@bufbuild/protobuf";
import { resolveTheme, themeVariables } from "../src/chrome/theme";
import { ThemeSchema } from "../src/proto/rillet_pb";
import { deltaArrow, deltaColorOf, metricText } from "../src/elements/metric";
import { headingAnchor, latexSource } from "../src/elements/markdown";
import {
  daysToIsoDate,
  formatMoment,
  formatNumber,
  isoDateToDays,
  microsToDateTime,
  secondsToTime,
} from "../src/format";

describe("formatNumber", () => {
  test("without a format ints stay ints and floats lose float noise", () => {
    expect(formatNumber(3, "", true)).toBe("3");
    expect(formatNumber(0.1 + 0.2, "")).toBe("0.3");
  });

  test("follows printf precision, padding and literal text", () => {
    expect(formatNumber(3.14159, "%.2f")).toBe("3.14");
    expect(formatNumber(42, "%d items")).toBe("42 items");
    expect(formatNumber(5, "%03d")).toBe("005");
    expect(formatNumber(12.5, "%0.1f%%")).toBe("12.5%");
    expect(formatNumber(1234.5, "%e")).toBe("1.234500e+03");
  });
});

describe("dates and times", () => {
  test("days since the epoch round-trip through ISO dates", () => {
    expect(daysToIsoDate(0)).toBe("1970-01-01");
    expect(isoDateToDays("2024-02-29")).toBe(19782);
    expect(daysToIsoDate(19782)).toBe("2024-02-29");
  });

  test("seconds since midnight show as HH:MM", () => {
    expect(secondsToTime(0)).toBe("00:00");
    expect(secondsToTime(13 * 3600 + 5 * 60)).toBe("13:05");
  });

  test("epoch microseconds show as a UTC date and time", () => {
    expect(microsToDateTime(86_400_000_000 + 3_600_000_000)).toBe("1970-01-02 01:00");
  });
});

describe("formatMoment", () => {
  const moment = new Date(Date.UTC(2024, 2, 3, 14, 5, 9));

  test("formats moment.js-style date and time tokens", () => {
    expect(formatMoment(moment, "YYYY-MM-DD")).toBe("2024-03-03");
    expect(formatMoment(moment, "MMM Do, YY h:mm A")).toBe("Mar 3rd, 24 2:05 PM");
    expect(formatMoment(moment, "dddd HH:mm:ss")).toBe("Sunday 14:05:09");
  });

  test("keeps bracketed text literal", () => {
    expect(formatMoment(moment, "[Day] D")).toBe("Day 3");
  });
});

describe("metric delta", () => {
  test("a rise is green, a fall red, inverse swaps, off is gray", () => {
    expect(deltaColorOf("+5%", "normal")).toBe("green");
    expect(deltaColorOf("-5%", "normal")).toBe("red");
    expect(deltaColorOf("-5%", "inverse")).toBe("green");
    expect(deltaColorOf("5", "off")).toBe("gray");
  });

  test("a named colour is used whatever the sign", () => {
    expect(deltaColorOf("-5%", "violet")).toBe("violet");
    expect(deltaColorOf("+5%", "grey")).toBe("gray");
    expect(deltaColorOf("+5%", "primary")).toBe("primary");
  });

  test("the arrow follows the sign (the server turns it off for a change of zero)", () => {
    expect(deltaArrow("+5%")).toBe("↑");
    expect(deltaArrow(" -1.5")).toBe("↓");
    expect(deltaArrow("+0")).toBe("↑");
    expect(deltaArrow("-0")).toBe("↓");
    expect(deltaArrow("0", "off")).toBe("");
  });

  test("delta_arrow forces the arrow up or down, or hides it", () => {
    expect(deltaArrow("-5", "up")).toBe("↑");
    expect(deltaArrow("+5", "down")).toBe("↓");
    expect(deltaArrow("+5", "off")).toBe("");
    expect(deltaArrow("0", "up")).toBe("↑");
  });

  test("format shows numbers in a named format or printf, and leaves other text alone", () => {
    expect(metricText("1234.567", "dollar")).toBe("$1,234.57");
    expect(metricText("-12.3", "dollar")).toBe("-$12.30");
    expect(metricText("0.25", "percent")).toBe("25%");
    expect(metricText("1234", "compact")).toBe("1.2K");
    expect(metricText("1234", "bytes")).toBe("1.2KB");
    expect(metricText("999", "bytes")).toBe("999B");
    expect(metricText("1234.567", "%.1f")).toBe("1234.6");
    expect(metricText("70 °F", "dollar")).toBe("70 °F");
    expect(metricText("1234.567", "")).toBe("1234.567");
  });
});

describe("heading anchors", () => {
  test("are lower-case words joined by dashes", () => {
    expect(headingAnchor("Hello, World!")).toBe("hello-world");
    expect(headingAnchor("A :red[coloured] title")).toBe("a-coloured-title");
  });
});

describe("theme", () => {
  test("the user's stored choice wins, then the app's base, then the system", () => {
    expect(resolveTheme("light", "dark", true)).toBe("light");
    expect(resolveTheme(null, "dark", false)).toBe("dark");
    expect(resolveTheme(null, "", true)).toBe("dark");
    expect(resolveTheme("system", "light", true)).toBe("dark");
  });

  test("the app's configured colours and font become CSS variables, unset ones stay out", () => {
    const theme = create(ThemeSchema, {
      primaryColor: "#ff4b4b",
      textColor: "rgb(10, 10, 10)",
      font: "serif",
    });
    expect(themeVariables(theme)).toEqual({
      "--rl-primary": "#ff4b4b",
      "--rl-text": "rgb(10, 10, 10)",
      "--rl-font": "var(--rl-font-serif)",
    });
    expect(themeVariables(create(ThemeSchema, { font: "sans-serif" }))).toEqual({});
    expect(themeVariables(create(ThemeSchema, { font: "monospace" }))["--rl-font"]).toBe(
      "var(--rl-font-mono)",
    );
    expect(themeVariables(create(ThemeSchema, { font: "Inter" }))["--rl-font"]).toBe(
      "Inter, var(--rl-font-sans)",
    );
  });
});

describe("menu items", () => {
  test("reads Streamlit's menu_items keys in any case", () => {
    const items = parseMenuItems('{"Get help": "https://h", "Report a Bug": "https://b", "About": "**hi**"}');
    expect(items).toEqual({ getHelp: "https://h", reportBug: "https://b", about: "**hi**" });
  });

  test("missing or broken JSON gives no items", () => {
    expect(parseMenuItems("")).toEqual({ getHelp: undefined, reportBug: undefined, about: undefined });
  });
});

describe("latex source", () => {
  test("drops the $$ delimiters st.latex keeps", () => {
    expect(latexSource("$$\n\\frac{1}{2}\n$$")).toBe("\\frac{1}{2}");
    expect(latexSource("x^2")).toBe("x^2");
  });
});
