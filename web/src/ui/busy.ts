import { byId } from './dom.ts';

/** The spinner over the canvas: shown while any load is under way, with what is loading. */
export class BusyIndicator {
  private count = 0;

  start(label = 'Loading…'): void {
    this.set(1, label);
  }

  stop(): void {
    this.set(-1, 'Loading…');
  }

  private set(change: 1 | -1, label: string): void {
    this.count = Math.max(0, this.count + change);
    byId('busy').hidden = this.count === 0;
    byId('busy-label').textContent = label;
    byId('cy').setAttribute('aria-busy', this.count > 0 ? 'true' : 'false');
  }
}
