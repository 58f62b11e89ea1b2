import { html, type TemplateResult } from 'lit';
import type { Statistics } from '@rights-kit/sdk';
import type { StatsMessages } from './case-stats.messages.js';

/** The key figures — total, closed, closure rate, past deadline — the first thing the element shows of a period. */
export function renderSummary(s: Statistics, m: StatsMessages, count: (value: number) => string, percent: (value: number) => string): TemplateResult {
  return html`
    <dl class="summary" part="summary">
      <div class="total"><dt>${m.total}</dt><dd>${count(s.total)}</dd></div>
      <div class="closed"><dt>${m.closed}</dt><dd>${count(s.closed)}</dd></div>
      <div class="closure-rate"><dt>${m.closureRate}</dt><dd>${percent(s.closureRate)}</dd></div>
      <div class="overdue"><dt>${m.overdue}</dt><dd class=${s.overdue > 0 ? 'nonzero' : ''}>${count(s.overdue)}</dd></div>
    </dl>
  `;
}
