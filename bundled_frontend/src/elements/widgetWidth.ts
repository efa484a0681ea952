/** The `width` of the button-like widgets: "content", "stretch" or "<n>px". */
import type { JSX } from "preact";

export function widthStyle(width: string): JSX.CSSProperties | undefined {
  if (width === "stretch") return { width: "100%" };
  if (/^\d+px$/.test(width)) return { width, maxWidth: "100%" };
  return undefined;
}

export function widthClass(width: string): string {
  return width === "stretch" ? " rl-width-stretch" : /^\d+px$/.test(width) ? " rl-width-fixed" : "";
}
