import type { PointProps } from './layout.js';

export interface SpotOptions {
  title: string;
  closeLabel: string;
  selectedId: string | undefined;
  /** Close the list; `returnFocus`: back to its group marker. */
  close(returnFocus: boolean): void;
  /** A station was chosen from the list. */
  choose(id: string): void;
}

/**
 * The list of a group's stations at the deepest zoom (same building, a few metres apart): a heading, a
 * close button and one button per station, built as DOM (no HTML strings: Trusted Types). Arrow keys,
 * Home and End move between stations; Escape and focus leaving the list close it.
 */
export function spotPanel(leaves: PointProps[], o: SpotOptions): { panel: HTMLElement; first: HTMLElement } {
  const panel = document.createElement('div');
  panel.className = 'rk-spot';
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-labelledby', 'rk-spot-title');
  const head = document.createElement('div');
  head.className = 'rk-spot-head';
  const title = document.createElement('p');
  title.id = 'rk-spot-title';
  title.className = 'rk-spot-title';
  title.textContent = o.title;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'button secondary rk-spot-close';
  close.setAttribute('aria-label', o.closeLabel);
  const cross = document.createElement('span');
  cross.setAttribute('aria-hidden', 'true');
  cross.textContent = '×';
  close.append(cross);
  close.addEventListener('click', () => o.close(true));
  head.append(title, close);
  const list = document.createElement('ul');
  list.className = 'rk-spot-list';
  const buttons = leaves.map((leaf) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary rk-spot-station';
    button.textContent = leaf.label;
    button.dataset['stationId'] = leaf.id;
    if (leaf.id === o.selectedId) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => {
      o.close(true);
      o.choose(leaf.id);
    });
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
    return button;
  });
  panel.append(head, list);
  panel.addEventListener('keydown', (event) => {
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    if (event.key === 'Escape') {
      o.close(true);
    } else if (event.key === 'ArrowDown' && at >= 0) {
      next = buttons[Math.min(at + 1, buttons.length - 1)];
    } else if (event.key === 'ArrowUp' && at >= 0) {
      next = buttons[Math.max(at - 1, 0)];
    } else if (event.key === 'Home' && at >= 0) {
      next = buttons[0];
    } else if (event.key === 'End' && at >= 0) {
      next = buttons[buttons.length - 1];
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    next?.focus();
  });
  panel.addEventListener('focusout', (event) => {
    const to = event.relatedTarget;
    if (to instanceof Node && !panel.contains(to)) o.close(false);
  });
  return { panel, first: buttons[0] ?? close };
}
