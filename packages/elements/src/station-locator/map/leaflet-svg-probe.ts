/**
 * Makes Leaflet 1.9 loadable under Trusted Types.
 *
 * While its module evaluates, Leaflet probes inline-SVG support with `div.innerHTML = '<svg/>'`. Under the
 * kit's policy (`require-trusted-types-for 'script'; trusted-types lit-html`) assigning a plain string to
 * `innerHTML` throws, so the whole map module would fail to load. Imported just before Leaflet, this module
 * answers that one probe with DOM calls (the result Leaflet expects: an `<svg>` child); any other value goes
 * to the browser's own setter unchanged. `restoreInnerHtml()`, called right after Leaflet has evaluated,
 * removes the shim again, so nothing else on the page ever runs through it.
 *
 * The map itself never hands Leaflet an HTML string: icons are elements, and the zoom and attribution
 * controls (which write `innerHTML`) are replaced by the locator's own buttons and text.
 */
const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');

if (descriptor?.set && descriptor.get && typeof HTMLDivElement !== 'undefined') {
  const { get, set } = descriptor;
  Object.defineProperty(HTMLDivElement.prototype, 'innerHTML', {
    configurable: true,
    get(this: HTMLDivElement) {
      return get.call(this);
    },
    set(this: HTMLDivElement, value: unknown) {
      if (value === '<svg/>') {
        this.replaceChildren(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
        return;
      }
      set.call(this, value);
    },
  });
}

/** Removes the shim; Leaflet has finished its load-time probes. */
export function restoreInnerHtml(): void {
  if (Object.prototype.hasOwnProperty.call(HTMLDivElement.prototype, 'innerHTML')) {
    delete (HTMLDivElement.prototype as unknown as Record<string, unknown>)['innerHTML'];
  }
}
