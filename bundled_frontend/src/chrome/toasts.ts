/** The stack of toasts in the corner: each stays a few seconds, then goes. */
export interface ToastItem {
  readonly key: number;
  readonly body: string;
  readonly icon: string;
}

export const TOAST_LIFETIME_MS = 4_000;
const MAX_VISIBLE = 5;

export class ToastStore {
  private items: readonly ToastItem[] = [];
  private nextKey = 1;
  private readonly listeners = new Set<() => void>();

  get current(): readonly ToastItem[] {
    return this.items;
  }

  show(body: string, icon: string): void {
    const item = { key: this.nextKey++, body, icon };
    this.items = [...this.items, item].slice(-MAX_VISIBLE);
    this.notify();
    setTimeout(() => this.dismiss(item.key), TOAST_LIFETIME_MS);
  }

  dismiss(key: number): void {
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
