/**
 * `components.html` (an inline document, `srcdoc`) and `components.iframe`
 * (a URL). An inline document runs sandboxed without same-origin rights, so
 * its scripts cannot reach into the app's page; a URL keeps its own origin's
 * rights, as a plain iframe would.
 */
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { resolveServerUrl } from "../url";

const DEFAULT_HEIGHT = 150;
const SANDBOX =
  "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-scripts allow-downloads";

export function IFrame({ value }: ElementProps<"iframe">) {
  const { baseUrl } = useController();
  const inline = value.srcdoc !== "";
  const style = {
    width: value.width > 0 ? `${value.width}px` : "100%",
    height: `${value.height > 0 ? value.height : DEFAULT_HEIGHT}px`,
    overflow: value.scrolling ? "auto" : "hidden",
  };
  return (
    <iframe
      class="rl-iframe"
      title={inline ? "Embedded HTML" : value.src}
      src={inline || value.src === "" ? undefined : resolveServerUrl(value.src, baseUrl)}
      srcdoc={inline ? value.srcdoc : undefined}
      sandbox={inline ? SANDBOX : `${SANDBOX} allow-same-origin`}
      scrolling={value.scrolling ? "yes" : "no"}
      style={style}
    />
  );
}
