/**
 * A components.v2 component: the author's HTML and CSS placed in the page
 * (inside a shadow root when `isolate_styles`, so neither side's styles
 * leak), and the author's JS module, whose default export is called on
 * every render with `{name, key, data, parentElement, setStateValue,
 * setTriggerValue}`. It may return a function, called when the component
 * leaves the page.
 *
 * State values persist (they are this widget's value, one JSON object);
 * a trigger reaches the script for one run, together with the state.
 *
 * `data` is what Streamlit gives: parsed JSON, raw bytes as a Uint8Array,
 * a table sent as `data` itself as the Uint8Array of its Arrow IPC stream,
 * and a dict's table values as Arrow tables (decoded in a lazy chunk).
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { bidiHtmlNodes } from "../components/bidiHtml";
import { parseSandboxMessage, SANDBOX_DOCUMENT } from "../components/bidiSandbox";
import { currentTheme } from "../components/protocol";
import { loadGrid } from "../dataframe";
import type { BidiComponent } from "../proto/rillet_pb";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import type { ElementNode } from "../tree";
import { commonOf } from "./common";
import { DESKTOP_COMPONENT_SANDBOX, fetchDesktopKey } from "./component";
import "../components/iconFont.css";

type Render = (args: Record<string, unknown>) => unknown;
type Decode = (bytes: Uint8Array) => unknown;
const modules = new Map<string, Promise<Render | undefined>>();

/**
 * The author's module, imported once per source: inline text (from a blob:
 * URL) or a file of the package's asset folder (from the component route,
 * so its own relative imports resolve there too).
 */
function loadModule(js: string, url: string): Promise<Render | undefined> {
  const source = url || js;
  let loaded = modules.get(source);
  if (loaded === undefined) {
    const address = url || URL.createObjectURL(new Blob([js], { type: "text/javascript" }));
    loaded = import(/* @vite-ignore */ address).then((module: { default?: unknown }) =>
      typeof module.default === "function" ? (module.default as Render) : undefined,
    );
    modules.set(source, loaded);
  }
  return loaded;
}

/** A file of the component's asset folder, under the component route ("" for none). */
export function assetUrl(name: string, path: string, base: URL, desktopKey = ""): string {
  if (path === "") return "";
  const prefix = desktopKey === "" ? "component/" : `component/~${desktopKey}/`;
  const file = path.split("/").map(encodeURIComponent).join("/");
  return new URL(`${prefix}${encodeURIComponent(name)}/${file}`, base).toString();
}

/** The text of an asset file for the desktop's sandboxed frame ("" for none). */
async function assetText(url: string): Promise<string> {
  if (url === "") return "";
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** Decoded tables by part hash: an unchanged table keeps its object across renders. */
const decodedTables = new Map<string, unknown>();
const DECODED_CAPACITY = 16;

function decodedTable(hash: string, bytes: Uint8Array, decode: Decode): unknown {
  let table = decodedTables.get(hash);
  if (table === undefined) {
    try {
      table = decode(bytes);
    } catch (error) {
      console.warn("rillet: a component's table could not be read:", error);
      return null;
    }
    decodedTables.set(hash, table);
    if (decodedTables.size > DECODED_CAPACITY) {
      const oldest = decodedTables.keys().next().value;
      if (oldest !== undefined) decodedTables.delete(oldest);
    }
  }
  return table;
}

/**
 * The `data` the component's JS receives. Without `decode` a dict's
 * tables stay their Arrow bytes (the desktop's sandboxed frame, which
 * cannot load the decoder; bytes are copied out of the message for it).
 */
async function componentData(value: BidiComponent, decode: boolean): Promise<unknown> {
  const own = (bytes: Uint8Array) => (decode ? bytes : bytes.slice());
  if (value.dataKind === "bytes") return own(value.bytesData);
  if (value.dataKind === "table") {
    const part = value.tables[0]?.part;
    return part === undefined || part.arrow.length === 0 ? null : own(part.arrow);
  }
  const data: unknown = JSON.parse(value.jsonData || "null");
  if (value.tables.length === 0 || typeof data !== "object" || data === null || Array.isArray(data))
    return data;
  const reader: Decode | undefined = decode ? (await loadGrid()).decodeComponentTable : undefined;
  const out = data as Record<string, unknown>;
  for (const { key, part } of value.tables) {
    if (!Object.hasOwn(out, key)) continue;
    if (part === undefined || part.arrow.length === 0) out[key] = null;
    else out[key] = reader ? decodedTable(part.hash, part.arrow, reader) : own(part.arrow);
  }
  return out;
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text || "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function themeVariables(): string {
  const theme = currentTheme();
  return [
    `--st-primary-color: ${theme.primaryColor}`,
    `--st-background-color: ${theme.backgroundColor}`,
    `--st-secondary-background-color: ${theme.secondaryBackgroundColor}`,
    `--st-text-color: ${theme.textColor}`,
    `--st-font: ${theme.font}`,
  ].join("; ");
}

/** `width`/`height` as the script gave them: "stretch", "content" or "<n>px". */
function sizeStyle(width: string, height: string): string {
  const w = width === "content" ? "fit-content" : width.endsWith("px") ? width : "100%";
  const h = height === "stretch" ? "100%" : height.endsWith("px") ? height : "auto";
  return `width: ${w}; height: ${h}`;
}

export function BidiComponentElement({ value, node }: ElementProps<"bidiComponent">) {
  const desktop = useController().state.session?.desktop ?? false;
  const key = commonOf(value.common).id;
  // In the desktop window the component runs in a sandboxed frame, out of the bridge's reach.
  return desktop ? (
    <BidiSandboxed key={key} value={value} node={node} />
  ) : (
    <BidiFrame key={key} value={value} node={node} />
  );
}

function BidiSandboxed({ value, node }: { value: BidiComponent; node: ElementNode }) {
  const controller = useController();
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const [height, setHeight] = useState(0);
  const state = useRef<Record<string, unknown>>(parseObject(value.jsonState));
  const handle = useRef(widget);
  handle.current = widget;

  // A layout effect: listening before the frame can load, or its "ready" would be lost.
  useLayoutEffect(() => {
    const name = value.componentName;
    const onMessage = (event: MessageEvent) => {
      if (frame.current === null || event.source !== frame.current.contentWindow) return;
      const message = parseSandboxMessage(event.data);
      if (message === undefined) return;
      switch (message.kind) {
        case "ready":
          setReady(true);
          return;
        case "height":
          setHeight(message.height);
          return;
        case "state":
          state.current = { ...state.current, [message.name]: message.value };
          handle.current.set({ case: "jsonValue", value: JSON.stringify(state.current) });
          return;
        case "trigger": {
          const payload = { state: state.current, triggers: { [message.name]: message.value } };
          handle.current.trigger({ case: "jsonTriggerValue", value: JSON.stringify(payload) });
          return;
        }
        case "invalid":
          console.warn(`rillet: component ${name} sent a message that was ignored: ${message.reason}`);
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [value.componentName]);

  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    // The frame has no same-origin rights: the page reads the asset files for it.
    const files =
      value.jsPath === "" && value.cssPath === ""
        ? Promise.resolve([value.js, ""])
        : fetchDesktopKey(controller.baseUrl).then((key) =>
            Promise.all([
              value.jsPath === ""
                ? value.js
                : assetText(assetUrl(value.componentName, value.jsPath, controller.baseUrl, key)),
              assetText(assetUrl(value.componentName, value.cssPath, controller.baseUrl, key)),
            ]),
          );
    Promise.all([files, componentData(value, false)])
      .then(([[js, css], data]) => {
        if (cancelled) return;
        frame.current?.contentWindow?.postMessage(
          {
            rilletBidiRender: true,
            name: value.componentName,
            key: common.key,
            data,
            html: value.html,
            css: `${value.css}\n${css}`,
            js,
            isolateStyles: value.isolateStyles,
            vars: themeVariables(),
          },
          "*",
        );
      })
      .catch((error: unknown) =>
        console.warn(`rillet: component ${value.componentName} cannot load its files:`, error),
      );
    return () => {
      cancelled = true;
    };
  }, [ready, value]);

  return (
    <div
      class="rl-bidi-component"
      data-component={value.componentName}
      style={sizeStyle(value.width, value.height)}
    >
      <iframe
        ref={frame}
        class="rl-bidi-frame"
        title={value.componentName}
        srcdoc={SANDBOX_DOCUMENT}
        sandbox={DESKTOP_COMPONENT_SANDBOX}
        style={{ width: "100%", height: `${height}px`, border: "none", display: "block" }}
      />
    </div>
  );
}

function BidiFrame({ value, node }: { value: BidiComponent; node: ElementNode }) {
  const controller = useController();
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const host = useRef<HTMLDivElement>(null);
  const mount = useRef<{ root: ShadowRoot | HTMLElement; cleanup?: () => void } | undefined>(undefined);
  const state = useRef<Record<string, unknown>>(parseObject(value.jsonState));
  const handle = useRef(widget);
  handle.current = widget;
  // A component whose module fails to load or throws shows the error in its
  // place, as in Streamlit (the space it would take stays empty otherwise).
  const [failure, setFailure] = useState<string | undefined>(undefined);

  useEffect(
    () => () => {
      try {
        mount.current?.cleanup?.();
      } catch (error) {
        console.warn(`rillet: component ${value.componentName} failed to clean up:`, error);
      }
    },
    [],
  );

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    if (mount.current === undefined) {
      const root = value.isolateStyles ? element.attachShadow({ mode: "open" }) : element;
      const style = document.createElement("style");
      style.textContent = value.css;
      root.append(style, ...bidiHtmlNodes(value.html));
      if (value.cssPath !== "") {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = assetUrl(value.componentName, value.cssPath, controller.baseUrl);
        root.prepend(link);
      }
      mount.current = { root };
    }
    element.setAttribute("style", `${themeVariables()}; ${sizeStyle(value.width, value.height)}`);
    if (value.js === "" && value.jsPath === "") return;
    const current = mount.current;
    let cancelled = false;
    const name = value.componentName;
    Promise.all([
      loadModule(value.js, assetUrl(name, value.jsPath, controller.baseUrl)),
      componentData(value, true),
    ])
      .then(([render, data]) => {
        if (cancelled || render === undefined) return;
        const result = render({
          name,
          key: common.key,
          data,
          parentElement: current.root,
          setStateValue: (stateName: string, stateValue: unknown) => {
            state.current = { ...state.current, [stateName]: stateValue };
            handle.current.set({ case: "jsonValue", value: JSON.stringify(state.current) });
          },
          setTriggerValue: (triggerName: string, payload: unknown) => {
            const message = { state: state.current, triggers: { [triggerName]: payload ?? null } };
            handle.current.trigger({ case: "jsonTriggerValue", value: JSON.stringify(message) });
          },
        });
        if (typeof result === "function" && current.cleanup === undefined) {
          current.cleanup = result as () => void;
        }
      })
      .catch((error: unknown) => {
        console.warn(`rillet: component ${name} failed to render:`, error);
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [value]);

  if (failure !== undefined) {
    return (
      <div class="rl-alert rl-alert-error rl-exception" role="alert" data-component={value.componentName}>
        <div class="rl-exception-head">
          <strong class="rl-exception-type">BidiComponent Error</strong>
          <pre class="rl-exception-message">{failure}</pre>
        </div>
      </div>
    );
  }
  return <div ref={host} class="rl-bidi-component" data-component={value.componentName} />;
}
