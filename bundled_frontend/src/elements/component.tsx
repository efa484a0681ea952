/**
 * A custom component (components.v1.declare_component): its page in a
 * sandboxed iframe, spoken to with the component protocol
 * (`src/components/protocol.ts`). The value it sends is this widget's value.
 *
 * Security: the frame has the sandbox Streamlit gives components. In the
 * desktop window it also loses `allow-same-origin`: with it, a script in
 * the frame could reach `window.parent` and the desktop bridge (native
 * dialogs, real paths) that only the app's own page may use.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import {
  argumentHeight,
  currentTheme,
  parseComponentMessage,
  renderMessage,
  sameArguments,
} from "../components/protocol";
import type { ComponentInstance } from "../proto/rillet_pb";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import type { ElementNode } from "../tree";
import { commonOf } from "./common";

/** The sandbox Streamlit gives component frames. */
export const COMPONENT_SANDBOX =
  "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-downloads";
/** The same without same-origin rights: the desktop window's component frames. */
export const DESKTOP_COMPONENT_SANDBOX = COMPONENT_SANDBOX.replace(" allow-same-origin", "");
const INITIAL_HEIGHT = 0;
const FEATURES = "clipboard-read; clipboard-write; fullscreen; autoplay; encrypted-media; picture-in-picture";

/**
 * The frame's address: served by rillet under the app's base, or a
 * development server. In the desktop window the path carries the frames'
 * key (`desktopKey`), since a frame without same-origin rights gets no
 * token cookie.
 */
export function componentUrl(
  instance: ComponentInstance,
  base: URL,
  pageHref: string,
  desktopKey = "",
): string {
  const prefix = desktopKey === "" ? "component/" : `component/~${desktopKey}/`;
  const url =
    instance.url !== ""
      ? new URL(instance.url)
      : new URL(`${prefix}${encodeURIComponent(instance.componentName)}/index.html`, base);
  url.searchParams.set("streamlitUrl", pageHref);
  return url.toString();
}

let desktopKey: Promise<string> | undefined;
/** The desktop window's key for component frames, asked once of the server. */
export function fetchDesktopKey(base: URL): Promise<string> {
  desktopKey ??= fetch(new URL("_rillet/component-key", base), { credentials: "same-origin" }).then(
    (response) => {
      if (!response.ok) throw new Error(`component key: HTTP ${response.status}`);
      return response.text();
    },
  );
  return desktopKey;
}

export function ComponentInstanceElement({ value, node }: ElementProps<"componentInstance">) {
  // A new widget id is a new instance: a fresh frame, as in Streamlit.
  return <ComponentFrame key={commonOf(value.common).id} value={value} node={node} />;
}

function ComponentFrame({ value, node }: { value: ComponentInstance; node: ElementNode }) {
  const controller = useController();
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  // Until the component says how high it is, the frame is as high as its
  // `height` argument, else no height at all, as in Streamlit: components
  // that draw nothing (theme readers, cookie managers) take no room.
  const heightArgument = argumentHeight(value);
  const [height, setHeight] = useState(heightArgument ?? INITIAL_HEIGHT);
  // The last height the component posted. As Streamlit does, a new one (the
  // first included) sends the render message again: components that measure
  // themselves on render (streamlit-image-gallery) measure once laid out.
  const [posted, setPosted] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (heightArgument !== undefined) setHeight(heightArgument);
  }, [heightArgument]);
  const desktop = controller.state.session?.desktop ?? false;
  const disabled = common.disabled || !controller.connected;
  // The source stays what it was first (a new src would reload the frame).
  const [src, setSrc] = useState<string | undefined>(() =>
    desktop && value.url === "" ? undefined : componentUrl(value, controller.baseUrl, window.location.href),
  );
  useEffect(() => {
    if (src !== undefined) return;
    fetchDesktopKey(controller.baseUrl)
      .then((key) => setSrc(componentUrl(value, controller.baseUrl, window.location.href, key)))
      .catch((error: unknown) =>
        console.error(`rillet: component ${value.componentName} cannot load:`, error),
      );
  }, []);
  const setValue = useRef(widget.set);
  setValue.current = widget.set;
  const theme = currentTheme();
  const themeKey = JSON.stringify(theme);
  // What the frame was last sent. A rerun that hands the component the same
  // arguments (a new but equal message) sends nothing: a grid is not given
  // its table again.
  const sent = useRef<{ value: ComponentInstance; disabled: boolean; themeKey: string; posted?: number }>();
  const latest = useRef({ value, disabled, theme, themeKey, posted });
  latest.current = { value, disabled, theme, themeKey, posted };
  const render = () => {
    const now = latest.current;
    sent.current = { value: now.value, disabled: now.disabled, themeKey: now.themeKey, posted: now.posted };
    frame.current?.contentWindow?.postMessage(renderMessage(now.value, now.disabled, now.theme), "*");
  };

  // A layout effect: listening before the frame can load, or its "ready" would be lost.
  useLayoutEffect(() => {
    const name = value.componentName;
    const onMessage = (event: MessageEvent) => {
      if (frame.current === null || event.source !== frame.current.contentWindow) return;
      const message = parseComponentMessage(event.data);
      if (message === undefined) return;
      switch (message.kind) {
        case "ready":
          // As in Streamlit: rendered at once, and shown (laid out) only
          // now. A component that measures itself while it loads sees a
          // frame of no size, and its first render measures its content at
          // the full width before any height it posted is applied
          // (streamlit-kanban and streamlit-stepper kept a stale height).
          render();
          setReady(true);
          return;
        case "height":
          setHeight(message.height);
          setPosted(message.height);
          return;
        case "value":
          setValue.current(message.value);
          return;
        case "invalid":
          console.warn(`rillet: component ${name} sent a message that was ignored: ${message.reason}`);
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [value.componentName]);

  useEffect(() => {
    if (!ready) return;
    const last = sent.current;
    if (
      last !== undefined &&
      last.disabled === disabled &&
      last.themeKey === themeKey &&
      last.posted === posted &&
      sameArguments(last.value, value)
    ) {
      return;
    }
    render();
  }, [ready, value, disabled, themeKey, posted]);

  return (
    <div class="rl-component" data-component={value.componentName}>
      {!ready && height > 0 ? <div class="rl-component-loading" style={{ height: `${height}px` }} /> : null}
      <iframe
        ref={frame}
        class="rl-component-frame"
        title={value.componentName}
        src={src}
        sandbox={desktop ? DESKTOP_COMPONENT_SANDBOX : COMPONENT_SANDBOX}
        allow={FEATURES}
        tabIndex={value.hasTabIndex ? value.tabIndex : undefined}
        scrolling="no"
        style={{
          width: "100%",
          height: `${height}px`,
          border: "none",
          display: ready ? "block" : "none",
          colorScheme: "normal",
        }}
      />
    </div>
  );
}
