/**
 * The connection's WebSocket held by a dedicated worker (socketWorker.ts).
 *
 * Chromium receives a WebSocket message on the thread that owns the socket,
 * and an 8 MB table part cost the page's main thread ~28 ms there, before
 * any of our code ran: a grid scrolled while a large table arrived dropped
 * frames. With the socket in a worker the page gets each frame as a
 * transferred ArrayBuffer (no copy); a trace measured the largest main-thread
 * task per part going from 35 to 8 ms (bench/README.md, "Worker").
 *
 * The page's end, `RelayedSocket`, is what the connection uses of a
 * WebSocket: the same events in the same order (open, message..., close), so
 * reconnecting and resuming work as before. The socket opens from the
 * worker with the page's origin and cookies, so the desktop token cookie and
 * the Origin check apply unchanged. Where no worker can run (no `Worker`,
 * its file fails to load, or it fails before the socket opened) the socket
 * is the page's own WebSocket, opened at once, with no reconnect delay.
 */
import type { SocketFactory, StreamSocket } from "./connection";

/** Page → worker. */
export type ToRelay =
  | { readonly op: "open"; readonly id: number; readonly url: string; readonly protocols?: string[] }
  | { readonly op: "send"; readonly id: number; readonly data: Uint8Array }
  | { readonly op: "close"; readonly id: number };

/** Worker → page. A `message`'s `data` is transferred, not copied. */
export type FromRelay =
  | { readonly op: "open"; readonly id: number }
  | { readonly op: "message"; readonly id: number; readonly data: ArrayBuffer }
  | { readonly op: "close"; readonly id: number; readonly code: number };

/** What both ends post on: a Worker, the worker's global scope, or a MessagePort in tests. */
export interface RelayPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** One socket held by the worker, as the page sees it. */
export class RelayedSocket implements StreamSocket {
  binaryType: BinaryType = "arraybuffer";
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  /** Set once the worker failed before this socket opened: the page's own socket. */
  private instead: StreamSocket | undefined;
  private closed = false;

  constructor(
    private readonly relay: SocketRelay,
    readonly id: number,
  ) {}

  /** Whether the worker holds this socket (false once it went on as the page's own). */
  get inWorker(): boolean {
    return this.instead === undefined;
  }

  send(data: Uint8Array): void {
    if (this.instead !== undefined) this.instead.send(data);
    else this.relay.post({ op: "send", id: this.id, data });
  }

  close(): void {
    if (this.instead !== undefined) this.instead.close();
    else this.relay.post({ op: "close", id: this.id });
  }

  /** @internal The relay's events for this socket. */
  receive(message: FromRelay): void {
    if (this.closed) return;
    if (message.op === "open") this.onopen?.({ type: "open" } as Event);
    else if (message.op === "message") {
      this.onmessage?.({ type: "message", data: message.data } as MessageEvent);
    } else this.closeWith(message.code);
  }

  /** @internal The worker failed: go on with `socket` (before open), or close. */
  replaceWith(socket: StreamSocket | undefined): void {
    if (socket === undefined) {
      this.closeWith(1006);
      return;
    }
    this.instead = socket;
    socket.binaryType = this.binaryType;
    socket.onopen = (event) => this.onopen?.(event);
    socket.onmessage = (event) => this.onmessage?.(event);
    socket.onclose = (event) => this.onclose?.(event);
    socket.onerror = (event) => this.onerror?.(event);
  }

  private closeWith(code: number): void {
    this.closed = true;
    this.onclose?.({ type: "close", code } as CloseEvent);
  }
}

/** The page's end of one worker: the sockets opened through it, by id. */
export class SocketRelay {
  /** Each live socket and what it was opened with, until the worker reports it open. */
  private readonly sockets = new Map<number, { socket: RelayedSocket; asked?: Asked }>();
  private nextId = 1;
  private failed = false;

  constructor(
    private readonly port: RelayPort,
    private readonly fallback: SocketFactory,
  ) {
    port.onmessage = (event: MessageEvent<FromRelay>) => this.receive(event.data);
  }

  open(url: string, protocols?: string[]): StreamSocket {
    if (this.failed) return this.fallback(url, protocols);
    const socket = new RelayedSocket(this, this.nextId++);
    const asked: Asked = protocols ? { url, protocols } : { url };
    this.sockets.set(socket.id, { socket, asked });
    this.post({ op: "open", id: socket.id, ...asked });
    return socket;
  }

  post(message: ToRelay): void {
    this.port.postMessage(message, []);
  }

  /**
   * The worker failed (its file did not load, or it threw): a socket not yet
   * open continues as the page's own WebSocket; an open one closes, and the
   * connection's reconnect opens the page's own.
   */
  fail(): void {
    if (this.failed) return;
    this.failed = true;
    for (const { socket, asked } of this.sockets.values()) {
      socket.replaceWith(asked && this.fallback(asked.url, asked.protocols));
    }
    this.sockets.clear();
  }

  private receive(message: FromRelay): void {
    const held = this.failed ? undefined : this.sockets.get(message.id);
    if (held === undefined) return;
    if (message.op === "open") delete held.asked;
    if (message.op === "close") this.sockets.delete(message.id);
    held.socket.receive(message);
  }
}

interface Asked {
  readonly url: string;
  readonly protocols?: string[];
}

/**
 * A socket factory that opens every socket through one worker, made by
 * `makeWorker` at once (it starts while the page renders), or with
 * `fallback` when it makes none (or throws) or the worker fails.
 */
export function relayedSockets(makeWorker: () => Worker | undefined, fallback: SocketFactory): SocketFactory {
  let worker: Worker | undefined;
  try {
    worker = makeWorker();
  } catch {
    worker = undefined;
  }
  if (worker === undefined) return fallback;
  const made = worker;
  const relay = new SocketRelay(made, fallback);
  made.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    made.terminate();
    relay.fail();
  };
  return (url, protocols) => relay.open(url, protocols);
}

/** The page's own WebSocket. */
export const pageSocket: SocketFactory = (url, protocols) => new WebSocket(url, protocols);

/** The client's sockets: in a dedicated worker where there can be one, else the page's own. */
export function workerSockets(): SocketFactory {
  return relayedSockets(
    () =>
      typeof Worker === "undefined"
        ? undefined
        : new Worker(new URL("./socketWorker.ts", import.meta.url), {
            type: "module",
            name: "rillet-socket",
          }),
    pageSocket,
  );
}
