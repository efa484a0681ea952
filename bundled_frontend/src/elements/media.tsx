/** Images, audio and video (served by the server under /media/). */
import { useEffect, useRef } from "preact/hooks";
import { Media_Kind } from "../proto/rillet_pb";
import { useController } from "../render/context";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ElementProps } from "../render/types";
import { resolveServerUrl } from "../url";

export function Images({ value }: ElementProps<"imgs">) {
  const { baseUrl } = useController();
  const style =
    value.width > 0 ? { width: `${value.width}px` } : value.width === -1 ? { width: "100%" } : undefined;
  return (
    <div class="rl-images">
      {value.imgs.map((image, index) => (
        <figure key={index} class="rl-image">
          <LinkedImage link={value.link}>
            <img
              src={resolveServerUrl(image.url, baseUrl)}
              alt={image.hasAlt ? image.alt : image.caption || undefined}
              style={style}
              loading="lazy"
            />
          </LinkedImage>
          {image.caption !== "" && (
            <figcaption class="rl-caption">
              <MarkdownBody body={image.caption} inline />
            </figcaption>
          )}
        </figure>
      ))}
    </div>
  );
}

/** `st.image(link=...)`: the image opens that URL (another page of the app, or a new tab). */
function LinkedImage({ link, children }: { link: string; children: preact.ComponentChildren }) {
  if (link === "") return <>{children}</>;
  const external = /^[a-z][a-z0-9+.-]*:/i.test(link);
  return (
    <a
      href={link}
      target={external ? "_blank" : undefined}
      rel={external ? "noopener noreferrer" : undefined}
    >
      {children}
    </a>
  );
}

export function MediaElement({ value }: ElementProps<"media">) {
  const { baseUrl } = useController();
  const ref = useRef<HTMLMediaElement>(null);
  const src = resolveServerUrl(value.url, baseUrl);
  const { startTime, endTime, loop } = value;
  useEffect(() => {
    if (ref.current && startTime > 0) ref.current.currentTime = startTime;
  }, [src, startTime]);
  // `end_time`: stop there, or jump back to `start_time` when looping.
  const onTimeUpdate = (event: Event) => {
    const media = event.currentTarget as HTMLMediaElement;
    if (endTime <= 0 || media.currentTime < endTime) return;
    if (loop) media.currentTime = startTime;
    else media.pause();
  };
  // A loop restarts at `start_time`, not at 0 (the browser's own loop would).
  const onEnded = (event: Event) => {
    if (!loop) return;
    const media = event.currentTarget as HTMLMediaElement;
    media.currentTime = startTime;
    void media.play().catch(() => undefined);
  };
  // Play again after stopping at `end_time`: from the start, not straight into a pause.
  const onPlay = (event: Event) => {
    const media = event.currentTarget as HTMLMediaElement;
    if (endTime > 0 && media.currentTime >= endTime) media.currentTime = startTime;
  };
  const common = {
    src,
    controls: true,
    loop: loop && endTime <= 0 && startTime <= 0,
    autoplay: value.autoplay,
    muted: value.muted,
    preload: "metadata",
    onTimeUpdate,
    onEnded,
    onPlay,
    "aria-label": value.alt || undefined,
  } as const;
  return value.kind === Media_Kind.VIDEO ? (
    <video ref={ref as never} class="rl-video" {...common}>
      {value.subtitles.map((track, index) =>
        track.url === "" ? null : (
          <track
            key={index}
            kind="subtitles"
            label={track.label}
            src={resolveServerUrl(track.url, baseUrl)}
            default={index === 0}
          />
        ),
      )}
    </video>
  ) : (
    <audio ref={ref as never} class="rl-audio" {...common} />
  );
}
