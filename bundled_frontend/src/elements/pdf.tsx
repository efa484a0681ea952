/** `st.pdf`: the pages of a PDF in a scrolling viewer; pdf.js arrives as a lazy chunk. */
import { useEffect, useRef, useState } from "preact/hooks";
import { useController } from "../render/context";
import { keyClass } from "../render/keyClass";
import type { ElementProps } from "../render/types";
import { resolveServerUrl } from "../url";
import "../styles/pdf.css";

export function Pdf({ value }: ElementProps<"pdf">) {
  const { baseUrl } = useController();
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState("");
  const url = resolveServerUrl(value.url, baseUrl);
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    setError("");
    let live = true;
    let close = () => {};
    void import("../lazy/pdf").then(
      ({ renderPdf }) => {
        if (!live) return;
        const handle = renderPdf(url, element, (message) => live && setError(message));
        close = () => handle.close();
      },
      (failure: unknown) => live && setError(String(failure)),
    );
    return () => {
      live = false;
      close();
      element.replaceChildren();
    };
  }, [url]);
  const style = value.stretchHeight ? undefined : { height: `${value.height > 0 ? value.height : 500}px` };
  return (
    <div
      class={["rl-pdf", value.stretchHeight ? "rl-pdf-stretch" : "", keyClass(value.key)]
        .filter(Boolean)
        .join(" ")}
      style={style}
    >
      {error !== "" && (
        <div class="rl-pdf-error" role="alert">
          Could not show the PDF: {error}
        </div>
      )}
      <div
        ref={host}
        class="rl-pdf-pages"
        role="document"
        aria-label={value.alt || "PDF document"}
        tabIndex={0}
      />
    </div>
  );
}
