/** Buttons: plain and form-submit buttons, the download button and the link button. */
import { useEffect, useRef } from "preact/hooks";
import { desktopBridge } from "../desktop";
import type { ButtonLayout } from "../proto/rillet_pb";
import { MarkdownBody } from "../render/MarkdownBody";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useFragmentId, useWidget } from "../render/useWidget";
import { resolveServerUrl } from "../url";
import { matchesShortcut, shortcutLabel, typingInField } from "../shortcuts";
import { commonOf, Help, Icon } from "./common";

function buttonClass(type: string, fullWidth: boolean, layout?: ButtonLayout): string {
  const kind = type === "primary" || type === "tertiary" ? type : "secondary";
  const wrap = layout?.wrap ? ` rl-button-${layout.wrap}` : "";
  return `rl-button rl-button-${kind}${fullWidth ? " rl-full-width" : ""}${wrap}`;
}

const APPLE = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** A button's icon (on the side asked for), label and keyboard shortcut. */
function ButtonFace({ icon, label, layout }: { icon: string; label: string; layout?: ButtonLayout }) {
  const shortcut = layout?.shortcut ?? "";
  return (
    <>
      {!layout?.iconRight && <Icon icon={icon} />}
      <MarkdownBody body={label} inline />
      {layout?.iconRight && <Icon icon={icon} />}
      {shortcut !== "" && <kbd class="rl-shortcut">{shortcutLabel(shortcut, APPLE)}</kbd>}
    </>
  );
}

/** Click `target` when the shortcut is pressed anywhere on the page (not while typing text). */
function useShortcut(layout: ButtonLayout | undefined, disabled: boolean) {
  const target = useRef<HTMLElement>(null);
  const shortcut = layout?.shortcut ?? "";
  useEffect(() => {
    if (shortcut === "" || disabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!matchesShortcut(shortcut, event) || typingInField(event.target, event)) return;
      event.preventDefault();
      target.current?.click();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [shortcut, disabled]);
  return target;
}

export function Button({ value, node }: ElementProps<"button">) {
  const { widgets } = useController();
  const widget = useWidget(commonOf(value.common), node);
  const fragmentId = useFragmentId(node);
  const common = commonOf(value.common);
  const onClick = () => {
    if (value.isFormSubmit) widgets.submitForm(common.formId, common.id, fragmentId);
    else widget.trigger();
  };
  const ref = useShortcut(value.layout, common.disabled);
  return (
    <div class="rl-button-row">
      <button
        ref={ref as never}
        type="button"
        class={buttonClass(value.type, node.element.useContainerWidth, value.layout)}
        disabled={common.disabled}
        onClick={onClick}
      >
        <ButtonFace icon={value.icon} label={common.label} layout={value.layout} />
      </button>
      <Help text={common.help} />
    </div>
  );
}

/** Fetch the file and save it through a temporary <a download>. */
async function download(url: string, fileName: string): Promise<void> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`download failed: HTTP ${response.status}`);
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = objectUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

export function DownloadButton({ value, node }: ElementProps<"downloadButton">) {
  const controller = useController();
  const widget = useWidget(commonOf(value.common), node);
  const common = commonOf(value.common);
  const onClick = () => {
    const url = resolveServerUrl(value.url, controller.baseUrl);
    // The desktop window saves through the shell's native save dialog.
    const bridge = desktopBridge(controller.state.session?.desktop ?? false);
    const saved = bridge ? bridge.saveUrl(url, value.fileName) : download(url, value.fileName);
    saved.catch((error: unknown) => console.error("rillet:", error));
    if (value.onClick !== "ignore") widget.trigger();
  };
  const ref = useShortcut(value.layout, common.disabled);
  return (
    <div class="rl-button-row">
      <button
        ref={ref as never}
        type="button"
        class={buttonClass(value.type, node.element.useContainerWidth, value.layout)}
        disabled={common.disabled}
        onClick={onClick}
      >
        <ButtonFace icon={value.icon} label={common.label} layout={value.layout} />
      </button>
      <Help text={common.help} />
    </div>
  );
}

/**
 * `st.link_button`: a link drawn as a button. It opens in a new tab (the
 * desktop shell sends it to the system browser); with `on_click` "rerun" or
 * a callback it is also a widget whose click reruns the app. A disabled one
 * is a link with no target.
 */
export function LinkButton({ value, node }: ElementProps<"linkButton">) {
  const widget = useWidget(commonOf(value.common), node);
  const isWidget = value.common !== undefined && value.common.id !== "";
  const ref = useShortcut(value.layout, value.disabled);
  return (
    <div class="rl-button-row">
      <a
        ref={ref as never}
        class={buttonClass(value.type, node.element.useContainerWidth, value.layout)}
        href={value.disabled ? undefined : value.url}
        target="_blank"
        rel="noopener noreferrer"
        aria-disabled={value.disabled || undefined}
        onClick={() => {
          if (isWidget && !value.disabled) widget.trigger();
        }}
      >
        <ButtonFace icon={value.icon} label={value.label} layout={value.layout} />
      </a>
      <Help text={value.help} />
    </div>
  );
}
