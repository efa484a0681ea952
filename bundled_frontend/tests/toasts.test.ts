import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { TOAST_LIFETIME_MS, ToastStore } from "../src/chrome/toasts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("ToastStore", () => {
  test("toasts stack and leave on their own", () => {
    const store = new ToastStore();
    store.show("2.0", "first", "");
    store.show("2.1", "second", "🔥");
    expect(store.current.map((t) => t.body)).toEqual(["first", "second"]);
    vi.advanceTimersByTime(TOAST_LIFETIME_MS + 1);
    expect(store.current).toEqual([]);
  });

  test("a toast from the same place updates the visible one and restarts its clock", () => {
    const store = new ToastStore();
    store.show("2.0", "Saving…", "");
    vi.advanceTimersByTime(TOAST_LIFETIME_MS - 100);
    store.show("2.0", "Saved!", "✅");
    vi.advanceTimersByTime(200);
    expect(store.current.map((t) => t.body)).toEqual(["Saved!"]);
  });

  test("a toast given seconds stays that long; -1 stays until dismissed", () => {
    const store = new ToastStore();
    store.show("2.0", "long", "", 10);
    store.show("2.1", "sticky", "", -1);
    vi.advanceTimersByTime(9_900);
    expect(store.current.map((t) => t.body)).toEqual(["long", "sticky"]);
    vi.advanceTimersByTime(200);
    expect(store.current.map((t) => t.body)).toEqual(["sticky"]);
    vi.advanceTimersByTime(3_600_000);
    expect(store.current.map((t) => t.body)).toEqual(["sticky"]);
  });

  test("dismissing removes it at once", () => {
    const store = new ToastStore();
    store.show("2.0", "bye", "");
    const [toast] = store.current;
    store.dismiss(toast!.key);
    expect(store.current).toEqual([]);
  });
});
