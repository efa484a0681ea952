import { describe, expect, test } from "vitest";
import { matchesShortcut, shortcutLabel, typingInField } from "../src/shortcuts";

const press = (
  key: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }> = {},
) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe("button shortcuts", () => {
  test("a plain key matches only without modifiers", () => {
    expect(matchesShortcut("k", press("k"))).toBe(true);
    expect(matchesShortcut("k", press("K"))).toBe(true);
    expect(matchesShortcut("k", press("k", { ctrl: true }))).toBe(false);
  });

  test("Ctrl, Cmd, Meta and Mod are one modifier; Alt and Option another", () => {
    expect(matchesShortcut("ctrl+shift+o", press("O", { meta: true, shift: true }))).toBe(true);
    expect(matchesShortcut("cmd+k", press("k", { ctrl: true }))).toBe(true);
    expect(matchesShortcut("option+f2", press("F2", { alt: true }))).toBe(true);
    expect(matchesShortcut("ctrl+k", press("k", { ctrl: true, alt: true }))).toBe(false);
  });

  test("named keys match the browser's key names", () => {
    expect(matchesShortcut("escape", press("Escape"))).toBe(true);
    expect(matchesShortcut("space", press(" "))).toBe(true);
    expect(matchesShortcut("up", press("ArrowUp"))).toBe(true);
    expect(matchesShortcut("", press("k"))).toBe(false);
  });

  test("the label reads as the platform writes shortcuts", () => {
    expect(shortcutLabel("ctrl+shift+k", false)).toBe("Ctrl + Shift + K");
    expect(shortcutLabel("cmd+k", true)).toBe("⌘K");
    expect(shortcutLabel("escape", false)).toBe("Escape");
  });

  test("a plain key typed into a field is text, not a shortcut", () => {
    const field = { closest: (selector: string) => (selector.includes("input") ? {} : null) };
    expect(typingInField(field as unknown as EventTarget, press("k"))).toBe(true);
    expect(typingInField(field as unknown as EventTarget, press("k", { ctrl: true }))).toBe(false);
    expect(typingInField(null, press("k"))).toBe(false);
  });
});
