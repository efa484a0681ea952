import { describe, expect, test } from "vitest";
import { backoffDelay, streamUrl } from "../src/connection";
import { appBaseUrl, pageNameOf, pageUrl, queryStringOf } from "../src/url";

describe("app urls", () => {
  test("the base is two folders above the entry script", () => {
    const base = appBaseUrl("http://h/app/static/assets/index-1.js", "http://h/app/page", false);
    expect(base.href).toBe("http://h/app/");
  });

  test("the page name is the path below the base", () => {
    const base = new URL("http://h/app/");
    expect(pageNameOf("/app/", base)).toBe("");
    expect(pageNameOf("/app/charts", base)).toBe("charts");
    expect(pageNameOf("/app/charts/", base)).toBe("charts");
  });

  test("the query string loses its question mark", () => {
    expect(queryStringOf("?a=1&b=2")).toBe("a=1&b=2");
    expect(queryStringOf("")).toBe("");
    expect(queryStringOf("?token=abc&x=1")).toBe("x=1");
  });

  test("a page url keeps the query but never the desktop token", () => {
    const base = new URL("http://h/app/");
    expect(pageUrl(base, "charts", "a=1&token=secret")).toBe("/app/charts?a=1");
    expect(pageUrl(base, "", "")).toBe("/app/");
  });
});

describe("connection urls and backoff", () => {
  test("the stream url is relative to the base and resumes a session", () => {
    expect(streamUrl(new URL("https://h/app/"), "s1")).toBe("wss://h/app/_rillet/stream?session=s1");
    expect(streamUrl(new URL("http://h/"), undefined)).toBe("ws://h/_rillet/stream");
  });

  test("reconnect delays double and stop at five seconds", () => {
    expect(backoffDelay(0)).toBe(200);
    expect(backoffDelay(1)).toBe(400);
    expect(backoffDelay(3)).toBe(1600);
    expect(backoffDelay(10)).toBe(5000);
  });
});
