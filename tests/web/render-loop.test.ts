import { describe, expect, it } from 'vitest';
import { RenderLoop } from '../../web/src/render-loop.ts';

/** A promise with its resolve function, to hold an apply open until the test lets it go. */
function gate(): { open: () => void; passed: Promise<void> } {
  let open = () => {};
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { open, passed };
}

describe('the render loop', () => {
  it('applies a state over the one applied before, and says when it has caught up', async () => {
    let state = 1;
    const calls: [number, number | null, boolean][] = [];
    const loop = new RenderLoop(() => state, async (next, prev, fromHistory) => (calls.push([next, prev, fromHistory]), true), () => {});
    loop.schedule();
    await loop.idle;
    state = 2;
    loop.schedule();
    await loop.idle;
    expect(calls).toEqual([
      [1, null, false],
      [2, 1, false],
    ]);
    expect(loop.applied).toBe(2);
  });

  it('applies one state at a time, then only the newest of those that arrived meanwhile', async () => {
    let state = 'a';
    const first = gate();
    const calls: string[] = [];
    const loop = new RenderLoop(
      () => state,
      async (next) => {
        calls.push(next);
        if (next === 'a') await first.passed;
        return true;
      },
      () => {},
    );
    loop.schedule();
    expect(loop.stale).toBe(false);
    for (const s of ['b', 'c', 'd']) {
      state = s;
      loop.schedule();
    }
    expect(loop.stale).toBe(true);
    first.open();
    await loop.idle;
    expect(calls).toEqual(['a', 'd']);
    expect(loop.stale).toBe(false);
  });

  it('keeps the last state applied when an apply leaves its work to a newer state', async () => {
    let state = 'a';
    const prevs: (string | null)[] = [];
    const loop = new RenderLoop(
      () => state,
      async (next, prev) => {
        prevs.push(prev);
        if (next === 'b') {
          state = 'c';
          loop.schedule();
          return false;
        }
        return true;
      },
      () => {},
    );
    loop.schedule();
    await loop.idle;
    state = 'b';
    loop.schedule();
    await loop.idle;
    // 'b' was cut short: 'c' is applied over 'a', the state the page last showed in full.
    expect(prevs).toEqual([null, 'a', 'a']);
    expect(loop.applied).toBe('c');
  });

  it('reports a failed apply, counts its state as applied, and goes on', async () => {
    let state = 1;
    const errors: unknown[] = [];
    const loop = new RenderLoop(
      () => state,
      async (next) => {
        if (next === 1) throw new Error('boom');
        return true;
      },
      (e) => errors.push(e),
    );
    loop.schedule();
    await loop.idle;
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom']);
    expect(loop.applied).toBe(1);
    state = 2;
    loop.schedule();
    await loop.idle;
    expect(loop.applied).toBe(2);
  });

  it('marks only the next state applied as coming from the history', async () => {
    let state = 1;
    const flags: boolean[] = [];
    const loop = new RenderLoop(() => state, async (_n, _p, fromHistory) => (flags.push(fromHistory), true), () => {});
    loop.fromHistoryNext();
    loop.schedule();
    await loop.idle;
    state = 2;
    loop.schedule();
    await loop.idle;
    expect(flags).toEqual([true, false]);
  });
});
