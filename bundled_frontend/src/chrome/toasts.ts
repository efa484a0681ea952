/** The stack of toasts in the corner: each stays a few seconds, then goes. */
export interface ToastItem {
  readonly key: number;
  /** Where the toast came from (its delta path): a second toast there updates this one. */
  readonly source: string;
  readonly body: string;
  readonly icon: string;
}

export const TOAST_LIFETIME_MS = 4_000;
const MAX_VISIBLE = 5;

export class ToastStore {
  private items: readonly ToastItem[] = [];
  private nextKey = 1;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();

  get current(): readonly ToastItem[] {
    return this.items;
  }

  /**
   * Show a toast, or update the visible one from the same `source` (and
   * restart its clock). `seconds`: 0 the default lifetime, -1 until dismissed.
   */
  show(source: string, body: string, icon: string, seconds = 0): void {
    const existing = this.items.find((item) => item.source === source);
    const key = existing?.key ?? this.nextKey++;
    const item = { key, source, body, icon };
    this.items = existing
      ? this.items.map((old) => (old.key === key ? item : old))
      : [...this.items, item].slice(-MAX_VISIBLE);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (seconds >= 0) {
      const lifetime = seconds > 0 ? seconds * 1000 : TOAST_LIFETIME_MS;
      this.timers.set(
        key,
        setTimeout(() => this.dismiss(key), lifetime),
      );
    }
    this.notify();
  }

  dismiss(key: number): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const next = this.items.filter((item) => item.key !== key);
    if (next.length === this.items.length) return;
    this.items = next;
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
