/**
 * File uploads (rillet/protocol/README.md, "Uploads and media"): PUT the raw
 * bytes to `/_rillet/upload/<session>/<file_id>`, DELETE the same URL to drop
 * it. The client makes the file id. Unsafe methods carry the XSRF header.
 */
import { create } from "@bufbuild/protobuf";
import { UploadedFileRefSchema, type UploadedFileRef } from "./proto/rillet_pb";

export function newFileId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function uploadUrl(base: URL, sessionId: string, fileId: string): string {
  return new URL(`_rillet/upload/${encodeURIComponent(sessionId)}/${fileId}`, base).toString();
}

function xsrfToken(): string | undefined {
  const match = /(?:^|;\s*)_xsrf=([^;]*)/.exec(document.cookie);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

/** "csv" / ".csv" / "text/csv" accept lists → the `accept` attribute. */
export function acceptAttribute(types: readonly string[]): string | undefined {
  if (types.length === 0) return undefined;
  return types.map((t) => (t.includes("/") || t.startsWith(".") ? t : `.${t}`)).join(",");
}

/** Whether a file's name matches the accepted extensions (empty = any). */
export function isAccepted(fileName: string, types: readonly string[]): boolean {
  if (types.length === 0) return true;
  const lower = fileName.toLowerCase();
  return types.some((t) => {
    if (t.includes("/")) return true;
    const ext = (t.startsWith(".") ? t : `.${t}`).toLowerCase();
    return lower.endsWith(ext);
  });
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export class UploadError extends Error {}

/** Upload `file`, reporting progress 0..1; resolves to the reference the widget value carries. */
export function uploadFile(
  base: URL,
  sessionId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<UploadedFileRef> {
  const fileId = newFileId();
  const url = uploadUrl(base, sessionId, fileId);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", url);
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.setRequestHeader("X-Rillet-Filename", encodeURIComponent(file.name));
    const token = xsrfToken();
    if (token !== undefined) request.setRequestHeader("X-Xsrftoken", token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(
          create(UploadedFileRefSchema, {
            fileId,
            name: file.name,
            type: file.type,
            size: BigInt(file.size),
            uploadUrl: url,
            deleteUrl: url,
          }),
        );
      } else if (request.status === 413) {
        reject(new UploadError(`${file.name} is larger than the server accepts.`));
      } else {
        reject(new UploadError(`Uploading ${file.name} failed (HTTP ${request.status}).`));
      }
    };
    request.onerror = () => reject(new UploadError(`Uploading ${file.name} failed: network error.`));
    request.send(file);
  });
}

/** Remove an uploaded file from the server; failures only matter to the log. */
export function deleteUpload(ref: UploadedFileRef): void {
  if (ref.deleteUrl === "") return;
  const headers: Record<string, string> = {};
  const token = xsrfToken();
  if (token !== undefined) headers["X-Xsrftoken"] = token;
  fetch(ref.deleteUrl, { method: "DELETE", headers, credentials: "same-origin" }).catch((error: unknown) =>
    console.warn("rillet: could not delete upload", error),
  );
}
