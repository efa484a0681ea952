/**
 * `st.graphviz_chart`: DOT laid out in the page by Graphviz compiled to
 * WebAssembly (@hpcc-js/wasm-graphviz, a lazy chunk with the WebAssembly
 * inlined), so no `dot` binary and no network is needed. Graphviz's default
 * black ink and white page follow the theme.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { ElementProps } from "../../render/types";
import { ChartError, chartError, pixels, useChartTheme, widthCss, type ChartTheme } from "./libraryChart";

const INK = new Set(["black", "#000000", "#000"]);
const PAPER = new Set(["white", "#ffffff", "#fff"]);

/** Recolour Graphviz's defaults (black ink, white page) to the theme's; user colours stay. */
export function themeSvg(svg: SVGSVGElement, theme: ChartTheme): void {
  for (const el of svg.querySelectorAll<SVGElement>("[fill], [stroke]")) {
    for (const attribute of ["fill", "stroke"]) {
      const color = el.getAttribute(attribute)?.toLowerCase();
      if (color === undefined) continue;
      if (INK.has(color)) el.setAttribute(attribute, theme.text);
    }
  }
  for (const text of svg.querySelectorAll<SVGElement>("text:not([fill])"))
    text.setAttribute("fill", theme.text);
  const page = svg.querySelector<SVGElement>("g.graph > polygon");
  if (page !== null && PAPER.has(page.getAttribute("fill")?.toLowerCase() ?? ""))
    page.setAttribute("fill", "transparent");
  for (const link of svg.querySelectorAll("a")) {
    for (const attribute of ["href", "xlink:href"]) {
      if (/^\s*javascript:/i.test(link.getAttribute(attribute) ?? "")) link.removeAttribute(attribute);
    }
  }
}

export function GraphvizChart({ value }: ElementProps<"graphvizChart">) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useChartTheme(host);
  const [error, setError] = useState("");
  useEffect(() => {
    const element = host.current;
    if (element === null || theme === undefined) return;
    let live = true;
    import("@hpcc-js/wasm-graphviz")
      .then(({ Graphviz }) => Graphviz.load())
      .then((graphviz) => {
        if (!live) return;
        const markup = graphviz.layout(value.spec, "svg", (value.engine || "dot") as "dot");
        const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
        const svg = doc.documentElement as unknown as SVGSVGElement;
        if (svg.nodeName !== "svg") throw new Error("Graphviz returned no SVG");
        for (const script of svg.querySelectorAll("script, foreignObject")) script.remove();
        themeSvg(svg, theme);
        const width = pixels(value.width);
        const height = pixels(value.height);
        if (value.width === "stretch") svg.setAttribute("width", "100%");
        else if (width !== undefined) svg.setAttribute("width", `${width}px`);
        if (height !== undefined) svg.setAttribute("height", `${height}px`);
        else if (value.width === "stretch") svg.removeAttribute("height");
        svg.style.maxWidth = "100%";
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", value.alt || "Graph");
        element.replaceChildren(document.importNode(svg, true));
        setError("");
      })
      .catch((failure: unknown) => live && setError(chartError("graph", failure)));
    return () => {
      live = false;
    };
  }, [value.spec, value.engine, value.width, value.height, value.alt, theme]);
  return (
    <div class="rl-graphviz-chart" style={widthCss(value.width)}>
      <ChartError error={error} />
      <div ref={host} />
    </div>
  );
}
