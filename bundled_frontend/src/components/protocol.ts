/**
 * The custom component protocol (components.v1), as the published component
 * libraries speak it over `postMessage` between the app's page and the
 * component's iframe. See rillet/protocol/README.md, "Custom components".
 *
 * Component → page (`window.parent.postMessage({isStreamlitMessage: true, type, ...}, "*")`):
 * - `streamlit:componentReady` `{apiVersion}`: the page may now render it;
 * - `streamlit:setComponentValue` `{value, dataType}`: `dataType` is
 *   `"json"` (any JSON-able value), `"bytes"` (a `Uint8Array`) or
 *   `"dataframe"` (`{data, index, columns}`, three Arrow IPC streams);
 * - `streamlit:setFrameHeight` `{height}` in CSS pixels.
 *
 * Page → component: `{type: "streamlit:render", args, dfs, disabled, theme}`
 * where `dfs` is `[{key, value: {data: {data, index, columns}}}]`.
 *
 * Pure functions here, no DOM: every message a component posts is checked;
 * anything malformed, oversized or of the wrong type is refused with the
 * reason, and the renderer logs it and carries on.
 */
import { create } from "@bufbuild/protobuf";
import { ComponentDataFrameSchema, type ComponentInstance } from "../proto/rillet_pb";
import type { WidgetValue } from "../widgetValues";
import { themeVar } from "../themeVars";

/** The largest value a component may send (its JSON text or its bytes). */
export const MAX_VALUE_BYTES = 16 * 1024 * 1024;
/** The highest frame a component may ask for, in CSS pixels. */
export const MAX_FRAME_HEIGHT = 100_000;

export const RENDER = "streamlit:render";
const READY = "streamlit:componentReady";
const SET_VALUE = "streamlit:setComponentValue";
const SET_HEIGHT = "streamlit:setFrameHeight";

export type ComponentMessage =
  | { readonly kind: "ready"; readonly apiVersion: number }
  | { readonly kind: "value"; readonly value: WidgetValue }
  | { readonly kind: "height"; readonly height: number }
  | { readonly kind: "invalid"; readonly reason: string };

export interface ComponentTheme {
  readonly base: "light" | "dark";
  readonly primaryColor: string;
  readonly backgroundColor: string;
  readonly secondaryBackgroundColor: string;
  readonly textColor: string;
  readonly font: string;
  /**
   * Beyond the documented six, Streamlit's render message carries more of
   * its theme, and published components read some (streamlit-searchbox
   * draws its placeholder and icons in `fadedText60`): the body font, and
   * the text color faded to 10%–70% opacity.
   */
  readonly bodyFont?: string;
  readonly fadedText05?: string;
  readonly fadedText10?: string;
  readonly fadedText20?: string;
  readonly fadedText40?: string;
  readonly fadedText60?: string;
  readonly fadedText70?: string;
}

/** `color` at `alpha` opacity: `rgba(...)` for hex and `rgb()` colors, else a CSS `color-mix()`. */
export function fadeColor(color: string, alpha: number): string {
  const text = color.trim();
  let channels: number[] | undefined;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
    channels = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16));
  } else {
    const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(text);
    if (rgb) channels = [rgb[1], rgb[2], rgb[3]].map(Number);
  }
  if (channels === undefined) return `color-mix(in srgb, ${text} ${Math.round(alpha * 100)}%, transparent)`;
  return `rgba(${channels.join(", ")}, ${alpha})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A typed array or ArrayBuffer as bytes (a copy, so the component cannot change it later). */
function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  }
  return undefined;
}

/**
 * A posted height as a number: Streamlit writes it to the frame's `height`
 * attribute, so a number of pixels written as text ("400px", streamlit-raw-echarts)
 * counts as that number. Anything else is left as it came, to be refused.
 */
function pixels(height: unknown): unknown {
  if (typeof height !== "string") return height;
  const match = /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/.exec(height);
  return match === null ? height : Number(match[1]);
}

/**
 * What a message posted to the page means, or `undefined` when it is not a
 * component protocol message at all (other scripts post messages too).
 */
export function parseComponentMessage(
  data: unknown,
  maxBytes = MAX_VALUE_BYTES,
): ComponentMessage | undefined {
  if (!isRecord(data) || data.isStreamlitMessage !== true) return undefined;
  switch (data.type) {
    case READY: {
      const version = data.apiVersion;
      return { kind: "ready", apiVersion: typeof version === "number" ? version : 1 };
    }
    case SET_HEIGHT: {
      const height = pixels(data.height);
      if (typeof height !== "number" || !Number.isFinite(height) || height < 0) {
        return { kind: "invalid", reason: `setFrameHeight needs a number ≥ 0, got ${String(height)}` };
      }
      return { kind: "height", height: Math.min(Math.ceil(height), MAX_FRAME_HEIGHT) };
    }
    case SET_VALUE:
      return parseValue(data.value, data.dataType, maxBytes);
    default:
      return { kind: "invalid", reason: `unknown message type ${JSON.stringify(data.type)}` };
  }
}

function tooLarge(size: number, maxBytes: number): ComponentMessage {
  return { kind: "invalid", reason: `the value is ${size} bytes, more than the ${maxBytes} allowed` };
}

function parseValue(value: unknown, dataType: unknown, maxBytes: number): ComponentMessage {
  if (dataType === "bytes") {
    const bytes = asBytes(value);
    if (bytes === undefined) return { kind: "invalid", reason: "a bytes value must be a typed array" };
    if (bytes.byteLength > maxBytes) return tooLarge(bytes.byteLength, maxBytes);
    return { kind: "value", value: { case: "bytesValue", value: bytes } };
  }
  if (dataType === "dataframe") {
    if (!isRecord(value))
      return { kind: "invalid", reason: "a dataframe value must be {data, index, columns}" };
    const data = asBytes(value.data);
    const index = value.index === undefined ? new Uint8Array() : asBytes(value.index);
    const columns = value.columns === undefined ? new Uint8Array() : asBytes(value.columns);
    if (data === undefined || index === undefined || columns === undefined) {
      return {
        kind: "invalid",
        reason: "a dataframe value's data, index and columns must be Arrow IPC bytes",
      };
    }
    const size = data.byteLength + index.byteLength + columns.byteLength;
    if (size > maxBytes) return tooLarge(size, maxBytes);
    const frame = create(ComponentDataFrameSchema, { data, index, columns });
    return { kind: "value", value: { case: "arrowValue", value: frame } };
  }
  if (dataType !== "json" && dataType !== undefined) {
    return { kind: "invalid", reason: `unknown dataType ${JSON.stringify(dataType)}` };
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value === undefined ? null : value);
  } catch (error) {
    return { kind: "invalid", reason: `the value is not JSON-able (${String(error)})` };
  }
  if (text === undefined) return { kind: "invalid", reason: "the value is not JSON-able" };
  if (text.length > maxBytes) return tooLarge(text.length, maxBytes);
  return { kind: "value", value: { case: "jsonValue", value: text } };
}

/** The render message for an instance: its arguments, tables, disabled flag and theme. */
export function renderMessage(instance: ComponentInstance, disabled: boolean, theme: ComponentTheme): object {
  let args: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(instance.jsonArgs || "{}");
    if (isRecord(parsed)) args = parsed;
  } catch (error) {
    console.warn(`rillet: component ${instance.componentName} has unreadable arguments:`, error);
  }
  const dfs: {
    key: string;
    value: { data: { data: Uint8Array; index: Uint8Array; columns: Uint8Array } };
  }[] = [];
  for (const special of instance.specialArgs) {
    if (special.value.case === "bytesValue") args[special.key] = special.value.value;
    else if (special.value.case === "arrowDataframe") {
      const { data, index, columns } = special.value.value;
      dfs.push({ key: special.key, value: { data: { data, index, columns } } });
    }
  }
  return { type: RENDER, args, dfs, disabled, theme };
}

/** Whether two messages of one component hand it the same arguments (JSON, tables and bytes). */
export function sameArguments(a: ComponentInstance, b: ComponentInstance): boolean {
  if (a === b) return true;
  if (a.jsonArgs !== b.jsonArgs || a.specialArgs.length !== b.specialArgs.length) return false;
  return a.specialArgs.every((arg, i) => {
    const other = b.specialArgs[i];
    if (other === undefined || arg.key !== other.key) return false;
    if (arg.value.case === "bytesValue") {
      return other.value.case === "bytesValue" && sameBytes(arg.value.value, other.value.value);
    }
    if (arg.value.case === "arrowDataframe") {
      if (other.value.case !== "arrowDataframe") return false;
      const [mine, theirs] = [arg.value.value, other.value.value];
      return (
        sameBytes(mine.data, theirs.data) &&
        sameBytes(mine.index, theirs.index) &&
        sameBytes(mine.columns, theirs.columns)
      );
    }
    return other.value.case === undefined;
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The frame's height before the component posts one: its `height` argument
 * when that is a number of pixels, as Streamlit does. Grids such as
 * streamlit-aggrid size themselves to that argument and never post it.
 */
export function argumentHeight(instance: ComponentInstance): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(instance.jsonArgs || "{}");
  } catch {
    return undefined; // renderMessage warns about unreadable arguments
  }
  const height = isRecord(parsed) ? parsed.height : undefined;
  if (typeof height !== "number" || !Number.isFinite(height) || height < 0) return undefined;
  return Math.min(Math.ceil(height), MAX_FRAME_HEIGHT);
}

/** The page's theme as components expect it, read from the page's CSS variables. */
export function currentTheme(root: HTMLElement = document.documentElement): ComponentTheme {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const dark = root.dataset.theme === "dark";
  const textColor = themeVar(style, "--rl-text", dark);
  const font = read("--rl-font", "sans-serif");
  return {
    base: dark ? "dark" : "light",
    primaryColor: themeVar(style, "--rl-primary", dark),
    backgroundColor: themeVar(style, "--rl-bg", dark),
    secondaryBackgroundColor: themeVar(style, "--rl-bg-secondary", dark),
    textColor,
    font,
    bodyFont: font,
    fadedText05: fadeColor(textColor, 0.1),
    fadedText10: fadeColor(textColor, 0.2),
    fadedText20: fadeColor(textColor, 0.3),
    fadedText40: fadeColor(textColor, 0.4),
    fadedText60: fadeColor(textColor, 0.6),
    fadedText70: fadeColor(textColor, 0.7),
  };
}
