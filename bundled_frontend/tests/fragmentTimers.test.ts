import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { FragmentTimers } from "../src/fragmentTimers";

let fired: string[];
let connected: boolean;
let running: boolean;
let timers: FragmentTimers;

beforeEach(() => {
  vi.useFakeTimers();
  fired = [];
  connected = true;
  running = false;
  timers = new FragmentTimers(
    (id) => fired.push(id),
    () => connected,
    () => running,
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

  test("ticks while disconnected are dropped", () => {
    timers.mount("f1", 1);
    connected = false;
    vi.advanceTimersByTime(3000);
    timers.runFinished();
    expect(fired).toEqual([]);
    connected = true;
    vi.advanceTimersByTime(1000);
    expect(fired).toEqual(["f1"]);
  });

  test("a tick during a run waits for its end, once however many ticks came", () => {
    timers.mount("f1", 1);
    timers.mount("f2", 1);
    running = true;
    vi.advanceTimersByTime(3000);
    expect(fired).toEqual([]);
    running = false;
    timers.runFinished();
    expect(fired).toEqual(["f1", "f2"]);
    timers.runFinished();
    expect(fired).toEqual(["f1", "f2"]);
  });

  test("a waiting tick of a fragment that has gone meanwhile is not asked for", () => {
    const unmount = timers.mount("f1", 1);
    running = true;
    vi.advanceTimersByTime(1000);
    unmount();
    running = false;
    timers.runFinished();
    expect(fired).toEqual([]);
  });

  test("blocks outside fragments or without an interval get no timer", () => {
    timers.mount("", 1);
    timers.mount("f1", 0);
    expect(timers.active).toEqual([]);
  });
});
