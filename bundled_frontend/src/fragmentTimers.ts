/**
 * Fragments that rerun on a timer (`@st.fragment(run_every=...)`): one
 * interval per fragment id, however many times its block is mounted, cleared
 * when the last one unmounts. While disconnected a tick is dropped (the
 * request would be lost). While a run is in progress a tick waits for its
 * end (`runFinished`): asking then would interrupt the run, and a full run
 * slower than the interval would never finish.
 */

interface Timer {
  seconds: number;
  handle: ReturnType<typeof setInterval>;
  mounts: number;
}

export class FragmentTimers {
  private readonly timers = new Map<string, Timer>();
  private readonly waiting = new Set<string>();

  /**
   * @param fire asks for the fragment's rerun.
   * @param connected whether a request can reach the server.
   * @param running whether a run is in progress.
   */
  constructor(
    private readonly fire: (fragmentId: string) => void,
    private readonly connected: () => boolean,
    private readonly running: () => boolean,
  ) {}

  /** A run ended: ask for the reruns whose ticks came during it. */
  runFinished(): void {
    const due = [...this.waiting].filter((id) => this.timers.has(id));
    this.waiting.clear();
    if (this.connected()) for (const id of due) this.fire(id);
  }

  /** A block of fragment `fragmentId` is shown; returns the function to call when it goes. */
  mount(fragmentId: string, seconds: number): () => void {
    if (fragmentId === "" || !(seconds > 0)) return () => undefined;
    let timer = this.timers.get(fragmentId);
    if (timer === undefined) {
      timer = { seconds, handle: this.start(fragmentId, seconds), mounts: 0 };
      this.timers.set(fragmentId, timer);
    } else if (timer.seconds !== seconds) {
      clearInterval(timer.handle);
      timer.seconds = seconds;
      timer.handle = this.start(fragmentId, seconds);
    }
    timer.mounts += 1;
    let mounted = true;
    return () => {
      if (!mounted) return;
      mounted = false;
      const current = this.timers.get(fragmentId);
      if (current === undefined) return;
      current.mounts -= 1;
      if (current.mounts > 0) return;
      clearInterval(current.handle);
      this.timers.delete(fragmentId);
      this.waiting.delete(fragmentId);
    };
  }

  /** The fragments with a running timer (for tests and debugging). */
  get active(): readonly string[] {
    return [...this.timers.keys()];
  }

  private start(fragmentId: string, seconds: number): ReturnType<typeof setInterval> {
    return setInterval(() => {
      if (!this.connected()) return;
      if (this.running()) this.waiting.add(fragmentId);
      else this.fire(fragmentId);
    }, seconds * 1000);
  }
}
