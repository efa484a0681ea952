/**
 * What the library charts (Plotly, Graphviz, deck.gl, ECharts, Mermaid)
 * share: the theme as colours a library can take, following the page live
 * (switching light/dark or the app's colours redraws without a rerun), and
 * the `width`/`height` strings of their elements as CSS.
 */
import { h, type JSX } from "preact";
import { useEffect, useState, type MutableRef } from "preact/hooks";
import { themeVar } from "../../themeVars";

export interface ChartTheme {
  readonly dark: boolean;
  readonly primary: string;
  readonly text: string;
  readonly textMuted: string;
  readonly background: string;
  readonly backgroundSecondary: string;
  readonly border: string;
  readonly font: string;
}

/** rillet's categorical colours after the primary one, readable on light and dark pages. */
const CATEGORICAL = ["#2f7ed8", "#1aaf8b", "#f28f1c", "#8e5bd6", "#e8c547", "#5bc0eb", "#d65b8a", "#8c8c8c"];

/** The app's chart colour options (`theme.chartCategoricalColors`, ...), as the server sends them. */
export interface ChartColors {
  readonly categorical?: string[];
  readonly sequential?: string[];
  readonly diverging?: string[];
}

export function parseChartColors(json: string): ChartColors {
  if (json === "") return {};
  try {
    return JSON.parse(json) as ChartColors;
  } catch {
    return {};
  }
}

/** The colours a chart's series take in turn: the app's, else the theme's primary colour first. */
export function seriesColors(theme: ChartTheme, colors: ChartColors = {}): string[] {
  return colors.categorical?.length ? colors.categorical : [theme.primary, ...CATEGORICAL];
}

/** Evenly spaced stops for a colour scale: `[[0, c0], ..., [1, cN]]`. */
export function colorScale(colors: string[]): [number, string][] {
  return colors.map((color, i) => [colors.length > 1 ? i / (colors.length - 1) : 0, color]);
}

/** The theme as the element at `node` sees it (CSS variables resolved there). */
export function readChartTheme(node: Element | null): ChartTheme {
  const style = getComputedStyle(node ?? document.documentElement);
  const dark = document.documentElement.dataset["theme"] === "dark";
  return {
    dark,
    primary: themeVar(style, "--rl-primary", dark),
    text: themeVar(style, "--rl-text", dark),
    textMuted: themeVar(style, "--rl-text-muted", dark),
    background: themeVar(style, "--rl-bg", dark),
    backgroundSecondary: themeVar(style, "--rl-bg-secondary", dark),
    border: themeVar(style, "--rl-border", dark),
    font: style.fontFamily || "sans-serif",
  };
}

/** Calls `onChange` whenever the page's theme or the app's colours change. */
export function watchTheme(node: Element, onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "style"] });
  const app = node.closest(".rl-app");
  if (app !== null) observer.observe(app, { attributes: true, attributeFilter: ["style", "class"] });
  return () => observer.disconnect();
}

/** The theme at `host`, re-read (and the caller re-rendered) when it changes. */
export function useChartTheme(host: MutableRef<HTMLElement | null>): ChartTheme | undefined {
  const [theme, setTheme] = useState<ChartTheme | undefined>(undefined);
  useEffect(() => {
    const node = host.current;
    if (node === null) return;
    const update = () =>
      setTheme((old) => {
        const next = readChartTheme(node);
        return old !== undefined && JSON.stringify(old) === JSON.stringify(next) ? old : next;
      });
    update();
    return watchTheme(node, update);
  }, [host]);
  return theme;
}

/** `"stretch"`, `"content"` or pixels as digits, as CSS for the chart's box. */
export function widthCss(width: string): JSX.CSSProperties {
  if (/^\d+$/.test(width)) return { width: `${width}px`, maxWidth: "100%" };
  if (width === "content") return { maxWidth: "100%" };
  return { width: "100%" };
}

/** Pixels of a `width`/`height` string, or undefined for "stretch"/"content"/"". */
export function pixels(size: string): number | undefined {
  return /^\d+$/.test(size) ? Number(size) : undefined;
}

/** An `rgb(...)`/`#rrggbb` colour as `[r, g, b, a]` (0-255), as deck.gl takes colours. */
export function rgba(color: string, alpha = 255): [number, number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex !== null) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join("") : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)).concat(alpha) as [
      number,
      number,
      number,
      number,
    ];
  }
  const rgb = /rgba?\(([^)]+)\)/.exec(color);
  if (rgb !== null) {
    const [r = 0, g = 0, b = 0] = rgb[1]!.split(/[ ,/]+/).map(Number);
    return [r, g, b, alpha];
  }
  return [224, 68, 90, alpha];
}

/** A failure to draw, shown in place of the chart. */
export function chartError(what: string, error: unknown): string {
  return `Could not draw the ${what}: ${error instanceof Error ? error.message : String(error)}`;
}

/** A failure to draw (from `chartError`) shown in the chart's place; nothing for "". */
export function ChartError({ error }: { error: string }): JSX.Element | null {
  return error === "" ? null : h("div", { class: "rl-alert rl-alert-error", role: "alert" }, error);
}
