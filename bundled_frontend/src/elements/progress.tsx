/** Progress bar and spinner. */
import { useEffect, useState } from "preact/hooks";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";

export function Progress({ value }: ElementProps<"progress">) {
  const percent = Math.max(0, Math.min(100, value.value));
  return (
    <div class="rl-progress">
      {value.text !== "" && <MarkdownBody body={value.text} />}
      <div
        class="rl-progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={value.text || "Progress"}
      >
        <div class="rl-progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function useElapsedSeconds(active: boolean): number {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [active]);
  return (now - started) / 1000;
}

export function Spinner({ value }: ElementProps<"spinner">) {
  const elapsed = useElapsedSeconds(value.showTime);
  return (
    <div class="rl-spinner" role="status">
      <span class="rl-spinner-wheel" aria-hidden="true" />
      <MarkdownBody body={value.text} inline />
      {value.showTime && <span class="rl-spinner-time"> ({elapsed.toFixed(1)} s)</span>}
    </div>
  );
}
