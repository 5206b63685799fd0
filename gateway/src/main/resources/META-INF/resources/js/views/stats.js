// 统计: the figures operators report, in totals and as charts by month and by field.
import { t, label } from '../i18n.js';
import { h, put, clear, emptyState } from '../dom.js';
import { number, money, amountUnit, amountInUnit, shortAmount, aside, percent, dateTime, weightMove } from '../format.js';
import { get, download } from '../api.js';
import { fieldName, regionName } from '../names.js';
import { loadFields, fieldSelect, regionOptions } from './common.js';
import { barChart, lineChart, horizontalBarChart } from '../charts.js';
import { notify } from '../notify.js';

const METRICS = ['achievementsRegistered', 'demandsPosted', 'pairsProposed', 'pairsApproved', 'pairsIntroduced',
  'contractsSigned', 'contractTurnoverCny', 'achievementsTransferred', 'enterprisesServed'];
const state = { from: '', to: '', field: '' };

/** 2026-03 → 26-03: twelve months fit under the bars. */
export const monthLabel = (key) => (/^\d{4}-\d{2}$/.test(key) ? key.slice(2) : key);

const integer = (v) => (Number.isInteger(v) ? number(v) : v.toFixed(1));

export async function statsView(container, args, { isCurrent }) {
  const all = (await loadFields()).filter((f) => !f.code.includes('.'));
  if (!isCurrent()) return;
  const from = h('input#stats-from', { testid: 'stats-from', type: 'month', value: state.from });
  const to = h('input#stats-to', { testid: 'stats-to', type: 'month', value: state.to });
  const fieldFilter = fieldSelect('stats-field', state.field, all);
  const body = h('div.stats-body', { testid: 'stats-body' });
  const learning = h('div.learning-box', { testid: 'learning-box' });
  put(container, 
    h('header.page-head', {}, h('h1', {}, t('stats.title')), h('p.lead', {}, t('stats.lead'))),
    h('form.filters', {
      testid: 'stats-filters',
      onsubmit: (event) => {
        event.preventDefault();
        Object.assign(state, { from: from.value, to: to.value, field: fieldFilter.value });
        load();
      },
    },
    h('label', {}, h('span', {}, t('stats.from')), from),
    h('label', {}, h('span', {}, t('stats.to')), to),
    h('label', {}, h('span', {}, t('stats.field')), fieldFilter),
    h('button.primary', { type: 'submit', testid: 'stats-apply' }, t('common.apply'))),
    body,
    reportForm(() => ({ from: from.value, to: to.value, field: fieldFilter.value })),
    learning);

  async function load() {
    let stats;
    try {
      stats = await get('/api/stats', { from: state.from, to: state.to, field: state.field });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    // Show the period the server chose when none was given.
    if (!from.value) from.value = stats.from ?? '';
    if (!to.value) to.value = stats.to ?? '';
    clear(body).append(...render(stats).filter(Boolean));
  }

  await load();
  await loadLearning(learning, isCurrent);
}

/** The .xlsx report of the same figures: the period of the filter above (or its own), a region. */
function reportForm(period) {
  const region = h('input#report-region', { testid: 'report-region', pattern: '\\d{6}', placeholder: t('search.regionPlaceholder'), list: 'report-region-options' });
  const from = h('input#report-from', { testid: 'report-from', type: 'month' });
  const to = h('input#report-to', { testid: 'report-to', type: 'month' });
  return h('form.panel.filters.report-form', {
    testid: 'report-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const chosen = period();
      const params = { from: from.value || chosen.from, to: to.value || chosen.to, region: region.value.trim(), field: chosen.field };
      try {
        await download('/api/stats/report.xlsx', {
          params,
          accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json',
          fileName: `techbridge-stats-${params.from || 'start'}-${params.to || 'now'}${params.region ? `-${params.region}` : ''}.xlsx`,
        });
        notify(t('stats.reportDownloaded'), 'notice');
      } catch (e) {
        notify(e);
      }
    },
  },
  h('h2', {}, t('stats.report')),
  h('label', {}, h('span', {}, t('stats.from')), from),
  h('label', {}, h('span', {}, t('stats.to')), to),
  h('label', {}, h('span', {}, t('search.region')), region, regionOptions('report-region-options')),
  h('button.primary', { type: 'submit', testid: 'report-download' }, t('stats.downloadReport')),
  h('small.muted', {}, t('stats.reportLead')));
}

/** How broker decisions moved the matcher: per field the acceptance rate and each factor's weight against its default. */
async function loadLearning(box, isCurrent) {
  let learning;
  try {
    learning = await get('/api/stats/learning');
  } catch (e) {
    if (e.status === 404) clear(box).append(emptyState(t('learning.none')));
    else notify(e);
    return;
  }
  if (!isCurrent()) return;
  const rows = (Array.isArray(learning) ? learning : learning?.fields ?? learning?.items ?? [])
    .filter((r) => r.decisions > 0 || Object.keys(r.weights ?? {}).length)
    .sort((a, b) => (b.decisions ?? 0) - (a.decisions ?? 0));
  clear(box).append(h('section.panel', { testid: 'learning' },
    h('h2', {}, t('learning.title')),
    h('p.muted', {}, t('learning.lead')),
    rows.length ? h('table.data.learning-table', {},
      h('thead', {}, h('tr', {},
        h('th', {}, t('stats.field')), h('th.num', {}, t('learning.decisions')), h('th.num', {}, t('learning.approved')),
        h('th.num', {}, t('learning.rejected')), h('th', {}, t('learning.acceptance')), h('th', {}, t('learning.reasons')),
        h('th', {}, t('learning.weights')))),
      h('tbody', {}, rows.map(learningRow))) : emptyState(t('learning.none'))));
}

function learningRow(r) {
  const name = fieldName(r.fieldCode);
  const rate = r.acceptanceRate ?? (r.decisions ? r.approved / r.decisions : null);
  const weights = Object.entries(r.weights ?? {});
  const history = [...(r.history ?? [])].sort((a, b) => String(b.at).localeCompare(String(a.at))).slice(0, 5);
  return h('tr', { testid: 'learning-row', dataset: { field: r.fieldCode, rate: rate == null ? '' : String(rate) } },
    h('td', {}, name === r.fieldCode ? (r.fieldName ?? r.fieldCode) : name, h('div.muted', {}, r.fieldCode)),
    h('td.num', {}, number(r.decisions ?? 0)),
    h('td.num', {}, number(r.approved ?? 0)),
    h('td.num', {}, number(r.rejected ?? 0)),
    h('td', {}, h('span.bar', {}, h('span.bar-fill', { style: `width:${Math.round((rate ?? 0) * 100)}%` })),
      h('span.bar-value', {}, percent(rate, 0))),
    h('td', {}, Object.entries(r.rejectionsByReason ?? {}).filter(([, n]) => n > 0)
      .map(([reason, n]) => h('span.chip', {}, `${label('reason', reason)} ${n}`))),
    h('td', {},
      h('div.weights', {}, weights.map(([factor, value]) => {
        const before = r.defaultWeights?.[factor];
        const { text, direction } = weightMove(before, value);
        return h(`span.weight.weight-${direction}`, {
          testid: 'learning-weight', dataset: { factor, value: String(value), default: String(before ?? '') },
          title: before == null ? null : t('learning.weightTitle', { before: number(before, 4), after: number(value, 4) }),
        }, `${label('factor', factor)} ${text}`);
      })),
      history.length ? h('details', {}, h('summary', {}, t('learning.history')),
        h('ul.history', {}, history.map((step) => h('li', {},
          `${dateTime(step.at)} · ${label('factor', step.factor)} ${weightMove(step.from, step.to).text}${step.cause ? ` · ${label('reason', step.cause)}` : ''}`)))) : null));
}

/** The server leaves out empty months; the charts show every month of the period, empty ones as 0. */
export function everyMonth(from, to, rows) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const match = /^(\d{4})-(\d{2})$/;
  if (!match.test(from ?? '') || !match.test(to ?? '')) return rows;
  let [, y, m] = from.match(match).map(Number);
  const [, lastY, lastM] = to.match(match).map(Number);
  const all = [];
  while ((y < lastY || (y === lastY && m <= lastM)) && all.length < 120) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    all.push(byKey.get(key) ?? { key });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return all;
}

function render(stats) {
  const totals = stats.totals ?? {};
  const months = everyMonth(stats.from, stats.to, stats.byMonth ?? []);
  const fields = [...(stats.byField ?? [])];
  const regions = stats.byRegion ?? [];
  const fieldLabel = (row) => {
    const name = fieldName(row.key);
    return name === row.key ? (row.label ?? row.key) : name;
  };
  const byPairs = [...fields].sort((a, b) => b.pairsProposed - a.pairsProposed);
  const byTurnover = fields.filter((r) => r.contractTurnoverCny > 0).sort((a, b) => b.contractTurnoverCny - a.contractTurnoverCny);
  return [
    h('div.period.muted', { testid: 'stats-period' }, `${stats.from} – ${stats.to}`),
    h('div.tiles', { testid: 'stats-totals' }, METRICS.map((metric) => h(`div.tile${metric === 'contractTurnoverCny' || metric === 'contractsSigned' ? '.tile-key' : ''}`, {
      testid: `total-${metric}`, dataset: { value: String(totals[metric] ?? 0) },
    },
    h('span.tile-label', {}, t(`metric.${metric}`)),
    h('span.tile-value', {}, metric === 'contractTurnoverCny' ? money(totals[metric] ?? 0) : number(totals[metric] ?? 0))))),
    h('div.chart-grid', {},
      h('section.panel', {},
        h('h2', {}, t('stats.byMonth')),
        barChart({
          testid: 'chart-month-pairs',
          categories: months.map((r) => monthLabel(r.key)),
          series: ['pairsProposed', 'pairsApproved', 'pairsIntroduced', 'contractsSigned'].map((metric) => ({
            name: t(`metric.${metric}`), values: months.map((r) => r[metric] ?? 0),
          })),
          format: integer,
        })),
      h('section.panel', {},
        h('h2', {}, `${t('stats.turnoverByMonth')}${aside(amountUnit())}`),
        lineChart({
          testid: 'chart-month-turnover',
          categories: months.map((r) => monthLabel(r.key)),
          series: [{ name: t('metric.contractTurnoverCny'), values: months.map((r) => r.contractTurnoverCny ?? 0), color: '#d66a4f' }],
          format: shortAmount,
          minMax: 10_000,
        })),
      h('section.panel', {},
        h('h2', {}, t('stats.byField')),
        byPairs.length
          ? horizontalBarChart({
            testid: 'chart-field-pairs', categories: byPairs.map(fieldLabel), values: byPairs.map((r) => r.pairsProposed ?? 0), format: integer,
          })
          : h('p.muted', {}, t('common.empty'))),
      h('section.panel', {},
        h('h2', {}, `${t('stats.turnoverByField')}${aside(amountUnit())}`),
        byTurnover.length
          ? horizontalBarChart({
            testid: 'chart-field-turnover', categories: byTurnover.map(fieldLabel), values: byTurnover.map((r) => r.contractTurnoverCny), format: shortAmount, color: '#d66a4f', minMax: 10_000,
          })
          : h('p.muted', {}, t('common.empty')))),
    regions.length ? h('section.panel', { testid: 'stats-regions' },
      h('h2', {}, t('stats.byRegion')),
      h('table.data', {},
        h('thead', {}, h('tr', {}, h('th', {}, t('stats.region')),
          ['pairsProposed', 'pairsApproved', 'contractsSigned', 'contractTurnoverCny', 'enterprisesServed'].map((m) => h('th.num', {},
            m === 'contractTurnoverCny' ? `${t(`metric.${m}`)}${aside(amountUnit())}` : t(`metric.${m}`))))),
        h('tbody', {}, regions.map((r) => h('tr', {},
          h('td', { title: r.key }, r.label ?? regionName(r.key)),
          h('td.num', {}, number(r.pairsProposed)), h('td.num', {}, number(r.pairsApproved)),
          h('td.num', {}, number(r.contractsSigned)), h('td.num', { dataset: { value: String(r.contractTurnoverCny ?? 0) } }, amountInUnit(r.contractTurnoverCny ?? 0)),
          h('td.num', {}, number(r.enterprisesServed))))))) : null,
  ];
}
