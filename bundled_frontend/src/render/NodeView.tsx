/**
 * Render one tree node through the two renderer tables. Skipped when the node
 * object is unchanged: the tree shares untouched nodes, so an update re-renders only the
 * path that changed (and widgets, through WidgetTickContext).
 */
import { Component, type FunctionComponent } from "preact";
import { useContext, useEffect } from "preact/hooks";
import type { Block } from "../proto/rillet_pb";
import { RunContext, useController, type RunInfo } from "./context";
import { blockRenderers } from "../blocks/registry";
import { elementRenderers } from "../elements/registry";
import type { BlockNode, ElementNode, TreeNode } from "../tree";
import type { BlockKind, BlockProps, ElementKind, ElementProps } from "./types";

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
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={className} data-kind={type.case}>
      <Renderer value={type.value} node={node} />
    </div>
  );
}

export function Children({ node }: { node: BlockNode }) {
  return <>{node.children.map((child, index) => (child ? <NodeView key={index} node={child} /> : null))}</>;
}

/** A fragment block with `run_every` reruns itself on that interval. */
function useFragmentAutoRerun(block: Block | undefined): void {
  const controller = useController();
  const fragmentId = block?.fragmentId ?? "";
  const seconds = block?.runEvery ?? 0;
  useEffect(() => {
    if (fragmentId === "" || seconds <= 0) return undefined;
    const timer = setInterval(() => controller.rerun({ fragmentId, isAutoRerun: true }), seconds * 1000);
    return () => clearInterval(timer);
  }, [controller, fragmentId, seconds]);
}

function BlockView({ node }: { node: BlockNode }) {
  useFragmentAutoRerun(node.block);
  const type = node.block?.type;
  if (type === undefined || type.case === undefined) {
    return (
      <div class="rl-vertical">
        <Children node={node} />
      </div>
    );
  }
  const Renderer = blockRenderers[type.case] as FunctionComponent<BlockProps<BlockKind>>;
  return (
    <Renderer value={type.value} node={node}>
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
