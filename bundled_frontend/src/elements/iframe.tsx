/**
 * `components.html` (an inline document, `srcdoc`), `components.iframe` (a
 * URL) and `st.iframe` (either, sized by `width_mode`/`height_mode`). An
 * inline document has the same-origin rights Streamlit gives it (packages
 * inject scripts through it that reach `window.parent.document`: keyboard
 * shortcuts, scrolling), except in the desktop window, where a script with
 * them could reach the desktop bridge. A URL keeps its own origin's rights,
 * as a plain iframe would.
 *
 * `height_mode = "content"`: an inline document gets a small script that
 * posts its height to the page (the only way out of an opaque origin); a
 * URL, another origin's page, gets 400 pixels.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { resolveServerUrl } from "../url";

const DEFAULT_HEIGHT = 150;
const URL_CONTENT_HEIGHT = 400;
const SANDBOX =
  "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-scripts allow-downloads";
const HEIGHT_KEY = "rilletFrameHeight";
const HEIGHT_REPORTER = `<script>(() => {
  const send = () => parent.postMessage({ ${HEIGHT_KEY}: document.documentElement.scrollHeight }, "*");
  addEventListener("load", send);
  new ResizeObserver(send).observe(document.documentElement);
})();</script>`;

function cssWidth(width: number, mode: string): string {
  if (mode === "content") return "fit-content";
  return mode === "stretch" ? "100%" : `${width}px`;
}

export function IFrame({ value }: ElementProps<"iframe">) {
  const controller = useController();
  const { baseUrl } = controller;
  const desktop = controller.state.session?.desktop ?? false;
  const frame = useRef<HTMLIFrameElement>(null);
  const inline = value.srcdoc !== "";
  const measured = inline && value.heightMode === "content";
  const [contentHeight, setContentHeight] = useState(DEFAULT_HEIGHT);

  useEffect(() => {
    if (!measured) return;
    const onMessage = (event: MessageEvent) => {
      if (frame.current === null || event.source !== frame.current.contentWindow) return;
      const height = (event.data as Record<string, unknown> | null)?.[HEIGHT_KEY];
      if (typeof height === "number" && Number.isFinite(height) && height >= 0) {
        setContentHeight(Math.min(Math.ceil(height), 100_000));
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [measured]);

  // The script sends the default (150) itself: 0 is a frame that takes no room.
  let height = `${value.height}px`;
  if (value.heightMode === "stretch") height = "100%";
  else if (value.heightMode === "content") height = `${inline ? contentHeight : URL_CONTENT_HEIGHT}px`;
  const style = {
    width: cssWidth(value.width, value.widthMode),
    height,
    overflow: value.scrolling ? "auto" : "hidden",
  };
  return (
    <iframe
      ref={frame}
      class="rl-iframe"
      title={value.alt || (inline ? "Embedded HTML" : value.src)}
      src={inline || value.src === "" ? undefined : resolveServerUrl(value.src, baseUrl)}
      srcdoc={inline ? (measured ? value.srcdoc + HEIGHT_REPORTER : value.srcdoc) : undefined}
      sandbox={inline && desktop ? SANDBOX : `${SANDBOX} allow-same-origin`}
      scrolling={value.scrolling ? "yes" : "no"}
      tabIndex={value.hasTabIndex ? value.tabIndex : undefined}
      style={style}
    />
  );
}
