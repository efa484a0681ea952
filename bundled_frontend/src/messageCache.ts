/**
 * Large repeated messages are sent once with a `hash`, later only as
 * `ref_hash` (ARCHITECTURE.md, Outbox). Keep the recent ones and replay a
 * reference as the message it names.
 */
import type { ForwardMsg } from "./proto/rillet_pb";

const MAX_ENTRIES = 500;

export class MessageCache {
  private readonly byHash = new Map<string, ForwardMsg>();

  /** The message to apply for `msg`, or undefined for a reference we never saw. */
  resolve(msg: ForwardMsg): ForwardMsg | undefined {
    if (msg.type.case === "refHash") {
      const cached = this.byHash.get(msg.type.value);
      if (cached === undefined) {
        console.warn(`rillet: no cached message for hash ${msg.type.value}`);
        return undefined;
      }
      this.remember(msg.type.value, cached);
      return cached;
    }
    if (msg.hash !== "") this.remember(msg.hash, msg);
    return msg;
  }

  private remember(hash: string, msg: ForwardMsg): void {
    this.byHash.delete(hash);
    this.byHash.set(hash, msg);
    if (this.byHash.size > MAX_ENTRIES) {
      const oldest = this.byHash.keys().next().value;
      if (oldest !== undefined) this.byHash.delete(oldest);
    }
  }
}
