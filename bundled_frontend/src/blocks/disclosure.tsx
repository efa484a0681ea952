/** Blocks that hide content until asked: expanders and popovers. */
import { useEffect, useRef, useState } from "preact/hooks";
import { Help, Icon } from "../elements/common";
import { MarkdownBody } from "../render/MarkdownBody";
import type { BlockProps } from "../render/types";

/** What `st.status` shows in place of an icon, per state. */
function StatusIcon({ state }: { state: string }) {
  if (state === "running") return <span class="rl-spinner-wheel" role="img" aria-label="Running" />;
  if (state === "complete")
    return (
      <span class="rl-status-icon rl-status-complete" role="img" aria-label="Complete">
        ✓
      </span>
    );
  return (
    <span class="rl-status-icon rl-status-error" role="img" aria-label="Error">
      ✕
    </span>
  );
}

/** `st.expander`, and `st.status` (an expander with a state). */
export function Expander({ value, children }: BlockProps<"expander">) {
  // The server's `expanded` sets the state, and so does a status update that
  // changes it; the user's toggles stick in between.
  const [open, setOpen] = useState(value.expanded);
  useEffect(() => setOpen(value.expanded), [value.expanded]);
  return (
    <details
      class={`rl-expander${value.state ? " rl-status" : ""}`}
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

export function Popover({ value, children }: BlockProps<"popover">) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div class="rl-popover" ref={root}>
      <div class="rl-button-row">
        <button
          type="button"
          class={`rl-button rl-button-secondary${value.useContainerWidth ? " rl-full-width" : ""}`}
          aria-expanded={open}
          disabled={value.disabled}
          onClick={() => setOpen(!open)}
        >
          <Icon icon={value.icon} />
          <MarkdownBody body={value.label} inline />
          <span aria-hidden="true"> ▾</span>
        </button>
        <Help text={value.help} />
      </div>
      <div class="rl-popover-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
