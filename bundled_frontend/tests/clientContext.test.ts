// @vitest-environment happy-dom
// What the browser tells st.context with every rerun: the time zone is resolved once per UTC offset.
import { afterEach, describe, expect, test, vi } from "vitest";
import { clientContext } from "../src/clientContext";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("clientContext", () => {
  test("sends the zone, the offset, the locale and the URL", () => {
    const context = clientContext();
    expect(context.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(context.timezoneOffset).toBe(new Date().getTimezoneOffset());
    expect(context.locale).toBe(navigator.language);
    expect(context.url).toBe(window.location.href);
  });

  test("resolves the time zone again only when the UTC offset moves", () => {
    clientContext();
    const resolve = vi.spyOn(Intl, "DateTimeFormat");
    clientContext();
    clientContext();
    expect(resolve).not.toHaveBeenCalled();
    const offset = vi.spyOn(Date.prototype, "getTimezoneOffset").mockReturnValue(-840);
    expect(clientContext().timezoneOffset).toBe(-840);
    expect(resolve).toHaveBeenCalledTimes(1);
    offset.mockRestore();
  });
});
