/**
 * The desktop window's powers (rillet/protocol/README.md, "Desktop powers"):
 * the shell injects `window.rilletDesktop` into the app's page. Only a
 * session the server marked `desktop` uses it; a browser never has it.
 */
import { create } from "@bufbuild/protobuf";
import { UploadedFileRefSchema, type UploadedFileRef } from "./proto/rillet_pb";
import { newFileId } from "./uploads";

export interface DesktopBridge {
  request(kind: string, title: string, fileTypes: readonly string[], defaultName: string): Promise<string[]>;
}

/** The shell's bridge when this is the desktop window's session, else `undefined`. */
export function desktopBridge(sessionIsDesktop: boolean): DesktopBridge | undefined {
  if (!sessionIsDesktop) return undefined;
  return (window as { rilletDesktop?: DesktopBridge }).rilletDesktop;
}

/** A file chosen in a native dialog: sent by its path, never uploaded. */
export function pathRef(path: string): UploadedFileRef {
  const name = path.split(/[\\/]/).pop() ?? path;
  return create(UploadedFileRefSchema, { fileId: newFileId(), name, path });
}
