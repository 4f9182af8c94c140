import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClickWindow, DOUBLE_CLICK_MS } from '../../web/src/graph/double-click.ts';

describe('the double-click window', () => {
  // A fake clock: the window is timed by Date.now() here, which the fake timers move.
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const clicks = () => new ClickWindow(() => Date.now());

  it('is open for DOUBLE_CLICK_MS after a tap, and closed before any tap', () => {
    const w = clicks();
    expect(w.pending).toBe(false);
    w.tapped();
    expect(w.pending).toBe(true);
    vi.advanceTimersByTime(DOUBLE_CLICK_MS - 1);
    expect(w.pending).toBe(true);
    expect(w.left()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(w.pending).toBe(false);
  });

  it('counts from the last tap', () => {
    const w = clicks();
    w.tapped();
    vi.advanceTimersByTime(300);
    w.tapped();
    vi.advanceTimersByTime(300);
    expect(w.pending).toBe(true);
  });

  it('settles at once when no tap is recent, else once the window has passed', async () => {
    const w = clicks();
    await w.settled();
    w.tapped();
    let settled = false;
    void w.settled().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(200);
    // A tap while waiting pushes the end of the window back.
    w.tapped();
    await vi.advanceTimersByTimeAsync(DOUBLE_CLICK_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('runs a move at once outside the window, and holds it back inside', () => {
    const w = clicks();
    const moves: string[] = [];
    w.afterwards(() => moves.push('now'));
    expect(moves).toEqual(['now']);
    expect(w.waiting).toBe(false);
    w.tapped();
    w.afterwards(() => moves.push('later'));
    expect(w.waiting).toBe(true);
    vi.advanceTimersByTime(DOUBLE_CLICK_MS);
    expect(moves).toEqual(['now', 'later']);
    expect(w.waiting).toBe(false);
  });

  it('replaces a waiting move with a newer one, which waits out a later tap too', () => {
    const w = clicks();
    const moves: string[] = [];
    w.tapped();
    w.afterwards(() => moves.push('first'));
    vi.advanceTimersByTime(100);
    w.afterwards(() => moves.push('second'));
    vi.advanceTimersByTime(250);
    w.tapped();
    vi.advanceTimersByTime(DOUBLE_CLICK_MS - 1);
    expect(moves).toEqual([]);
    expect(w.waiting).toBe(true);
    vi.advanceTimersByTime(1);
    expect(moves).toEqual(['second']);
  });
});
