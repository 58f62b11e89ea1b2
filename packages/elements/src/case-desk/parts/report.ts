import { html, nothing } from 'lit';
import type { ScreenContext } from '../screen-context.js';

/** The last four half years, newest first: `2026-H2`, `2026-H1`, … — what an office reports on. */
export function recentHalves(now: Date): string[] {
  let year = now.getFullYear();
  let half = now.getMonth() < 6 ? 1 : 2;
  const halves: string[] = [];
  for (let i = 0; i < 4; i++) {
    halves.push(`${year}-H${half}`);
    if (half === 2) half = 1;
    else [year, half] = [year - 1, 2];
  }
  return halves;
}

/**
 * The report pane: a period and the page's `<rights-case-stats mode="staff">` with the desk's session. The desk
 * does not import that element (each element's folder is its own): the button shows only when the page has
 * defined it, as the bundle and the demo staff page do.
 */
export function renderReport(ctx: ScreenContext, period: string, choose: (period: string) => void) {
  const { t, locale } = ctx;
  const halves = recentHalves(new Date());
  return html`
    <h3 id="report-heading" tabindex="-1">${t.reportHeading}</h3>
    <div class="field report-period" part="field">
      <label class="label" for="report-period">${t.reportPeriod}</label>
      <select id="report-period" class="input" part="input" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
        ${halves.map((h) => html`<option value=${h} ?selected=${h === period}>${t.halfYear(Number(h.slice(0, 4)), h.endsWith('H1') ? 1 : 2)}</option>`)}
      </select>
    </div>
    ${ctx.token ? html`<rights-case-stats mode="staff" period=${period} locale=${locale} .client=${ctx.client} .token=${ctx.token}></rights-case-stats>` : nothing}
  `;
}
