/**
 * A components.v2 component's `html`, made into nodes as Streamlit makes
 * them: parsed in the page's context, so its `<script>` tags run when the
 * nodes are inserted (streamlit-jsme loads its editor from inline scripts in
 * its `html`). `innerHTML` would insert them inert. A parse the browser
 * refuses falls back to `innerHTML`, as Streamlit's does.
 */
export function bidiHtmlNodes(html: string): Node[] {
  try {
    return [document.createRange().createContextualFragment(html)];
  } catch (error) {
    console.warn("rillet: a component's html could not be parsed with its scripts:", error);
    const body = document.createElement("div");
    body.innerHTML = html;
    return Array.from(body.childNodes);
  }
}
