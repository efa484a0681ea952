/**
 * PDF drawing (lazy chunk): pdf.js and its worker, both files of the app's
 * own bundle (a desktop app is offline). Loaded the first time a PDF shows.
 *
 * The legacy build: the modern one calls JavaScript added to browsers in
 * 2025 (`Map.prototype.getOrInsertComputed`), which the desktop window's
 * engines (Qt WebEngine, WebKitGTK) do not have yet; the legacy build
 * carries what it needs.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import workerUrl from "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfHandle {
  /** Stop loading and drawing; release the document. */
  close(): void;
}

/**
 * Draw every page of the PDF at `url` into `host`, one canvas per page,
 * scaled to the host's width and sharp on high-density screens. Pages are
 * drawn when they come near the visible part of the viewer.
 */
export function renderPdf(url: string, host: HTMLElement, onError: (message: string) => void): PdfHandle {
  const task = getDocument({ url, isEvalSupported: false });
  let closed = false;
  let observer: IntersectionObserver | undefined;
  void task.promise.then(
    async (doc: PDFDocumentProxy) => {
      if (closed) return;
      const width = Math.max(host.clientWidth - 16, 200);
      const pending = new Map<Element, number>();
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const number = pending.get(entry.target);
            if (!entry.isIntersecting || number === undefined) continue;
            pending.delete(entry.target);
            observer?.unobserve(entry.target);
            void drawPage(doc, number, entry.target as HTMLCanvasElement, width).catch((error: unknown) =>
              onError(String(error)),
            );
          }
        },
        { root: host, rootMargin: "400px 0px" },
      );
      for (let number = 1; number <= doc.numPages; number += 1) {
        const page = await doc.getPage(number);
        if (closed) return;
        const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
        const canvas = document.createElement("canvas");
        canvas.className = "rl-pdf-page";
        canvas.dataset.page = String(number);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        canvas.setAttribute("aria-label", `Page ${number} of ${doc.numPages}`);
        canvas.setAttribute("role", "img");
        host.appendChild(canvas);
        pending.set(canvas, number);
        observer.observe(canvas);
      }
    },
    (error: unknown) => {
      if (!closed) onError(error instanceof Error ? error.message : String(error));
    },
  );
  return {
    close() {
      closed = true;
      observer?.disconnect();
      void task.destroy();
    },
  };
}

async function drawPage(doc: PDFDocumentProxy, number: number, canvas: HTMLCanvasElement, width: number) {
  const page = await doc.getPage(number);
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  canvas.dataset.rendered = "true";
}
