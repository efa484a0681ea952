/**
 * Fragments that rerun on a timer (`@st.fragment(run_every=...)`): one
 * interval per fragment id, however many times its block is mounted, cleared
 * when the last one unmounts. A tick is skipped while the client cannot or
 * should not ask: disconnected (the request would be lost), or while a run is
 * in progress (a request would interrupt it, and a slow full run would then
 * never finish).
 */

interface Timer {
  seconds: number;
  handle: ReturnType<typeof setInterval>;
  mounts: number;
}

export class FragmentTimers {
  private readonly timers = new Map<string, Timer>();

  /**
   * @param fire asks for the fragment's rerun.
   * @param canFire whether a tick may ask now.
   */
  constructor(
    private readonly fire: (fragmentId: string) => void,
    private readonly canFire: () => boolean,
  ) {}

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
    };
  }

  /** The fragments with a running timer (for tests and debugging). */
  get active(): readonly string[] {
    return [...this.timers.keys()];
  }

  private start(fragmentId: string, seconds: number): ReturnType<typeof setInterval> {
    return setInterval(() => {
      if (this.canFire()) this.fire(fragmentId);
    }, seconds * 1000);
  }
}
