/**
 * What the browser knows of its user — language, time zone, URL, theme,
 * whether the page is framed — sent with every rerun for `st.context`.
 */
import { create } from "@bufbuild/protobuf";
import { ClientContextSchema, type ClientContext } from "./proto/rillet_pb";

let zone: { offset: number; name: string } | undefined;

/**
 * The IANA time zone's name. Resolving it builds an `Intl.DateTimeFormat`
 * (a fraction of a millisecond, on every click's rerun), so it is kept
 * while the UTC offset stays the one it was read at: a zone change that
 * moves the offset (travel, a new system setting) is read again.
 */
function timeZone(offset: number): string {
  if (zone?.offset !== offset) {
    let name = "";
    try {
      name = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
    } catch {
      // no Intl time zones: the offset alone
    }
    zone = { offset, name };
  }
  return zone.name;
}

function framed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a parent of another origin may not even be compared
  }
}

export function clientContext(): ClientContext {
  const offset = new Date().getTimezoneOffset();
  return create(ClientContextSchema, {
    locale: navigator.language ?? "",
    timezone: timeZone(offset),
    timezoneOffset: offset,
    url: window.location.href,
    theme: document.documentElement.dataset["theme"] ?? "",
    isEmbedded: framed() || new URLSearchParams(window.location.search).get("embed") === "true",
  });
}
