/**
 * The one WebSocket to the server (rillet/protocol/README.md, "Connection").
 *
 * Binary frames: every incoming frame is a ForwardBatch, every outgoing one a
 * BackMsg. A dropped socket reconnects with exponential backoff (capped at
 * 5 s) and asks to resume its session with `?session=<id>`; with the shared
 * session store it also offers the session's resume secret as the subprotocol
 * `rillet-resume.<secret>` (a header, so no access log records it). After 15 s
 * with nothing sent, a heartbeat goes out.
 *
 * The socket itself lives in a dedicated worker where one can run
 * (socketRelay.ts): receiving a large frame then costs the page's main
 * thread no more than taking over its bytes.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { BackMsgSchema, ForwardBatchSchema, type BackMsg, type ForwardBatch } from "./proto/rillet_pb";
import { RelayedSocket, workerSockets } from "./socketRelay";

export enum ConnectionState {
  Initial = "initial",
  Connecting = "connecting",
  Connected = "connected",
  /** Waiting out the backoff before the next attempt. */
  WaitingToReconnect = "waiting",
  Closed = "closed",
}

const TRANSITIONS: Record<ConnectionState, readonly ConnectionState[]> = {
  [ConnectionState.Initial]: [ConnectionState.Connecting, ConnectionState.Closed],
  [ConnectionState.Connecting]: [
    ConnectionState.Connected,
    ConnectionState.WaitingToReconnect,
    ConnectionState.Closed,
  ],
  [ConnectionState.Connected]: [ConnectionState.WaitingToReconnect, ConnectionState.Closed],
  [ConnectionState.WaitingToReconnect]: [ConnectionState.Connecting, ConnectionState.Closed],
  [ConnectionState.Closed]: [],
};

export const HEARTBEAT_IDLE_MS = 15_000;
const BACKOFF_FIRST_MS = 200;
const BACKOFF_CAP_MS = 5_000;

/** Delay before reconnect attempt number `attempt` (0-based): doubling, capped at 5 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, attempt));
}

/** `ws(s)://host/<base>/_rillet/stream[?session=id]` for a page whose base URL is `baseUrl`. */
export function streamUrl(baseUrl: URL, sessionId: string | undefined): string {
  const url = new URL("_rillet/stream", baseUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.search = "";
  url.hash = "";
  if (sessionId) url.searchParams.set("session", sessionId);
  return url.toString();
}

export interface ConnectionEvents {
  onBatch(batch: ForwardBatch): void;
  onStateChange(state: ConnectionState): void;
}

/** What the connection uses of a WebSocket: the page's own, or one a worker holds. */
export interface StreamSocket {
  binaryType: BinaryType;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: Uint8Array): void;
  close(): void;
}

export type SocketFactory = (url: string, protocols?: string[]) => StreamSocket;

/** Binary frames received from the server, their payload bytes and the largest, since the start. */
export interface Received {
  frames: number;
  bytes: number;
  largest: number;
  /** Whether the socket that opened last is held by a worker (not the page's own). */
  inWorker: boolean;
}

/** Subprotocols offered on connect: none, or "rillet" and the resume secret. */
export function streamProtocols(resumeSecret: string | undefined): string[] | undefined {
  return resumeSecret ? ["rillet", `rillet-resume.${resumeSecret}`] : undefined;
}

export class Connection {
  private state = ConnectionState.Initial;
  private socket: StreamSocket | undefined;
  private attempt = 0;
  private sessionId: string | undefined;
  private resumeSecret: string | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly baseUrl: URL,
    private readonly events: ConnectionEvents,
    private readonly openSocket: SocketFactory = workerSockets(),
  ) {}

  /**
   * What arrived so far. Tests and benches count the bytes on the wire
   * here: a CDP session on the page does not see a worker's socket.
   */
  readonly received: Received = { frames: 0, bytes: 0, largest: 0, inWorker: false };

  get current(): ConnectionState {
    return this.state;
  }

  /** The session to resume on the next reconnect, and its resume secret (from NewSession). */
  rememberSession(sessionId: string, resumeSecret = ""): void {
    this.sessionId = sessionId;
    this.resumeSecret = resumeSecret || undefined;
  }

  start(): void {
    this.connect();
  }

  /** Send one BackMsg; dropped (returns false) while not connected. */
  send(msg: BackMsg): boolean {
    if (this.state !== ConnectionState.Connected || this.socket === undefined) return false;
    this.socket.send(toBinary(BackMsgSchema, msg));
    this.scheduleHeartbeat();
    return true;
  }

  close(): void {
    this.moveTo(ConnectionState.Closed);
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.heartbeatTimer);
    this.socket?.close();
  }

  private connect(): void {
    this.moveTo(ConnectionState.Connecting);
    const url = streamUrl(this.baseUrl, this.sessionId);
    const socket = this.openSocket(url, streamProtocols(this.resumeSecret));
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.received.inWorker = socket instanceof RelayedSocket && socket.inWorker;
      this.attempt = 0;
      this.moveTo(ConnectionState.Connected);
      this.scheduleHeartbeat();
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket || !(event.data instanceof ArrayBuffer)) return;
      this.received.frames += 1;
      this.received.bytes += event.data.byteLength;
      this.received.largest = Math.max(this.received.largest, event.data.byteLength);
      this.events.onBatch(fromBinary(ForwardBatchSchema, new Uint8Array(event.data)));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.scheduleReconnect();
    };
    // An error is always followed by close; reconnecting happens there.
    socket.onerror = () => undefined;
  }

  private scheduleReconnect(): void {
    if (this.state === ConnectionState.Closed) return;
    clearTimeout(this.heartbeatTimer);
    this.moveTo(ConnectionState.WaitingToReconnect);
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private scheduleHeartbeat(): void {
    clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => {
      this.send(create(BackMsgSchema, { type: { case: "heartbeat", value: true } }));
    }, HEARTBEAT_IDLE_MS);
  }

  private moveTo(next: ConnectionState): void {
    if (next === this.state) return;
    if (!TRANSITIONS[this.state].includes(next)) {
      throw new Error(
        `Connection cannot go from ${this.state} to ${next}; expected one of: ${
          TRANSITIONS[this.state].join(", ") || "(none)"
        }`,
      );
    }
    this.state = next;
    this.events.onStateChange(next);
  }
}
