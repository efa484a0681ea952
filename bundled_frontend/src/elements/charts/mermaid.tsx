/**
 * Mermaid diagrams: `st.mermaid_chart` sends a Markdown ```mermaid fence (as
 * Streamlit does), and Markdown hands such code blocks here. Mermaid is a
 * lazy chunk; each diagram is redrawn in the page's theme when it changes.
 */
import { chartError, readChartTheme, watchTheme } from "./libraryChart";

let counter = 0;

/** Draw every `<code class="language-mermaid">` block given, in place of its `<pre>`. */
export async function renderMermaidBlocks(codes: HTMLElement[]): Promise<void> {
  const { default: mermaid } = await import("mermaid");
  for (const code of codes) {
    const pre = code.parentElement;
    if (pre === null) continue;
    const box = document.createElement("div");
    box.className = "rl-mermaid-chart";
    box.dataset["source"] = code.textContent ?? "";
    pre.replaceWith(box);
    const draw = async () => {
      const theme = readChartTheme(box);
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        // Only Mermaid's "base" theme takes variables: boxes on the page's second
        // background, outlined in the primary colour, text and lines in the page's.
        theme: "base",
        themeVariables: {
          darkMode: theme.dark,
          background: theme.background,
          primaryColor: theme.backgroundSecondary,
          primaryBorderColor: theme.primary,
          primaryTextColor: theme.text,
          secondaryColor: theme.background,
          tertiaryColor: theme.background,
          lineColor: theme.textMuted,
          textColor: theme.text,
          fontFamily: theme.font,
        },
      });
      const source = box.dataset["source"] ?? "";
      const alt = /^%% stAlt: (.*)$/m.exec(source)?.[1];
      try {
        counter += 1;
        const { svg } = await mermaid.render(`rl-mermaid-${counter}`, source);
        box.innerHTML = svg;
        const drawn = box.querySelector("svg");
        drawn?.setAttribute("role", "img");
        if (alt !== undefined) drawn?.setAttribute("aria-label", alt);
        drawn?.style.setProperty("max-width", "100%");
      } catch (failure) {
        box.innerHTML = "";
        const message = document.createElement("div");
        message.className = "rl-alert rl-alert-error";
        message.setAttribute("role", "alert");
        message.textContent = chartError("Mermaid diagram", failure);
        box.append(message);
      }
    };
    await draw();
    const stop = watchTheme(box, () => {
      if (!box.isConnected) {
        stop();
        return;
      }
      void draw();
    });
  }
}
