/** `st.chat_message`: a message row with an avatar (emoji, image, icon, or a default by role). */
import type { ComponentChildren } from "preact";
import { MaterialIcon } from "../elements/common";
import { materialIconPaths, materialName } from "../icons";
import type { BlockProps } from "../render/types";
import { useController } from "../render/context";
import { resolveServerUrl } from "../url";

type Role = "user" | "assistant" | "other";

const ROLE_NAMES: Readonly<Record<string, Role>> = {
  user: "user",
  human: "user",
  assistant: "assistant",
  ai: "assistant",
};
/** The icons the server names for the built-in avatars (rillet/api/chat.py). */
const ROLE_ICONS: Readonly<Record<string, Role>> = { face: "user", smart_toy: "assistant" };

/**
 * The built-in avatar an `icon` avatar stands for: a role name
 * (`avatar="assistant"`) or the Material icon the server sends for one.
 */
function builtInRole(avatar: string): Role | undefined {
  const byName = ROLE_NAMES[avatar.toLowerCase()];
  if (byName !== undefined) return byName;
  const icon = materialName(avatar);
  return icon === undefined ? undefined : ROLE_ICONS[icon];
}

/** Drawn, not emoji: the built-in avatars must not depend on the system's emoji font. */
function RoleAvatar({ role }: { role: "user" | "assistant" }) {
  if (role === "user") {
    return (
      <svg viewBox="0 0 24 24" width="20" height="20" fill="currentColor" aria-hidden="true">
        <circle cx="12" cy="8" r="4" />
        <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="currentColor" aria-hidden="true">
      <rect x="5" y="8" width="14" height="11" rx="3" />
      <rect x="11" y="3" width="2" height="5" />
      <circle cx="9.5" cy="13" r="1.5" fill="var(--rl-avatar-bg, var(--rl-bg))" />
      <circle cx="14.5" cy="13" r="1.5" fill="var(--rl-avatar-bg, var(--rl-bg))" />
    </svg>
  );
}

interface AvatarChoice {
  readonly role: Role;
  readonly glyph: ComponentChildren;
}

function avatarOf(name: string, avatar: string, avatarType: string, baseUrl: URL): AvatarChoice {
  const nameRole = ROLE_NAMES[name.toLowerCase()] ?? "other";
  if (avatarType === "image" && avatar !== "") {
    return { role: nameRole, glyph: <img src={resolveServerUrl(avatar, baseUrl)} alt="" /> };
  }
  if (avatarType === "icon") {
    // A built-in avatar keeps its look (and colour) whatever the message's name.
    const role = builtInRole(avatar);
    if (role === "user" || role === "assistant") return { role, glyph: <RoleAvatar role={role} /> };
    const icon = materialName(avatar);
    if (icon !== undefined && materialIconPaths(icon) !== undefined) {
      return { role: nameRole, glyph: <MaterialIcon name={icon} /> };
    }
  }
  if (avatarType === "emoji" && avatar !== "") return { role: nameRole, glyph: avatar };
  if (nameRole !== "other") return { role: nameRole, glyph: <RoleAvatar role={nameRole} /> };
  return { role: nameRole, glyph: <span>{name.slice(0, 1).toUpperCase()}</span> };
}

export function ChatMessage({ value, children }: BlockProps<"chatMessage">) {
  const { baseUrl } = useController();
  const { role, glyph } = avatarOf(value.name, value.avatar, value.avatarType, baseUrl);
  return (
    <div class={`rl-chat-message rl-chat-${role}`} aria-label={`Chat message from ${value.name}`}>
      <div class={`rl-avatar rl-avatar-${role}`} aria-hidden="true">
        {glyph}
      </div>
      <div class="rl-chat-content rl-vertical">{children}</div>
    </div>
  );
}
