/**
 * `st.chat_input`: Enter sends the message once (Shift+Enter: a new line).
 * With `accept_file` the user attaches files (the button, or a drop on the
 * input); they are uploaded at once and sent with the text as
 * `chat_input_value`. With `accept_audio` a microphone button records a WAV
 * that goes along the same way. `submit_mode` "disable" or "stop" holds the
 * input while the run a message started goes on ("stop" offers to stop it).
 * In the desktop window files are chosen in the native dialog (or dropped
 * from the system) and go by path, as a file uploader's do; a folder uploads.
 */
import { create } from "@bufbuild/protobuf";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { ChatInputValueSchema, type UploadedFileRef } from "../proto/rillet_pb";
import { RunContext, useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { desktopBridge, filesWithheld, pathRef } from "../desktop";
import { acceptAttribute, deleteUpload, isAccepted, uploadFile } from "../uploads";
import { recordWav, type WavRecording } from "../wavRecorder";
import { stringTriggerValue, type WidgetValue } from "../widgetValues";
import { CloseIcon, commonOf, inputId, MaterialIcon } from "./common";
import "../styles/chatInput.css";

export function chatInputValue(text: string, files: UploadedFileRef[], audio?: UploadedFileRef): WidgetValue {
  return { case: "chatInputValue", value: create(ChatInputValueSchema, { text, files, audio }) };
}

interface Attachment {
  /** Tells attachments of the same name apart. */
  readonly key: string;
  readonly name: string;
  /** Undefined while uploading. */
  readonly ref?: UploadedFileRef;
}

let attachmentCount = 0;

/** `width`/`height` as the wire carries them ("stretch", "content", "<n>px"). */
function sizeStyle(width: string, height: string): Record<string, string> {
  const style: Record<string, string> = {};
  if (width.endsWith("px")) style.maxWidth = width;
  if (height.endsWith("px")) style.minHeight = height;
  return style;
}

export function ChatInput({ value, node }: ElementProps<"chatInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const controller = useController();
  const run = useContext(RunContext);
  const [draft, setDraft] = useState("");
  const [files, setFiles] = useState<Attachment[]>([]);
  const [audio, setAudio] = useState<Attachment | undefined>(undefined);
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState("");
  const [held, setHeld] = useState(false);
  const [dragging, setDragging] = useState(false);
  const recorder = useRef<WavRecording | undefined>(undefined);
  const picker = useRef<HTMLInputElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const wasRunning = useRef(run.running);
  const id = inputId(common);
  const rich = value.fileMode !== "" || value.acceptAudio;
  const maxMb = value.maxUploadMb || controller.state.session?.maxUploadMb || 200;

  // A held input is released when the run its message started has finished.
  useEffect(() => {
    if (wasRunning.current && !run.running) setHeld(false);
    wasRunning.current = run.running;
  }, [run.running]);
  useEffect(() => () => recorder.current?.cancel(), []);

  const busy = files.some((f) => f.ref === undefined) || (audio !== undefined && audio.ref === undefined);
  const locked = common.disabled || (held && value.submitMode !== "submit");
  const canSend =
    !locked && !busy && !recording && (draft.trim() !== "" || files.length > 0 || audio !== undefined);

  /** Upload `file`; `place` gets the attachment while uploading, once uploaded, or undefined on failure. */
  const upload = (file: File, place: (attachment: Attachment | undefined) => void) => {
    if (file.size > maxMb * 1024 * 1024) {
      setError(`${file.name} is larger than ${maxMb} MB.`);
      return;
    }
    const sessionId = controller.state.session?.sessionId ?? "";
    attachmentCount += 1;
    const key = String(attachmentCount);
    place({ key, name: file.name });
    uploadFile(controller.baseUrl, sessionId, file, () => undefined).then(
      (ref) => place({ key, name: file.name, ref }),
      (failure: unknown) => {
        setError(failure instanceof Error ? failure.message : String(failure));
        place(undefined);
      },
    );
  };

  const attach = (chosen: File[]) => {
    setError("");
    const accepted = chosen.filter((file) => isAccepted(file.name, value.fileType));
    if (accepted.length < chosen.length) setError(`Files of this type are not accepted here.`);
    const taken = value.fileMode === "single" ? accepted.slice(0, 1) : accepted;
    if (value.fileMode === "single") {
      files.forEach((f) => f.ref && deleteUpload(f.ref));
      setFiles([]);
    }
    for (const file of taken) {
      let key = "";
      upload(file, (attachment) =>
        setFiles((current) => {
          if (attachment === undefined) return current.filter((f) => f.key !== key);
          key = attachment.key;
          const known = current.some((f) => f.key === key);
          return known ? current.map((f) => (f.key === key ? attachment : f)) : [...current, attachment];
        }),
      );
    }
  };

  const toggleRecording = async () => {
    setError("");
    if (recording) {
      const active = recorder.current;
      recorder.current = undefined;
      setRecording(false);
      if (active === undefined) return;
      const blob = await active.stop();
      const file = new File([blob], `recording_${Date.now()}.wav`, { type: "audio/wav" });
      upload(file, setAudio);
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      setError("This browser cannot record audio here (it needs HTTPS or localhost).");
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      recorder.current = recordWav(stream, value.audioSampleRate);
      setRecording(true);
    } catch (failure) {
      setError(`The microphone is not available: ${String(failure)}`);
    }
  };

  // The desktop window: the native dialog, and paths instead of uploads.
  const bridge =
    value.fileMode === "directory" ? undefined : desktopBridge(controller.state.session?.desktop ?? false);
  const takePaths = (paths: readonly string[]) => {
    const accepted = paths.filter((path) => isAccepted(path, value.fileType));
    setError(accepted.length < paths.length ? "Files of this type are not accepted here." : "");
    const taken = (value.fileMode === "single" ? accepted.slice(0, 1) : accepted).map((path) => {
      attachmentCount += 1;
      const ref = pathRef(path);
      return { key: String(attachmentCount), name: ref.name, ref };
    });
    if (taken.length === 0) return;
    if (value.fileMode === "single") files.forEach((f) => f.ref && deleteUpload(f.ref));
    setFiles((current) => (value.fileMode === "single" ? taken : [...current, ...taken]));
  };
  const browse = () => {
    if (bridge === undefined) {
      picker.current?.click();
      return;
    }
    // The dialog filters by extension; MIME types are checked once chosen.
    const extensions = value.fileType.filter((type) => type.startsWith("."));
    const filter = extensions.length === value.fileType.length ? extensions : [];
    bridge
      .request(value.fileMode === "single" ? "open_file" : "open_files", value.placeholder, filter, "")
      .then(takePaths, (failure: unknown) => setError(String(failure)));
  };
  const drop = async (dropped: File[], withheld: boolean) => {
    if (bridge !== undefined && withheld) {
      // Files from another program that the webview did not hand the page: their paths.
      return takePaths(await bridge.droppedPaths([]).catch(() => []));
    }
    if (bridge === undefined || dropped.length === 0) return attach(dropped);
    let paths: string[] = [];
    try {
      paths = await bridge.droppedPaths(dropped.map((file) => [file.name, file.size] as const));
    } catch (failure) {
      console.warn("rillet: could not ask the desktop shell for the dropped files' paths:", failure);
    }
    if (paths.length !== dropped.length) return attach(dropped);
    takePaths(paths);
  };

  const send = () => {
    if (!canSend) return;
    if (rich) {
      const refs = files.flatMap((f) => (f.ref ? [f.ref] : []));
      widget.trigger(chatInputValue(draft, refs, audio?.ref));
    } else {
      widget.trigger(stringTriggerValue(draft));
    }
    setDraft("");
    setFiles([]);
    setAudio(undefined);
    setHeld(true);
    // As Streamlit's: the next message can be typed at once, also after a click on Send.
    field.current?.focus();
  };

  const stopping = held && value.submitMode === "stop" && run.running;
  return (
    <div
      class={`rl-chat-input${dragging ? " rl-dragging" : ""}${value.height === "stretch" ? " rl-stretch" : ""}`}
      style={sizeStyle(value.width, value.height)}
      onDragOver={(event) => {
        if (value.fileMode === "" || locked) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        setDragging(false);
        if (value.fileMode === "" || locked) return;
        event.preventDefault();
        void drop(Array.from(event.dataTransfer?.files ?? []), filesWithheld(event.dataTransfer));
      }}
    >
      {(files.length > 0 || audio !== undefined || error !== "") && (
        <div class="rl-chat-attachments">
          {files.map((file) => (
            <span class="rl-chat-chip" key={file.key} data-uploaded={file.ref !== undefined}>
              {file.name}
              <button
                type="button"
                aria-label={`Remove ${file.name}`}
                onClick={() => {
                  if (file.ref) deleteUpload(file.ref);
                  setFiles(files.filter((f) => f.key !== file.key));
                }}
              >
                <CloseIcon />
              </button>
            </span>
          ))}
          {audio !== undefined && (
            <span class="rl-chat-chip" data-uploaded={audio.ref !== undefined}>
              🎤 {audio.name}
              <button
                type="button"
                aria-label="Remove the recording"
                onClick={() => {
                  if (audio.ref) deleteUpload(audio.ref);
                  setAudio(undefined);
                }}
              >
                <CloseIcon />
              </button>
            </span>
          )}
          {error !== "" && (
            <span class="rl-chat-error" role="alert">
              {error}
            </span>
          )}
        </div>
      )}
      <div class="rl-chat-row">
        {value.fileMode !== "" && (
          <>
            <input
              ref={picker}
              type="file"
              class="rl-visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              accept={acceptAttribute(value.fileType)}
              multiple={value.fileMode !== "single"}
              {...(value.fileMode === "directory" ? { webkitdirectory: "" } : {})}
              onChange={(event) => {
                attach(Array.from(event.currentTarget.files ?? []));
                event.currentTarget.value = "";
              }}
            />
            <button
              type="button"
              class="rl-chat-tool"
              aria-label={value.fileMode === "directory" ? "Attach a folder" : "Attach files"}
              disabled={locked}
              onClick={browse}
            >
              📎
            </button>
          </>
        )}
        {/* Named by aria-label, as Streamlit's: no hidden label joins the page's text. */}
        <textarea
          ref={field}
          id={id}
          aria-label={value.placeholder || "Your message"}
          class="rl-input rl-chat-textarea"
          rows={1}
          value={draft}
          placeholder={value.placeholder || "Your message"}
          maxLength={value.maxChars > 0 ? value.maxChars : undefined}
          disabled={locked || (value.submitMode === "stop" && held && run.running)}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              send();
            }
          }}
        />
        {value.acceptAudio && (
          <button
            type="button"
            class={`rl-chat-tool${recording ? " rl-recording" : ""}`}
            aria-label={recording ? "Stop recording" : "Record audio"}
            aria-pressed={recording}
            disabled={locked}
            onClick={() => void toggleRecording()}
          >
            {recording ? "⏹" : "🎤"}
          </button>
        )}
        {stopping ? (
          <button type="button" class="rl-chat-send" aria-label="Stop" onClick={() => controller.stop()}>
            <MaterialIcon name="stop" />
          </button>
        ) : (
          <button type="button" class="rl-chat-send" aria-label="Send" disabled={!canSend} onClick={send}>
            <MaterialIcon name="send" />
          </button>
        )}
      </div>
    </div>
  );
}
