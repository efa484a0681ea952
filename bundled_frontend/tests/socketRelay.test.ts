// The connection's socket held by a worker: the page's end (socketRelay.ts) and the worker's
// (socketWorker.ts) joined by a MessageChannel, as a Worker joins them in the browser.
import { create, toBinary } from "@bufbuild/protobuf";
import { afterEach, describe, expect, test } from "vitest";
import { Connection, ConnectionState, type SocketFactory, type StreamSocket } from "../src/connection";
import { ForwardBatchSchema, ForwardMsgSchema } from "../src/proto/rillet_pb";
import { RelayedSocket, relayedSockets, SocketRelay, type RelayPort } from "../src/socketRelay";
import { relaySockets } from "../src/socketWorker";

/** The server's side of one WebSocket, as the worker (or the page) opened it. */
class FakeSocket {
  binaryType: BinaryType = "blob";
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: Uint8Array[] = [];
  closed = false;
  constructor(
    readonly url: string,
    readonly protocols: string[] | undefined,
  ) {}
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(): void {
    this.closed = true;
  }
  // What the server does:
  opens(): void {
    this.onopen?.({} as Event);
  }
  delivers(data: ArrayBuffer): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  ends(code = 1000): void {
    this.onclose?.({ code } as CloseEvent);
  }
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

/** A page end and a worker end joined by a channel; the worker's sockets are fakes. */
function joined(fallback: SocketFactory = refuse) {
  const channel = new MessageChannel();
  channels.push(channel);
  const inWorker: FakeSocket[] = [];
  relaySockets(channel.port2 as unknown as RelayPort, (url, protocols) => {
    const socket = new FakeSocket(url, protocols);
    inWorker.push(socket);
    return socket as unknown as WebSocket;
  });
  const relay = new SocketRelay(channel.port1 as unknown as RelayPort, fallback);
  return { relay, inWorker };
}

const refuse: SocketFactory = () => {
  throw new Error("no fallback expected");
};

/** Let the channel deliver what was posted. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The events a page socket hears, in order. */
function listen(socket: StreamSocket): string[] {
  const heard: string[] = [];
  socket.onopen = () => heard.push("open");
  socket.onmessage = (event) => {
    const data = event.data as ArrayBuffer;
    heard.push(`message ${data instanceof ArrayBuffer ? [...new Uint8Array(data)].join(",") : "?"}`);
  };
  socket.onclose = (event) => heard.push(`close ${event.code}`);
  return heard;
}

describe("the worker's socket, seen from the page", () => {
  test("opens with the url and protocols asked, then relays frames both ways and the close", async () => {
    const { relay, inWorker } = joined();
    const socket = relay.open("ws://h/_rillet/stream?session=s", ["rillet", "rillet-resume.x"]);
    const heard = listen(socket);
    await settle();
    const remote = inWorker[0]!;
    expect([remote.url, remote.protocols, remote.binaryType]).toEqual([
      "ws://h/_rillet/stream?session=s",
      ["rillet", "rillet-resume.x"],
      "arraybuffer",
    ]);
    remote.opens();
    const frame = new Uint8Array([1, 2, 3]).buffer;
    remote.delivers(frame);
    expect(frame.byteLength).toBe(0); // transferred to the page, not copied
    socket.send(new Uint8Array([9, 8]));
    await settle();
    expect(remote.sent.map((bytes) => [...bytes])).toEqual([[9, 8]]);
    socket.close();
    await settle();
    expect(remote.closed).toBe(true);
    expect(heard).toEqual(["open", "message 1,2,3"]); // close is heard when the socket closed
    remote.ends(1001);
    await settle();
    expect(heard).toEqual(["open", "message 1,2,3", "close 1001"]);
  });

  test("sockets are told apart, and a closed one hears nothing more", async () => {
    const { relay, inWorker } = joined();
    const first = listen(relay.open("ws://h/a"));
    const second = listen(relay.open("ws://h/b"));
    await settle();
    const [a, b] = inWorker;
    a!.opens();
    b!.opens();
    a!.ends(1006);
    a!.delivers(new Uint8Array([7]).buffer); // late, from the socket that closed
    b!.delivers(new Uint8Array([5]).buffer);
    await settle();
    expect(first).toEqual(["open", "close 1006"]);
    expect(second).toEqual(["open", "message 5"]);
  });

  test("a worker that fails before the socket opened hands over to the page's own socket", async () => {
    const onPage: FakeSocket[] = [];
    const fallback: SocketFactory = (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      onPage.push(socket);
      return socket;
    };
    const { relay, inWorker } = joined(fallback);
    const waiting = relay.open("ws://h/s", ["rillet", "rillet-resume.k"]);
    const heard = listen(waiting);
    const open = relay.open("ws://h/t");
    const heardOpen = listen(open);
    await settle();
    inWorker[1]!.opens();
    await settle();
    relay.fail();
    // The one still opening continues on the page, as asked; the open one closes.
    expect(onPage.map((s) => [s.url, s.protocols])).toEqual([["ws://h/s", ["rillet", "rillet-resume.k"]]]);
    expect(heardOpen).toEqual(["open", "close 1006"]);
    onPage[0]!.opens();
    onPage[0]!.delivers(new Uint8Array([4]).buffer);
    waiting.send(new Uint8Array([6]));
    expect(heard).toEqual(["open", "message 4"]);
    expect((waiting as RelayedSocket).inWorker).toBe(false);
    expect(onPage[0]!.sent.map((bytes) => [...bytes])).toEqual([[6]]);
    // Later sockets are the page's own.
    relay.open("ws://h/u");
    expect(onPage.map((s) => s.url)).toEqual(["ws://h/s", "ws://h/u"]);
  });

  test("a socket the worker cannot open closes, as one that failed to connect", async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    relaySockets(channel.port2 as unknown as RelayPort, () => {
      throw new SyntaxError("bad url");
    });
    const heard = listen(new SocketRelay(channel.port1 as unknown as RelayPort, refuse).open("ws://h/x"));
    await settle();
    expect(heard).toEqual(["close 1006"]);
  });

  test("without a worker, or when making one throws, the page's own socket serves", () => {
    const opened: string[] = [];
    const fallback: SocketFactory = (url) => {
      opened.push(url);
      return new FakeSocket(url, undefined);
    };
    relayedSockets(() => undefined, fallback)("ws://h/1");
    const throwing = relayedSockets(() => {
      throw new Error("blocked");
    }, fallback);
    throwing("ws://h/2");
    throwing("ws://h/3");
    expect(opened).toEqual(["ws://h/1", "ws://h/2", "ws://h/3"]);
  });
});

describe("the connection through the worker's socket", () => {
  test("decodes the batches the worker relays, counts them, and reconnects through it", async () => {
    const { relay, inWorker } = joined();
    const batches: number[] = [];
    const states: ConnectionState[] = [];
    const connection = new Connection(
      new URL("http://h/app/"),
      { onBatch: (batch) => batches.push(batch.msgs.length), onStateChange: (state) => states.push(state) },
      (url, protocols) => relay.open(url, protocols),
    );
    connection.start();
    await settle();
    inWorker[0]!.opens();
    await settle();
    expect(connection.current).toBe(ConnectionState.Connected);
    const bytes = toBinary(
      ForwardBatchSchema,
      create(ForwardBatchSchema, { msgs: [create(ForwardMsgSchema), create(ForwardMsgSchema)] }),
    );
    inWorker[0]!.delivers(bytes.slice().buffer);
    await settle();
    expect(batches).toEqual([2]);
    expect(connection.received).toEqual({
      frames: 1,
      bytes: bytes.length,
      largest: bytes.length,
      inWorker: true,
    });
    connection.rememberSession("s1");
    inWorker[0]!.ends(1006);
    await new Promise((resolve) => setTimeout(resolve, 250)); // the first backoff is 200 ms
    expect(inWorker[1]?.url).toBe("ws://h/app/_rillet/stream?session=s1");
    inWorker[1]!.opens();
    await settle();
    expect(states).toEqual(["connecting", "connected", "waiting", "connecting", "connected"]);
    connection.close();
    await settle();
    expect(inWorker[1]!.closed).toBe(true);
  });
});
