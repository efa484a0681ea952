/**
 * The desktop window's powers (rillet/protocol/README.md, "Desktop powers"):
 * the shell injects `window.rilletDesktop` into the app's page. Where it did
 * not (a webview backend without the injection), the same calls go straight
 * to the methods the shell exposes through pywebview,
 * `window.pywebview.api.request/save_url/open_external`, once pywebview says
 * they are ready. Only a session the server marked `desktop` uses either; a
 * browser has neither.
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
    kind: string,
    title: string,
    fileTypes: readonly string[],
    defaultName: string,
  ): Promise<string[] | null>;
  save_url(url: string, defaultName: string): Promise<string | null>;
  dropped_paths?(files: (readonly [string, number])[]): Promise<string[] | null>;
  close_dialog?(): Promise<void>;
}
type PywebviewWindow = { pywebview?: { api?: Partial<PywebviewApi> } };

/** How long a call waits for pywebview before it fails (the script's request is then cancelled). */
const PYWEBVIEW_WAIT_MS = 10_000;

/** pywebview fills `window.pywebview.api` after the page loads, then fires `pywebviewready`. */
function pywebviewApi(): Promise<PywebviewApi> {
  const ready = () => {
    const api = (window as PywebviewWindow).pywebview?.api;
    return api?.request && api.save_url ? (api as PywebviewApi) : undefined;
  };
  const now = ready();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const fail = () => reject(new Error("the desktop window exposes no native dialogs"));
    const timer = setTimeout(fail, PYWEBVIEW_WAIT_MS);
    const onReady = () => {
      clearTimeout(timer);
      const api = ready();
      if (api) resolve(api);
      else fail();
    };
    window.addEventListener("pywebviewready", onReady, { once: true });
  });
}

const overPywebview: DesktopBridge = {
  request: (kind, title, fileTypes, defaultName) =>
    pywebviewApi()
      .then((api) => api.request(kind, title, [...fileTypes], defaultName))
      .then((paths) => paths ?? []),
  saveUrl: (url, defaultName) =>
    pywebviewApi()
      .then((api) => api.save_url(url, defaultName))
      .then((path) => path ?? ""),
  droppedPaths: (files) =>
    pywebviewApi()
      .then((api) => (api.dropped_paths ? api.dropped_paths([...files]) : null))
      .then((paths) => paths ?? []),
  closeDialog: () => pywebviewApi().then((api) => api.close_dialog?.()),
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
