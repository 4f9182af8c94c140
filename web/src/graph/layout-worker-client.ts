import { largeLayout } from './large.ts';
import type { LayoutInput, LayoutReply, LayoutRequest } from './large.ts';

/** The layout worker of the app (and of the benchmark's page). */
function layoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
}

/**
 * The large layout's worker through its life: started early, one layout at a time (a newer one
 * replaces the one in progress), and the same layout in the page when no worker can run.
 */
export class LayoutWorkerClient {
  /** Null once starting one failed (large layouts then run in the page); undefined until started. */
  private worker: Worker | null | undefined;
  /** Settles once the worker has answered its first, empty request (or failed to load). */
  private loaded: Promise<void> = Promise.resolve();
  /** Counts layouts, so a late answer to a superseded one is dropped. */
  private seq = 0;
  /** Settles the layout in progress (when a newer one replaces it). */
  private settleCurrent: (() => void) | null = null;
  private current: Promise<void> | null = null;

  constructor(private readonly enabled: boolean) {}

  /** The layout in progress in the worker, if any. */
  get inProgress(): Promise<void> | null {
    return this.current;
  }

  /** Settles once the worker has answered: a large graph then gets it at full speed. */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** The worker, started if it is not running (and may run); null when layouts run in the page. */
  start(): Worker | null {
    if (!this.enabled || this.worker === null) return null;
    if (this.worker) return this.worker;
    try {
      const worker = layoutWorker();
      // Until the page has heard that a new worker runs, it holds messages for it back, and that news
      // can wait behind a long frame (drawing thousands of elements): a request then reached the worker
      // only once the first frame was drawn. An empty request first: its answer means later ones go
      // straight through.
      this.loaded = new Promise<void>((resolve) => {
        const settle = (event: Event) => {
          if (event instanceof MessageEvent && (event.data as LayoutReply).seq !== 0) return;
          worker.removeEventListener('message', settle);
          worker.removeEventListener('error', settle);
          // One that failed to load is not tried again: large layouts run in the page.
          if (event.type === 'error' && this.worker === worker) {
            worker.terminate();
            this.worker = null;
          }
          resolve();
        };
        worker.addEventListener('message', settle);
        worker.addEventListener('error', settle);
      });
      worker.postMessage({ seq: 0, input: { nodes: [], edges: [], fixed: [] } } satisfies LayoutRequest);
      this.worker = worker;
    } catch (error) {
      console.error('layout worker unavailable', error);
      this.worker = null;
    }
    return this.worker;
  }

  /**
   * Lays `input` out (in the worker when `inWorker` and one runs, else in the page) and hands the
   * positions to `apply`. A layout still in the worker is abandoned: its positions never arrive.
   */
  layout(input: LayoutInput, inWorker: boolean, apply: (positions: Float64Array) => void): Promise<void> {
    const busy = this.settleCurrent;
    this.settleCurrent = null;
    if (busy) {
      // The worker is still on the layout being replaced: start afresh rather than wait for it.
      this.worker?.terminate();
      this.worker = undefined;
      busy();
    }
    const seq = ++this.seq;
    const inPage = () => apply(largeLayout(input));
    const worker = inWorker ? this.start() : null;
    if (!worker) {
      inPage();
      return Promise.resolve();
    }
    const done = new Promise<void>((resolve) => {
      const finish = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (this.settleCurrent === finish) this.settleCurrent = null;
        resolve();
      };
      const onMessage = (event: MessageEvent<LayoutReply>) => {
        if (event.data.seq !== seq) return;
        apply(event.data.positions);
        finish();
      };
      const onError = (event: ErrorEvent) => {
        // A worker that cannot start (or fails) is not tried again: the layout runs in the page.
        console.error('layout worker failed', event.message);
        event.preventDefault();
        worker.terminate();
        this.worker = null;
        if (seq === this.seq) inPage();
        finish();
      };
      this.settleCurrent = finish;
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      const request: LayoutRequest = { seq, input };
      worker.postMessage(request);
    }).finally(() => {
      if (this.current === done) this.current = null;
    });
    this.current = done;
    return done;
  }

  /** Ends the worker and settles a layout in progress. */
  stop(): void {
    this.worker?.terminate();
    this.settleCurrent?.();
  }
}
