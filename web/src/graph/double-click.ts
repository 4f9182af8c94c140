/**
 * Two taps closer together than this make a double click (the desktop default is about 500 ms;
 * Cytoscape's own 250 ms misses many real ones). Nothing on the canvas moves in between, so the
 * second click lands on the node the first one hit.
 */
export const DOUBLE_CLICK_MS = 400;

/** The double-click window after the last tap, and the moves of the view that wait for it to pass. */
export class ClickWindow {
  private lastTap = -Infinity;
  private deferred: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = DOUBLE_CLICK_MS,
  ) {}

  /** A tap landed, or the page finished handling one: the window counts from now. */
  tapped(): void {
    this.lastTap = this.now();
  }

  /** Milliseconds left in which a second click could still make a double click of the last tap. */
  left(): number {
    return this.lastTap + this.windowMs - this.now();
  }

  /** True while a second click could still make a double click of the last tap. */
  get pending(): boolean {
    return this.left() > 0;
  }

  /** Resolves once no double click can be under way. */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const wait = this.left();
        if (wait <= 0) resolve();
        else setTimeout(check, wait);
      };
      check();
    });
  }

  /** Runs `move` once no double click can be under way; a newer move replaces a waiting one. */
  afterwards(move: () => void): void {
    clearTimeout(this.deferred);
    this.deferred = undefined;
    const wait = this.left();
    if (wait <= 0) move();
    else this.deferred = setTimeout(() => this.afterwards(move), wait);
  }

  /** True while a move waits for the window to pass. */
  get waiting(): boolean {
    return this.deferred !== undefined;
  }
}
