/** LaTeX rendering (lazy chunk): KaTeX with its stylesheet and fonts as assets. */
import katex from "katex";
import "katex/dist/katex.min.css";

/** HTML for `tex`; a parse error is shown in place rather than thrown. */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: "htmlAndMathml" });
}
