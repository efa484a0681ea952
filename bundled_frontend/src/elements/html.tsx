/**
 * `st.html`: the author opted in to raw HTML, so it goes in through
 * innerHTML. Scripts inserted this way never run; styles do apply.
 */
import type { ElementProps } from "../render/types";

export function Html({ value }: ElementProps<"html">) {
  return <div class="rl-html" dangerouslySetInnerHTML={{ __html: value.body }} />;
}
