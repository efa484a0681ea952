/**
 * The desktop window's powers (rillet/protocol/README.md, "Desktop powers"):
 * the shell injects `window.rilletDesktop` into the app's page. Where it did
 * not (a webview backend without the injection), the same calls go straight
 * to the methods the shell exposes through pywebview,
 * `window.pywebview.api.request/save_url/open_external`, once pywebview says
 * they are ready. Only a session the server marked `desktop` uses either; a
 * browser has neither.
 *
 * Security: every bridge method takes, first, the bridge key that the shell
 * runs into the app's top page once it has loaded (`DesktopBridge.hand_key`:
 * `window.__rilletBridgeKey`, then a `rilletbridgekey` event). A component
 * frame can reach the webview's message channel but not the key, so its
 * calls get nothing.
 */
import { create } from "@bufbuild/protobuf";
import { UploadedFileRefSchema, type UploadedFileRef } from "./proto/rillet_pb";
import { newFileId } from "./uploads";

export interface DesktopBridge {
  /** A native open/save/folder dialog: the chosen absolute paths, `[]` when cancelled. */
  request(kind: string, title: string, fileTypes: readonly string[], defaultName: string): Promise<string[]>;
  /** Save one of the app's own URLs where the user chooses: the saved path, `""` when cancelled. */
  saveUrl(url: string, defaultName: string): Promise<string>;
  /**
   * The real paths of files the user just dropped on the window, asked by
   * `[name, size]` in the drop's order: one path per file, or `[]` when the
   * shell recorded no such drop in the last few seconds. Asked with `[]`
   * (a drop whose files the page was not handed, see `filesWithheld`): the
   * files of the latest drop on the app's page.
   */
  droppedPaths(files: readonly (readonly [string, number])[]): Promise<string[]>;
  /** Close the native dialog that is open now, if any (its call then answers as cancelled). */
  closeDialog(): Promise<void>;
}

/** The shell's methods as pywebview exposes them (the `DesktopBridge` of rillet_shell/bridge.py). */
interface PywebviewApi {
  request(
    key: string,
    kind: string,
    title: string,
    fileTypes: readonly string[],
    defaultName: string,
  ): Promise<string[] | null>;
  save_url(key: string, url: string, defaultName: string): Promise<string | null>;
  dropped_paths?(key: string, files: (readonly [string, number])[]): Promise<string[] | null>;
  close_dialog?(key: string): Promise<void>;
}
type PywebviewWindow = { pywebview?: { api?: Partial<PywebviewApi> } };

/** How long a call waits for pywebview before it fails (the script's request is then cancelled). */
const PYWEBVIEW_WAIT_MS = 10_000;

/** pywebview fills `window.pywebview.api` after the page loads, then fires `pywebviewready`. */
function pywebviewApi(): Promise<PywebviewApi> {
  return whenFound(
    () => {
      const api = (window as PywebviewWindow).pywebview?.api;
      return api?.request && api.save_url ? (api as PywebviewApi) : undefined;
    },
    "pywebviewready",
    "the desktop window exposes no native dialogs",
  );
}

/** Where the shell leaves the bridge key, and the event that says it did (rillet_shell/bridge.py). */
const KEY_GLOBAL = "__rilletBridgeKey";
const KEY_EVENT = "rilletbridgekey";
let bridgeKey: string | undefined;

/** Take the key the shell left on the page (it leaves it again on each load of the page). */
function takeKey(): string | undefined {
  const slot = window as unknown as Record<string, unknown>;
  const given = slot[KEY_GLOBAL];
  if (typeof given === "string") bridgeKey = given;
  delete slot[KEY_GLOBAL];
  return bridgeKey;
}

/** The bridge key, once the shell has handed it to this page. */
function keyed(): Promise<string> {
  return whenFound(takeKey, KEY_EVENT, "the desktop window never handed this page its bridge key");
}

/** What `probe` finds, now or after a later `event` on the window; an error after PYWEBVIEW_WAIT_MS. */
function whenFound<T>(probe: () => T | undefined, event: string, failure: string): Promise<T> {
  const now = probe();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener(event, onEvent);
      reject(new Error(failure));
    }, PYWEBVIEW_WAIT_MS);
    function onEvent() {
      const found = probe();
      if (found === undefined) return;
      clearTimeout(timer);
      window.removeEventListener(event, onEvent);
      resolve(found);
    }
    window.addEventListener(event, onEvent);
  });
}

/** pywebview's API and the bridge key, both ready. */
function withKey(): Promise<[PywebviewApi, string]> {
  return Promise.all([pywebviewApi(), keyed()]);
}

const overPywebview: DesktopBridge = {
  request: (kind, title, fileTypes, defaultName) =>
    withKey()
      .then(([api, key]) => api.request(key, kind, title, [...fileTypes], defaultName))
      .then((paths) => paths ?? []),
  saveUrl: (url, defaultName) =>
    withKey()
      .then(([api, key]) => api.save_url(key, url, defaultName))
      .then((path) => path ?? ""),
  droppedPaths: (files) =>
    withKey()
      .then(([api, key]) => (api.dropped_paths ? api.dropped_paths(key, [...files]) : null))
      .then((paths) => paths ?? []),
  closeDialog: () => withKey().then(([api, key]) => api.close_dialog?.(key)),
};

/** The shell's bridge when this is the desktop window's session, else `undefined`. */
export function desktopBridge(sessionIsDesktop: boolean): DesktopBridge | undefined {
  if (!sessionIsDesktop) return undefined;
  return (window as { rilletDesktop?: DesktopBridge }).rilletDesktop ?? overPywebview;
}

/**
 * Whether a drop brought files from another program that the page's drop
 * event does not hold: WebKitGTK hands the page no files for such a drop,
 * only the `text/uri-list` type. The shell saw the drop land on the page and
 * holds the files' real paths; the drop target under the pointer claims them
 * with `droppedPaths([])`. Read it during the drop event.
 */
export function filesWithheld(transfer: DataTransfer | null): boolean {
  return (
    transfer !== null && transfer.files.length === 0 && Array.from(transfer.types).includes("text/uri-list")
  );
}

/** A file chosen in a native dialog: sent by its path, never uploaded. */
export function pathRef(path: string): UploadedFileRef {
  const name = path.split(/[\\/]/).pop() ?? path;
  return create(UploadedFileRefSchema, { fileId: newFileId(), name, path });
}
