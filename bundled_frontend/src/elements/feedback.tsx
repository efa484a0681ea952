/** Passing feedback: toasts (shown in the corner stack) and balloons/snow. */
import { useEffect } from "preact/hooks";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import type { ElementNode } from "../tree";

// A node is one `st.toast` call: show it once even if it re-renders.
const shownToasts = new WeakSet<ElementNode>();

export function Toast({ value, node }: ElementProps<"toast">) {
  const { toasts } = useController();
  useEffect(() => {
    if (shownToasts.has(node)) return;
    shownToasts.add(node);
    toasts.show(value.body, value.icon);
  }, [node, toasts, value.body, value.icon]);
  return null;
}

const PIECES = 24;
const BALLOON_EMOJI = ["🎈", "🎈", "🎈", "🎉"];

export function Balloons({ value }: ElementProps<"balloons">) {
  const snow = value.kind === "snow";
  return (
    <div class={`rl-celebration ${snow ? "rl-snow" : "rl-balloons"}`} aria-hidden="true">
      {Array.from({ length: PIECES }, (_, i) => (
        <span
          key={i}
          class="rl-celebration-piece"
          style={{
            left: `${(i * 37) % 100}%`,
            animationDelay: `${((i * 53) % 20) / 10}s`,
            fontSize: `${1.5 + ((i * 7) % 10) / 10}rem`,
          }}
        >
          {snow ? "❄" : BALLOON_EMOJI[i % BALLOON_EMOJI.length]}
        </span>
      ))}
    </div>
  );
}
