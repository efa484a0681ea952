// @vitest-environment happy-dom
/** Material icons drawn without an icon font, and the chat avatars built on them. */
import { create } from "@bufbuild/protobuf";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ChatMessage } from "../src/blocks/chatMessage";
import type { AppController } from "../src/controller";
import { Icon } from "../src/elements/common";
import { materialIconPaths, materialName } from "../src/icons";
import { markdownToHtml } from "../src/lazy/markdown";
import { faviconHref } from "../src/pageConfig";
import { Block_ChatMessageSchema } from "../src/proto/rillet_pb";
import { ControllerContext } from "../src/render/context";
import type { BlockNode } from "../src/tree";

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
});

const controller = { baseUrl: new URL("http://app.test/") } as AppController;
const node: BlockNode = { kind: "block", block: undefined, children: [], runId: "r", fragmentId: "" };

function show(vnode: preact.VNode) {
  act(() =>
    render(<ControllerContext.Provider value={controller}>{vnode}</ControllerContext.Provider>, container),
  );
}

function chat(name: string, avatar: string, avatarType: string) {
  const value = create(Block_ChatMessageSchema, { name, avatar, avatarType });
  show(
    <ChatMessage value={value} node={node}>
      <p>hello</p>
    </ChatMessage>,
  );
  return container.querySelector(".rl-avatar")!;
}

describe("material icons", () => {
  test("the name comes only from the exact :material/name: form", () => {
    expect(materialName(":material/home:")).toBe("home");
    expect(materialName("home")).toBeUndefined();
    expect(materialName(":material/Home:")).toBeUndefined();
  });

  test("common names, and their outlined aliases, have a drawing", () => {
    for (const name of ["home", "settings", "search", "delete", "check_circle", "warning", "favorite"]) {
      expect(materialIconPaths(name), name).toBeDefined();
    }
    expect(materialIconPaths("favorite_border")).toBe(materialIconPaths("favorite"));
    expect(materialIconPaths("no_such_icon")).toBeUndefined();
  });

  test("Icon draws a known name as an inline SVG and an unknown one as nothing", () => {
    show(<Icon icon=":material/home:" />);
    expect(container.querySelector("svg.rl-material-icon")?.getAttribute("data-icon")).toBe("home");
    show(<Icon icon=":material/no_such_icon:" />);
    expect(container.innerHTML).toBe("");
    show(<Icon icon="🎈" />);
    expect(container.textContent).toBe("🎈");
  });

  test("markdown draws the icon and keeps the words around it", () => {
    const html = markdownToHtml(":material/home: Home", { inline: true });
    expect(html).toMatch(/^<svg [^>]*class="rl-icon rl-material-icon"[^>]*><path /);
    expect(html).toContain("Home");
    expect(markdownToHtml(":material/no_such_icon: Home", { inline: true })).toBe(" Home");
  });

  test("a material page icon becomes an SVG favicon; an unknown one keeps the current favicon", () => {
    expect(decodeURIComponent(faviconHref(":material/rocket_launch:"))).toMatch(
      /^data:image\/svg\+xml,<svg /,
    );
    expect(faviconHref(":material/no_such_icon:")).toBe("");
  });
});

describe("chat avatars", () => {
  test("a custom name with avatar='assistant' shows the built-in assistant avatar", () => {
    // The server sends the built-in avatars as their Material icon (rillet/api/chat.py).
    const avatar = chat("Bot 3000", ":material/smart_toy:", "icon");
    expect(avatar.classList.contains("rl-avatar-assistant")).toBe(true);
    expect(avatar.querySelector("svg")).not.toBeNull();
    expect(avatar.textContent).not.toContain("B");
  });

  test("a role name as the icon avatar also means the built-in one", () => {
    const avatar = chat("Ann", "user", "icon");
    expect(avatar.classList.contains("rl-avatar-user")).toBe(true);
    expect(avatar.querySelector("svg")).not.toBeNull();
  });

  test("another material icon is drawn; an unknown one falls back to the initial", () => {
    expect(chat("Ann", ":material/star:", "icon").querySelector("svg")?.getAttribute("data-icon")).toBe(
      "star",
    );
    expect(chat("Ann", ":material/no_such_icon:", "icon").textContent).toBe("A");
  });

  test("emoji and the name's default avatar", () => {
    expect(chat("Ann", "🦊", "emoji").textContent).toBe("🦊");
    expect(chat("assistant", "", "").querySelector("svg")).not.toBeNull();
    expect(chat("zed", "", "").textContent).toBe("Z");
  });
});
