/**
 * Light/dark theme: the user's choice (kept in localStorage) wins, else the
 * app's configured base (`NewSession.theme.base`), else the system setting.
 * Custom colours from the app's theme become CSS variables.
 */
import type { Theme } from "../proto/rillet_pb";

export type ThemeChoice = "light" | "dark" | "system";
export type ResolvedTheme = "light" | "dark";

const THEME_KEY = "rillet.theme";
const WIDE_KEY = "rillet.wide";

function isChoice(value: string | null | undefined): value is ThemeChoice {
  return value === "light" || value === "dark" || value === "system";
}

/** The effective theme for a stored choice, the app's base and the system preference. */
export function resolveTheme(
  stored: string | null,
  appBase: string,
  systemPrefersDark: boolean,
): ResolvedTheme {
  const choice: ThemeChoice = isChoice(stored) ? stored : isChoice(appBase) ? appBase : "system";
  if (choice === "system") return systemPrefersDark ? "dark" : "light";
  return choice;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage can be blocked (private mode, sandboxed webviews)
  }
}

export function storedThemeChoice(): ThemeChoice | undefined {
  const value = storage()?.getItem(THEME_KEY);
  return isChoice(value) ? value : undefined;
}

export function storeThemeChoice(choice: ThemeChoice): void {
  storage()?.setItem(THEME_KEY, choice);
}

/** The user's wide-mode preference, undefined when never set (the app decides). */
export function storedWideMode(): boolean | undefined {
  const value = storage()?.getItem(WIDE_KEY);
  return value === null || value === undefined ? undefined : value === "true";
}

export function storeWideMode(wide: boolean): void {
  storage()?.setItem(WIDE_KEY, String(wide));
}

/** CSS variables for the app's custom colours (only those it set). */
export function themeVariables(theme: Theme | undefined): Record<string, string> {
  if (theme === undefined) return {};
  const pairs: [string, string][] = [
    ["--rl-primary", theme.primaryColor],
    ["--rl-bg", theme.backgroundColor],
    ["--rl-bg-secondary", theme.secondaryBackgroundColor],
    ["--rl-text", theme.textColor],
  ];
  const vars = Object.fromEntries(pairs.filter(([, value]) => value !== ""));
  const font = fontFamily(theme.font);
  if (font !== undefined) vars["--rl-font"] = font;
  return vars;
}

/**
 * `theme.font` as a CSS font family: the three generic names (`"sans serif"`
 * is the default), or a font's own name, falling back to the default.
 */
function fontFamily(font: string): string | undefined {
  const name = font.trim();
  const generic = name.toLowerCase().replace("-", " ");
  if (name === "" || generic === "sans serif") return undefined;
  if (generic === "serif") return "var(--rl-font-serif)";
  if (generic === "monospace" || generic === "mono") return "var(--rl-font-mono)";
  return `${name}, var(--rl-font-sans)`;
}
