// @vitest-environment happy-dom
/** The desktop adapter: the shell's injected bridge, or pywebview's API directly; saves and script requests. */
import { create, fromBinary, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { App } from "../src/chrome/App";
import { AppController } from "../src/controller";
import { desktopBridge } from "../src/desktop";
import { BackMsgSchema, ForwardBatchSchema, ForwardMsgSchema, type BackMsg } from "../src/proto/rillet_pb";

type ForwardInit = MessageInitShape<typeof ForwardMsgSchema>;
type Win = { rilletDesktop?: unknown; pywebview?: unknown };

class FakeSocket {
  binaryType = "blob";
  sent: BackMsg[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  send(data: Uint8Array) {
    this.sent.push(fromBinary(BackMsgSchema, data));
  }
  close() {}
}

let sock: FakeSocket;
let container: HTMLElement;
let controller: AppController;
let calls: unknown[][];

function serverSends(...msgs: ForwardInit[]) {
  const bytes = toBinary(
    ForwardBatchSchema,
    create(ForwardBatchSchema, { msgs: msgs.map((m) => create(ForwardMsgSchema, m)) }),
  );
  act(() => sock.onmessage?.({ data: bytes.slice().buffer }));
}
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

/** The bridge key, as the shell runs it into the app's page (bridge.py's hand_key). */
const KEY = "launch-key";
function handKey() {
  (window as unknown as Record<string, unknown>).__rilletBridgeKey = KEY;
  window.dispatchEvent(new Event("rilletbridgekey"));
}

/** The shell's methods as pywebview exposes them, recording their calls; the key handed. */
function installPywebview(answers: { request?: string[] | null; save?: string | null }) {
  handKey();
  (window as Win).pywebview = {
    api: {
      request: (...args: unknown[]) => (calls.push(["request", ...args]), Promise.resolve(answers.request)),
      save_url: (...args: unknown[]) => (calls.push(["save_url", ...args]), Promise.resolve(answers.save)),
    },
  };
}

beforeEach(() => {
  calls = [];
  container = document.createElement("div");
  document.body.appendChild(container);
  controller = new AppController(new URL("http://127.0.0.1:8501/"), () => {
    sock = new FakeSocket();
    return sock as unknown as WebSocket;
  });
  act(() => {
    render(<App controller={controller} />, container);
    controller.start();
    sock.onopen?.();
  });
});

afterEach(() => {
  controller.close();
  act(() => render(null, container));
  container.remove();
  delete (window as Win).pywebview;
  delete (window as Win).rilletDesktop;
});

function desktopResponse() {
  const msg = sock.sent.find((m) => m.type.case === "desktopResponse");
  return msg?.type.case === "desktopResponse" ? msg.type.value : undefined;
}

describe("desktopBridge", () => {
  test("a browser session gets no bridge, even when the page defines one", () => {
    installPywebview({ request: ["/x"] });
    (window as Win).rilletDesktop = {};
    expect(desktopBridge(false)).toBeUndefined();
  });

  test("without the injected adapter, calls wait for pywebviewready and go to pywebview's API", async () => {
    const bridge = desktopBridge(true)!;
    const answer = bridge.request("open_files", "Pick", [".csv"], "");
    installPywebview({ request: null });
    window.dispatchEvent(new Event("pywebviewready"));
    expect(await answer).toEqual([]); // pywebview's None: cancelled
    expect(calls).toEqual([["request", KEY, "open_files", "Pick", [".csv"], ""]]);
  });

  test("the shell's injected window.rilletDesktop wins when present", () => {
    const injected = { request: vi.fn(), saveUrl: vi.fn() };
    (window as Win).rilletDesktop = injected;
    expect(desktopBridge(true)).toBe(injected);
  });
});

describe("in the desktop window", () => {
  const session = (desktop: boolean): ForwardInit => ({
    type: { case: "newSession", value: { sessionId: "s", desktop } },
  });

  test("a script's save request with a media URL saves through the shell and answers the path", async () => {
    installPywebview({ save: "/home/ada/report.csv" });
    serverSends(session(true), {
      type: {
        case: "desktopRequest",
        value: { requestId: "q1", kind: "save_file", defaultName: "report.csv", mediaUrl: "/media/ab.csv" },
      },
    });
    await settle();
    expect(calls).toEqual([["save_url", KEY, "http://127.0.0.1:8501/media/ab.csv", "report.csv"]]);
    expect(desktopResponse()).toEqual(
      expect.objectContaining({ requestId: "q1", paths: ["/home/ada/report.csv"], cancelled: false }),
    );
  });

  test("a cancelled dialog answers cancelled, and so does a browser", async () => {
    installPywebview({ request: [] });
    serverSends(session(true), {
      type: { case: "desktopRequest", value: { requestId: "q2", kind: "open_folder" } },
    });
    await settle();
    expect(desktopResponse()).toEqual(
      expect.objectContaining({ requestId: "q2", paths: [], cancelled: true }),
    );
  });

  test("a withdrawn request closes its dialog, which then answers as cancelled", async () => {
    let closeOpenDialog = () => {};
    handKey();
    (window as Win).pywebview = {
      api: {
        request: (...args: unknown[]) => {
          calls.push(["request", ...args]);
          return new Promise<string[]>((resolve) => (closeOpenDialog = () => resolve([])));
        },
        save_url: () => Promise.resolve(null),
        close_dialog: () => (calls.push(["close_dialog"]), closeOpenDialog(), Promise.resolve()),
      },
    };
    serverSends(session(true), {
      type: { case: "desktopRequest", value: { requestId: "q4", kind: "open_file" } },
    });
    await settle();
    serverSends({ type: { case: "desktopRequest", value: { requestId: "other", cancel: true } } });
    await settle();
    expect(calls).toEqual([["request", KEY, "open_file", "", [], ""]]); // not the dialog on screen
    expect(desktopResponse()).toBeUndefined();

    serverSends({ type: { case: "desktopRequest", value: { requestId: "q4", cancel: true } } });
    await settle();
    expect(calls.at(-1)).toEqual(["close_dialog"]);
    expect(desktopResponse()).toEqual(
      expect.objectContaining({ requestId: "q4", paths: [], cancelled: true }),
    );
  });

  test("withdrawing an answered request closes nothing", async () => {
    installPywebview({ request: ["/home/ada/a.csv"] });
    serverSends(session(true), {
      type: { case: "desktopRequest", value: { requestId: "q5", kind: "open_file" } },
    });
    await settle();
    serverSends({ type: { case: "desktopRequest", value: { requestId: "q5", cancel: true } } });
    await settle();
    expect(calls.map((call) => call[0])).toEqual(["request"]);
  });

  test("a download button saves through the shell's save dialog instead of the browser's", async () => {
    installPywebview({ save: "/home/ada/data.csv" });
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    serverSends(
      session(true),
      { type: { case: "scriptStarted", value: { runId: "r1" } } },
      {
        type: {
          case: "delta",
          value: {
            path: [0, 0],
            type: {
              case: "newElement",
              value: {
                type: {
                  case: "downloadButton",
                  value: { common: { id: "d", label: "Get" }, url: "/media/cd.csv", fileName: "data.csv" },
                },
              },
            },
          },
        },
      },
    );
    act(() => container.querySelector<HTMLButtonElement>("[data-kind=downloadButton] button")!.click());
    await settle();
    expect(calls).toEqual([["save_url", KEY, "http://127.0.0.1:8501/media/cd.csv", "data.csv"]]);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});

describe("in a browser", () => {
  test("a script's desktop request is answered as cancelled at once", async () => {
    serverSends(
      { type: { case: "newSession", value: { sessionId: "s", desktop: false } } },
      { type: { case: "desktopRequest", value: { requestId: "q3", kind: "open_file" } } },
    );
    await settle();
    expect(desktopResponse()).toEqual(
      expect.objectContaining({ requestId: "q3", paths: [], cancelled: true }),
    );
  });
});

describe("files dropped on the uploader in the desktop window", () => {
  const uploader = (multiple: boolean): ForwardInit[] => [
    { type: { case: "newSession", value: { sessionId: "s", desktop: true } } },
    { type: { case: "scriptStarted", value: { runId: "r1" } } },
    {
      type: {
        case: "delta",
        value: {
          path: [0, 0],
          type: {
            case: "newElement",
            value: {
              type: {
                case: "fileUploader",
                value: { common: { id: "u", label: "Data" }, type: [".csv"], multiple },
              },
            },
          },
        },
      },
    },
  ];

  function dropOnUploader(...files: File[]) {
    const zone = container.querySelector(".rl-dropzone")!;
    // Preact listens to "Drop" where the DOM has no `ondrop` (happy-dom), as a browser's "drop".
    const event = new Event("ondrop" in zone ? "drop" : "Drop", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "dataTransfer", { value: { files } });
    act(() => {
      zone.dispatchEvent(event);
    });
  }

  function sentFiles() {
    const reruns = sock.sent.filter((m) => m.type.case === "rerun");
    const last = reruns[reruns.length - 1];
    const widgets = last?.type.case === "rerun" ? (last.type.value.widgetStates?.widgets ?? []) : [];
    const state = widgets.find((w) => w.id === "u")?.value;
    return state?.case === "fileUploaderStateValue" ? state.value.files : undefined;
  }

  function installDrops(answer: string[] | null) {
    (window as Win).rilletDesktop = {
      request: vi.fn(),
      saveUrl: vi.fn(),
      droppedPaths: (files: unknown) => (calls.push(["droppedPaths", files]), Promise.resolve(answer ?? [])),
    };
  }

  test("the shell's recorded paths become path refs: no upload, the type filter applies", async () => {
    installDrops(["/home/ada/a.csv", "/home/ada/b.txt"]);
    const open = vi.spyOn(XMLHttpRequest.prototype, "open");
    serverSends(...uploader(true));
    await settle();
    dropOnUploader(new File(["a,b\n"], "a.csv"), new File(["hello"], "b.txt"));
    await settle();
    expect(calls).toEqual([
      [
        "droppedPaths",
        [
          ["a.csv", 4],
          ["b.txt", 5],
        ],
      ],
    ]);
    expect(sentFiles()?.map((f) => [f.name, f.path, f.uploadUrl])).toEqual([
      ["a.csv", "/home/ada/a.csv", ""],
    ]);
    expect(container.textContent).toContain("/home/ada/b.txt: this type of file is not allowed here.");
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });

  test("a single-file uploader asks for the first dropped file only", async () => {
    installDrops(["/home/ada/a.csv"]);
    serverSends(...uploader(false));
    await settle();
    dropOnUploader(new File(["a,b\n"], "a.csv"), new File(["x"], "c.csv"));
    await settle();
    expect(calls).toEqual([["droppedPaths", [["a.csv", 4]]]]);
    expect(sentFiles()?.map((f) => f.path)).toEqual(["/home/ada/a.csv"]);
  });

  test("when the shell knows no paths for the drop, the files upload their bytes", async () => {
    installDrops(null);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const open = vi.spyOn(XMLHttpRequest.prototype, "open").mockImplementation(() => {});
    const header = vi.spyOn(XMLHttpRequest.prototype, "setRequestHeader").mockImplementation(() => {});
    const send = vi.spyOn(XMLHttpRequest.prototype, "send").mockImplementation(() => {});
    serverSends(...uploader(true));
    await settle();
    dropOnUploader(new File(["a,b\n"], "a.csv"));
    await settle();
    expect(calls).toEqual([["droppedPaths", [["a.csv", 4]]]]);
    expect(open).toHaveBeenCalledWith("PUT", expect.stringContaining("/_rillet/upload/s/"));
    expect(send).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("uploading the files instead"));
    expect(container.querySelector("progress")).not.toBeNull();
    expect(sentFiles() ?? []).toEqual([]); // nothing by path; the upload is still in flight
    for (const spy of [warn, open, header, send]) spy.mockRestore();
  });
});
