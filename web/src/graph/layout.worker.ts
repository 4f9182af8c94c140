/**
 * Lays large views out off the page's thread: a spectral draft first (shown at once), then the
 * full layout. Positions go back as transferred Float64Arrays; the page applies each in one batch.
 */
import { answer } from './large.ts';
import type { LayoutRequest } from './large.ts';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  answer(event.data, (reply) => self.postMessage(reply, { transfer: [reply.positions.buffer] }));
};
