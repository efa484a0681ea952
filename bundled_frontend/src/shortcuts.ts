/**
 * Keyboard shortcuts of buttons (`shortcut="Ctrl+K"`): the server sends them
 * checked and lower-cased, modifiers first ("ctrl+shift+k", "escape", "f2").
 */

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

const KEY_NAMES: Record<string, string> = {
  escape: "escape",
  esc: "escape",
  enter: "enter",
  tab: "tab",
  backspace: "backspace",
  delete: "delete",
  home: "home",
  end: "end",
  pageup: "pageup",
  pagedown: "pagedown",
  " ": "space",
  spacebar: "space",
  arrowup: "up",
  arrowdown: "down",
  arrowleft: "left",
  arrowright: "right",
};

/** Whether a key press is the shortcut. Ctrl, Cmd, Meta and Mod are one; so are Alt and Option. */
export function matchesShortcut(shortcut: string, press: KeyPress): boolean {
  if (shortcut === "") return false;
  const parts = shortcut.split("+");
  const key = parts.pop() ?? "";
  const wants = new Set(parts);
  const command = wants.has("ctrl") || wants.has("cmd") || wants.has("meta") || wants.has("mod");
  const alt = wants.has("alt") || wants.has("option");
  const shift = wants.has("shift");
  if (command !== (press.ctrlKey || press.metaKey)) return false;
  if (alt !== press.altKey || shift !== press.shiftKey) return false;
  const pressed = press.key.toLowerCase();
  return (KEY_NAMES[pressed] ?? pressed) === key;
}

/** How a shortcut reads on the button: "Ctrl + K", with ⌘ on Apple systems. */
export function shortcutLabel(shortcut: string, apple: boolean): string {
  const names: Record<string, string> = apple
    ? { ctrl: "⌘", cmd: "⌘", meta: "⌘", mod: "⌘", alt: "⌥", option: "⌥", shift: "⇧" }
    : { ctrl: "Ctrl", cmd: "Ctrl", meta: "Ctrl", mod: "Ctrl", alt: "Alt", option: "Alt", shift: "Shift" };
  return shortcut
    .split("+")
    .map(
      (part) =>
        names[part] ?? (part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1)),
    )
    .join(apple ? "" : " + ");
}

/** Plain keys typed into a text field are text, not shortcuts. */
export function typingInField(target: EventTarget | null, press: KeyPress): boolean {
  if (press.ctrlKey || press.metaKey || press.altKey) return false;
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== "function") return false;
  return element.closest("input, textarea, select, [contenteditable='true']") !== null;
}
