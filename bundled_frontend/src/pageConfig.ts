/**
 * `st.set_page_config`: the tab title and favicon. Layout and sidebar state
 * are read from the app state by the chrome.
 */
import { materialIconSvg, materialName } from "./icons";
import type { PageConfig } from "./proto/rillet_pb";

/** A favicon URL for an emoji, a URL, a drawn `:material/` icon, or "" (keep the current icon). */
export function faviconHref(icon: string): string {
  if (icon === "") return "";
  if (/^(https?:|data:|\/|\.)/.test(icon)) return icon;
  if (icon.startsWith(":material/")) {
    // A tab bar may be light or dark: a mid grey reads on both.
    const svg = materialIconSvg(materialName(icon) ?? "").replace(
      'stroke="currentColor"',
      'stroke="#808495"',
    );
    return svg === "" ? "" : `data:image/svg+xml,${encodeURIComponent(svg)}`;
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
    `<text y=".9em" font-size="90">${escapeXml(icon)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function applyPageConfig(config: PageConfig): void {
  if (config.pageTitle) document.title = config.pageTitle;
  const href = faviconHref(config.pageIcon);
  if (href === "") return;
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (link === null) {
    link = document.createElement("link");
    link.rel = "icon";
    document.head.appendChild(link);
  }
  link.href = href;
}
