/**
 * The composition root of the client: it owns the connection, the widget
 * values and the app state, turns server messages into state (through the
 * pure reducer) plus the few side effects they need, and turns user actions
 * into BackMsgs.
 */
import { clientContext } from "./clientContext";
import { create } from "@bufbuild/protobuf";
import {
  BackMsgSchema,
  DesktopResponseSchema,
  ForwardMsgSchema,
  RerunRequestSchema,
  WidgetStatesSchema,
  type BackMsg,
  type DesktopRequest,
  type ForwardBatch,
  type ForwardMsg,
  type PageInfo,
} from "./proto/rillet_pb";
import { initialAppState, reduceForwardMsg, withConnection, type AppState } from "./appState";
import { Connection, ConnectionState, type Received, type SocketFactory } from "./connection";
import { ToastStore } from "./chrome/toasts";
import { desktopBridge } from "./desktop";
import { loadGrid } from "./dataframe";
import { ElementCache } from "./elementCache";
import { TableParts } from "./tableParts";
import { FragmentTimers } from "./fragmentTimers";
import { applyPageConfig } from "./pageConfig";
import { walkTree } from "./tree";
import { pageNameOf, pageUrl, queryStringOf, resolveServerUrl } from "./url";
import { blockWidgetValue, widgetInfo } from "./widgetValues";
import { WidgetStateManager } from "./widgetState";

export interface RerunOptions {
  fragmentId?: string;
  pageHash?: string;
  isAutoRerun?: boolean;
}

/** Shown when a reconnect lands on a fresh session instead of resuming the old one. */
export const SESSION_LOST =
  "The connection was lost and the app started a new session: what you had entered is gone.";

export class AppController {
  readonly widgets: WidgetStateManager;
  readonly toasts = new ToastStore();
  /** `run_every` fragments: no ticks while disconnected, none that would interrupt a run. */
  readonly fragmentTimers = new FragmentTimers(
    (fragmentId) => this.rerun({ fragmentId, isAutoRerun: true }),
    () => this.connected,
    () => this.appState.scriptRunning,
  );
  private appState: AppState = initialAppState();
  private readonly connection: Connection;
  private readonly elements = new ElementCache();
  private readonly tableParts = new TableParts();
  private readonly listeners = new Set<() => void>();
  /** Whether a session was ever started: a later fresh one means the old one was lost. */
  private hadSession = false;
  /** Desktop requests whose dialog is open or waiting: the shell shows one at a time, in this order. */
  private dialogsAsked: string[] = [];

  constructor(
    readonly baseUrl: URL,
    openSocket?: SocketFactory,
  ) {
    this.widgets = new WidgetStateManager((fragmentId) => this.rerun({ fragmentId }));
    this.connection = new Connection(
      baseUrl,
      {
        onBatch: (batch) => this.handleBatch(batch),
        onStateChange: (state) => this.setState(withConnection(this.appState, state)),
      },
      openSocket,
    );
  }

  get state(): AppState {
    return this.appState;
  }

  /** Frames and bytes received from the server (Connection.received). */
  get received(): Readonly<Received> {
    return this.connection.received;
  }

  start(): void {
    this.connection.start();
  }

  /** Close the connection for good (no reconnect). */
  close(): void {
    this.connection.close();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ask for a rerun with the current widget values, page and query string. */
  rerun(options: RerunOptions = {}): void {
    // Offline, keep the widget values (and unsent clicks) for the rerun that
    // follows the next NewSession.
    if (!this.connected) return;
    const state = this.appState;
    const pageHash = options.pageHash ?? state.pageHash;
    const request = create(RerunRequestSchema, {
      widgetStates: create(WidgetStatesSchema, { widgets: this.widgets.takeStates() }),
      pageHash,
      pageName: options.pageHash ? "" : pageNameOf(window.location.pathname, this.baseUrl),
      queryString: queryStringOf(window.location.search),
      fragmentId: options.fragmentId ?? "",
      isAutoRerun: options.isAutoRerun ?? false,
      context: clientContext(),
    });
    this.send({ case: "rerun", value: request });
  }

  stop(): void {
    this.send({ case: "stop", value: true });
  }

  clearCache(): void {
    this.send({ case: "clearCache", value: true });
  }

  setRunOnSave(enabled: boolean): void {
    this.send({ case: "setRunOnSave", value: enabled });
  }

  /** Go to another page: push its URL, then rerun for it. */
  navigate(pageHash: string, urlPath: string, queryString = ""): void {
    window.history.pushState(null, "", pageUrl(this.baseUrl, urlPath, queryString));
    this.setState({ ...this.appState, pageHash, queryString });
    this.rerun({ pageHash });
  }

  /**
   * The browser's back/forward buttons: rerun for the page now in the URL.
   * A step that only moved the `#anchor` (heading links) is no new page.
   */
  followHistory(): void {
    const name = pageNameOf(window.location.pathname, this.baseUrl);
    const state = this.appState;
    const current = state.navigation.pages.find((p) => p.pageHash === state.pageHash);
    const currentName = current === undefined ? name : current.isDefault ? "" : current.urlPath;
    if (name === currentName && queryStringOf(window.location.search) === state.queryString) return;
    const page = this.appState.navigation.pages.find(
      (p) => p.urlPath === name || (name === "" && p.isDefault),
    );
    this.rerun({ pageHash: page?.pageHash ?? "" });
  }

  private send(type: BackMsg["type"]): void {
    this.connection.send(create(BackMsgSchema, { type }));
  }

  private setState(next: AppState): void {
    if (next === this.appState) return;
    this.appState = next;
    for (const listener of this.listeners) listener();
  }

  private handleBatch(batch: ForwardBatch): void {
    let state = this.appState;
    const after: (() => void)[] = [];
    for (const raw of batch.msgs) {
      const msg = this.resolve(raw);
      if (msg === undefined) continue;
      state = reduceForwardMsg(state, msg);
      this.sideEffects(msg, state, after);
    }
    this.setState(state);
    for (const effect of after) effect();
  }

  /** Replay cached elements, so the reducer only sees plain deltas. */
  private resolve(msg: ForwardMsg): ForwardMsg | undefined {
    if (msg.type.case !== "delta") return msg;
    const delta = this.elements.resolve(msg.type.value);
    if (delta === undefined) {
      console.error("rillet: the server referred to an element this client does not hold");
      return undefined;
    }
    if (delta.type.case === "newElement" && delta.type.value.type.case === "dataframe") {
      const table = delta.type.value.type.value;
      // The grid's chunk is fetched as soon as a table arrives, not after it first renders;
      // a table the first paint draws fetches it once that paint is done (src/elements/dataframe.tsx).
      if (table.firstRowsJson === "" || table.isTable) void loadGrid();
      const missing = this.tableParts.resolve(table);
      if (missing.length > 0)
        console.error("rillet: the server referred to table parts this client does not hold");
    } else if (delta.type.case === "newElement" && delta.type.value.type.case === "bidiComponent") {
      // A components.v2 `data`'s tables are table parts too, in the same store.
      const parts = delta.type.value.type.value.tables.flatMap((t) => (t.part ? [t.part] : []));
      if (this.tableParts.resolve({ parts }).length > 0)
        console.error("rillet: the server referred to table parts this client does not hold");
    }
    return delta === msg.type.value
      ? msg
      : create(ForwardMsgSchema, { type: { case: "delta", value: delta } });
  }

  /** Effects of one message beyond the state change; `after` runs once the state is in place. */
  private sideEffects(msg: ForwardMsg, state: AppState, after: (() => void)[]): void {
    const type = msg.type;
    switch (type.case) {
      case "newSession":
        // A reconnect that could not resume (the server restarted, or the
        // load balancer chose another replica) starts over: say so.
        if (!type.value.resumed && this.hadSession) {
          this.toasts.show("session", SESSION_LOST, "⚠️", 10);
        }
        this.hadSession = true;
        this.connection.rememberSession(type.value.sessionId, type.value.resumeSecret);
        if (!state.pageConfig?.pageTitle && type.value.appName !== "") {
          document.title = type.value.appName;
        }
        // A fresh session on the server starts with an empty element cache.
        if (!type.value.resumed) {
          this.elements.clear();
          this.tableParts.clear();
        }
        after.push(() => this.rerun());
        break;
      case "delta": {
        const delta = type.value.type;
        if (delta.case === "newElement" || delta.case === "transient") {
          this.widgets.syncElement(delta.value);
          const element = delta.value.type;
          if (element.case === "toast") {
            const { body, icon, duration } = element.value;
            this.toasts.show(type.value.path.join("."), body, icon, duration);
          }
        } else if (delta.case === "addBlock" && delta.value.widget !== undefined) {
          const value = blockWidgetValue(delta.value);
          if (value !== undefined) this.widgets.syncWidget(delta.value.widget, value);
        } else if (delta.case === "addBlock" && delta.value.type.case === "form") {
          const form = delta.value.type.value;
          this.widgets.registerForm(form.formId, {
            clearOnSubmit: form.clearOnSubmit,
            enterToSubmit: form.enterToSubmit,
          });
        }
        break;
      }
      case "scriptFinished":
        this.widgets.runFinished();
        after.push(() => this.fragmentTimers.runFinished());
        break;
      case "clearStale":
        if (type.value.fragmentId === "") this.widgets.retainOnly(liveWidgetIds(state));
        break;
      case "pageInfo": {
        const target = pageUrl(this.baseUrl, this.urlPathOf(type.value, state), type.value.queryString);
        const current = `${window.location.pathname}${window.location.search}`;
        if (target !== current) window.history.replaceState(null, "", target);
        break;
      }
      case "pageConfig":
        applyPageConfig(type.value);
        break;
      case "authRedirect": {
        // st.login / st.logout: the server's sign-in routes take over the page.
        const target = new URL(type.value.url, this.baseUrl).href;
        after.push(() => window.location.assign(target));
        break;
      }
      case "desktopRequest": {
        const request = type.value;
        after.push(() =>
          request.cancel ? this.withdrawDesktopRequest(request) : this.answerDesktopRequest(request),
        );
        break;
      }
      default:
        break;
    }
  }

  /**
   * The URL path a PageInfo stands for: its own `url_path`, else the path of
   * the page its hash names (the default page lives at the base), else the
   * path the browser shows now.
   */
  private urlPathOf(info: PageInfo, state: AppState): string {
    if (info.urlPath !== "") return info.urlPath;
    const page = state.navigation.pages.find((p) => p.pageHash === info.pageHash);
    if (page !== undefined) return page.isDefault ? "" : page.urlPath;
    return pageNameOf(window.location.pathname, this.baseUrl);
  }

  /**
   * A script's `st.desktop.*` call: the native dialog (or, for a save with a
   * `media_url`, the shell's save of that file), answered with the paths.
   * Without the desktop bridge the request is answered as cancelled so the
   * script does not wait forever.
   */
  private answerDesktopRequest(request: DesktopRequest): void {
    const bridge = desktopBridge(this.appState.session?.desktop ?? false);
    const reply = (paths: string[]) => {
      this.dialogsAsked = this.dialogsAsked.filter((id) => id !== request.requestId);
      this.send({
        case: "desktopResponse",
        value: create(DesktopResponseSchema, {
          requestId: request.requestId,
          paths,
          cancelled: paths.length === 0,
        }),
      });
    };
    if (bridge === undefined) {
      reply([]);
      return;
    }
    const chosen =
      request.kind === "save_file" && request.mediaUrl !== ""
        ? bridge
            .saveUrl(resolveServerUrl(request.mediaUrl, this.baseUrl), request.defaultName)
            .then((path) => (path === "" ? [] : [path]))
        : bridge.request(request.kind, request.title, request.fileTypes, request.defaultName);
    this.dialogsAsked.push(request.requestId);
    chosen.then(reply, (error: unknown) => {
      console.error("rillet: the desktop dialog failed:", error);
      reply([]);
    });
  }

  /**
   * The run that asked was interrupted: close its dialog if it is the one on
   * screen. Its call then answers as cancelled, an answer nobody waits for.
   */
  private withdrawDesktopRequest(request: DesktopRequest): void {
    if (this.dialogsAsked[0] !== request.requestId) return;
    desktopBridge(this.appState.session?.desktop ?? false)
      ?.closeDialog()
      .catch((error: unknown) => console.error("rillet: could not close the desktop dialog:", error));
  }

  get connected(): boolean {
    return this.appState.connection === ConnectionState.Connected;
  }
}

function liveWidgetIds(state: AppState): Set<string> {
  const ids = new Set<string>();
  for (const node of walkTree(state.tree)) {
    if (node.kind === "block") {
      if (node.block?.widget) ids.add(node.block.widget.id);
      continue;
    }
    const info = widgetInfo(node.element);
    if (info) ids.add(info.common.id);
  }
  return ids;
}
