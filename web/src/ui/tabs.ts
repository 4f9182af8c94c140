import { byId } from './dom.ts';

export type SideTab = 'filters' | 'paths';

/** Shows one tab of the side bar (and the side bar, if it was collapsed). */
export function showTab(name: SideTab): void {
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
    const on = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    const panel = byId(tab.getAttribute('aria-controls') as string);
    panel.hidden = !on;
  }
  document.body.classList.remove('sidebar-collapsed');
}

/** A click on a tab shows it; the side bar's button shows or hides the side bar. */
export function bindTabs(): void {
  byId('toggle-sidebar').addEventListener('click', () => document.body.classList.toggle('sidebar-collapsed'));
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]'))
    tab.addEventListener('click', () => showTab(tab.dataset.tab as SideTab));
}
