/**
 * `st.path_input`: a button opening the desktop shell's native dialog, the
 * chosen path(s), and a button that clears them (the script then gets `None`,
 * or `[]` for several files). In a browser (no bridge) the buttons are
 * disabled or absent and it says where it works; the server ignores path
 * values from a browser anyway.
 */
import { useState } from "preact/hooks";
import { desktopBridge } from "../desktop";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { stringArrayValue } from "../widgetValues";
import { CloseIcon, commonOf, inputId, Label, WidgetBox } from "./common";

export function PathPicker({ value, node }: ElementProps<"pathPicker">) {
  const controller = useController();
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const [note, setNote] = useState("");
  const paths = widget.value?.case === "stringArrayValue" ? widget.value.value.data : value.value;
  const bridge = desktopBridge(controller.state.session?.desktop ?? false);
  const id = inputId(common);

  const choose = () => {
    if (bridge === undefined) return;
    setNote("");
    bridge.request(value.kind, common.label, value.fileTypes, value.defaultName).then(
      (chosen) => chosen.length > 0 && widget.set(stringArrayValue(chosen)),
      (error: unknown) => setNote(String(error)),
    );
  };

  const verbs: Record<string, string> = {
    open_files: "Choose files",
    open_folder: "Choose folder",
    save_file: "Save as…",
  };
  const verb = verbs[value.kind] ?? "Choose file";
  return (
    <WidgetBox common={common} kind="path-picker">
      <Label common={common} htmlFor={id} />
      <div class="rl-path-row">
        <button
          id={id}
          type="button"
          class="rl-button rl-button-secondary"
          disabled={common.disabled || bridge === undefined}
          onClick={choose}
        >
          {verb}
        </button>
        {paths.length > 0 && <code class="rl-path-value">{paths.join(", ")}</code>}
        {paths.length > 0 && bridge !== undefined && !common.disabled && (
          <button
            type="button"
            class="rl-icon-button rl-path-clear"
            aria-label={`Clear ${common.label}`}
            title="Clear"
            onClick={() => widget.set(stringArrayValue([]))}
          >
            <CloseIcon />
          </button>
        )}
      </div>
      {bridge === undefined && <div class="rl-caption">Available in the desktop app</div>}
      {note && (
        <div class="rl-field-error" role="alert">
          {note}
        </div>
      )}
    </WidgetBox>
  );
}
