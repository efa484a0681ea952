/**
 * Markdown shown through the lazy markdown chunk. Until the chunk has loaded
 * the text shows as plain text in the same box, so the page does not jump
 * more than the formatting itself requires.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { MarkdownOptions } from "../lazy/markdown";

type MarkdownModule = typeof import("../lazy/markdown");
let loading: Promise<MarkdownModule> | undefined;
let loaded: MarkdownModule | undefined;

function loadMarkdown(): Promise<MarkdownModule> {
  loading ??= import("../lazy/markdown").then((module) => (loaded = module));
  return loading;
}

interface Props extends MarkdownOptions {
  body: string;
  class?: string;
}

export function MarkdownBody({ body, allowHtml = false, inline = false, class: className }: Props) {
  const [module, setModule] = useState<MarkdownModule | undefined>(loaded);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (module === undefined) void loadMarkdown().then(setModule);
  }, [module]);

  const html = module?.markdownToHtml(body, { allowHtml, inline });
  useLayoutEffect(() => {
    if (module !== undefined && ref.current) void module.hydrate(ref.current);
  }, [module, html]);

  const Tag = inline ? "span" : "div";
  const classes = `rl-markdown ${className ?? ""}`.trim();
  if (html === undefined) {
    return <Tag class={`${classes} rl-markdown-plain`}>{body}</Tag>;
  }
  return <Tag ref={ref as never} class={classes} dangerouslySetInnerHTML={{ __html: html }} />;
}
