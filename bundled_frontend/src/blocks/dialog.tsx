/** `st.dialog`: a modal <dialog>, opened while the server says `is_open`. */
import { useEffect, useRef } from "preact/hooks";
import { MarkdownBody } from "../render/MarkdownBody";
import type { BlockProps } from "../render/types";

export function Dialog({ value, children }: BlockProps<"dialog">) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (value.isOpen && !dialog.open) dialog.showModal?.();
    if (!value.isOpen && dialog.open) dialog.close();
    // Keyed on the message, not just the flag: a new run that opens the
    // dialog again reopens it even if the user dismissed it meanwhile.
  }, [value]);
  const width =
    value.width === "large" ? "rl-dialog-large" : value.width === "medium" ? "rl-dialog-medium" : "";
  return (
    <dialog
      ref={ref}
      class={`rl-dialog ${width}`}
      aria-label={value.title}
      onCancel={(event) => {
        if (!value.dismissible) event.preventDefault();
      }}
      onClick={(event) => {
        if (value.dismissible && event.target === ref.current) ref.current?.close();
      }}
    >
      <div class="rl-dialog-head">
        <h2 class="rl-dialog-title">
          <MarkdownBody body={value.title} inline />
        </h2>
        {value.dismissible && (
          <button
            type="button"
            class="rl-dialog-close"
            aria-label="Close"
            onClick={() => ref.current?.close()}
          >
            ×
          </button>
        )}
      </div>
      <div class="rl-dialog-body">{children}</div>
    </dialog>
  );
}
