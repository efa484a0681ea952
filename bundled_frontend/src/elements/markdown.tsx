/** Text elements: markdown (with caption, LaTeX and divider kinds), headings, preformatted text. */
import { useEffect, useState } from "preact/hooks";
import { Markdown_Kind } from "../proto/rillet_pb";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { Help, Icon } from "./common";

/** The classes of `text_alignment` and `wrap=False`, shared by every text element. */
export function textLayout(value: { textAlignment: string; noWrap: boolean }): string {
  const align = value.textAlignment ? ` rl-align-${value.textAlignment}` : "";
  return `${align}${value.noWrap ? " rl-nowrap" : ""}`;
}

export function MarkdownElement({ value }: ElementProps<"markdown">) {
  switch (value.kind) {
    case Markdown_Kind.DIVIDER:
      return <hr class="rl-divider" />;
    case Markdown_Kind.LATEX:
      return <Latex tex={value.body} help={value.help} />;
    case Markdown_Kind.CAPTION:
      return (
        <div class={`rl-caption${textLayout(value)}`}>
          <MarkdownBody body={value.body} allowHtml={value.allowHtml} />
          <Help text={value.help} />
        </div>
      );
    default:
      return (
        <div class={`rl-markdown-element${textLayout(value)}`}>
          <MarkdownBody body={value.body} allowHtml={value.allowHtml} />
          <Help text={value.help} />
        </div>
      );
  }
}

/** `st.latex` bodies may arrive wrapped in `$$ ... $$` (as Streamlit stores them); KaTeX wants the inside. */
export function latexSource(body: string): string {
  const match = /^\s*\$\$([\s\S]*)\$\$\s*$/.exec(body);
  return (match?.[1] ?? body).trim();
}

function Latex({ tex: body, help }: { tex: string; help: string }) {
  const [html, setHtml] = useState<string | undefined>(undefined);
  const tex = latexSource(body);
  useEffect(() => {
    let live = true;
    void import("../lazy/katex").then(({ renderTex }) => live && setHtml(renderTex(tex, true)));
    return () => {
      live = false;
    };
  }, [tex]);
  return (
    <div class="rl-latex">
      {html === undefined ? (
        <pre class="rl-latex-plain">{tex}</pre>
      ) : (
        <div dangerouslySetInnerHTML={{ __html: html }} />
      )}
      <Help text={help} />
    </div>
  );
}

/** The anchor id a heading gets when the app did not name one. */
export function headingAnchor(body: string): string {
  return body
    .toLowerCase()
    .replace(/:[a-z-]+\[([^\]]*)\]/g, "$1")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}

export function Heading({ value }: ElementProps<"heading">) {
  const Tag = value.tag === "h1" || value.tag === "h3" ? value.tag : "h2";
  const anchor = value.anchor === "-" ? "" : value.anchor || headingAnchor(value.body);
  // wrap=False keeps the heading to its first line, cut with an ellipsis.
  const body = value.noWrap ? (value.body.split("\n")[0] ?? "") : value.body;
  return (
    <div class={`rl-heading${textLayout(value)}`}>
      <Tag id={anchor || undefined} class="rl-heading-text" title={value.noWrap ? body : undefined}>
        {value.icon !== "" && <Icon icon={value.icon} />}
        <MarkdownBody body={body} inline />
        {anchor !== "" && (
          <a class="rl-anchor" href={`#${anchor}`} aria-label="Link to this heading">
            {/* A drawn link, no text: the heading's text (innerText, a copy) stays its own, as Streamlit's. */}
            <svg
              viewBox="0 0 24 24"
              width="1em"
              height="1em"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
              aria-hidden="true"
            >
              <path d="M10 7H7a5 5 0 0 0 0 10h3M14 7h3a5 5 0 0 1 0 10h-3M8.5 12h7" />
            </svg>
          </a>
        )}
        <Help text={value.help} />
      </Tag>
      {value.divider !== "" && <hr class={`rl-heading-divider rl-divider-${value.divider}`} />}
    </div>
  );
}

export function Text({ value }: ElementProps<"text">) {
  return (
    <div class={`rl-text${textLayout(value)}`}>
      <pre>{value.body}</pre>
      <Help text={value.help} />
    </div>
  );
}
