/**
 * The clipboard, for what the kit copies that must not outlive a quick exit (a case reference, an access code).
 *
 * The kit remembers that it put something sensitive on the clipboard — only that, never the text — under a global
 * `Symbol.for` key, so `<rights-quick-exit>` finds the mark even when it comes from another copy or version of the
 * kit on the page. On exit it overwrites the clipboard with an empty string. Pages cannot read the clipboard
 * without asking, so the kit cannot check whether she copied something else since; in a quick exit, emptying it
 * anyway is the safe side.
 */
const MARK = Symbol.for('rights-kit:clipboard-holds-secret');

type Marked = typeof globalThis & { [MARK]?: boolean };

/** Copies `text` and marks the clipboard as holding something quick exit must clear. */
export async function copySecret(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('The clipboard is not available.');
  await navigator.clipboard.writeText(text);
  (globalThis as Marked)[MARK] = true;
}

/** Empties the clipboard if the kit put a secret there (quick exit). Never throws; resolves when done or refused. */
export async function clearSecretFromClipboard(): Promise<void> {
  const g = globalThis as Marked;
  if (!g[MARK]) return;
  try {
    await navigator.clipboard?.writeText('');
    g[MARK] = false;
  } catch {
    // Refused (the page lost focus): nothing more a page can do; the mark stays for the next try.
  }
}
