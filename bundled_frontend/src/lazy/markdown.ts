/**
 * Markdown to HTML (lazy chunk), the dialect `st.markdown` accepts:
 * GitHub-flavoured Markdown (tables, strikethrough, task lists), `:emoji:`
 * shortcodes, coloured text `:red[...]`, `:blue-background[...]`,
 * `:rainbow[...]`, `:small[...]`, badges `:green-badge[...]`, and `$...$` /
 * `$$...$$` maths (left as placeholders that `hydrate` renders with KaTeX).
 * Raw HTML is escaped unless the author passed `allow_html`.
 */
import { Marked, type TokenizerAndRendererExtension, type Tokens } from "marked";
import { materialIconSvg } from "../icons";
import { EMOJI } from "./emoji";

const COLORS = ["red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "rainbow", "primary"];
const COLOR_PATTERN = new RegExp(
  String.raw`^:(${COLORS.join("|")}|small)(-background|-badge)?\[((?:\\.|[^\[\]\\]|\[[^\]]*\])*)\]`,
);

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function colorClass(color: string, suffix: string): string {
  const name = color === "grey" ? "gray" : color;
  if (name === "small") return "rl-small";
  if (suffix === "-background") return `rl-bg rl-bg-${name}`;
  if (suffix === "-badge") return `rl-badge rl-bg-${name} rl-fg-${name}`;
  return `rl-fg-${name}`;
}

const coloredText: TokenizerAndRendererExtension = {
  name: "coloredText",
  level: "inline",
  start: (src) => src.match(/:[a-z]+(-background|-badge)?\[/)?.index,
  tokenizer(src) {
    const match = COLOR_PATTERN.exec(src);
    if (!match) return undefined;
    const [raw, color = "", suffix = "", inner = ""] = match;
    return {
      type: "coloredText",
      raw,
      className: colorClass(color, suffix),
      tokens: this.lexer.inlineTokens(inner),
    };
  },
  renderer(token) {
    const inner = this.parser.parseInline(token.tokens ?? []);
    return `<span class="${String(token["className"])}">${inner}</span>`;
  },
};

const emojiShortcode: TokenizerAndRendererExtension = {
  name: "emojiShortcode",
  level: "inline",
  start: (src) => src.match(/:[a-z0-9_+-]+:/)?.index,
  tokenizer(src) {
    const match = /^:([a-z0-9_+-]+):/.exec(src);
    const emoji = match?.[1] === undefined ? undefined : EMOJI[match[1]];
    if (!match || emoji === undefined) return undefined;
    return { type: "emojiShortcode", raw: match[0], emoji };
  },
  renderer: (token) => String(token["emoji"]),
};

/** `:material/name:` icons: rillet's own drawing, or nothing for a name it has none of. */
const materialIcon: TokenizerAndRendererExtension = {
  name: "materialIcon",
  level: "inline",
  start: (src) => (src.indexOf(":material/") >= 0 ? src.indexOf(":material/") : undefined),
  tokenizer(src) {
    const match = /^:material\/([a-z0-9_]+):/.exec(src);
    return match ? { type: "materialIcon", raw: match[0], name: match[1] } : undefined;
  },
  renderer: (token) =>
    materialIconSvg(String(token["name"]), ' class="rl-icon rl-material-icon" aria-hidden="true"'),
};

function mathPlaceholder(tex: string, display: boolean): string {
  const tag = display ? "div" : "span";
  return `<${tag} class="rl-math" data-display="${display}">${escapeHtml(tex)}</${tag}>`;
}

const blockMath: TokenizerAndRendererExtension = {
  name: "blockMath",
  level: "block",
  start: (src) => src.match(/^\$\$/m)?.index,
  tokenizer(src) {
    const match = /^\$\$([\s\S]+?)\$\$(?:\n|$)/.exec(src);
    return match ? { type: "blockMath", raw: match[0], tex: (match[1] ?? "").trim() } : undefined;
  },
  renderer: (token) => mathPlaceholder(String(token["tex"]), true),
};

const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src) => src.match(/\$/)?.index,
  tokenizer(src) {
    const display = /^\$\$([^$]+?)\$\$/.exec(src);
    if (display) return { type: "inlineMath", raw: display[0], tex: display[1], display: true };
    // `$5 and $6` is money, not maths: no space right inside the dollars.
    const inline = /^\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
    return inline ? { type: "inlineMath", raw: inline[0], tex: inline[1], display: false } : undefined;
  },
  renderer: (token) => mathPlaceholder(String(token["tex"]), token["display"] === true),
};

function safeHref(href: string): string | undefined {
  return /^\s*(javascript|vbscript|data):/i.test(href) ? undefined : href;
}

function buildMarked(allowHtml: boolean): Marked {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    extensions: [blockMath, inlineMath, coloredText, materialIcon, emojiShortcode],
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return allowHtml ? token.text : escapeHtml(token.text);
      },
      link(token: Tokens.Link) {
        const href = safeHref(token.href);
        const text = this.parser.parseInline(token.tokens);
        if (href === undefined) return text;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
        const external = /^https?:/i.test(href) ? ' target="_blank" rel="noopener noreferrer"' : "";
        return `<a href="${escapeHtml(href)}"${title}${external}>${text}</a>`;
      },
    },
  });
  return marked;
}

const safe = buildMarked(false);
const trusting = buildMarked(true);

export interface MarkdownOptions {
  allowHtml?: boolean;
  /** One paragraph's worth, without a wrapping <p> (labels, captions). */
  inline?: boolean;
}

export function markdownToHtml(body: string, options: MarkdownOptions = {}): string {
  const marked = options.allowHtml ? trusting : safe;
  return options.inline ? (marked.parseInline(body) as string) : (marked.parse(body) as string);
}

/** Render the maths placeholders and code blocks inside freshly inserted markdown. */
export async function hydrate(root: HTMLElement): Promise<void> {
  const maths = [...root.querySelectorAll<HTMLElement>(".rl-math:not([data-done])")];
  const fenced = [...root.querySelectorAll<HTMLElement>("pre > code[class*='language-']:not([data-done])")];
  const codes = fenced.filter((el) => !el.classList.contains("language-mermaid"));
  const mermaids = fenced.filter((el) => el.classList.contains("language-mermaid"));
  if (mermaids.length > 0) {
    const { renderMermaidBlocks } = await import("../elements/charts/mermaid");
    await renderMermaidBlocks(mermaids);
  }
  if (maths.length > 0) {
    const { renderTex } = await import("./katex");
    for (const el of maths) {
      el.innerHTML = renderTex(el.textContent ?? "", el.dataset["display"] === "true");
      el.dataset["done"] = "1";
    }
  }
  if (codes.length > 0) {
    const { highlightCode } = await import("./highlight");
    for (const el of codes) {
      const language = /language-(\S+)/.exec(el.className)?.[1] ?? "";
      const html = highlightCode(el.textContent ?? "", language);
      if (html !== undefined) el.innerHTML = html;
      el.dataset["done"] = "1";
    }
  }
}
