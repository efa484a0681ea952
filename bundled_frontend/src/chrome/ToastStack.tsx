/** The corner stack of toasts. */
import { useEffect, useState } from "preact/hooks";
import { CloseIcon, Icon } from "../elements/common";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ToastStore } from "./toasts";

export function ToastStack({ store }: { store: ToastStore }) {
  const [items, setItems] = useState(store.current);
  useEffect(() => store.subscribe(() => setItems(store.current)), [store]);
  return (
    <div class="rl-toasts" role="status" aria-live="polite">
      {items.map((item) => (
        <div key={item.key} class="rl-toast">
          <Icon icon={item.icon} />
          <MarkdownBody body={item.body} />
          <button
            type="button"
            class="rl-toast-close"
            aria-label="Dismiss"
            onClick={() => store.dismiss(item.key)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
