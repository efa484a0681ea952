// @vitest-environment happy-dom
/** Media options and the WAV the audio recorder writes (tables: table.test.ts and the browser tests). */
import { create } from "@bufbuild/protobuf";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { AppController } from "../src/controller";
import { MediaElement } from "../src/elements/media";
import { Media_Kind, MediaSchema } from "../src/proto/rillet_pb";
import { ControllerContext } from "../src/render/context";
import type { ElementNode } from "../src/tree";
import { encodeWav } from "../src/wavRecorder";

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
});
afterEach(() => {
  act(() => render(null, container));
  container.remove();
});

const controller = { baseUrl: new URL("http://app.test/") } as AppController;
const node = {} as ElementNode;

function showMedia(init: Parameters<typeof create<typeof MediaSchema>>[1]) {
  const value = create(MediaSchema, { kind: Media_Kind.VIDEO, url: "/media/a.mp4", ...init });
  act(() =>
    render(
      <ControllerContext.Provider value={controller}>
        <MediaElement value={value} node={node} />
      </ControllerContext.Provider>,
      container,
    ),
  );
  return container.querySelector("video")!;
}

function playTo(media: HTMLMediaElement, seconds: number) {
  Object.defineProperty(media, "currentTime", { value: seconds, writable: true, configurable: true });
  media.dispatchEvent(new Event("timeupdate"));
}

describe("media", () => {
  test("muted and loop reach the element", () => {
    const video = showMedia({ muted: true, loop: true, autoplay: true });
    expect(video.muted).toBe(true);
    expect(video.loop).toBe(true);
    expect(video.src).toBe("http://app.test/media/a.mp4");
  });

  test("playback pauses at end_time", () => {
    const video = showMedia({ startTime: 2, endTime: 5 });
    const pause = vi.spyOn(video, "pause").mockImplementation(() => undefined);
    playTo(video, 4.9);
    expect(pause).not.toHaveBeenCalled();
    playTo(video, 5.1);
    expect(pause).toHaveBeenCalled();
  });

  test("a loop with end_time jumps back to start_time there, not the browser's loop", () => {
    const video = showMedia({ startTime: 2, endTime: 5, loop: true });
    expect(video.loop).toBe(false);
    playTo(video, 5.2);
    expect(video.currentTime).toBe(2);
  });

  test("a loop from start_time restarts there when the media ends", () => {
    const video = showMedia({ startTime: 3, loop: true });
    expect(video.loop).toBe(false);
    vi.spyOn(video, "play").mockImplementation(() => Promise.resolve());
    playTo(video, 60);
    video.dispatchEvent(new Event("ended"));
    expect(video.currentTime).toBe(3);
  });
});

describe("encodeWav", () => {
  test("writes a mono 16-bit PCM WAV at the given rate", async () => {
    const wav = encodeWav(new Float32Array([0, 1, -1, 0.5, 2]), 16000);
    expect(wav.type).toBe("audio/wav");
    const view = new DataView(await wav.arrayBuffer());
    const text = (at: number) => String.fromCharCode(...new Uint8Array(view.buffer, at, 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(["RIFF", "WAVE", "fmt ", "data"]);
    expect(view.getUint16(22, true)).toBe(1); // channels
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(10);
    const samples = [0, 1, 2, 3, 4].map((i) => view.getInt16(44 + 2 * i, true));
    expect(samples).toEqual([0, 32767, -32768, 16383, 32767]);
  });
});
