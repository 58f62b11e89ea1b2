import type { ReactiveController, ReactiveControllerHost, RenderOptions } from 'lit';

/** What she did on a prerendered screen before the element's script arrived: her answers by control name, and focus. */
export interface PrerenderedState {
  /** A checked radio's value, a text field's text, the values of a checkbox group's ticked boxes. */
  values: Record<string, string | string[]>;
  /** The id of the control that has focus, if one inside the screen has. */
  focusId: string | undefined;
}

/** Reads what she chose and typed on a screen, and where her focus is, from its controls (by name). */
export function readPrerendered(root: ShadowRoot): PrerenderedState {
  const values: PrerenderedState['values'] = {};
  for (const control of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input[name], textarea[name], select[name]')) {
    const { name } = control;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      if (control.checked) values[name] = [...((values[name] as string[] | undefined) ?? []), control.value];
    } else if (control instanceof HTMLInputElement && control.type === 'radio') {
      if (control.checked) values[name] = control.value;
    } else if (control.value !== '') {
      values[name] = control.value;
    }
  }
  return { values, focusId: root.activeElement?.id || undefined };
}

/**
 * Takes over a first screen a page put in its HTML as declarative shadow DOM (`<template shadowrootmode="open">`
 * inside the element): LitElement renders into that shadow root, so without this its first render would land
 * after the prerendered markup (two copies). Just before the first render — the same task, so nothing flashes —
 * it reads what she did there (`readPrerendered`), hands it to `adopt` for the element's state, and clears the
 * markup; just after, focus goes back to the control with the same id. Until then (the element's script or its
 * locale still loading) the prerendered screen stays and works as plain HTML. A screen that differs from what
 * the element renders (another locale, other attributes) is simply replaced: the element's render wins.
 */
export class PrerenderedScreen implements ReactiveController {
  private focusId: string | undefined;
  private done = false;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment; renderOptions: RenderOptions },
    private readonly adopt: (state: PrerenderedState) => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.done) return;
    this.done = true;
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot) || !root.hasChildNodes()) return;
    const state = readPrerendered(root);
    this.focusId = state.focusId;
    this.adopt(state);
    root.replaceChildren();
    // LitElement renders before a shadow root's first child (for Lit's own SSR hydration), which is gone now.
    this.host.renderOptions.renderBefore = null;
  }

  hostUpdated(): void {
    const id = this.focusId;
    if (id === undefined) return;
    this.focusId = undefined;
    (this.host.renderRoot as ShadowRoot).getElementById(id)?.focus({ preventScroll: true });
  }
}
