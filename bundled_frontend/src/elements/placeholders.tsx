/** `st.space` (empty room) and `st.skeleton` (a pulsing stand-in for content on its way). */
import type { ElementProps } from "../render/types";
import "../styles/placeholders.css";

/** Named sizes of `st.space`, as Streamlit spaces them (rem). */
const SPACE_SIZES: Record<string, string> = {
  xxsmall: "0.25rem",
  xsmall: "0.5rem",
  small: "0.75rem",
  medium: "2.5rem",
  large: "4.25rem",
  xlarge: "6rem",
  xxlarge: "8rem",
};

/** Down the page the size is a height; in a horizontal container, a width (see placeholders.css). */
export function Space({ value }: ElementProps<"space">) {
  if (value.size === "stretch") return <div class="rl-space rl-space-stretch" aria-hidden="true" />;
  const size = SPACE_SIZES[value.size] ?? value.size;
  return <div class="rl-space" style={{ "--rl-space": size }} aria-hidden="true" />;
}

export function Skeleton({ value }: ElementProps<"skeleton">) {
  const style: Record<string, string> = {};
  if (value.height > 0) style.height = `${value.height}px`;
  if (value.width !== "" && value.width !== "stretch") style.width = value.width;
  const classes = ["rl-skeleton", value.stretchHeight ? "rl-skeleton-stretch" : ""].filter(Boolean).join(" ");
  return <div class={classes} style={style} role="progressbar" aria-busy="true" aria-label="Loading" />;
}
