/**
 * `st.audio_input` records WAV (16-bit PCM, mono) at the sample rate the
 * script asked for, as Streamlit does, instead of the browser's compressed
 * MediaRecorder formats.
 *
 * The microphone is read through an AudioContext created at that rate, so
 * the browser resamples as it records. A browser that cannot join a
 * microphone to a context of another rate (Firefox) records at the device's
 * rate; the recording is then resampled once at the end, offline.
 */

export interface WavRecording {
  /** Stop recording; resolves to the WAV file. */
  stop(): Promise<Blob>;
  /** Stop and throw the recording away. */
  cancel(): void;
}

/** The samples as a WAV file: RIFF header, then 16-bit little-endian PCM. */
export function encodeWav(samples: Float32Array, sampleRate: number): Blob {
  const bytesPerSample = 2;
  const dataSize = samples.length * bytesPerSample;
  const view = new DataView(new ArrayBuffer(44 + dataSize));
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i += 1) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + dataSize, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * bytesPerSample, true); // byte rate
  view.setUint16(32, bytesPerSample, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  text(36, "data");
  view.setUint32(40, dataSize, true);
  for (let i = 0; i < samples.length; i += 1) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(44 + i * bytesPerSample, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return new Blob([view.buffer], { type: "audio/wav" });
}

function joined(chunks: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function resampled(samples: Float32Array, from: number, to: number): Promise<Float32Array> {
  if (from === to || samples.length === 0) return samples;
  const offline = new OfflineAudioContext(1, Math.ceil((samples.length * to) / from), to);
  const buffer = offline.createBuffer(1, samples.length, from);
  buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
  const source = offline.createBufferSource();
  source.buffer = buffer;
  source.connect(offline.destination);
  source.start();
  return (await offline.startRendering()).getChannelData(0);
}

/** The context and microphone source, at `sampleRate` when the browser can join them. */
function openSource(stream: MediaStream, sampleRate: number) {
  if (sampleRate > 0) {
    let context: AudioContext | undefined;
    try {
      context = new AudioContext({ sampleRate });
      return { context, source: context.createMediaStreamSource(stream) };
    } catch {
      void context?.close();
    }
  }
  const context = new AudioContext();
  return { context, source: context.createMediaStreamSource(stream) };
}

/** Start recording `stream`; `sampleRate` 0 keeps the device's rate. */
export function recordWav(stream: MediaStream, sampleRate: number): WavRecording {
  const { context, source } = openSource(stream, sampleRate);
  const chunks: Float32Array[] = [];
  // ScriptProcessorNode: deprecated, but everywhere and needs no worklet module to load.
  const processor = context.createScriptProcessor(4096, 1, 1);
  processor.onaudioprocess = (event) => {
    chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
    event.outputBuffer.getChannelData(0).fill(0);
  };
  source.connect(processor);
  processor.connect(context.destination);
  const close = () => {
    processor.onaudioprocess = null;
    source.disconnect();
    processor.disconnect();
    void context.close();
  };
  return {
    async stop() {
      close();
      const target = sampleRate > 0 ? sampleRate : context.sampleRate;
      return encodeWav(await resampled(joined(chunks), context.sampleRate, target), target);
    },
    cancel: close,
  };
}
