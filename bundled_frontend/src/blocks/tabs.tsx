/** `st.tabs`: an accessible tablist (arrow keys move between tabs); each Tab block is a panel. */
import { useState } from "preact/hooks";
import { commonOf } from "../elements/common";
import { MarkdownBody } from "../render/MarkdownBody";
import { NodeView } from "../render/NodeView";
import type { BlockProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { blockKeyClass } from "./disclosure";
import type { BlockNode } from "../tree";
import { stringValue } from "../widgetValues";

function tabLabel(child: BlockNode): string {
  return child.block?.type.case === "tab" ? child.block.type.value.label : "";
}

let nextTabsId = 1;

/**
 * The tab shown: the user's choice, else the server's (`selected`: the
 * `default` tab, or the value of tabs that track state).
 */
export function TabContainer({ value, node }: BlockProps<"tabContainer">) {
  const tracked = node.block?.widget;
  const widget = useWidget(commonOf(tracked), node);
  const tabs = node.children.filter((child): child is BlockNode => child?.kind === "block");
  const labels = tabs.map(tabLabel);
  const serverLabel = tracked && widget.value?.case === "stringValue" ? widget.value.value : value.selected;
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [baseId] = useState(() => `rl-tabs-${nextTabsId++}`);
  const selected = tracked ? labels.indexOf(serverLabel) : (chosen ?? labels.indexOf(serverLabel));
  const current = Math.min(Math.max(selected, 0), Math.max(0, tabs.length - 1));
  const setSelected = (index: number) => {
    setChosen(index);
    if (tracked && labels[index] !== undefined) widget.set(stringValue(labels[index]));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined || tabs.length === 0) return;
    event.preventDefault();
    const next = (target + tabs.length) % tabs.length;
    setSelected(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  };

  return (
    <div class={`rl-tabs ${blockKeyClass(node, value.key)}`}>
      <div class="rl-tablist" role="tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => (
          <button
            key={index}
            id={`${baseId}-tab-${index}`}
            type="button"
            role="tab"
            class="rl-tab"
            aria-selected={index === current}
            aria-controls={`${baseId}-panel-${index}`}
            tabIndex={index === current ? 0 : -1}
            onClick={() => setSelected(index)}
          >
            <MarkdownBody body={tabLabel(tab)} inline />
          </button>
        ))}
      </div>
      {tabs.map((tab, index) => (
        <div
          key={index}
          id={`${baseId}-panel-${index}`}
          role="tabpanel"
          class="rl-tabpanel"
          aria-labelledby={`${baseId}-tab-${index}`}
          hidden={index !== current}
        >
          <NodeView node={tab} />
        </div>
      ))}
    </div>
  );
}

export function Tab({ children }: BlockProps<"tab">) {
  return <div class="rl-vertical">{children}</div>;
}
