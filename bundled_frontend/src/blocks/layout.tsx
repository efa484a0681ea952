/** Layout blocks: vertical containers, rows of columns, columns. */
import { useLayoutEffect, useRef } from "preact/hooks";
import type { BlockProps } from "../render/types";
import type { BlockNode } from "../tree";
import { keyClass } from "../render/keyClass";

/** Named gaps (st.columns / st.container `gap`); anything else is CSS already ("24px", "0"). */
// Measured beside Streamlit 1.67: st.columns(3) sits 16 px apart by default ("small").
const GAPS: Record<string, string> = {
  xxsmall: "0.25rem",
  xsmall: "0.5rem",
  small: "1rem",
  medium: "2rem",
  large: "4rem",
  xlarge: "6rem",
  xxlarge: "8rem",
  none: "0",
};
const ALIGN: Record<string, string> = { top: "flex-start", center: "center", bottom: "flex-end" };

/** Whether a fixed-height container follows its newest content: asked, or (by default) for a chat. */
export function scrollsToEnd(autoscroll: string, node: BlockNode): boolean {
  if (autoscroll !== "") return autoscroll === "on";
  return node.children.some((child) => child?.kind === "block" && child.block?.type.case === "chatMessage");
}

export function Vertical({ value, node, children }: BlockProps<"vertical">) {
  const box = useRef<HTMLDivElement>(null);
  const follows = value.height > 0 && scrollsToEnd(value.autoscroll, node);
  useLayoutEffect(() => {
    if (follows && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [follows, node]);
  const classes = [
    "rl-vertical",
    value.border ? "rl-bordered" : "",
    value.height > 0 ? "rl-scroll" : "",
    keyClass(value.key),
  ];
  const style = value.height > 0 ? { height: `${value.height}px` } : undefined;
  return (
    <div
      ref={box}
      class={classes.filter(Boolean).join(" ")}
      style={style}
      tabIndex={value.height > 0 ? 0 : undefined}
      data-testid="stVerticalBlock"
    >
      {children}
    </div>
  );
}

/** `st.columns(border=True)` borders each column; the row then needs none of its own. */
function hasBorderedColumns(node: BlockNode): boolean {
  return node.children.some(
    (child) =>
      child?.kind === "block" && child.block?.type.case === "column" && child.block.type.value.border,
  );
}

export function Horizontal({ value, node, children }: BlockProps<"horizontal">) {
  const bordered = value.border && !hasBorderedColumns(node);
  const style = {
    gap: GAPS[value.gap || "small"] ?? value.gap,
    alignItems: ALIGN[value.verticalAlignment] ?? "stretch",
  };
  return (
    <div
      class={[
        "rl-horizontal",
        bordered ? "rl-bordered" : "",
        value.isContainer && !value.noWrap ? "rl-wraps" : "",
        value.noWrap ? "rl-no-stack" : "",
        keyClass(value.key),
      ]
        .filter(Boolean)
        .join(" ")}
      style={style}
      data-testid="stHorizontalBlock"
    >
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
    <div class={`rl-column${value.border ? " rl-bordered" : ""}`} style={style} data-testid="stColumn">
      {children}
    </div>
  );
}
