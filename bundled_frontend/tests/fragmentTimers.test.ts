import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { FragmentTimers } from "../src/fragmentTimers";

let fired: string[];
let ready: boolean;
let timers: FragmentTimers;

beforeEach(() => {
  vi.useFakeTimers();
  fired = [];
  ready = true;
  timers = new FragmentTimers(
    (id) => fired.push(id),
    () => ready,
  );
});

afterEach(() => {
  vi.useRealTimers();
});

describe("FragmentTimers", () => {
  test("a mounted fragment asks for its rerun every run_every seconds", () => {
    timers.mount("f1", 2);
    vi.advanceTimersByTime(1999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(["f1"]);
    vi.advanceTimersByTime(4000);
    expect(fired).toEqual(["f1", "f1", "f1"]);
  });

  test("one timer per fragment however often its block mounts; the last unmount clears it", () => {
    const first = timers.mount("f1", 1);
    const second = timers.mount("f1", 1);
    vi.advanceTimersByTime(1000);
    expect(fired).toEqual(["f1"]);
    first();
    first(); // a second call of the same unmount changes nothing
    expect(timers.active).toEqual(["f1"]);
    second();
    expect(timers.active).toEqual([]);
    vi.advanceTimersByTime(5000);
    expect(fired).toEqual(["f1"]);
  });

  test("a new interval restarts the fragment's one timer", () => {
    const old = timers.mount("f1", 1);
    timers.mount("f1", 3);
    old();
    vi.advanceTimersByTime(2999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(["f1"]);
  });

  test("no rerun is asked while the client may not ask (disconnected or running)", () => {
    timers.mount("f1", 1);
    ready = false;
    vi.advanceTimersByTime(3000);
    expect(fired).toEqual([]);
    ready = true;
    vi.advanceTimersByTime(1000);
    expect(fired).toEqual(["f1"]);
  });

  test("blocks outside fragments or without an interval get no timer", () => {
    timers.mount("", 1);
    timers.mount("f1", 0);
    expect(timers.active).toEqual([]);
  });
});
