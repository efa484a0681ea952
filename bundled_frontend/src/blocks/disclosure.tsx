/** Blocks that hide content until asked: expanders and popovers. */
import { useEffect, useRef, useState } from "preact/hooks";
import { Help, Icon } from "../elements/common";
import { MarkdownBody } from "../render/MarkdownBody";
import type { BlockProps } from "../render/types";

export function Expander({ value, children }: BlockProps<"expander">) {
  // The server's `expanded` sets the initial state; the user's toggles then stick.
  const [open, setOpen] = useState(value.expanded);
  return (
    <details class="rl-expander" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <Icon icon={value.icon} />
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
