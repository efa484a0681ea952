/**
 * `st.menu_button`: a button that opens a menu of options. Choosing one
 * sends it once (`string_trigger_value`, the option's label) and closes the
 * menu. Keyboard: Enter/Space/ArrowDown open it, arrows move, Escape closes.
 */
import "../styles/buttonGroups.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { stringTriggerValue } from "../widgetValues";
import { commonOf, Help, Icon, inputId, MaterialIcon } from "./common";
import { widthClass, widthStyle } from "./widgetWidth";

function buttonKind(type: string): string {
  return type === "primary" || type === "tertiary" ? type : "secondary";
}

export function MenuButton({ value, node }: ElementProps<"menuButton">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const trigger = useRef<HTMLButtonElement>(null);
  const id = inputId(common);

  useEffect(() => {
    if (!open) return undefined;
    items.current[0]?.focus();
    const onDown = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const choose = (label: string) => {
    close();
    widget.trigger(stringTriggerValue(label));
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const list = items.current.filter((b): b is HTMLButtonElement => b !== null);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    if (event.key === "Escape" || event.key === "Tab") close();
    else if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else return;
    event.preventDefault();
  };

  return (
    <div
      class={`rl-button-row rl-menu-button${widthClass(value.width)}`}
      ref={box}
      style={widthStyle(value.width)}
    >
      <button
        ref={trigger}
        id={id}
        type="button"
        class={`rl-button rl-button-${buttonKind(value.type)} rl-wrap-${value.wrapMode || "auto"}${value.width === "stretch" ? " rl-full-width" : ""}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        disabled={common.disabled}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Icon icon={value.icon} />
        <span class="rl-menu-label">
          <MarkdownBody body={common.label} inline />
        </span>
        <span class="rl-menu-caret">
          <MaterialIcon name="expand_more" />
        </span>
      </button>
      <Help text={common.help} />
      {open && (
        <div id={`${id}-menu`} role="menu" aria-labelledby={id} class="rl-menu-list" onKeyDown={onMenuKey}>
          {value.options.map((option, index) => (
            <button
              key={index}
              ref={(el) => {
                items.current[index] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              class="rl-menu-option"
              onClick={() => choose(option)}
            >
              <MarkdownBody body={option} inline />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
