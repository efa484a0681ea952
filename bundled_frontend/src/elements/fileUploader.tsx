/**
 * `st.file_uploader`: a drop zone with a browse button. Each file is PUT to
 * the server with a progress bar; the widget value is the list of uploaded
 * file references. The X removes a file (DELETE) and updates the value. In
 * the desktop window "Upload" opens the native open dialog instead and
 * the chosen files travel as paths (no upload); so do files dropped from the
 * system's file manager, whose paths the shell recorded (rillet/protocol/
 * README.md, "Desktop powers").
 */
import { Fragment } from "preact";
import { useRef, useState } from "preact/hooks";
import { desktopBridge, filesWithheld, pathRef } from "../desktop";
import type { UploadedFileRef } from "../proto/rillet_pb";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useWidget } from "../render/useWidget";
import { acceptAttribute, deleteUpload, formatBytes, isAccepted, uploadFile } from "../uploads";
import { filesValue } from "../widgetValues";
import { CloseIcon, commonOf, inputId, Label, MaterialIcon, WidgetBox } from "./common";

interface InFlight {
  readonly name: string;
  readonly progress: number;
}

/** A file's size as Streamlit 1.67's file chip shows it: "11.0B", "1.5KB", "2.0MB". */
export function chipSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size.toFixed(1)}${units[unit]}`;
}

export function FileUploader({ value, node }: ElementProps<"fileUploader">) {
  const picker = useRef<HTMLInputElement>(null);
  const controller = useController();
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const files: readonly UploadedFileRef[] =
    widget.value?.case === "fileUploaderStateValue" ? widget.value.value.files : value.files;
  const [inFlight, setInFlight] = useState<readonly InFlight[]>([]);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [dragging, setDragging] = useState(false);
  const filesRef = useRef(files);
  filesRef.current = files;
  const id = inputId(common);
  const maxMb = value.maxUploadMb || controller.state.session?.maxUploadMb || 200;

  const accept = async (list: ArrayLike<File> | null) => {
    const chosen = Array.from(list ?? []);
    if (chosen.length === 0) return;
    const sessionId = controller.state.session?.sessionId ?? "";
    const problems: string[] = [];
    const wanted = (value.multiple ? chosen : chosen.slice(0, 1)).filter((file) => {
      if (!isAccepted(file.name, value.type)) {
        problems.push(`${file.name}: ${file.name.split(".").pop() ?? ""} files are not allowed.`);
        return false;
      }
      if (file.size > maxMb * 1024 * 1024) {
        problems.push(`${file.name} is ${formatBytes(file.size)}; the limit is ${maxMb} MB per file.`);
        return false;
      }
      return true;
    });
    setErrors(problems);
    setInFlight(wanted.map((file) => ({ name: file.name, progress: 0 })));
    const uploaded: UploadedFileRef[] = [];
    await Promise.all(
      wanted.map(async (file, index) => {
        try {
          const ref = await uploadFile(controller.baseUrl, sessionId, file, (progress) =>
            setInFlight((current) => current.map((item, i) => (i === index ? { ...item, progress } : item))),
          );
          uploaded.push(ref);
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }),
    );
    setInFlight([]);
    setErrors([...problems]);
    if (uploaded.length === 0) return;
    if (!value.multiple) filesRef.current.forEach(deleteUpload);
    widget.set(filesValue(value.multiple ? [...filesRef.current, ...uploaded] : uploaded));
  };

  // In the desktop window "Upload" opens the native dialog and the
  // files go by path (the server reads them); so do files dropped from the
  // system, when the shell knows their paths. A folder upload uploads.
  const bridge = value.directory ? undefined : desktopBridge(controller.state.session?.desktop ?? false);
  const takePaths = (paths: readonly string[]) => {
    const refused = paths.filter((path) => !isAccepted(path, value.type));
    setErrors(refused.map((path) => `${path}: this type of file is not allowed here.`));
    const refs = paths.filter((path) => isAccepted(path, value.type)).map(pathRef);
    if (refs.length === 0) return;
    if (!value.multiple) filesRef.current.forEach(deleteUpload);
    widget.set(filesValue(value.multiple ? [...filesRef.current, ...refs] : refs.slice(0, 1)));
  };
  const browseNative = (event: Event) => {
    if (bridge === undefined) return;
    event.preventDefault();
    const kind = value.multiple ? "open_files" : "open_file";
    bridge
      .request(kind, common.label, value.type, "")
      .then(takePaths, (error: unknown) => setErrors([String(error)]));
  };
  const drop = async (list: FileList | null, withheld: boolean) => {
    const dropped = Array.from(list ?? []);
    if (bridge !== undefined && withheld) {
      // Files from another program that the webview did not hand the page: their paths.
      const paths = await bridge.droppedPaths([]).catch(() => []);
      return takePaths(value.multiple ? paths : paths.slice(0, 1));
    }
    if (bridge === undefined || dropped.length === 0) return accept(dropped);
    const wanted = value.multiple ? dropped : dropped.slice(0, 1);
    let paths: string[] = [];
    try {
      paths = await bridge.droppedPaths(wanted.map((file) => [file.name, file.size] as const));
    } catch (error) {
      console.warn("rillet: could not ask the desktop shell for the dropped files' paths:", error);
    }
    if (paths.length !== wanted.length) {
      console.warn("rillet: the desktop shell knows no paths for this drop; uploading the files instead");
      return accept(dropped);
    }
    takePaths(paths);
  };

  const remove = (ref: UploadedFileRef) => {
    deleteUpload(ref);
    widget.set(filesValue(files.filter((f) => f.fileId !== ref.fileId)));
  };

  // As Streamlit 1.67 words it: "200MB per file • CSV, TXT".
  const limits = [
    `${maxMb}MB per file`,
    value.type.length > 0
      ? value.type
          .map((t) => t.replace(/^\./, ""))
          .join(", ")
          .toUpperCase()
      : "",
  ]
    .filter(Boolean)
    .join(" • ");

  return (
    <WidgetBox common={common} kind="file-uploader">
      <Label common={common} htmlFor={id} />
      <div
        class={`rl-dropzone${dragging ? " rl-dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          if (!common.disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!common.disabled)
            void drop(event.dataTransfer?.files ?? null, filesWithheld(event.dataTransfer));
        }}
      >
        <input
          ref={picker}
          id={id}
          type="file"
          hidden
          accept={acceptAttribute(value.type)}
          multiple={value.multiple}
          disabled={common.disabled}
          onClick={browseNative}
          onChange={(event) => {
            const input = event.currentTarget;
            void accept(input.files).finally(() => (input.value = ""));
          }}
        />
        {/* As Streamlit 1.67: empty, the zone offers Upload and its limits; with files it
            lists them, each removable, with an "Add files" button to choose more. */}
        {/* Keyed: the Upload button is not reused as "Add files" (it would keep the focus). */}
        {files.length + inFlight.length === 0 ? (
          <Fragment key="empty">
            {/* A real button named as Streamlit 1.67's (get_by_role("button", name="Upload")),
                that opens the hidden input's chooser; the input keeps the widget's label
                and, hidden, is no second "button" for get_by_role. */}
            <button
              type="button"
              class={`rl-button rl-button-secondary${common.disabled ? " rl-disabled" : ""}`}
              disabled={common.disabled}
              onClick={() => picker.current?.click()}
            >
              <MaterialIcon name="upload" />
              Upload
            </button>
            <div class="rl-dropzone-text">
              <span class="rl-caption">{limits}</span>
            </div>
          </Fragment>
        ) : (
          <Fragment key="files">
            <ul class="rl-file-list">
              {inFlight.map((item) => (
                <li key={`up-${item.name}`} class="rl-file">
                  <span class="rl-file-name">{item.name}</span>
                  <progress max={1} value={item.progress} aria-label={`Uploading ${item.name}`} />
                </li>
              ))}
              {files.map((file) => (
                <li key={file.fileId} class="rl-file">
                  <span class="rl-file-name">{file.name}</span>
                  <span class="rl-caption" title={file.path || undefined}>
                    {file.path || chipSize(Number(file.size))}
                  </span>
                  <button
                    type="button"
                    class="rl-file-remove"
                    aria-label={`Remove ${file.name}`}
                    disabled={common.disabled}
                    onClick={() => remove(file)}
                  >
                    <CloseIcon />
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              class="rl-button rl-button-tertiary"
              aria-label="Add files"
              disabled={common.disabled}
              onClick={() => picker.current?.click()}
            >
              <MaterialIcon name="add" />
            </button>
          </Fragment>
        )}
      </div>
      {errors.map((error, i) => (
        <div key={i} class="rl-field-error" role="alert">
          {error}
        </div>
      ))}
    </WidgetBox>
  );
}
