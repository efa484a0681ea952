/** Blocks that hide content until asked: expanders and popovers. */
import { useEffect, useRef, useState } from "preact/hooks";
import { ChevronIcon, commonOf, Help, Icon, MaterialIcon } from "../elements/common";
import { MarkdownBody } from "../render/MarkdownBody";
import type { BlockProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import type { BlockNode } from "../tree";
import { keyClass } from "../render/keyClass";

/** The st-key-<key> class of a keyed container: its own key, or its widget's. */
export function blockKeyClass(node: BlockNode, key: string): string {
  return keyClass(key || node.block?.widget?.key);
}
import { boolValue } from "../widgetValues";

/**
 * Whether an expander or popover is open: the user's toggles stick; the
 * server's value wins when it changes (and, for one that tracks state as a
 * widget, whenever the server overrides the user's value).
 */
function useOpen(node: BlockNode, serverOpen: boolean): [boolean, (open: boolean) => void] {
  const tracked = node.block?.widget;
  const widget = useWidget(commonOf(tracked), node);
  const [open, setOpen] = useState(serverOpen);
  useEffect(() => setOpen(serverOpen), [serverOpen]);
  const widgetOpen = widget.value?.case === "boolValue" ? widget.value.value : undefined;
  useEffect(() => {
    if (tracked && widgetOpen !== undefined) setOpen(widgetOpen);
  }, [tracked, widgetOpen, widget.version]);
  const change = (next: boolean) => {
    if (next === open) return;
    setOpen(next);
    if (tracked) widget.set(boolValue(next));
  };
  return [open, change];
}

/** What `st.status` shows in place of an icon, per state. */
function StatusIcon({ state }: { state: string }) {
  if (state === "running") return <span class="rl-spinner-wheel" role="img" aria-label="Running" />;
  // Streamlit 1.67 draws a check or a circled "!" in the text colour, where an expander has its chevron.
  if (state === "complete")
    return (
      <span class="rl-status-icon rl-status-complete" role="img" aria-label="Complete">
        <MaterialIcon name="check" />
      </span>
    );
  return (
    <span class="rl-status-icon rl-status-error" role="img" aria-label="Error">
      <MaterialIcon name="error" />
    </span>
  );
}

/** `st.expander`, and `st.status` (an expander with a state). */
export function Expander({ value, node, children }: BlockProps<"expander">) {
  // The server's `expanded` sets the state, and so does a status update that
  // changes it; the user's toggles stick in between.
  const [open, setOpen] = useOpen(node, value.expanded);
  const type = value.type ? ` rl-expander-${value.type}` : "";
  return (
    <details
      class={`rl-expander${value.state ? " rl-status" : ""}${type} ${blockKeyClass(node, value.key)}`}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        {value.state ? <StatusIcon state={value.state} /> : <Icon icon={value.icon} />}
        <MarkdownBody body={value.label} inline />
      </summary>
      <div class="rl-expander-body">{children}</div>
    </details>
  );
}

export function Popover({ value, node, children }: BlockProps<"popover">) {
  const [open, setOpen] = useOpen(node, value.open);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      // Focus goes back to the button that opened it, as in Streamlit (not lost in the closed panel).
      root.current?.querySelector<HTMLButtonElement>(".rl-button-row > button")?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div class={`rl-popover ${blockKeyClass(node, value.key)}`} ref={root}>
      <div class="rl-button-row">
        <button
          type="button"
          class={popoverButtonClass(value.type, value.useContainerWidth, value.wrap)}
          aria-expanded={open}
          disabled={value.disabled}
          onClick={() => setOpen(!open)}
        >
          <Icon icon={value.icon} />
          <MarkdownBody body={value.label} inline />
          <ChevronIcon up={open} />
        </button>
        <Help text={value.help} />
      </div>
      <div class="rl-popover-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

function popoverButtonClass(type: string, fullWidth: boolean, wrap: string): string {
  const kind = type === "primary" || type === "tertiary" ? type : "secondary";
  return `rl-button rl-button-${kind}${fullWidth ? " rl-full-width" : ""}${wrap ? ` rl-button-${wrap}` : ""}`;
}
