/** `st.dialog`: a modal <dialog>, opened while the server says `is_open`. */
import { useEffect, useRef } from "preact/hooks";
import { CloseIcon, commonOf, Icon } from "../elements/common";
import { MarkdownBody } from "../render/MarkdownBody";
import type { BlockProps } from "../render/types";
import { useWidget } from "../render/useWidget";

export function Dialog({ value, node, children }: BlockProps<"dialog">) {
  const ref = useRef<HTMLDialogElement>(null);
  // on_dismiss="rerun" or a callback: the user closing it is a trigger.
  const dismissal = node.block?.widget;
  const widget = useWidget(commonOf(dismissal), node);
  const closedByServer = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (value.isOpen && !dialog.open) {
      dialog.showModal?.();
      // As Streamlit's: the dialog itself has the focus (a screen reader reads its
      // title and body), not its Close button; Tab goes on from there.
      dialog.focus();
    }
    if (!value.isOpen && dialog.open) {
      closedByServer.current = true;
      dialog.close();
    }
    // Keyed on the message, not just the flag: a new run that opens the
    // dialog again reopens it even if the user dismissed it meanwhile.
  }, [value]);
  const onClose = () => {
    const byUser = !closedByServer.current;
    closedByServer.current = false;
    if (byUser && dismissal !== undefined && dismissal.id !== "") widget.trigger();
  };
  const width =
    value.width === "large" ? "rl-dialog-large" : value.width === "medium" ? "rl-dialog-medium" : "";
  const side = value.position ? ` rl-dialog-drawer rl-dialog-${value.position}` : "";
  return (
    <dialog
      ref={ref}
      class={`rl-dialog ${width}${side}`}
      aria-label={value.title}
      tabIndex={-1}
      onClose={onClose}
      onCancel={(event) => {
        if (!value.dismissible) event.preventDefault();
      }}
      onClick={(event) => {
        if (value.dismissible && event.target === ref.current) ref.current?.close();
      }}
    >
      <div class="rl-dialog-head">
        <h2 class="rl-dialog-title">
          <Icon icon={value.icon} />
          <MarkdownBody body={value.title} inline />
        </h2>
        {value.dismissible && (
          <button
            type="button"
            class="rl-dialog-close"
            aria-label="Close"
            onClick={() => ref.current?.close()}
          >
            <CloseIcon />
          </button>
        )}
      </div>
      <div class="rl-dialog-body">{children}</div>
    </dialog>
  );
}
