/**
 * Large elements are sent once (rillet/protocol/README.md, "One run"): a
 * `new_element` with `element_hash` is stored; a later delta with
 * `element_ref` names a stored element. Both sides keep the 64 most recently
 * used hashes — used = arrived with an element or as a ref — and evict the
 * least recently used, so they always agree on what is stored. Changing the
 * capacity or the "use" rule here breaks that agreement.
 */
import { create } from "@bufbuild/protobuf";
import { DeltaSchema, type Delta, type Element } from "./proto/rillet_pb";

export const ELEMENT_CACHE_CAPACITY = 64;

export class ElementCache {
  private readonly byHash = new Map<string, Element>();

  constructor(private readonly capacity = ELEMENT_CACHE_CAPACITY) {}

  clear(): void {
    this.byHash.clear();
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  /**
   * The delta to apply: a stored element is remembered; a reference becomes
   * the `new_element` it names. Undefined for a reference to an unknown hash.
   */
  resolve(delta: Delta): Delta | undefined {
    const type = delta.type;
    if (type.case === "newElement" && delta.elementHash !== "") {
      this.use(delta.elementHash, type.value);
      return delta;
    }
    if (type.case !== "elementRef") return delta;
    const element = this.byHash.get(type.value);
    if (element === undefined) return undefined;
    this.use(type.value, element);
    return create(DeltaSchema, {
      path: delta.path,
      fragmentId: delta.fragmentId,
      type: { case: "newElement", value: element },
    });
  }

  private use(hash: string, element: Element): void {
    this.byHash.delete(hash);
    this.byHash.set(hash, element);
    while (this.byHash.size > this.capacity) {
      const oldest = this.byHash.keys().next().value;
      if (oldest === undefined) break;
      this.byHash.delete(oldest);
    }
  }
}
