/**
 * History that quick exit can live with. Quick exit replaces the page's own history entry, but it cannot
 * delete entries the page added before: a portal whose menu links (`#help`, `#track`) each push an entry
 * leaves "Back" one press away from the domestic-violence help page. Pages that embed the kit should move
 * within themselves without adding entries; these two helpers make that easy and say when it went wrong.
 */

/** True for a plain click on a same-page `#fragment` link (no modifier, main button, no download/target). */
function inPageLink(event: MouseEvent): HTMLAnchorElement | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const link = (event.composedPath().find((n) => n instanceof HTMLAnchorElement) as HTMLAnchorElement | undefined) ?? undefined;
  if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self')) return undefined;
  const url = new URL(link.href, location.href);
  const here = new URL(location.href);
  if (!url.hash || url.origin !== here.origin || url.pathname !== here.pathname || url.search !== here.search) return undefined;
  return link;
}

/**
 * Makes same-page `#fragment` links under `root` replace the current history entry instead of pushing a
 * new one, then scrolls to and focuses their target (as the browser would, and so keyboard and screen
 * reader users land there). Returns a function that undoes it.
 *
 * ```js
 * import { replaceInPageNavigation } from '@rights-kit/elements';
 * replaceInPageNavigation(document);
 * ```
 */
export function replaceInPageNavigation(root: Document | HTMLElement = document): () => void {
  const onClick = (event: Event): void => {
    const link = inPageLink(event as MouseEvent);
    if (!link) return;
    const id = decodeURIComponent(new URL(link.href).hash.slice(1));
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    history.replaceState(history.state, '', `#${encodeURIComponent(id)}`);
    target.scrollIntoView();
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

/**
 * Watches the page's history while the kit is on it and warns once, in the console, when it grew: each
 * new entry is a page Back can return to after quick exit. `onGrow` is for tests; the warning says what
 * to do. Returns a function that stops watching.
 */
export function watchHistoryGrowth(onGrow: (added: number) => void = warnHistoryGrew): () => void {
  const start = history.length;
  let warned = false;
  const check = (): void => {
    if (warned || history.length <= start) return;
    warned = true;
    onGrow(history.length - start);
  };
  window.addEventListener('hashchange', check);
  window.addEventListener('popstate', check);
  return () => {
    window.removeEventListener('hashchange', check);
    window.removeEventListener('popstate', check);
  };
}

function warnHistoryGrew(added: number): void {
  console.warn(
    `rights-quick-exit: this page added ${added} history ${added === 1 ? 'entry' : 'entries'} since it loaded. ` +
      'After quick exit, Back can return to them. Move within the page without adding entries: ' +
      'replaceInPageNavigation() from @rights-kit/elements, or history.replaceState. See docs/elements/quick-exit.md.',
  );
}
