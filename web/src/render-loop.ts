/**
 * Brings the page to the newest state, one state at a time: states that arrive while one is being
 * applied wait, and only the newest of them is applied next.
 */
export class RenderLoop<S> {
  private dirty = false;
  private running: Promise<void> | null = null;
  private fromHistory = false;
  private last: S | null = null;
  /** Resolves when the page has caught up with the state: for tests and the screenshot script. */
  idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly current: () => S,
    /** Brings the page from `prev` to `next`; false when a newer state arrived midway and the work was left to it. */
    private readonly apply: (next: S, prev: S | null, fromHistory: boolean) => Promise<boolean>,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** The state the page shows, once one has been applied. */
  get applied(): S | null {
    return this.last;
  }

  /** True while a newer state waits: an apply under way leaves the rest of its work to it. */
  get stale(): boolean {
    return this.dirty;
  }

  /** The next state comes from the address (a reopened link, back or forward), not from the user. */
  fromHistoryNext(): void {
    this.fromHistory = true;
  }

  /** The state changed: apply it once the apply under way (if any) is done. */
  schedule(): void {
    this.dirty = true;
    if (this.running) return;
    this.running = (async () => {
      while (this.dirty) {
        this.dirty = false;
        const next = this.current();
        const fromHistory = this.fromHistory;
        this.fromHistory = false;
        try {
          // An apply cut short by a newer state leaves `last` as it was, so nothing is skipped.
          if (await this.apply(next, this.last, fromHistory)) this.last = next;
        } catch (error) {
          this.failed(error);
          this.last = next;
        }
      }
      this.running = null;
    })();
    this.idle = this.running;
  }
}
