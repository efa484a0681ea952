/** Passing feedback: toasts and balloons/snow. */
import type { ElementProps } from "../render/types";

/**
 * Toasts are shown by the controller the moment their delta arrives (a run's
 * last frame often carries the toast and the ClearStale that drops it
 * together), in the corner stack; in the tree they take no space.
 */
export function Toast(_props: ElementProps<"toast">) {
  return null;
}

const PIECES = 24;
const BALLOON_EMOJI = ["🎈", "🎈", "🎈", "🎉"];

export function Balloons({ value, node }: ElementProps<"balloons">) {
  const snow = value.kind === "snow";
  // Keyed by the run that sent it: each st.balloons() call plays again.
  return (
    <div key={node.runId} class={`rl-celebration ${snow ? "rl-snow" : "rl-balloons"}`} aria-hidden="true">
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
