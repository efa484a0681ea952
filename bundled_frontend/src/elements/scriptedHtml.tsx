/**
 * `st.html(unsafe_allow_javascript=True)`: the author asked for the HTML's
 * scripts to run. Scripts set through innerHTML never run, so each one is
 * replaced by a fresh <script> with the same attributes and text, which the
 * browser then runs in order of appearance.
 */
import { useEffect, useRef } from "preact/hooks";
import type { ElementProps } from "../render/types";

export function ScriptedHtml({ value }: ElementProps<"scriptedHtml">) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    element.innerHTML = value.body;
    for (const old of Array.from(element.querySelectorAll("script"))) {
      const fresh = document.createElement("script");
      for (const attribute of Array.from(old.attributes)) fresh.setAttribute(attribute.name, attribute.value);
      fresh.text = old.text;
      old.replaceWith(fresh);
    }
    return () => element.replaceChildren();
  }, [value.body]);
  return <div ref={host} class="rl-html" />;
}
