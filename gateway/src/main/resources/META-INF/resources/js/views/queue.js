// 待审队列: proposals best first, filtered by field and minimum score, paged.
import { t } from '../i18n.js';
import { h, put, clear, scoreMeter, emptyState } from '../dom.js';
import { dateTime } from '../format.js';
import { get, record } from '../api.js';
import { fieldName } from '../names.js';
import { loadFields, fieldSelect, pager, weakBadge } from './common.js';
import { notify } from '../notify.js';

const PAGE_SIZE = 20;
const state = { field: '', minScore: '', page: 0 };

export async function queueView(container, args, { isCurrent }) {
  const all = await loadFields();
  if (!isCurrent()) return;
  const fieldFilter = fieldSelect('queue-field', state.field, all);
  const minScore = h('input#queue-min-score', {
    testid: 'queue-min-score', type: 'number', min: '0', max: '1', step: '0.05', value: state.minScore, placeholder: '0 – 1',
  });
  const results = h('div.queue-results', { testid: 'queue-results' });
  const form = h('form.filters', {
    testid: 'queue-filters',
    onsubmit: (event) => {
      event.preventDefault();
      state.field = fieldFilter.value;
      state.minScore = minScore.value;
      state.page = 0;
      load();
    },
  },
  h('label', {}, h('span', {}, t('queue.field')), fieldFilter),
  h('label', {}, h('span', {}, t('queue.minScore')), minScore),
  h('button.primary', { type: 'submit', testid: 'queue-apply' }, t('common.apply')),
  h('button', {
    type: 'button',
    onclick: () => {
      Object.assign(state, { field: '', minScore: '', page: 0 });
      fieldFilter.value = '';
      minScore.value = '';
      load();
    },
  }, t('common.reset')));

  put(container, 
    h('header.page-head', {}, h('h1', {}, t('queue.title')), h('p.lead', {}, t('queue.lead'))),
    form,
    results);

  async function load() {
    let page;
    try {
      page = await get('/api/matches', {
        status: 'PROPOSED', field: state.field, minScore: state.minScore, page: state.page, size: PAGE_SIZE,
      });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(results);
    if (!page.items.length) {
      results.append(emptyState(t('queue.empty')), pager(page, () => {}));
      return;
    }
    const rows = page.items.map((m, i) => queueRow(m, page.page * page.size + i + 1));
    results.append(
      h('table.queue', { testid: 'queue-table' },
        h('thead', {}, h('tr', {},
          h('th.num', {}, '#'), h('th', {}, t('queue.score')), h('th', {}, t('queue.demand')),
          h('th', {}, t('queue.achievement')), h('th', {}, t('queue.field')), h('th', {}, t('queue.terms')),
          h('th', {}, t('queue.created')))),
        h('tbody', {}, rows)),
      pager(page, (n) => {
        state.page = n;
        load();
      }));
  }

  await load();
}

function queueRow(m, rank) {
  const demandTitle = h('span.title-cell', {}, h('span.muted', {}, '…'));
  const achievementTitle = h('span.title-cell', {}, h('span.muted', {}, '…'));
  // Titles arrive after the row is shown, so a long queue is usable at once.
  record('demand', m.demandId).then((d) => clear(demandTitle).append(d?.title ?? m.demandId)).catch(() => {});
  record('achievement', m.achievementId).then((a) => clear(achievementTitle).append(a?.title ?? m.achievementId)).catch(() => {});
  const open = () => {
    location.hash = `#/pair/${m.id}`;
  };
  return h('tr.clickable', {
    testid: 'queue-row', dataset: { matchId: m.id, score: String(m.score) }, tabindex: '0',
    onclick: open, onkeydown: (e) => { if (e.key === 'Enter') open(); },
  },
  h('td.num', {}, String(rank)),
  h('td', {}, scoreMeter(m.score), weakBadge(m)),
  h('td', {}, h('a', { href: `#/pair/${m.id}`, testid: 'queue-open' }, demandTitle)),
  h('td', {}, achievementTitle),
  h('td', {}, fieldName(m.fieldCode)),
  h('td', {}, h('span.chips', {}, (m.explanation?.matchedTerms ?? []).slice(0, 4).map((term) => h('span.chip.term', {}, term)))),
  h('td.nowrap', {}, dateTime(m.createdAt)));
}
