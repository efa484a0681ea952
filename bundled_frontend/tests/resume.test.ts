import { describe, expect, test } from "vitest";
import { Connection, streamProtocols } from "../src/connection";

class FakeSocket {
  binaryType = "blob";
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  close(): void {}
  send(): void {}
}

describe("resuming through the shared session store", () => {
  test("the resume secret travels as a subprotocol, after rillet", () => {
    expect(streamProtocols("abc")).toEqual(["rillet", "rillet-resume.abc"]);
    expect(streamProtocols(undefined)).toBeUndefined();
    expect(streamProtocols("")).toBeUndefined();
  });

  test("a reconnect offers the remembered session in the url and its secret in the protocols", async () => {
    const opened: { url: string; protocols: string[] | undefined }[] = [];
    const sockets: FakeSocket[] = [];
    const connection = new Connection(
      new URL("http://h/app/"),
      { onBatch: () => undefined, onStateChange: () => undefined },
      (url, protocols) => {
        opened.push({ url, protocols });
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
    );
    connection.start();
    sockets[0]?.onopen?.();
    connection.rememberSession("s1", "f00d");
    sockets[0]?.onclose?.();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(opened[0]).toEqual({ url: "ws://h/app/_rillet/stream", protocols: undefined });
    expect(opened[1]).toEqual({
      url: "ws://h/app/_rillet/stream?session=s1",
      protocols: ["rillet", "rillet-resume.f00d"],
    });
    // Without the store the server sends no secret: no subprotocol, as before.
    connection.rememberSession("s2", "");
    sockets[1]?.onopen?.();
    sockets[1]?.onclose?.();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(opened[2]?.protocols).toBeUndefined();
    connection.close();
  });
});
