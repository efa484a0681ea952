/** `st.chat_message`: a message row with an avatar (emoji, image, or a default by role). */
import type { BlockProps } from "../render/types";
import { useController } from "../render/context";
import { resolveServerUrl } from "../url";

const USER_NAMES = new Set(["user", "human"]);
const ASSISTANT_NAMES = new Set(["assistant", "ai"]);

/** Drawn, not emoji: the default avatars must not depend on the system's emoji font. */
function DefaultAvatar({ name }: { name: string }) {
  if (USER_NAMES.has(name)) {
    return (
      <svg viewBox="0 0 24 24" width="20" height="20" fill="currentColor" aria-hidden="true">
        <circle cx="12" cy="8" r="4" />
        <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
      </svg>
    );
  }
  if (ASSISTANT_NAMES.has(name)) {
    return (
      <svg viewBox="0 0 24 24" width="20" height="20" fill="currentColor" aria-hidden="true">
        <rect x="5" y="8" width="14" height="11" rx="3" />
        <rect x="11" y="3" width="2" height="5" />
        <circle cx="9.5" cy="13" r="1.5" fill="var(--rl-bg)" />
        <circle cx="14.5" cy="13" r="1.5" fill="var(--rl-bg)" />
      </svg>
    );
  }
  return <span>{name.slice(0, 1).toUpperCase()}</span>;
}

export function ChatMessage({ value, children }: BlockProps<"chatMessage">) {
  const { baseUrl } = useController();
  const name = value.name.toLowerCase();
  const hasGlyph = value.avatar !== "" && !value.avatar.startsWith(":material/");
  const role = USER_NAMES.has(name) ? "user" : ASSISTANT_NAMES.has(name) ? "assistant" : "other";
  return (
    <div class={`rl-chat-message rl-chat-${role}`} aria-label={`Chat message from ${value.name}`}>
      <div class={`rl-avatar rl-avatar-${role}`} aria-hidden="true">
        {value.avatarType === "image" ? (
          <img src={resolveServerUrl(value.avatar, baseUrl)} alt="" />
        ) : hasGlyph ? (
          value.avatar
        ) : (
          <DefaultAvatar name={name} />
        )}
      </div>
      <div class="rl-chat-content rl-vertical">{children}</div>
    </div>
  );
}
