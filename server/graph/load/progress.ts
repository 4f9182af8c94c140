import type { LoadProgress } from './types.ts';

/**
 * A one-line progress bar for loads, drawn only on a terminal; elsewhere (CI, pipes, logs) it
 * returns undefined and nothing is drawn.
 */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout): { update(p: LoadProgress): void; done(): void } | undefined {
  if (!stream.isTTY) return undefined;
  const width = 30;
  let last = 0;
  let drawn = false;
  const started = Date.now();
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
      const filled = Math.round(ratio * width);
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? Math.round(p.done / seconds) : 0;
      stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ` +
          `${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} ${p.phase.padEnd(13)} ${rate.toLocaleString('en')}/s\u001b[K`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
