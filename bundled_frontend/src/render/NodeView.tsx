/**
 * Render one tree node through the two renderer tables. Skipped when the node
 * object is unchanged: the tree shares untouched nodes, so an update re-renders only the
 * path that changed (and widgets, through WidgetTickContext).
 */
import { Component, type FunctionComponent, type JSX } from "preact";
import { useContext, useEffect } from "preact/hooks";
import type { Block } from "../proto/rillet_pb";
import { FragmentContext, RunContext, useController, type RunInfo } from "./context";
import { blockRenderers } from "../blocks/registry";
import { elementRenderers } from "../elements/registry";
import type { BlockNode, ElementNode, TreeNode } from "../tree";
import type { BlockKind, BlockProps, ElementKind, ElementProps } from "./types";
import { keyClass } from "./keyClass";
import { widgetInfo } from "../widgetValues";

/** Written by an earlier run while a run that may rewrite it is in progress. */
function isStale(node: ElementNode, run: RunInfo): boolean {
  if (!run.running || node.runId === run.runId) return false;
  return run.fragmentId === "" || node.fragmentId === run.fragmentId;
}

function ElementView({ node }: { node: ElementNode }) {
  const run = useContext(RunContext);
  const type = node.element.type;
  if (type.case === undefined) return null;
  const Renderer = elementRenderers[type.case] as FunctionComponent<ElementProps<ElementKind>>;
  const className = [
    "rl-element",
    node.element.useContainerWidth ? "rl-full-width" : "",
    isStale(node, run) ? "rl-stale" : "",
    keyClass(widgetInfo(node.element)?.common.key),
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      class={className}
      data-kind={type.case}
      data-testid="stElementContainer"
      style={widthStyle(node.element.width)}
    >
      <Renderer value={type.value} node={node} />
    </div>
  );
}

/** An element's `width` ("" stretch, "content", "<n>px"), never wider than its container. */
function widthStyle(width: string): JSX.CSSProperties | undefined {
  if (width === "") return undefined;
  return { width: width === "content" ? "fit-content" : width, maxWidth: "100%" };
}

/**
 * A child's identity among its siblings: a widget's id, else its place. A
 * run that puts another widget where one was (a wizard's next step) then
 * gets a new node, so focus and DOM state never carry over to a different
 * widget, while the same widget keeps its node when it moves, as Streamlit's.
 */
function childKey(child: TreeNode, index: number): string | number {
  if (child.kind !== "element") return index;
  const type = child.element.type;
  const common = type.case === undefined ? undefined : (type.value as { common?: { id: string } }).common;
  return common?.id ? `w:${common.id}` : index;
}

export function Children({ node }: { node: BlockNode }) {
  return (
    <>
      {node.children.map((child, index) =>
        child ? <NodeView key={childKey(child, index)} node={child} /> : null,
      )}
    </>
  );
}

/** A fragment block with `run_every` reruns itself on that interval while it is shown. */
function useFragmentAutoRerun(block: Block | undefined): void {
  const { fragmentTimers } = useController();
  const fragmentId = block?.fragmentId ?? "";
  const seconds = block?.runEvery ?? 0;
  useEffect(() => fragmentTimers.mount(fragmentId, seconds), [fragmentTimers, fragmentId, seconds]);
}

function BlockView({ node }: { node: BlockNode }) {
  useFragmentAutoRerun(node.block);
  // Everything below a fragment's block belongs to it (widgets rerun only it).
  const enclosing = useContext(FragmentContext);
  const fragmentId = node.block?.fragmentId || enclosing;
  const type = node.block?.type;
  const content =
    type === undefined || type.case === undefined ? (
      <div class="rl-vertical" data-testid="stVerticalBlock">
        <Children node={node} />
      </div>
    ) : (
      <BlockRenderer kind={type.case} value={type.value} node={node} />
    );
  return <FragmentContext.Provider value={fragmentId}>{content}</FragmentContext.Provider>;
}

function BlockRenderer({ kind, value, node }: { kind: BlockKind; value: unknown; node: BlockNode }) {
  const Renderer = blockRenderers[kind] as FunctionComponent<BlockProps<BlockKind>>;
  return (
    <Renderer value={value as BlockProps<BlockKind>["value"]} node={node}>
      <Children node={node} />
    </Renderer>
  );
}

// Not preact/compat's memo: compat rewrites onChange into onInput globally,
// and widgets rely on the native `change` event (sent on release / blur).
export class NodeView extends Component<{ node: TreeNode }> {
  override shouldComponentUpdate(next: { node: TreeNode }): boolean {
    return next.node !== this.props.node;
  }

  override render() {
    const { node } = this.props;
    return node.kind === "element" ? <ElementView node={node} /> : <BlockView node={node} />;
  }
}
