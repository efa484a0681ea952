/** `st.code`: highlighted (lazily) with a copy button, optional line numbers. */
import { useEffect, useState } from "preact/hooks";
import type { ElementProps } from "../render/types";
import { MaterialIcon } from "./common";

export function Code({ value }: ElementProps<"code">) {
  const [html, setHtml] = useState<string | undefined>(undefined);
  const [copied, setCopied] = useState(false);
  const { codeText, language } = value;

  useEffect(() => {
    let live = true;
    setHtml(undefined);
    if (language !== "") {
      void import("../lazy/highlight").then(({ highlightCode }) => {
        if (live) setHtml(highlightCode(codeText, language));
      });
    }
    return () => {
      live = false;
    };
  }, [codeText, language]);

  const copy = () => {
    void navigator.clipboard?.writeText(codeText).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };

  const lines = value.showLineNumbers ? codeText.split("\n") : [];
  const style = value.height > 0 ? { maxHeight: `${value.height}px` } : undefined;
  const wrap = value.wrapLines ? " rl-code-wrap" : "";
  return (
    <div class="rl-code">
      {/* An icon, as Streamlit's: no "Copy" joins the code's text (innerText, a copy of the page). */}
      <button
        type="button"
        class="rl-copy"
        onClick={copy}
        aria-label={copied ? "Copied" : "Copy to clipboard"}
        title={copied ? "Copied" : "Copy to clipboard"}
      >
        <MaterialIcon name={copied ? "check" : "content_copy"} />
      </button>
      <pre class={`rl-code-pre${wrap}`} style={style}>
        {lines.length > 0 && (
          <span class="rl-line-numbers" aria-hidden="true">
            {lines.map((_, i) => `${i + 1}\n`)}
          </span>
        )}
        {html === undefined ? (
          <code>{codeText}</code>
        ) : (
          <code class="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        )}
      </pre>
    </div>
  );
}
