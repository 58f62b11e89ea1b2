import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { rightsContext, type RightsContextValue } from './context.js';
import { loadLocale, resolveLocale, type Locale, type LocaleResource } from './i18n.js';
import { closestLang, observeLang } from './locale-observer.js';
import { hostStyles } from './theme.styles.js';

// A provider that upgrades after the elements inside it (its module loaded later, or defined lazily)
// must still reach them: a ContextRoot on the document replays their requests when it appears.
const ROOT_KEY = Symbol.for('rights-kit.context-root');
const globalScope = globalThis as unknown as Record<symbol, unknown>;
if (typeof document !== 'undefined' && !globalScope[ROOT_KEY]) {
  globalScope[ROOT_KEY] = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * The thin base every Rights Kit element extends (never LitElement directly): shared host styles,
 * locale resolution (own `locale`, the provider's, the nearest `lang`), custom states and a safe
 * `define()`. It does not import the sdk's client: an element that talks to a backend extends
 * `RightsDataElement` (rights-data-element.ts), so quick exit, which talks to none, stays a few KB.
 */
export class RightsElement extends LitElement {
  static override styles = [hostStyles];

  /**
   * The dictionaries the element renders with (its `*.messages.ts`). A locale they load lazily (`defineMessages`
   * with a loader) is loaded before the element renders in it, so an English page never shows Chinese first.
   */
  static dictionaries: readonly LocaleResource[] = [];

  /** Locale of the element's text: this attribute, else the provider's, else the nearest `lang`, else zh-CN. */
  @property({ reflect: true }) locale?: string;

  private readonly contextConsumer = new ContextConsumer(this, {
    context: rightsContext,
    subscribe: true,
    callback: () => this.requestUpdate(),
  });

  private stopObservingLang?: () => void;

  /** Internals for custom states (`:state(loading)`) and form association where an element needs it. */
  protected readonly internals: ElementInternals = this.attachInternals();

  /** The provider's value, if any. */
  protected get context(): RightsContextValue | undefined {
    return this.contextConsumer.value;
  }

  /** The locale to render in. */
  get resolvedLocale(): Locale {
    return resolveLocale(this.locale ?? this.context?.locale ?? closestLang(this));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopObservingLang = observeLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingLang?.();
  }

  /**
   * Holds a render until the dictionaries have the locale it renders in (the first render of an English page,
   * or a switch to English): the element keeps what it shows meanwhile — nothing before its first render — and
   * `updateComplete` waits too. zh-CN is always bundled and renders at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = loadLocale((this.constructor as typeof RightsElement).dictionaries, this.resolvedLocale);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Turns a custom state (`:host(:state(name))`) on or off. */
  protected setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without CustomStateSet: the state is only cosmetic.
    }
  }

  /** Defines the tag unless it is taken; warns when another version of the kit registered it first. */
  static define(tag: string, ctor: CustomElementConstructor = this): void {
    const existing = customElements.get(tag);
    if (existing) {
      if (existing !== ctor) console.warn(`<${tag}> is already defined by another copy of Rights Kit; keeping the first.`);
      return;
    }
    customElements.define(tag, ctor);
  }
}
