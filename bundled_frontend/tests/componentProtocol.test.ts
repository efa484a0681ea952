import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { parseSandboxMessage } from "../src/components/bidiSandbox";
import {
  argumentHeight,
  fadeColor,
  parseComponentMessage,
  renderMessage,
  sameArguments,
  type ComponentTheme,
} from "../src/components/protocol";
import { componentUrl } from "../src/elements/component";
import {
  ComponentArgSchema,
  ComponentDataFrameSchema,
  ComponentInstanceSchema,
} from "../src/proto/rillet_pb";

const msg = (type: string, extra: Record<string, unknown> = {}) => ({
  isStreamlitMessage: true,
  type,
  ...extra,
});
const THEME: ComponentTheme = {
  base: "light",
  primaryColor: "#f00",
  backgroundColor: "#fff",
  secondaryBackgroundColor: "#eee",
  textColor: "#000",
  font: "sans-serif",
};

describe("messages a component posts", () => {
  test("other scripts' messages are not ours", () => {
    expect(parseComponentMessage("hello")).toBeUndefined();
    expect(parseComponentMessage({ type: "streamlit:componentReady" })).toBeUndefined();
  });

  test("ready, height and JSON values", () => {
    expect(parseComponentMessage(msg("streamlit:componentReady", { apiVersion: 1 }))).toEqual({
      kind: "ready",
      apiVersion: 1,
    });
    expect(parseComponentMessage(msg("streamlit:setFrameHeight", { height: 99.2 }))).toEqual({
      kind: "height",
      height: 100,
    });
    // Pixels written as text count, as Streamlit sets them as the frame's height attribute.
    for (const height of ["400px", "400", " 400 "]) {
      expect(parseComponentMessage(msg("streamlit:setFrameHeight", { height }))).toEqual({
        kind: "height",
        height: 400,
      });
    }
    expect(
      parseComponentMessage(msg("streamlit:setComponentValue", { value: { a: [1] }, dataType: "json" })),
    ).toEqual({ kind: "value", value: { case: "jsonValue", value: '{"a":[1]}' } });
    expect(parseComponentMessage(msg("streamlit:setComponentValue", { value: undefined }))).toEqual({
      kind: "value",
      value: { case: "jsonValue", value: "null" },
    });
  });

  test("bytes and dataframe values", () => {
    const bytes = parseComponentMessage(
      msg("streamlit:setComponentValue", { value: new Uint8Array([1, 2]), dataType: "bytes" }),
    );
    expect(bytes?.kind === "value" && bytes.value.case === "bytesValue" && [...bytes.value.value]).toEqual([
      1, 2,
    ]);
    const frame = parseComponentMessage(
      msg("streamlit:setComponentValue", {
        value: { data: new Uint8Array([7]), index: new Uint8Array([8]), columns: new Uint8Array([9]) },
        dataType: "dataframe",
      }),
    );
    expect(
      frame?.kind === "value" && frame.value.case === "arrowValue" && [...frame.value.value.columns],
    ).toEqual([9]);
  });

  test("malformed, oversized and mistyped messages are refused with a reason", () => {
    const refused = [
      msg("streamlit:setFrameHeight", { height: "tall" }),
      msg("streamlit:setFrameHeight", { height: -4 }),
      msg("streamlit:setComponentValue", { value: "x", dataType: "bytes" }),
      msg("streamlit:setComponentValue", { value: { data: "x" }, dataType: "dataframe" }),
      msg("streamlit:setComponentValue", { value: 1, dataType: "xml" }),
      msg("streamlit:setComponentValue", { value: 10n }),
      msg("streamlit:setComponentValue", { value: "x".repeat(200) }),
      msg("streamlit:launchMissiles"),
    ];
    for (const message of refused) {
      const parsed = parseComponentMessage(message, 100);
      expect(
        parsed?.kind,
        JSON.stringify(message, (_k, v) => (typeof v === "bigint" ? "big" : v)),
      ).toBe("invalid");
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseComponentMessage(msg("streamlit:setComponentValue", { value: cyclic }))?.kind).toBe(
      "invalid",
    );
  });
});

describe("the render message", () => {
  test("carries the JSON arguments, bytes among them, tables apart, the disabled flag and the theme", () => {
    const instance = create(ComponentInstanceSchema, {
      componentName: "pkg.grid",
      jsonArgs: '{"height": 200}',
      specialArgs: [
        create(ComponentArgSchema, { key: "raw", value: { case: "bytesValue", value: new Uint8Array([1]) } }),
        create(ComponentArgSchema, {
          key: "data",
          value: {
            case: "arrowDataframe",
            value: create(ComponentDataFrameSchema, { data: new Uint8Array([5]) }),
          },
        }),
      ],
    });
    const message = renderMessage(instance, true, THEME) as Record<string, unknown>;
    expect(message.type).toBe("streamlit:render");
    expect(message.disabled).toBe(true);
    expect(message.theme).toEqual(THEME);
    expect(Object.keys(message.args as object)).toEqual(["height", "raw"]);
    const dfs = message.dfs as { key: string; value: { data: { data: Uint8Array } } }[];
    expect(dfs.map((df) => df.key)).toEqual(["data"]);
    expect(dfs.map((df) => [...df.value.data.data])).toEqual([[5]]);
  });
});

describe("the frame's height before the component posts one", () => {
  test("is its height argument when that is a number of pixels", () => {
    const withArgs = (jsonArgs: string) => create(ComponentInstanceSchema, { componentName: "g", jsonArgs });
    expect(argumentHeight(withArgs('{"height": 300}'))).toBe(300);
    expect(argumentHeight(withArgs('{"height": 99.2}'))).toBe(100);
    expect(argumentHeight(withArgs('{"height": 1e9}'))).toBe(100_000);
    expect(argumentHeight(withArgs('{"height": null}'))).toBeUndefined();
    expect(argumentHeight(withArgs('{"height": "300px"}'))).toBeUndefined();
    expect(argumentHeight(withArgs('{"height": -1}'))).toBeUndefined();
    expect(argumentHeight(withArgs("{}"))).toBeUndefined();
    expect(argumentHeight(withArgs("not json"))).toBeUndefined();
  });
});

describe("the theme's faded text colors", () => {
  test("are the text color at lower opacity", () => {
    expect(fadeColor("#2f2d2b", 0.6)).toBe("rgba(47, 45, 43, 0.6)");
    expect(fadeColor("#fff", 0.1)).toBe("rgba(255, 255, 255, 0.1)");
    expect(fadeColor("rgb(38, 39, 48)", 0.4)).toBe("rgba(38, 39, 48, 0.4)");
    expect(fadeColor("oklch(0.3 0 0)", 0.2)).toBe("color-mix(in srgb, oklch(0.3 0 0) 20%, transparent)");
  });
});

describe("the frame's address", () => {
  test("below the app's base, a development server, or with the desktop key", () => {
    const base = new URL("http://h/apps/demo/");
    const served = create(ComponentInstanceSchema, { componentName: "pkg.menu" });
    expect(componentUrl(served, base, "http://h/apps/demo/")).toBe(
      "http://h/apps/demo/component/pkg.menu/index.html?streamlitUrl=http%3A%2F%2Fh%2Fapps%2Fdemo%2F",
    );
    expect(componentUrl(served, base, "p", "abc")).toContain("/component/~abc/pkg.menu/index.html");
    const dev = create(ComponentInstanceSchema, { componentName: "pkg.menu", url: "http://localhost:3001" });
    expect(componentUrl(dev, base, "p")).toBe("http://localhost:3001/?streamlitUrl=p");
  });
});

describe("a v2 component's sandboxed frame (desktop window)", () => {
  test("relays states, triggers and its height; refuses the rest", () => {
    const m = (extra: Record<string, unknown>) => ({ rilletBidi: true, ...extra });
    expect(parseSandboxMessage({ kind: "state" })).toBeUndefined();
    expect(parseSandboxMessage(m({ kind: "ready" }))).toEqual({ kind: "ready" });
    expect(parseSandboxMessage(m({ kind: "state", name: "value", value: "x" }))).toEqual({
      kind: "state",
      name: "value",
      value: "x",
    });
    expect(parseSandboxMessage(m({ kind: "trigger", name: "go" }))).toEqual({
      kind: "trigger",
      name: "go",
      value: null,
    });
    expect(parseSandboxMessage(m({ kind: "height", height: 10.5 }))).toEqual({ kind: "height", height: 11 });
    for (const bad of [
      m({ kind: "state", value: 1 }),
      m({ kind: "height", height: "x" }),
      m({ kind: "open_file" }),
    ]) {
      expect(parseSandboxMessage(bad)?.kind).toBe("invalid");
    }
  });
});

describe("a rerun with the same arguments", () => {
  const instance = (json: string, data: number[], bytes: number[]) =>
    create(ComponentInstanceSchema, {
      componentName: "grid",
      jsonArgs: json,
      specialArgs: [
        create(ComponentArgSchema, {
          key: "table",
          value: {
            case: "arrowDataframe",
            value: create(ComponentDataFrameSchema, {
              data: new Uint8Array(data),
              index: new Uint8Array([1]),
              columns: new Uint8Array([2]),
            }),
          },
        }),
        create(ComponentArgSchema, {
          key: "raw",
          value: { case: "bytesValue", value: new Uint8Array(bytes) },
        }),
      ],
    });

  test("equal messages hand the component the same arguments", () => {
    expect(sameArguments(instance('{"a":1}', [1, 2, 3], [9]), instance('{"a":1}', [1, 2, 3], [9]))).toBe(
      true,
    );
  });

  test("a changed JSON argument, table or bytes value is new", () => {
    const base = instance('{"a":1}', [1, 2, 3], [9]);
    expect(sameArguments(base, instance('{"a":2}', [1, 2, 3], [9]))).toBe(false);
    expect(sameArguments(base, instance('{"a":1}', [1, 2, 4], [9]))).toBe(false);
    expect(sameArguments(base, instance('{"a":1}', [1, 2], [9]))).toBe(false);
    expect(sameArguments(base, instance('{"a":1}', [1, 2, 3], [8]))).toBe(false);
  });
});
