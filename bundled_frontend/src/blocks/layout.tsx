/** Layout blocks: vertical containers, rows of columns, columns. */
import type { BlockProps } from "../render/types";

const GAPS: Record<string, string> = { small: "0.5rem", medium: "1rem", large: "2rem" };
const ALIGN: Record<string, string> = { top: "flex-start", center: "center", bottom: "flex-end" };

export function Vertical({ value, children }: BlockProps<"vertical">) {
  const classes = ["rl-vertical", value.border ? "rl-bordered" : "", value.height > 0 ? "rl-scroll" : ""];
  const style = value.height > 0 ? { height: `${value.height}px` } : undefined;
  const key = value.key ? `rl-key-${value.key}` : undefined;
  return (
    <div
      class={classes.filter(Boolean).join(" ")}
      style={style}
      data-key={key}
      tabIndex={value.height > 0 ? 0 : undefined}
    >
      {children}
    </div>
  );
}

export function Horizontal({ value, children }: BlockProps<"horizontal">) {
  const style = {
    gap: GAPS[value.gap] ?? (value.gap === "" ? GAPS["small"] : value.gap === "none" ? "0" : value.gap),
    alignItems: ALIGN[value.verticalAlignment] ?? "stretch",
  };
  return (
    <div class={`rl-horizontal${value.border ? " rl-bordered" : ""}`} style={style}>
      {children}
    </div>
  );
}

export function Column({ value, children }: BlockProps<"column">) {
  const style = {
    flex: `${value.weight > 0 ? value.weight : 1} 1 0`,
    justifyContent: ALIGN[value.verticalAlignment] ?? "flex-start",
  };
  return (
    <div class={`rl-column${value.border ? " rl-bordered" : ""}`} style={style}>
      {children}
    </div>
  );
}
