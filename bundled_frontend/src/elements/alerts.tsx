/** Callouts: `st.error/warning/info/success` and exceptions with their traceback. */
import { Alert_Format } from "../proto/rillet_pb";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { Icon } from "./common";

const FORMATS: Record<Alert_Format, { name: string; role: "alert" | "status" }> = {
  [Alert_Format.ERROR]: { name: "error", role: "alert" },
  [Alert_Format.WARNING]: { name: "warning", role: "alert" },
  [Alert_Format.INFO]: { name: "info", role: "status" },
  [Alert_Format.SUCCESS]: { name: "success", role: "status" },
};

export function Alert({ value }: ElementProps<"alert">) {
  const format = FORMATS[value.format];
  return (
    <div class={`rl-alert rl-alert-${format.name}`} role={format.role}>
      <Icon icon={value.icon} />
      <div class="rl-alert-body">
        {value.title !== "" && <MarkdownBody class="rl-alert-title" body={value.title} inline />}
        <MarkdownBody body={value.body} />
      </div>
    </div>
  );
}

export function ExceptionElement({ value }: ElementProps<"exception">) {
  const kind = value.isWarning ? "warning" : "error";
  return (
    <div class={`rl-alert rl-alert-${kind} rl-exception`} role="alert">
      <div class="rl-exception-head">
        <strong class="rl-exception-type">{value.type}</strong>
        {value.message !== "" &&
          (value.messageIsMarkdown ? (
            <MarkdownBody body={value.message} />
          ) : (
            <pre class="rl-exception-message">{value.message}</pre>
          ))}
      </div>
      {value.stackTrace.length > 0 && (
        <details class="rl-traceback" open>
          <summary>Traceback</summary>
          <pre>{value.stackTrace.join("\n")}</pre>
        </details>
      )}
    </div>
  );
}
