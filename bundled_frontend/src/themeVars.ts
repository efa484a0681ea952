/**
 * The page's theme colours as scripts read them: the CSS variable where the
 * stylesheet set it, else the value base.css gives it (kept in step with
 * base.css), so charts and components never fall back to a stale palette.
 */

type ThemeVar =
  "--rl-primary" | "--rl-bg" | "--rl-bg-secondary" | "--rl-text" | "--rl-text-muted" | "--rl-border";

const BASE: Record<"light" | "dark", Record<ThemeVar, string>> = {
  light: {
    "--rl-primary": "#c43a49",
    "--rl-bg": "#ffffff",
    "--rl-bg-secondary": "#f8f8f6",
    "--rl-text": "#302e2b",
    "--rl-text-muted": "#6e6a65",
    "--rl-border": "#dbd7d3",
  },
  dark: {
    "--rl-primary": "#ce4351",
    "--rl-bg": "#171614",
    "--rl-bg-secondary": "#21201d",
    "--rl-text": "#eceae7",
    "--rl-text-muted": "#a9a49d",
    "--rl-border": "#4a4742",
  },
};

/** `name` as `style` resolves it, or base.css's value for the light or dark theme. */
export function themeVar(style: CSSStyleDeclaration, name: ThemeVar, dark: boolean): string {
  return style.getPropertyValue(name).trim() || BASE[dark ? "dark" : "light"][name];
}
