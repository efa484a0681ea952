/**
 * A components.v2 component in the desktop window runs inside a sandboxed
 * frame without same-origin rights, not in the page: the page holds the
 * desktop bridge (native dialogs, real paths), and a component's script
 * must never reach it. The frame's document (`SANDBOX_DOCUMENT`) mounts the
 * component exactly as the page would (shadow root, `<style>`, the module's
 * default export called on every render) and relays `setStateValue` /
 * `setTriggerValue` and its height to the page with `postMessage`.
 *
 * Page → frame: `{rilletBidiRender: true, name, key, data, html, css, js,
 * isolateStyles, vars}`. Frame → page: `{rilletBidi: true, kind: "ready" |
 * "state" | "trigger" | "height", name?, value?, height?}`.
 */
import { MAX_FRAME_HEIGHT, MAX_VALUE_BYTES } from "./protocol";

export const SANDBOX_DOCUMENT = `<!doctype html><html><head><meta charset="utf-8">
<style>html, body { margin: 0; background: transparent; }</style></head>
<body><div id="host"></div><script type="module">
const host = document.getElementById("host");
let root = null;
let render = null;
let cleanup = null;
const post = (message) => parent.postMessage({ rilletBidi: true, ...message }, "*");
const height = () => post({ kind: "height", height: document.documentElement.scrollHeight });
addEventListener("message", async (event) => {
  const m = event.data;
  if (event.source !== parent || !m || m.rilletBidiRender !== true) return;
  if (root === null) {
    root = m.isolateStyles ? host.attachShadow({ mode: "open" }) : host;
    const style = document.createElement("style");
    style.textContent = m.css;
    // Parsed in context, so inline scripts run as in Streamlit (see bidiHtml.ts).
    root.append(style, document.createRange().createContextualFragment(m.html));
    if (m.js) {
      const url = URL.createObjectURL(new Blob([m.js], { type: "text/javascript" }));
      const module = await import(url);
      render = typeof module.default === "function" ? module.default : null;
    }
  }
  host.setAttribute("style", m.vars);
  if (render !== null) {
    const out = render({
      name: m.name, key: m.key, data: m.data, parentElement: root,
      setStateValue: (name, value) => post({ kind: "state", name, value }),
      setTriggerValue: (name, value) => post({ kind: "trigger", name, value }),
    });
    if (typeof out === "function" && cleanup === null) cleanup = out;
  }
  height();
});
new ResizeObserver(height).observe(document.documentElement);
addEventListener("pagehide", () => { if (cleanup) cleanup(); });
post({ kind: "ready" });
</script></body></html>`;

export type SandboxMessage =
  | { readonly kind: "ready" }
  | { readonly kind: "height"; readonly height: number }
  | { readonly kind: "state" | "trigger"; readonly name: string; readonly value: unknown }
  | { readonly kind: "invalid"; readonly reason: string };

/** What the sandboxed frame posted, checked; `undefined` when it is not such a message. */
export function parseSandboxMessage(data: unknown): SandboxMessage | undefined {
  if (typeof data !== "object" || data === null || (data as { rilletBidi?: unknown }).rilletBidi !== true) {
    return undefined;
  }
  const message = data as Record<string, unknown>;
  switch (message.kind) {
    case "ready":
      return { kind: "ready" };
    case "height": {
      const height = message.height;
      if (typeof height !== "number" || !Number.isFinite(height) || height < 0) {
        return { kind: "invalid", reason: `a height must be a number ≥ 0, got ${String(height)}` };
      }
      return { kind: "height", height: Math.min(Math.ceil(height), MAX_FRAME_HEIGHT) };
    }
    case "state":
    case "trigger": {
      if (typeof message.name !== "string" || message.name === "") {
        return { kind: "invalid", reason: "a state or trigger needs a name" };
      }
      let text: string | undefined;
      try {
        text = JSON.stringify(message.value ?? null);
      } catch (error) {
        return { kind: "invalid", reason: `the value is not JSON-able (${String(error)})` };
      }
      if (text === undefined || text.length > MAX_VALUE_BYTES) {
        return { kind: "invalid", reason: "the value is not JSON-able or too large" };
      }
      return { kind: message.kind, name: message.name, value: message.value ?? null };
    }
    default:
      return { kind: "invalid", reason: `unknown message kind ${JSON.stringify(message.kind)}` };
  }
}
