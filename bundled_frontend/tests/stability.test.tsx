// @vitest-environment happy-dom
/**
 * Elements stay in the DOM from one run to the next: the previous run's
 * elements remain until the new run overwrites them in place or its
 * ClearStale drops them, so a user (or a test) clicking mid-rerun always
 * finds the button. The counter app: `[0, 0]` button, `[0, 1]` count.
 */
import { create, fromBinary, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { App } from "../src/chrome/App";
import { AppController, SESSION_LOST } from "../src/controller";
import { BackMsgSchema, ForwardBatchSchema, ForwardMsgSchema, type BackMsg } from "../src/proto/rillet_pb";

type ForwardInit = MessageInitShape<typeof ForwardMsgSchema>;

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

let sockets: FakeSocket[];
let container: HTMLElement;
let controller: AppController;
const socket = () => sockets[sockets.length - 1]!;

function serverSends(...msgs: ForwardInit[]) {
  const batch = create(ForwardBatchSchema, { msgs: msgs.map((m) => create(ForwardMsgSchema, m)) });
  const bytes = toBinary(ForwardBatchSchema, batch);
  act(() => socket().onmessage?.({ data: bytes.slice().buffer }));
}

beforeEach(() => {
  sockets = [];
  container = document.createElement("div");
  document.body.appendChild(container);
  controller = new AppController(new URL("http://app.test/"), () => {
    const fake = new FakeSocket();
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

const started = (runId: string): ForwardInit => ({ type: { case: "scriptStarted", value: { runId } } });
const finished = (runId: string, status = 0): ForwardInit => ({
  type: { case: "scriptFinished", value: { runId, status } },
});
const cleared = (runId: string): ForwardInit => ({ type: { case: "clearStale", value: { runId } } });
const newSession = (resumed: boolean): ForwardInit => ({
  type: { case: "newSession", value: { sessionId: "s", resumed } },
});
const button: ForwardInit = {
  type: {
    case: "delta",
    value: {
      path: [0, 0],
      type: {
        case: "newElement",
        value: { type: { case: "button", value: { common: { id: "inc", label: "Increment" } } } },
      },
    },
  },
};
const count = (n: number): ForwardInit => ({
  type: {
    case: "delta",
    value: {
      path: [0, 1],
      type: { case: "newElement", value: { type: { case: "markdown", value: { body: `count=${n}` } } } },
    },
  },
});
const spinner: ForwardInit = {
  type: {
    case: "delta",
    value: {
      path: [0, 1],
      type: { case: "transient", value: { type: { case: "spinner", value: { text: "Working" } } } },
    },
  },
};

const findButton = () =>
  [...container.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Increment");

/** A tiny deterministic PRNG, so a failure names a reproducible seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("a reconnect that lands on a fresh session", () => {
  test("says the old session is gone; a resumed one says nothing", () => {
    serverSends(newSession(false));
    expect(controller.toasts.current).toEqual([]);
    serverSends(newSession(true));
    expect(controller.toasts.current).toEqual([]);
    serverSends(newSession(false));
    expect(controller.toasts.current.map((toast) => toast.body)).toEqual([SESSION_LOST]);
  });
});

describe("elements are kept in place across runs", () => {
  test("a normal rerun updates the button's DOM node in place", () => {
    serverSends(newSession(false), started("r1"), button, count(0), finished("r1"), cleared("r1"));
    const first = findButton();
    expect(first).toBeDefined();
    serverSends(started("r2"));
    expect(findButton()).toBe(first);
    serverSends(button);
    expect(findButton()).toBe(first);
    serverSends(count(1), finished("r2"), cleared("r2"));
    expect(findButton()).toBe(first);
  });

  test("interrupted runs, transients, reconnects and fresh sessions never take the button away", () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const random = prng(seed);
      act(() => render(null, container));
      controller.close();
      sockets = [];
      controller = new AppController(new URL("http://app.test/"), () => {
        const fake = new FakeSocket();
        sockets.push(fake);
        return fake as unknown as WebSocket;
      });
      act(() => {
        render(<App controller={controller} />, container);
        controller.start();
        socket().onopen?.();
      });
      serverSends(newSession(false), started("r0"), button, count(0), finished("r0"), cleared("r0"));
      const node = findButton();
      expect(node, `seed ${seed}`).toBeDefined();
      for (let run = 1; run <= 30; run += 1) {
        const id = `r${run}`;
        // What the server may send for one run, cut into batches at random points.
        const msgs: ForwardInit[] = [];
        if (random() < 0.15) msgs.push(newSession(random() < 0.5));
        msgs.push(started(id));
        const roll = random();
        if (roll < 0.2) {
          // Interrupted by a newer request before or after writing the button: no ClearStale.
          if (random() < 0.5) msgs.push(button);
          msgs.push(finished(id, 2));
        } else {
          if (random() < 0.3) msgs.push(spinner);
          msgs.push(button, count(run), finished(id), cleared(id));
        }
        while (msgs.length > 0) {
          const take = 1 + Math.floor(random() * msgs.length);
          serverSends(...msgs.splice(0, take));
          expect(findButton(), `seed ${seed}, run ${run}`).toBe(node);
        }
      }
    }
  });
});
