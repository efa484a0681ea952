/**
 * The CSS class a keyed element or container carries, `st-key-<key>`: the
 * name Streamlit documents, so an app's own CSS (`.st-key-sidebar-logo`)
 * styles the same element on rillet. Whitespace, which a class name cannot
 * hold, becomes "-".
 */
export function keyClass(key: string | undefined): string {
  return key ? `st-key-${key.replace(/\s+/g, "-")}` : "";
}
