// The demo pages' language switch: flips <html lang> (the kit's elements follow the nearest lang) and the
// page's own texts marked data-i18n / data-i18n-label. `?lang=en` opens in English. Nothing is stored.

/** Wires the #lang-switch button of a page whose texts are `text[locale][key]`. */
export function languageSwitch(text) {
  const apply = (locale) => {
    const t = text[locale];
    document.documentElement.lang = locale;
    document.title = t.title;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t[el.dataset.i18n];
    for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t[el.dataset.i18nLabel]);
    const button = document.getElementById('lang-switch');
    button.textContent = t.switchTo;
    button.lang = t.switchLang;
  };
  if (new URLSearchParams(location.search).get('lang') === 'en') apply('en');
  document.getElementById('lang-switch').addEventListener('click', () => {
    apply(document.documentElement.lang === 'en' ? 'zh-CN' : 'en');
  });
}
