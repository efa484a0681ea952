/**
 * The worker that holds the connection's WebSocket (socketRelay.ts).
 *
 * Chromium receives a WebSocket message on the thread that owns the socket:
 * an 8 MB table part took ~28 ms of the page's main thread before any of our
 * code ran, so a grid scrolled while a large table arrived dropped frames.
 * Here the socket lives in a dedicated worker: each binary frame is handed to
 * the page as a transferred ArrayBuffer (no copy), and what the page sends
 * comes in the same way. This module imports nothing at run time, so the
 * worker's file stays a few hundred bytes.
 */
import type { FromRelay, RelayPort, ToRelay } from "./socketRelay";

/** Opens one socket: `new WebSocket` in the worker, a fake in tests. */
export type OpenSocket = (url: string, protocols: string[] | undefined) => WebSocket;

/**
 * Serve the page's socket requests arriving on `port` (the worker's global
 * scope): open, send, close, each naming its socket by the page's id.
 */
export function relaySockets(port: RelayPort, open: OpenSocket): void {
  const sockets = new Map<number, WebSocket>();
  const post = (message: FromRelay, transfer: Transferable[] = []): void =>
    port.postMessage(message, transfer);
  port.onmessage = (event: MessageEvent<ToRelay>) => {
    const message = event.data;
    if (message.op === "open") {
      const { id } = message;
      let socket: WebSocket;
      try {
        socket = open(message.url, message.protocols);
      } catch {
        // As a socket that failed to connect: the connection retries later.
        post({ op: "close", id, code: 1006 });
        return;
      }
      socket.binaryType = "arraybuffer";
      sockets.set(id, socket);
      socket.onopen = () => post({ op: "open", id });
      socket.onmessage = (frame: MessageEvent) => {
        if (frame.data instanceof ArrayBuffer) {
          post({ op: "message", id, data: frame.data }, [frame.data]);
        }
      };
      socket.onclose = (closed: CloseEvent) => {
        sockets.delete(id);
        post({ op: "close", id, code: closed.code });
      };
      // An error is always followed by close, which is what the page hears.
      socket.onerror = () => undefined;
    } else if (message.op === "send") {
      sockets.get(message.id)?.send(message.data);
    } else {
      sockets.get(message.id)?.close();
    }
  };
}

declare const WorkerGlobalScope: (new () => unknown) | undefined;

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  relaySockets(self as unknown as RelayPort, (url, protocols) => new WebSocket(url, protocols));
}
