/**
 * `st.pagination`: previous/next arrows around page buttons. With more
 * pages than `max_visible_pages`, the first and last page stay and the
 * gaps show as ellipses. The value is the page number (`int_value`).
 */
import "../styles/buttonGroups.css";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { intValue } from "../widgetValues";
import { commonOf, MaterialIcon } from "./common";
import { widthStyle } from "./widgetWidth";

/** A page number, or a gap ("…"). */
export type PageItem = number | "gap";

/**
 * What to show for page `current` of `count`, in at most `max` places
 * (-1: every page; 0: none), an ellipsis taking a place like a page. The
 * first and last pages always show, so a `max` under 5 may show more.
 */
export function pageItems(count: number, current: number, max: number): PageItem[] {
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  if (max === 0 || count < 1) return [];
  if (max < 0 || count <= max) return range(1, count);
  const page = Math.min(Math.max(current, 1), count);
  if (max < 5) {
    const pages = [...new Set([1, page, count])];
    return pages.flatMap((p, i) => (i > 0 && p - pages[i - 1]! > 1 ? (["gap", p] as PageItem[]) : [p]));
  }
  const inner = max - 4; // pages between "1 …" and "… count"
  const half = Math.floor(inner / 2);
  if (page <= max - 2 - half) return [...range(1, max - 2), "gap", count];
  if (page >= count - (max - 3) + half) return [1, "gap", ...range(count - (max - 3), count)];
  const start = page - Math.floor((inner - 1) / 2);
  return [1, "gap", ...range(start, start + inner - 1), "gap", count];
}

export function Pagination({ value, node }: ElementProps<"pagination">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const page = widget.value?.case === "intValue" ? Number(widget.value.value) : value.value;
  const go = (to: number) => {
    if (to !== page && to >= 1 && to <= value.numPages) widget.set(intValue(to));
  };
  const disabled = common.disabled;
  return (
    <nav
      class={`rl-widget rl-pagination${disabled ? " rl-disabled" : ""}`}
      aria-label={common.label || "Pagination"}
      style={widthStyle(value.width)}
    >
      <button
        type="button"
        class="rl-page-button rl-page-arrow"
        aria-label="Previous page"
        disabled={disabled || page <= 1}
        onClick={() => go(page - 1)}
      >
        <MaterialIcon name="chevron_left" />
      </button>
      {pageItems(value.numPages, page, value.maxVisiblePages).map((item, index) =>
        item === "gap" ? (
          <span key={`gap-${index}`} class="rl-page-gap" aria-hidden="true">
            …
          </span>
        ) : (
          <button
            key={item}
            type="button"
            class={`rl-page-button${item === page ? " rl-picked" : ""}`}
            aria-label={`Page ${item}`}
            aria-current={item === page ? "page" : undefined}
            disabled={disabled}
            onClick={() => go(item)}
          >
            {item}
          </button>
        ),
      )}
      <button
        type="button"
        class="rl-page-button rl-page-arrow"
        aria-label="Next page"
        disabled={disabled || page >= value.numPages}
        onClick={() => go(page + 1)}
      >
        <MaterialIcon name="chevron_right" />
      </button>
    </nav>
  );
}
