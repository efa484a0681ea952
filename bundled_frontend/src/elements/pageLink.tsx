/** `st.page_link`: a link to another page of the app (or an external URL). */
import { useController } from "../render/context";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { pageUrl } from "../url";
import { Help, Icon } from "./common";

/** `width`: "content" (the default), "stretch", or "<n>px". */
function widthStyle(width: string): Record<string, string> | undefined {
  if (width === "stretch") return { width: "100%" };
  if (width.endsWith("px")) return { width };
  return undefined;
}

export function PageLink({ value }: ElementProps<"pageLink">) {
  const controller = useController();
  const current = !value.external && value.pageHash !== "" && value.pageHash === controller.state.pageHash;
  const page = controller.state.navigation.pages.find((p) => p.pageHash === value.pageHash);
  const href = value.external
    ? value.page
    : pageUrl(controller.baseUrl, page?.urlPath ?? "", value.queryString);
  const onClick = (event: MouseEvent) => {
    if (value.disabled) {
      event.preventDefault();
      return;
    }
    if (value.external || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    // The page this link sits on goes away: as in Streamlit, focus leaves with it
    // (else it stays on whatever element takes this one's place).
    (event.currentTarget as HTMLElement).blur();
    controller.navigate(value.pageHash, page?.urlPath ?? "", value.queryString);
  };
  return (
    <div class="rl-page-link-row" style={widthStyle(value.width)}>
      <a
        class={`rl-page-link${current ? " rl-current" : ""}${value.disabled ? " rl-disabled" : ""}`}
        href={href}
        aria-current={current ? "page" : undefined}
        aria-disabled={value.disabled || undefined}
        target={value.external ? "_blank" : undefined}
        rel={value.external ? "noopener noreferrer" : undefined}
        onClick={onClick}
      >
        {value.iconPosition !== "right" && <Icon icon={value.icon} />}
        <MarkdownBody body={value.label} inline />
        {value.iconPosition === "right" && <Icon icon={value.icon} />}
      </a>
      <Help text={value.help} />
    </div>
  );
}
