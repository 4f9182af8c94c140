/**
 * Lays large views out off the page's thread. Positions go back as a transferred Float64Array; the
 * page applies them in one batch.
 */
import { answer } from './large.ts';
import type { LayoutRequest } from './large.ts';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const reply = answer(event.data);
  self.postMessage(reply, { transfer: [reply.positions.buffer] });
};
