/**
 * The hint a focused text, text-area or number field shows in its corner,
 * as Streamlit 1.67's: in a form that submits on Enter, "Press Enter to
 * submit form" while focused; elsewhere "Press Enter to apply" once the
 * text differs from the value the app has; and, with `max_chars`, the
 * count "n/max" while focused. A text area's key is Ctrl+Enter (⌘+Enter
 * on a Mac).
 */
import { useState } from "preact/hooks";
import { useController } from "../render/context";

const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** Focus tracking for a field: spread `on` onto it, read `focused`. */
export function useFocused() {
  const [focused, setFocused] = useState(false);
  return { focused, on: { onFocus: () => setFocused(true), onBlur: () => setFocused(false) } };
}

export function InputInstructions(props: {
  focused: boolean;
  dirty: boolean;
  formId: string;
  multiline?: boolean;
  length?: number;
  maxChars?: number;
  /** How far from the field's right edge (past a number input's steppers). */
  inset?: string;
}) {
  const { widgets } = useController();
  if (!props.focused) return null;
  const key = props.multiline ? `${MAC ? "⌘" : "Ctrl"}+Enter` : "Enter";
  const submits = props.formId !== "" && widgets.formInfo(props.formId)?.enterToSubmit === true;
  const hint = submits ? `Press ${key} to submit form` : props.dirty ? `Press ${key} to apply` : "";
  const max = props.maxChars ?? 0;
  if (hint === "" && max <= 0) return null;
  return (
    <span class="rl-char-count" aria-live="polite" style={props.inset ? { right: props.inset } : undefined}>
      {hint}
      {max > 0 && `${props.length ?? 0}/${max}`}
    </span>
  );
}
