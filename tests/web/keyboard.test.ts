import { describe, expect, it } from 'vitest';
import { commandFor } from '../../web/src/ui/keyboard.ts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const node = { kind: 'node', id: 'zhang' } as const;

describe('keyboard shortcuts', () => {
  it('/ searches, except in a text field or with Ctrl or Cmd', () => {
    expect(commandFor(press('/'), false, null)).toEqual({ do: 'search' });
    expect(commandFor(press('/', { altKey: true }), false, null)).toEqual({ do: 'search' });
    expect(commandFor(press('/'), true, null)).toBeNull();
    expect(commandFor(press('/', { ctrlKey: true }), false, null)).toBeNull();
    expect(commandFor(press('/', { metaKey: true }), false, null)).toBeNull();
  });

  it('Escape always closes, even from a text field', () => {
    expect(commandFor(press('Escape'), true, node)).toEqual({ do: 'escape' });
    expect(commandFor(press('Escape', { ctrlKey: true }), false, null)).toEqual({ do: 'escape' });
  });

  it('F fits, and E, P, H expand, pin and hide the selected node', () => {
    expect(commandFor(press('f'), false, null)).toEqual({ do: 'fit' });
    expect(commandFor(press('e'), false, node)).toEqual({ do: 'expand', id: 'zhang' });
    expect(commandFor(press('p'), false, node)).toEqual({ do: 'pin', id: 'zhang' });
    expect(commandFor(press('h'), false, node)).toEqual({ do: 'hide', id: 'zhang' });
  });

  it('letters do nothing while typing, with a modifier, or without a selected node', () => {
    expect(commandFor(press('f'), true, node)).toBeNull();
    for (const mod of ['ctrlKey', 'metaKey', 'altKey'] as const) expect(commandFor(press('e', { [mod]: true }), false, node)).toBeNull();
    expect(commandFor(press('e'), false, null)).toBeNull();
    expect(commandFor(press('e'), false, { kind: 'edge', id: 'a|MET|b' })).toBeNull();
    expect(commandFor(press('x'), false, node)).toBeNull();
  });
});
