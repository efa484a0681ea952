/** `st.chat_input`: pinned to the bottom; Enter sends the message once (Shift+Enter: new line). */
import { useState } from "preact/hooks";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { stringTriggerValue } from "../widgetValues";
import { commonOf, inputId } from "./common";

export function ChatInput({ value, node }: ElementProps<"chatInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const [draft, setDraft] = useState("");
  const id = inputId(common);
  const send = () => {
    if (draft.trim() === "" || common.disabled) return;
    widget.trigger(stringTriggerValue(draft));
    setDraft("");
  };
  return (
    <div class="rl-chat-input">
      <label class="rl-visually-hidden" for={id}>
        {value.placeholder || "Your message"}
      </label>
      <textarea
        id={id}
        class="rl-input rl-chat-textarea"
        rows={1}
        value={draft}
        placeholder={value.placeholder || "Your message"}
        maxLength={value.maxChars > 0 ? value.maxChars : undefined}
        disabled={common.disabled}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      <button
        type="button"
        class="rl-chat-send"
        aria-label="Send"
        disabled={common.disabled || draft.trim() === ""}
        onClick={send}
      >
        ➤
      </button>
    </div>
  );
}
