// @vitest-environment happy-dom
/**
 * The client end to end without a server: a fake socket plays the server's
 * frames, the real App renders them into a DOM, and the BackMsgs the client
 * sends are checked.
 */
import { create, fromBinary, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { App } from "../src/chrome/App";
import { AppController } from "../src/controller";
import {
  BackMsgSchema,
  BlockSchema,
  ElementSchema,
  ForwardBatchSchema,
  ForwardMsgSchema,
  type BackMsg,
} from "../src/proto/rillet_pb";

class FakeSocket {
  binaryType = "blob";
  sent: BackMsg[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(data: Uint8Array) {
    this.sent.push(fromBinary(BackMsgSchema, data));
  }
  close() {}
}

type ForwardInit = MessageInitShape<typeof ForwardMsgSchema>;

let sockets: FakeSocket[];
let container: HTMLElement;
let controller: AppController;

function socket(): FakeSocket {
  const last = sockets[sockets.length - 1];
  if (!last) throw new Error("no socket opened");
  return last;
}

function serverSends(...msgs: ForwardInit[]) {
  const batch = create(ForwardBatchSchema, { msgs: msgs.map((m) => create(ForwardMsgSchema, m)) });
  const bytes = toBinary(ForwardBatchSchema, batch);
  act(() => socket().onmessage?.({ data: bytes.slice().buffer }));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Poll until `check` stops throwing (lazy chunks load asynchronously). */
async function waitFor(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
    }
  }
}

function lastRerun() {
  const rerun = [...socket().sent].reverse().find((m) => m.type.case === "rerun");
  if (rerun?.type.case !== "rerun") throw new Error("no rerun sent");
  return rerun.type.value;
}

function runOf(runId: string, deltas: ForwardInit[]): ForwardInit[] {
  return [
    { type: { case: "scriptStarted", value: { runId } } },
    ...deltas,
    { type: { case: "scriptFinished", value: { runId } } },
    { type: { case: "clearStale", value: { runId } } },
  ];
}

function element(path: number[], value: ForwardInit extends never ? never : object): ForwardInit {
  return { type: { case: "delta", value: { path, type: { case: "newElement", value } } } } as ForwardInit;
}

beforeEach(() => {
  sockets = [];
  container = document.createElement("div");
  document.body.appendChild(container);
  controller = new AppController(new URL("http://app.test/base/"), (url) => {
    const fake = new FakeSocket(url);
    sockets.push(fake);
    return fake as unknown as WebSocket;
  });
  act(() => {
    render(<App controller={controller} />, container);
    controller.start();
    socket().onopen?.();
  });
});

afterEach(() => {
  controller.close();
  act(() => render(null, container));
  container.remove();
});

describe("the client against a fake server", () => {
  test("connects below the base path and answers NewSession with a rerun", async () => {
    expect(socket().url).toBe("ws://app.test/base/_rillet/stream");
    serverSends({ type: { case: "newSession", value: { sessionId: "s1" } } });
    await settle();
    expect(lastRerun().pageName).toBe("");
  });

  test("shows a Connecting indicator until the socket opens", async () => {
    act(() => socket().onclose?.());
    await settle();
    expect(container.textContent).toContain("Connecting…");
  });

  test("renders a run's elements and keeps them until the next run clears", async () => {
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1" } } },
      ...runOf("r1", [
        element([0, 0], { type: { case: "heading", value: { tag: "h1", body: "Title" } } }),
        element([0, 1], { type: { case: "text", value: { body: "plain text" } } }),
        element([0, 2], { type: { case: "alert", value: { format: 2, body: "note" } } }),
      ]),
    );
    await settle();
    expect(container.querySelector("h1")?.textContent).toContain("Title");
    expect(container.textContent).toContain("plain text");

    serverSends(
      { type: { case: "scriptStarted", value: { runId: "r2" } } },
      element([0, 0], { type: { case: "heading", value: { tag: "h1", body: "New title" } } }),
    );
    await settle();
    expect(container.textContent).toContain("plain text");
    serverSends(
      { type: { case: "scriptFinished", value: { runId: "r2" } } },
      { type: { case: "clearStale", value: { runId: "r2" } } },
    );
    await settle();
    expect(container.textContent).not.toContain("plain text");
    expect(container.querySelector("h1")?.textContent).toContain("New title");
  });

  test("a checkbox click reruns with its new value", async () => {
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1" } } },
      ...runOf("r1", [
        element([0, 0], {
          type: { case: "checkbox", value: { common: { id: "cb", label: "Agree" }, value: false } },
        }),
      ]),
    );
    await settle();
    const box = container.querySelector<HTMLInputElement>("input[type=checkbox]");
    expect(box).not.toBeNull();
    act(() => box!.click());
    await settle();
    const states = lastRerun().widgetStates?.widgets ?? [];
    expect(states.find((s) => s.id === "cb")?.value).toEqual({ case: "boolValue", value: true });
  });

  test("a button sends its trigger once", async () => {
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1" } } },
      ...runOf("r1", [
        element([0, 0], { type: { case: "button", value: { common: { id: "go", label: "Go" } } } }),
      ]),
    );
    await settle();
    act(() => container.querySelector<HTMLButtonElement>(".rl-button")!.click());
    await settle();
    expect(lastRerun().widgetStates?.widgets.find((s) => s.id === "go")?.value.case).toBe("triggerValue");
    controller.rerun();
    expect(lastRerun().widgetStates?.widgets.find((s) => s.id === "go")).toBeUndefined();
  });

  test("the sidebar appears only when it has content", async () => {
    serverSends({ type: { case: "newSession", value: { sessionId: "s1" } } });
    await settle();
    expect(container.querySelector(".rl-sidebar")).toBeNull();
    serverSends(...runOf("r1", [element([1, 0], { type: { case: "text", value: { body: "side" } } })]));
    await settle();
    expect(container.querySelector(".rl-sidebar")?.textContent).toContain("side");
  });

  test("markdown shows as plain text, then formatted once its chunk loads", async () => {
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1" } } },
      ...runOf("r1", [
        element([0, 0], { type: { case: "markdown", value: { body: "**bold** :red[hot] <b>raw</b>" } } }),
      ]),
    );
    await settle();
    const markdown = () => container.querySelector(".rl-markdown-element .rl-markdown");
    await waitFor(() => expect(markdown()?.querySelector("strong")?.textContent).toBe("bold"));
    expect(markdown()?.querySelector(".rl-fg-red")?.textContent).toBe("hot");
    expect(markdown()?.querySelector("b")).toBeNull();
    expect(markdown()?.textContent).toContain("<b>raw</b>");
  });
});

function reruns(): number {
  return socket().sent.filter((m) => m.type.case === "rerun").length;
}

function stateOf(id: string) {
  return lastRerun().widgetStates?.widgets.find((s) => s.id === id)?.value;
}

function type(input: HTMLInputElement | HTMLTextAreaElement, text: string) {
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, ...init }));
  });
}

describe("widgets send their values at the right moment", () => {
  async function showWidgets(...deltas: ForwardInit[]) {
    serverSends({ type: { case: "newSession", value: { sessionId: "s1" } } }, ...runOf("r1", deltas));
    await settle();
  }

  test("every rerun tells the server the browser's locale, time zone, URL and theme", async () => {
    await showWidgets();
    const context = lastRerun().context!;
    expect(context.locale).toBe(navigator.language);
    expect(context.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(context.timezoneOffset).toBe(new Date().getTimezoneOffset());
    expect(context.url).toBe(window.location.href);
    expect(context.isEmbedded).toBe(false);
  });

  test("a text input sends on Enter, not while typing", async () => {
    await showWidgets(
      element([0, 0], {
        type: { case: "textInput", value: { common: { id: "t", label: "Name" }, value: "", hasValue: true } },
      }),
    );
    const before = reruns();
    const input = container.querySelector<HTMLInputElement>("input.rl-input")!;
    type(input, "Ada");
    expect(reruns()).toBe(before);
    press(input, "Enter");
    expect(reruns()).toBe(before + 1);
    expect(stateOf("t")).toEqual({ case: "stringValue", value: "Ada" });
  });

  test("a multiselect sends option indexes, or labels and typed options when it accepts new ones", async () => {
    const multiselect = (id: string, acceptNewOptions: boolean) =>
      element([0, id === "plain" ? 0 : 1], {
        type: {
          case: "multiselect",
          value: {
            common: { id, label: id },
            options: ["Red", "Green"],
            ...(acceptNewOptions
              ? { acceptNewOptions, valueLabels: ["Green"], filterMode: "fuzzy" }
              : { value: [1] }),
          },
        },
      });
    await showWidgets(multiselect("plain", false), multiselect("typed", true));
    const [plain, typed] = [...container.querySelectorAll<HTMLElement>("[data-kind=multiselect]")];
    // No filter mode: the combobox takes no typing, only the keys that pick.
    const box = plain!.querySelector<HTMLInputElement>("input[role=combobox]")!;
    expect(box.readOnly).toBe(true);
    press(box, "ArrowDown");
    press(box, "Enter");
    expect(stateOf("plain")).toEqual({
      case: "intArrayValue",
      value: expect.objectContaining({ data: [1n, 0n] }),
    });

    const input = typed!.querySelector<HTMLInputElement>("input")!;
    type(input, "  Teal ");
    press(input, "Enter");
    expect(stateOf("typed")).toEqual({
      case: "stringArrayValue",
      value: expect.objectContaining({ data: ["Green", "Teal"] }),
    });
  });

  test("a text area sized to its content or its container says so in its class", async () => {
    const area = (index: number, heightMode: string) =>
      element([0, index], {
        type: { case: "textArea", value: { common: { id: `a${index}`, label: "A" }, heightMode, height: 0 } },
      });
    await showWidgets(area(0, "content"), area(1, "stretch"), area(2, ""));
    const classes = [...container.querySelectorAll("textarea")].map((t) => t.className);
    expect(classes).toEqual([
      "rl-input rl-textarea rl-textarea-grows",
      "rl-input rl-textarea rl-textarea-stretch",
      "rl-input rl-textarea",
    ]);
  });

  test("a text area sends on Ctrl+Enter but a plain Enter is a new line", async () => {
    await showWidgets(
      element([0, 0], {
        type: {
          case: "textArea",
          value: { common: { id: "ta", label: "Notes" }, value: "", hasValue: true },
        },
      }),
    );
    const before = reruns();
    const area = container.querySelector<HTMLTextAreaElement>("textarea")!;
    type(area, "line");
    press(area, "Enter");
    expect(reruns()).toBe(before);
    press(area, "Enter", { ctrlKey: true });
    expect(stateOf("ta")).toEqual({ case: "stringValue", value: "line" });
  });

  test("a form holds its widgets' changes until its submit button", async () => {
    await showWidgets(
      {
        type: {
          case: "delta",
          value: {
            path: [0, 0],
            type: { case: "addBlock", value: { type: { case: "form", value: { formId: "f" } } } },
          },
        },
      },
      element([0, 0, 0], {
        type: { case: "checkbox", value: { common: { id: "c", label: "Opt in", formId: "f" } } },
      }),
      element([0, 0, 1], {
        type: {
          case: "button",
          value: { common: { id: "go", label: "Submit", formId: "f" }, isFormSubmit: true },
        },
      }),
    );
    const before = reruns();
    act(() => container.querySelector<HTMLInputElement>("form input[type=checkbox]")!.click());
    expect(reruns()).toBe(before);
    act(() => container.querySelector<HTMLButtonElement>("form .rl-button")!.click());
    expect(reruns()).toBe(before + 1);
    expect(stateOf("c")).toEqual({ case: "boolValue", value: true });
    expect(stateOf("go")?.case).toBe("triggerValue");
  });

  test("a chat message is sent once on Enter and the box empties", async () => {
    await showWidgets(
      element([3, 0], { type: { case: "chatInput", value: { common: { id: "chat" }, placeholder: "Say" } } }),
    );
    const area = container.querySelector<HTMLTextAreaElement>(".rl-bottom textarea")!;
    type(area, "hello");
    await settle();
    press(area, "Enter");
    await settle();
    expect(stateOf("chat")).toEqual({ case: "stringTriggerValue", value: "hello" });
    expect(area.value).toBe("");
  });

  test("a value the script sets replaces what the user typed", async () => {
    const input = (value: string, setValue: boolean) =>
      element([0, 0], {
        type: {
          case: "textInput",
          value: { common: { id: "t", label: "Name", setValue }, value, hasValue: true },
        },
      });
    await showWidgets(input("", false));
    const box = container.querySelector<HTMLInputElement>("input.rl-input")!;
    type(box, "draft");
    serverSends(...runOf("r2", [input("from script", true)]));
    await settle();
    expect(container.querySelector<HTMLInputElement>("input.rl-input")!.value).toBe("from script");
  });
});

function fragmentBlock(path: number[], fragmentId: string, runEvery = 0, taggedWith = ""): ForwardInit {
  return {
    type: {
      case: "delta",
      value: {
        path,
        fragmentId: taggedWith,
        type: { case: "addBlock", value: { fragmentId, runEvery, type: { case: "vertical", value: {} } } },
      },
    },
  };
}

describe("fragments", () => {
  test("a widget below a fragment's block reruns that fragment, with every widget state", async () => {
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1" } } },
      ...runOf("r1", [
        element([0, 0], { type: { case: "checkbox", value: { common: { id: "outside", label: "Out" } } } }),
        fragmentBlock([0, 1], "frag1"),
        {
          type: {
            case: "delta",
            value: {
              path: [0, 1, 0],
              type: {
                case: "addBlock",
                value: {
                  type: { case: "horizontal", value: {} },
                },
              },
            },
          },
        },
        // Tagged "" on purpose: the enclosing block alone says it belongs to frag1.
        element([0, 1, 0, 0], { type: { case: "button", value: { common: { id: "inside", label: "In" } } } }),
      ]),
    );
    await settle();
    act(() => container.querySelector<HTMLButtonElement>(".rl-horizontal .rl-button")!.click());
    expect(lastRerun().fragmentId).toBe("frag1");
    expect(lastRerun().isAutoRerun).toBe(false);
    const ids = lastRerun().widgetStates?.widgets.map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining(["outside", "inside"]));
    act(() => container.querySelector<HTMLInputElement>("input[type=checkbox]")!.click());
    expect(lastRerun().fragmentId).toBe("");
  });

  test("a run_every fragment reruns on its timer while shown, one timer however often it is redrawn", async () => {
    const block = fragmentBlock([0, 0], "tick", 0.05);
    serverSends({ type: { case: "newSession", value: { sessionId: "s1" } } }, ...runOf("r1", [block]));
    serverSends(...runOf("r2", [block]));
    expect(controller.fragmentTimers.active).toEqual(["tick"]);
    const autoReruns = () =>
      socket().sent.filter((m) => m.type.case === "rerun" && m.type.value.isAutoRerun).length;
    await new Promise((resolve) => setTimeout(resolve, 130));
    const fired = autoReruns();
    expect(fired).toBeGreaterThanOrEqual(1);
    expect(fired).toBeLessThanOrEqual(3);
    expect(lastRerun().fragmentId).toBe("tick");

    // Gone from the page: no timer, no more reruns.
    serverSends(...runOf("r3", [element([0, 0], { type: { case: "text", value: { body: "plain" } } })]));
    expect(controller.fragmentTimers.active).toEqual([]);
    const after = autoReruns();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(autoReruns()).toBe(after);
  });

  test("no timer rerun is asked while disconnected", async () => {
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1" } } },
      ...runOf("r1", [fragmentBlock([0, 0], "tick", 0.03)]),
    );
    act(() => socket().onclose?.());
    const sent = socket().sent.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(socket().sent.length).toBe(sent);
  });
});

describe("every kind in the protocol renders", () => {
  test("each Element kind renders without throwing", async () => {
    const deltas = ElementSchema.oneofs[0]!.fields.map((field, index) => {
      const message = field.message!;
      const init = message.fields.some((f) => f.localName === "common")
        ? { common: { id: `w${index}`, label: field.localName } }
        : {};
      return element([0, index], { type: { case: field.localName, value: create(message, init) } });
    });
    serverSends({ type: { case: "newSession", value: { sessionId: "s1" } } }, ...runOf("r1", deltas));
    await settle();
    for (const field of ElementSchema.oneofs[0]!.fields) {
      expect(container.querySelector(`[data-kind="${field.localName}"]`), field.localName).not.toBeNull();
    }
  });

  test("a help panel shows the signature, the docstring and each member", async () => {
    const help = {
      name: "Basket(['milk'])",
      type: "Basket",
      value: "__main__.Basket(items=())",
      doc: "Things to buy.",
      members: [
        { name: "items", type: "list", value: "['milk']" },
        { name: "add", type: "method", doc: "Put one more in.\nIt returns nothing." },
      ],
    };
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1" } } },
      ...runOf("r1", [element([0, 0], { type: { case: "help", value: help } })]),
    );
    await settle();
    const panel = container.querySelector("[data-kind=help]")!;
    expect(panel.querySelector(".rl-doc-value")!.textContent).toBe("__main__.Basket(items=())");
    expect(panel.textContent).toContain("Things to buy.");
    const rows = [...panel.querySelectorAll("tr")].map((row) => row.textContent);
    expect(rows).toEqual(["itemslist['milk']", "addmethodPut one more in."]);
  });

  test("keyed containers and widgets carry Streamlit's st-key-<key> class", async () => {
    const block = (path: number[], kind: string, key: string): ForwardInit =>
      ({
        type: {
          case: "delta",
          value: { path, type: { case: "addBlock", value: { type: { case: kind, value: { key } } } } },
        },
      }) as ForwardInit;
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1" } } },
      ...runOf("r1", [
        block([0, 0], "vertical", "card"),
        block([0, 1], "horizontal", "tool bar"),
        element([0, 2], { type: { case: "button", value: { common: { id: "b", label: "Go", key: "go" } } } }),
        element([0, 3], { type: { case: "button", value: { common: { id: "c", label: "Plain" } } } }),
      ]),
    );
    await settle();
    expect(container.querySelector(".st-key-card.rl-vertical")).not.toBeNull();
    expect(container.querySelector(".st-key-tool-bar.rl-horizontal")).not.toBeNull();
    expect(container.querySelector(".st-key-go[data-kind=button]")!.textContent).toContain("Go");
    expect(container.querySelectorAll("[class*=st-key-]")).toHaveLength(3);
  });

  test("each Block kind renders its children", async () => {
    const fields = BlockSchema.oneofs[0]!.fields;
    const addBlock = (path: number[], kind: string): ForwardInit =>
      ({
        type: {
          case: "delta",
          value: { path, type: { case: "addBlock", value: { type: { case: kind, value: {} } } } },
        },
      }) as ForwardInit;
    // Tabs hold Tab blocks, which hold the content.
    const msgs: ForwardInit[] = fields.flatMap((field, index) => {
      const content = field.localName === "tabContainer" ? [0, index, 0, 0] : [0, index, 0];
      return [
        addBlock([0, index], field.localName),
        ...(field.localName === "tabContainer" ? [addBlock([0, index, 0], "tab")] : []),
        element(content, { type: { case: "text", value: { body: `inside ${field.localName}` } } }),
      ];
    });
    serverSends({ type: { case: "newSession", value: { sessionId: "s1" } } }, ...runOf("r1", msgs));
    await settle();
    for (const field of fields) {
      expect(container.textContent, field.localName).toContain(`inside ${field.localName}`);
    }
  });
});

describe("desktop powers", () => {
  type Bridge = { request: (...args: unknown[]) => Promise<string[]>; calls: unknown[][] };
  function installBridge(answer: string[]): Bridge {
    const bridge: Bridge = {
      calls: [],
      request: (...args: unknown[]) => {
        bridge.calls.push(args);
        return Promise.resolve(answer);
      },
    };
    (window as { rilletDesktop?: unknown }).rilletDesktop = bridge;
    return bridge;
  }
  afterEach(() => delete (window as { rilletDesktop?: unknown }).rilletDesktop);

  async function show(desktop: boolean, ...deltas: ForwardInit[]) {
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s1", desktop } } },
      ...runOf("r1", deltas),
    );
    await settle();
  }
  const picker = element([0, 0], {
    type: {
      case: "pathPicker",
      value: { common: { id: "p", label: "Data" }, kind: "open_file", fileTypes: [".csv"] },
    },
  });

  test("a path picker in a browser is disabled and says where it works", async () => {
    const bridge = installBridge(["/x"]); // even a page script's fake bridge is not used
    await show(false, picker);
    const button = container.querySelector<HTMLButtonElement>(".rl-path-row button")!;
    expect(button.disabled).toBe(true);
    expect(container.textContent).toContain("Available in the desktop app");
    expect(bridge.calls).toEqual([]);
  });

  test("a path picker in the desktop window sends the chosen path", async () => {
    const bridge = installBridge(["/home/ada/data.csv"]);
    await show(true, picker);
    act(() => container.querySelector<HTMLButtonElement>(".rl-path-row button")!.click());
    await settle();
    expect(bridge.calls).toEqual([["open_file", "Data", [".csv"], ""]]);
    expect(stateOf("p")).toEqual({
      case: "stringArrayValue",
      value: expect.objectContaining({ data: ["/home/ada/data.csv"] }),
    });
  });

  test("a chosen path can be cleared, which sends no paths", async () => {
    installBridge(["/home/ada/data.csv"]);
    await show(true, picker);
    expect(container.querySelector(".rl-path-clear")).toBeNull(); // nothing chosen yet
    act(() => container.querySelector<HTMLButtonElement>(".rl-path-row button")!.click());
    await settle();
    act(() => container.querySelector<HTMLButtonElement>("button[aria-label='Clear Data']")!.click());
    await settle();
    expect(stateOf("p")).toEqual({ case: "stringArrayValue", value: expect.objectContaining({ data: [] }) });
    expect(container.querySelector(".rl-path-value")).toBeNull();
  });

  test("the file uploader in the desktop window sends paths, not bytes", async () => {
    const bridge = installBridge(["/home/ada/a.csv", "/home/ada/b.txt"]);
    await show(
      true,
      element([0, 0], {
        type: {
          case: "fileUploader",
          value: { common: { id: "u", label: "Data" }, type: [".csv"], multiple: true },
        },
      }),
    );
    act(() => container.querySelector<HTMLInputElement>("input[type=file]")!.click());
    await settle();
    expect(bridge.calls).toEqual([["open_files", "Data", [".csv"], ""]]);
    const state = stateOf("u");
    if (state?.case !== "fileUploaderStateValue") throw new Error("no files sent");
    expect(state.value.files.map((f) => [f.name, f.path])).toEqual([["a.csv", "/home/ada/a.csv"]]);
    expect(container.textContent).toContain("/home/ada/b.txt: this type of file is not allowed here.");
  });

  test("a desktop request from the script is answered through the bridge", async () => {
    const bridge = installBridge(["/home/ada/out"]);
    await show(true);
    serverSends({
      type: { case: "desktopRequest", value: { requestId: "q1", kind: "open_folder", title: "Where" } },
    });
    await settle();
    expect(bridge.calls).toEqual([["open_folder", "Where", [], ""]]);
    const answer = socket().sent.find((m) => m.type.case === "desktopResponse");
    expect(answer?.type.value).toEqual(
      expect.objectContaining({ requestId: "q1", paths: ["/home/ada/out"], cancelled: false }),
    );
  });
});
