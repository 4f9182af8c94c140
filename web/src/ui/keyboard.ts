import type { Selection } from '../state/state.ts';

/** The keys the explorer answers, and what each does. */
export type KeyCommand = { do: 'search' } | { do: 'escape' } | { do: 'fit' } | { do: 'expand' | 'pin' | 'hide'; id: string };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key press asks for: `/` searches, Escape closes, and, outside text fields and without
 * modifiers, F fits the view and E, P, H expand, pin or hide the selected node.
 */
export function commandFor(press: KeyPress, typing: boolean, selection: Selection): KeyCommand | null {
  if (press.key === '/' && !typing && !press.ctrlKey && !press.metaKey) return { do: 'search' };
  if (press.key === 'Escape') return { do: 'escape' };
  if (typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'f') return { do: 'fit' };
  if (selection?.kind !== 'node') return null;
  if (press.key === 'e') return { do: 'expand', id: selection.id };
  if (press.key === 'p') return { do: 'pin', id: selection.id };
  if (press.key === 'h') return { do: 'hide', id: selection.id };
  return null;
}

export interface KeyHandlers {
  selection(): Selection;
  /** An open dialog closes itself on Escape. */
  dialogOpen(): boolean;
  panelOpen(): boolean;
  focusSearch(): void;
  closePanel(): void;
  fit(): void;
  expand(id: string): void;
  togglePin(id: string): void;
  hide(id: string): void;
}

/** The explorer's keyboard shortcuts, on the whole page. */
export function bindKeyboard(handlers: KeyHandlers): void {
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const typing = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable;
    const command = commandFor(e, typing, handlers.selection());
    if (!command) return;
    if (command.do === 'search') {
      e.preventDefault();
      handlers.focusSearch();
    } else if (command.do === 'escape') {
      if (handlers.dialogOpen()) return;
      if (typing) (target as HTMLInputElement).blur();
      if (handlers.panelOpen()) handlers.closePanel();
    } else if (command.do === 'fit') handlers.fit();
    else if (command.do === 'expand') handlers.expand(command.id);
    else if (command.do === 'pin') handlers.togglePin(command.id);
    else handlers.hide(command.id);
  });
}
