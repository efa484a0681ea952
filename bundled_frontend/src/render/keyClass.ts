/**
 * The CSS class a keyed element or container carries, `st-key-<key>`: the
 * name Streamlit documents, so an app's own CSS (`.st-key-sidebar-logo`)
 * styles the same element on rillet. As Streamlit makes it: the key without
 * surrounding whitespace, each character other than ASCII letters, digits,
 * "_" and "-" turned into "-" (streamlit-hotkeys hides its frame by
 * `.st-key-hotkeys-manager--global`, its key being "hotkeys-manager::global").
 */
export function keyClass(key: string | undefined): string {
  return key ? `st-key-${key.trim().replace(/[^a-zA-Z0-9_-]/g, "-")}` : "";
}
