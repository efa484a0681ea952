/** Buttons: plain and form-submit buttons, the download button and the link button. */
import { desktopBridge } from "../desktop";
import { MarkdownBody } from "../render/MarkdownBody";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useFragmentId, useWidget } from "../render/useWidget";
import { resolveServerUrl } from "../url";
import { commonOf, Help, Icon } from "./common";

function buttonClass(type: string, fullWidth: boolean): string {
  const kind = type === "primary" || type === "tertiary" ? type : "secondary";
  return `rl-button rl-button-${kind}${fullWidth ? " rl-full-width" : ""}`;
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
  return (
    <div class="rl-button-row">
      <button
        type="button"
        class={buttonClass(value.type, node.element.useContainerWidth)}
        disabled={common.disabled}
        onClick={onClick}
      >
        <Icon icon={value.icon} />
        <MarkdownBody body={common.label} inline />
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
  return (
    <div class="rl-button-row">
      <button
        type="button"
        class={buttonClass(value.type, node.element.useContainerWidth)}
        disabled={common.disabled}
        onClick={onClick}
      >
        <Icon icon={value.icon} />
        <MarkdownBody body={common.label} inline />
      </button>
      <Help text={common.help} />
    </div>
  );
}

/**
 * `st.link_button`: a link drawn as a button. It opens in a new tab (the
 * desktop shell sends it to the system browser) and reruns nothing; a
 * disabled one is a link with no target.
 */
export function LinkButton({ value, node }: ElementProps<"linkButton">) {
  return (
    <div class="rl-button-row">
      <a
        class={buttonClass(value.type, node.element.useContainerWidth)}
        href={value.disabled ? undefined : value.url}
        target="_blank"
        rel="noopener noreferrer"
        aria-disabled={value.disabled || undefined}
      >
        <Icon icon={value.icon} />
        <MarkdownBody body={value.label} inline />
      </a>
      <Help text={value.help} />
    </div>
  );
}
