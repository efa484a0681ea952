/**
 * What the browser knows of its user — language, time zone, URL, theme,
 * whether the page is framed — sent with every rerun for `st.context`.
 */
import { create } from "@bufbuild/protobuf";
import { ClientContextSchema, type ClientContext } from "./proto/rillet_pb";

function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    return "";
  }
}

function framed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a parent of another origin may not even be compared
  }
}

export function clientContext(): ClientContext {
  return create(ClientContextSchema, {
    locale: navigator.language ?? "",
    timezone: timeZone(),
    timezoneOffset: new Date().getTimezoneOffset(),
    url: window.location.href,
    theme: document.documentElement.dataset["theme"] ?? "",
    isEmbedded: framed() || new URLSearchParams(window.location.search).get("embed") === "true",
  });
}
