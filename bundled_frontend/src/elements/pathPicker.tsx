/**
 * Desktop path picker. Real paths come from the desktop shell's native
 * dialogs; until that bridge exists (and always in a browser) the button only
 * explains where it works.
 */
import { useState } from "preact/hooks";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { stringArrayValue } from "../widgetValues";
import { commonOf, inputId, Label, WidgetBox } from "./common";

interface DesktopBridge {
  request(kind: string, title: string, fileTypes: string[], defaultName: string): Promise<string[]>;
}

export function PathPicker({ value, node }: ElementProps<"pathPicker">) {
  const controller = useController();
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const [note, setNote] = useState("");
  const paths = widget.value?.case === "stringArrayValue" ? widget.value.value.data : value.value;
  const desktop = controller.state.session?.desktop ?? false;
  const bridge = (window as { rilletDesktop?: DesktopBridge }).rilletDesktop;
  const id = inputId(common);

  const choose = () => {
    if (!desktop || bridge === undefined) {
      setNote("Available in the desktop app");
      return;
    }
    bridge.request(value.kind, common.label, value.fileTypes, value.defaultName).then(
      (chosen) => chosen.length > 0 && widget.set(stringArrayValue(chosen)),
      (error: unknown) => setNote(String(error)),
    );
  };

  const verb =
    value.kind === "open_folder" ? "Choose folder" : value.kind === "save_file" ? "Save as…" : "Choose file";
  return (
    <WidgetBox common={common} kind="path-picker">
      <Label common={common} htmlFor={id} />
      <div class="rl-path-row">
        <button
          id={id}
          type="button"
          class="rl-button rl-button-secondary"
          disabled={common.disabled}
          onClick={choose}
        >
          {verb}
        </button>
        {paths.length > 0 && <code class="rl-path-value">{paths.join(", ")}</code>}
      </div>
      {note && (
        <div class="rl-caption" role="status">
          {note}
        </div>
      )}
    </WidgetBox>
  );
}
