/** `st.chat_message`: a message row with an avatar (emoji, image, or a default by role). */
import type { BlockProps } from "../render/types";
import { resolveServerUrl } from "../url";
import { useController } from "../render/context";

const DEFAULT_AVATARS: Record<string, string> = { user: "🧑", human: "🧑", assistant: "🤖", ai: "🤖" };

export function ChatMessage({ value, children }: BlockProps<"chatMessage">) {
  const { baseUrl } = useController();
  const name = value.name.toLowerCase();
  const isImage = value.avatarType === "image";
  const glyph =
    value.avatar !== "" && !value.avatar.startsWith(":material/")
      ? value.avatar
      : (DEFAULT_AVATARS[name] ?? value.name.slice(0, 1).toUpperCase());
  return (
    <div class={`rl-chat-message rl-chat-${name || "other"}`} aria-label={`Chat message from ${value.name}`}>
      <div class="rl-avatar" aria-hidden="true">
        {isImage ? <img src={resolveServerUrl(value.avatar, baseUrl)} alt="" /> : glyph}
      </div>
      <div class="rl-chat-content rl-vertical">{children}</div>
    </div>
  );
}
