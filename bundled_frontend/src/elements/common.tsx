/** Pieces every widget shares: its label, the help "?" tooltip, icons. */
import type { ComponentChildren } from "preact";
import { create } from "@bufbuild/protobuf";
import { LabelVisibility, WidgetCommonSchema, type WidgetCommon } from "../proto/rillet_pb";
import { materialIconPaths, materialName } from "../icons";
import { MarkdownBody } from "../render/MarkdownBody";

/** A DOM id for a widget's input, derived from its identity. */
export function inputId(common: WidgetCommon): string {
  return `rl-w-${common.id.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
}

export function Help({ text }: { text: string }) {
  if (text === "") return null;
  return (
    <span class="rl-help" tabIndex={0} role="note" aria-label={text}>
      <span aria-hidden="true">?</span>
      <span class="rl-help-bubble" role="tooltip">
        <MarkdownBody body={text} />
      </span>
    </span>
  );
}

/** A Material icon drawn by rillet (see icons.ts); nothing for a name it has no drawing of. */
export function MaterialIcon({ name }: { name: string }) {
  const paths = materialIconPaths(name);
  if (paths === undefined) return null;
  return (
    <svg
      class="rl-icon rl-material-icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      data-icon={name}
    >
      {paths.map((d, i) => (
        <path key={i} d={d} />
      ))}
    </svg>
  );
}

/**
 * An icon given as an emoji, an image URL or `:material/name:`. rillet ships
 * no icon font: common Material names are drawn, others show nothing rather
 * than their name.
 */
/**
 * A drawn ×, for close, dismiss, remove and clear buttons (their name is
 * their aria-label): no "×" character joins the text around it.
 */
export function CloseIcon() {
  return (
    <svg viewBox="0 0 10 10" width="0.75em" height="0.75em" aria-hidden="true">
      <path d="M1.5 1.5l7 7M8.5 1.5l-7 7" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
    </svg>
  );
}

/** A drawn chevron pointing down, or up when `up` (a popover's open state). */
export function ChevronIcon({ up = false }: { up?: boolean }) {
  return (
    <svg viewBox="0 0 12 12" width="0.75em" height="0.75em" aria-hidden="true">
      <path d={up ? "M2 8l4-4 4 4" : "M2 4l4 4 4-4"} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

export function Icon({ icon }: { icon: string }) {
  if (icon === "") return null;
  if (icon.startsWith(":material/")) {
    const name = materialName(icon);
    return name === undefined ? null : <MaterialIcon name={name} />;
  }
  if (/^(https?:|data:|\/)/.test(icon)) return <img class="rl-icon" src={icon} alt="" />;
  return (
    <span class="rl-icon" aria-hidden="true">
      {icon}
    </span>
  );
}

interface LabelProps {
  common: WidgetCommon;
  /** The id of the input this labels; omit for groups (use `as="legend"`). */
  htmlFor?: string;
  as?: "label" | "legend" | "div";
  children?: ComponentChildren;
}

/** The widget label: visible, hidden (keeps its space) or collapsed (takes none). */
export function Label({ common, htmlFor, as = "label", children }: LabelProps) {
  const visibility = common.labelVisibility;
  const className =
    visibility === LabelVisibility.HIDDEN
      ? "rl-label rl-label-hidden"
      : visibility === LabelVisibility.COLLAPSED
        ? "rl-label rl-visually-hidden"
        : "rl-label";
  const text = <MarkdownBody body={common.label} inline />;
  if (as === "legend") {
    return (
      <legend class={className}>
        {text}
        {children}
        <Help text={common.help} />
      </legend>
    );
  }
  // The help icon sits beside the <label>, not in it: a click on "?" must
  // not toggle the checkbox the label belongs to.
  const Tag = as;
  return (
    <div class="rl-label-row">
      <Tag
        class={className}
        id={htmlFor ? `${htmlFor}-label` : undefined}
        {...(as === "label" && htmlFor ? { for: htmlFor } : {})}
      >
        {text}
        {children}
      </Tag>
      {common.labelVisibility === LabelVisibility.VISIBLE && <Help text={common.help} />}
    </div>
  );
}

export function WidgetBox({
  common,
  kind,
  children,
}: {
  common: WidgetCommon;
  kind: string;
  children: ComponentChildren;
}) {
  const disabled = common.disabled ? " rl-disabled" : "";
  return <div class={`rl-widget rl-${kind}${disabled}`}>{children}</div>;
}

/** A widget's common fields; proto3 makes message fields optional, the server always sends it. */
export function commonOf(common: WidgetCommon | undefined): WidgetCommon {
  return common ?? EMPTY_COMMON;
}
const EMPTY_COMMON = create(WidgetCommonSchema);
