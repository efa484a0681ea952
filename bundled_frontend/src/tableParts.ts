/**
 * Table parts kept by hash (rillet/protocol/README.md, "Tables"): a large
 * table's Arrow data travels as `DataFrame.parts`; a part the client holds
 * arrives as a bare hash, so an edit or a rerun does not send the table
 * again. Both sides keep the 16 most recently used parts — used = arrived
 * whole (stored) or as a bare hash (looked up), in element order — and
 * evict the least recently used, so they always agree on what is held.
 * Changing the capacity or the "use" rule here breaks that agreement.
 */
import type { TablePart } from "./proto/rillet_pb";

export const TABLE_PART_CAPACITY = 16;

export class TableParts {
  private readonly byHash = new Map<string, Uint8Array>();

  constructor(private readonly capacity = TABLE_PART_CAPACITY) {}

  clear(): void {
    this.byHash.clear();
  }

  /**
   * Give every part of `frame` its bytes: a whole part is stored, a bare
   * hash is filled in from the store (the element is changed in place).
   * `frame` is a `DataFrame`, or a components.v2 element's tables' parts.
   * Returns the hashes the client did not hold (none, normally).
   */
  resolve(frame: { readonly parts: readonly TablePart[] }): string[] {
    const missing: string[] = [];
    for (const part of frame.parts) {
      if (part.arrow.length > 0) {
        this.use(part.hash, part.arrow);
        continue;
      }
      const held = this.byHash.get(part.hash);
      if (held === undefined) missing.push(part.hash);
      else {
        this.use(part.hash, held);
        part.arrow = held;
      }
    }
    return missing;
  }

  private use(hash: string, bytes: Uint8Array): void {
    this.byHash.delete(hash);
    this.byHash.set(hash, bytes);
    while (this.byHash.size > this.capacity) {
      const oldest = this.byHash.keys().next().value;
      if (oldest === undefined) break;
      this.byHash.delete(oldest);
    }
  }
}
