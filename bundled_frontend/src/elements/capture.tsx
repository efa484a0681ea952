/**
 * `st.camera_input` and `st.audio_input`: capture with getUserMedia, then
 * upload the photo or recording like a file upload. The value is the one
 * uploaded file; "Clear" removes it.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { UploadedFileRef, WidgetCommon } from "../proto/rillet_pb";
import { useController } from "../render/context";
import type { ElementProps } from "../render/types";
import { useWidget, type WidgetHandle } from "../render/useWidget";
import { deleteUpload, uploadFile } from "../uploads";
import { filesValue } from "../widgetValues";
import { commonOf, Label, WidgetBox } from "./common";
import { recordWav, type WavRecording } from "../wavRecorder";

function currentFile(
  widget: WidgetHandle,
  serverFile: UploadedFileRef | undefined,
): UploadedFileRef | undefined {
  if (widget.value?.case === "fileUploaderStateValue") return widget.value.value.files[0];
  return serverFile;
}

/**
 * What this page captured, by uploaded file id, to show it again: the upload
 * URL only takes PUT and DELETE, so the preview plays the local copy.
 */
const previews = new Map<string, string>();

function previewOf(file: UploadedFileRef | undefined): string | undefined {
  return file === undefined ? undefined : previews.get(file.fileId);
}

function forgetPreview(file: UploadedFileRef | undefined): void {
  const url = previewOf(file);
  if (file === undefined || url === undefined) return;
  URL.revokeObjectURL(url);
  previews.delete(file.fileId);
}

/** Upload a captured blob and make it the widget value. */
function useCaptureUpload(widget: WidgetHandle, previous: UploadedFileRef | undefined) {
  const controller = useController();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const upload = async (blob: Blob, name: string) => {
    setBusy(true);
    setError("");
    try {
      const file = new File([blob], name, { type: blob.type });
      const sessionId = controller.state.session?.sessionId ?? "";
      const ref = await uploadFile(controller.baseUrl, sessionId, file, () => undefined);
      if (previous) deleteUpload(previous);
      forgetPreview(previous);
      previews.set(ref.fileId, URL.createObjectURL(blob));
      widget.set(filesValue([ref]));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const clear = () => {
    if (previous) deleteUpload(previous);
    forgetPreview(previous);
    widget.set(filesValue([]));
  };
  return { upload, clear, error, setError, busy };
}

function mediaError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError") return "Permission denied: allow access in the browser to use this widget.";
  if (name === "NotFoundError") return "No device found.";
  return `Cannot start capture: ${String(error)}`;
}

function useStream(constraints: MediaStreamConstraints, active: boolean, onError: (m: string) => void) {
  const [stream, setStream] = useState<MediaStream | undefined>(undefined);
  useEffect(() => {
    if (!active) return undefined;
    let cancelled = false;
    let opened: MediaStream | undefined;
    if (!navigator.mediaDevices?.getUserMedia) {
      onError("This browser cannot capture media here (a secure https page is needed).");
      return undefined;
    }
    navigator.mediaDevices.getUserMedia(constraints).then(
      (s) => {
        opened = s;
        if (cancelled) s.getTracks().forEach((t) => t.stop());
        else setStream(s);
      },
      (error: unknown) => onError(mediaError(error)),
    );
    return () => {
      cancelled = true;
      opened?.getTracks().forEach((t) => t.stop());
      setStream(undefined);
    };
  }, [active]);
  return stream;
}

function CaptureFrame({ common, children }: { common: WidgetCommon; children: preact.ComponentChildren }) {
  return (
    <WidgetBox common={common} kind="capture">
      <Label common={common} as="div" />
      <div class="rl-capture">{children}</div>
    </WidgetBox>
  );
}

export function CameraInput({ value, node }: ElementProps<"cameraInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const file = currentFile(widget, value.file);
  const capture = useCaptureUpload(widget, file);
  // `resolution`: ask for that capture height; the camera picks the nearest it has.
  const constraints = { video: value.height > 0 ? { height: { ideal: value.height } } : true };
  const stream = useStream(constraints, file === undefined && !common.disabled, capture.setError);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
  }, [stream]);

  const takePhoto = () => {
    const source = video.current;
    if (!source) return;
    const canvas = document.createElement("canvas");
    canvas.width = source.videoWidth;
    canvas.height = source.videoHeight;
    canvas.getContext("2d")?.drawImage(source, 0, 0);
    canvas.toBlob((blob) => blob && void capture.upload(blob, "photo.jpg"), "image/jpeg", 0.92);
  };

  return (
    <CaptureFrame common={common}>
      {file ? (
        previewOf(file) !== undefined ? (
          <img class="rl-capture-preview" src={previewOf(file)} alt="Captured photo" />
        ) : (
          <div class="rl-caption">Photo taken: {file.name}</div>
        )
      ) : (
        <video ref={video} class="rl-capture-preview" autoPlay playsInline muted />
      )}
      {capture.error && (
        <div class="rl-field-error" role="alert">
          {capture.error}
        </div>
      )}
      <div class="rl-capture-actions">
        {file ? (
          <button
            type="button"
            class="rl-button rl-button-secondary"
            disabled={common.disabled}
            onClick={capture.clear}
          >
            Clear photo
          </button>
        ) : (
          <button
            type="button"
            class="rl-button rl-button-secondary"
            disabled={common.disabled || stream === undefined || capture.busy}
            onClick={takePhoto}
          >
            Take photo
          </button>
        )}
      </div>
    </CaptureFrame>
  );
}

export function AudioInput({ value, node }: ElementProps<"audioInput">) {
  const common = commonOf(value.common);
  const widget = useWidget(common, node);
  const file = currentFile(widget, value.file);
  const capture = useCaptureUpload(widget, file);
  const [recording, setRecording] = useState(false);
  const { sampleRate } = value;
  const audio = sampleRate > 0 ? { sampleRate, channelCount: 1 } : { channelCount: 1 };
  const stream = useStream({ audio }, recording, capture.setError);
  const recorder = useRef<WavRecording | undefined>(undefined);

  // A WAV at the script's sample_rate (see wavRecorder.ts).
  useEffect(() => {
    if (!stream) return undefined;
    try {
      recorder.current = recordWav(stream, sampleRate);
    } catch (error) {
      capture.setError(`Cannot record: ${String(error)}`);
      setRecording(false);
      return undefined;
    }
    return () => {
      recorder.current?.cancel();
      recorder.current = undefined;
    };
  }, [stream]);

  const stop = () => {
    const current = recorder.current;
    recorder.current = undefined;
    setRecording(false);
    current?.stop().then(
      (wav) => capture.upload(wav, "recording.wav"),
      (error: unknown) => capture.setError(`Cannot record: ${String(error)}`),
    );
  };

  return (
    <CaptureFrame common={common}>
      {file &&
        (previewOf(file) !== undefined ? (
          <audio class="rl-audio" controls src={previewOf(file)} />
        ) : (
          <div class="rl-caption">Recorded: {file.name}</div>
        ))}
      {capture.error && (
        <div class="rl-field-error" role="alert">
          {capture.error}
        </div>
      )}
      <div class="rl-capture-actions">
        {recording ? (
          <button type="button" class="rl-button rl-button-primary" onClick={stop}>
            ■ Stop recording
          </button>
        ) : (
          <button
            type="button"
            class="rl-button rl-button-secondary"
            disabled={common.disabled || capture.busy}
            onClick={() => setRecording(true)}
          >
            ● Record
          </button>
        )}
        {file && !recording && (
          <button
            type="button"
            class="rl-button rl-button-tertiary"
            disabled={common.disabled}
            onClick={capture.clear}
          >
            Clear
          </button>
        )}
      </div>
    </CaptureFrame>
  );
}
