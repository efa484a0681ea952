/** The shapes of the two renderer tables (elements and blocks). */
import type { ComponentChildren, FunctionComponent } from "preact";
import type { Block, Element } from "../proto/rillet_pb";
import type { BlockNode, ElementNode } from "../tree";

type ElementOneof = Exclude<Element["type"], { case: undefined }>;
export type ElementKind = ElementOneof["case"];
export type ElementOf<K extends ElementKind> = Extract<ElementOneof, { case: K }>["value"];

export interface ElementProps<K extends ElementKind> {
  readonly value: ElementOf<K>;
  readonly node: ElementNode;
}
export type ElementRenderers = { readonly [K in ElementKind]: FunctionComponent<ElementProps<K>> };

type BlockOneof = Exclude<Block["type"], { case: undefined }>;
export type BlockKind = BlockOneof["case"];
export type BlockOf<K extends BlockKind> = Extract<BlockOneof, { case: K }>["value"];

export interface BlockProps<K extends BlockKind> {
  readonly value: BlockOf<K>;
  readonly node: BlockNode;
  readonly children: ComponentChildren;
}
export type BlockRenderers = { readonly [K in BlockKind]: FunctionComponent<BlockProps<K>> };
