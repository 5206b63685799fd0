// 审计日志: the admin's audit trail (logins, account changes, merges, broker decisions, …), newest
// first, filtered by action, outcome, actor and days, paged.
import { t } from '../i18n.js';
import { h, put, clear, emptyState } from '../dom.js';
import { dateTime } from '../format.js';
import { get } from '../api.js';
import { pager } from './common.js';
import { notify } from '../notify.js';

const PAGE_SIZE = 50;
export const ACTIONS = ['LOGIN', 'ORGANISATION_CREATE', 'USER_CREATE', 'USER_UPDATE', 'API_KEY_ISSUE', 'API_KEY_REVOKE', 'REINDEX', 'DEAD_LETTER_REPLAY', 'DEAD_LETTER_REPLAY_ALL', 'WEBHOOK_CREATE', 'WEBHOOK_DELETE', 'ACHIEVEMENT_IMPORT',
  'DEMAND_IMPORT', 'ACHIEVEMENT_MERGE', 'DEMAND_MERGE', 'MATCH_DECISION', 'INTRODUCTION_ANSWER', 'MATCH_TRANSITION',
  'CHALLENGE_AWARD', 'APPLICATION_SHORTLIST', 'APPLICATION_SCORE'];
const OUTCOMES = ['SUCCEEDED', 'REFUSED', 'FAILED'];
const state = { action: '', outcome: '', actor: '', from: '', to: '' };

export async function auditView(container, args, { isCurrent }) {
  const action = select('audit-action', ACTIONS, state.action, (a) => t(`audit.action.${a}`));
  const outcome = select('audit-outcome', OUTCOMES, state.outcome, (o) => t(`audit.outcome.${o}`));
  const actor = h('input#audit-actor', { testid: 'audit-actor', type: 'search', value: state.actor, placeholder: t('audit.actorHint') });
  const from = h('input#audit-from', { testid: 'audit-from', type: 'date', value: state.from });
  const to = h('input#audit-to', { testid: 'audit-to', type: 'date', value: state.to });
  const results = h('div', { testid: 'audit-results' });
  const form = h('form.filters', {
    testid: 'audit-filters',
    onsubmit: (event) => {
      event.preventDefault();
      Object.assign(state, { action: action.value, outcome: outcome.value, actor: actor.value.trim(), from: from.value, to: to.value });
      load(0);
    },
  },
  h('label', { for: 'audit-action' }, h('span', {}, t('audit.action')), action),
  h('label', { for: 'audit-outcome' }, h('span', {}, t('audit.outcome')), outcome),
  h('label', { for: 'audit-actor' }, h('span', {}, t('audit.actor')), actor),
  h('label', { for: 'audit-from' }, h('span', {}, t('audit.from')), from),
  h('label', { for: 'audit-to' }, h('span', {}, t('audit.to')), to),
  h('button.primary', { type: 'submit', testid: 'audit-apply' }, t('common.apply')),
  h('button', {
    type: 'button',
    onclick: () => {
      Object.assign(state, { action: '', outcome: '', actor: '', from: '', to: '' });
      [action, outcome, actor, from, to].forEach((el) => { el.value = ''; });
      load(0);
    },
  }, t('common.reset')));

  put(container,
    h('header.page-head', {}, h('h1', {}, t('audit.title')), h('p.lead', {}, t('audit.lead'))),
    form,
    results);

  async function load(pageNumber) {
    let page;
    try {
      page = await get('/api/admin/audit', { ...state, page: pageNumber, size: PAGE_SIZE });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(results);
    if (!page.items.length) {
      results.append(emptyState(t('audit.empty')));
      return;
    }
    results.append(h('table.data.audit', { testid: 'audit-table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('audit.time')),
        h('th', {}, t('audit.actor')),
        h('th', {}, t('audit.action')),
        h('th', {}, t('audit.target')),
        h('th', {}, t('audit.outcome')),
        h('th', {}, t('audit.request')))),
      h('tbody', {}, page.items.map(row))),
    pager(page, load));
  }

  await load(0);
}

function select(id, values, selected, label) {
  return h(`select#${id}`, { testid: id },
    h('option', { value: '' }, t('audit.any')),
    values.map((v) => h('option', { value: v, selected: v === selected }, label(v))));
}

function row(e) {
  const who = e.actorName ?? t('audit.nobody');
  return h('tr', { testid: 'audit-row', dataset: { action: e.action, outcome: e.outcome } },
    h('td.nowrap', { 'data-label': t('audit.time') }, dateTime(e.occurredAt, { seconds: true })),
    h('td', { 'data-label': t('audit.actor') }, h('div', {}, who),
      e.actorRole ? h('small.muted', {}, `${t(`role.${e.actorRole}`)}${e.actorOrganisation ? ` · ${e.actorOrganisation}` : ''}`) : null),
    h('td', { 'data-label': t('audit.action') }, t(`audit.action.${e.action}`)),
    h('td.mono', { 'data-label': t('audit.target') }, e.target ?? '—'),
    h('td', { 'data-label': t('audit.outcome') }, h(`span.badge.outcome-${e.outcome.toLowerCase()}`, {}, t(`audit.outcome.${e.outcome}`)),
      e.status ? h('small.muted', {}, ` ${e.status}`) : null),
    h('td.mono', { 'data-label': t('audit.request') }, h('div', {}, e.requestId ?? '—'), h('small.muted', {}, e.clientAddress ?? '')));
}
