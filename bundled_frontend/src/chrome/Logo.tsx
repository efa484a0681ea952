/**
 * `st.logo`: the full logo atop the sidebar; in the header's top-left corner
 * while the sidebar is closed or absent (its `icon_image` when given).
 */
import type { Logo } from "../proto/rillet_pb";
import { resolveServerUrl } from "../url";
import "../styles/logo.css";

export function AppLogo({ logo, base, icon }: { logo: Logo; base: URL; icon: boolean }) {
  const source = icon && logo.iconImage !== "" ? logo.iconImage : logo.image;
  const image = (
    <img class={`rl-logo rl-logo-${logo.size || "medium"}`} src={resolveServerUrl(source, base)} alt="Logo" />
  );
  if (logo.link === "") return <div class="rl-logo-box">{image}</div>;
  return (
    <a class="rl-logo-box" href={logo.link} target="_blank" rel="noopener noreferrer">
      {image}
    </a>
  );
}
