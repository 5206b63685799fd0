// 待审队列: proposals best first, filtered by field and minimum score (a percentage, as scores are shown), paged.
import { t } from '../i18n.js';
import { h, put, clear, scoreMeter, emptyState } from '../dom.js';
import { dateTime, percentToFraction } from '../format.js';
import { get } from '../api.js';
import { recordCell, assigneeChip } from './followup.js';
import { fieldName } from '../names.js';
import { loadFields, fieldSelect, pager, weakBadge } from './common.js';
import { notify } from '../notify.js';

const PAGE_SIZE = 20;
const state = { field: '', minScore: '', assignee: '', q: '', sort: 'score', page: 0 };

export async function queueView(container, args, { isCurrent }) {
  const all = await loadFields();
  if (!isCurrent()) return;
  const fieldFilter = fieldSelect('queue-field', state.field, all);
  const minScore = h('input#queue-min-score', {
    testid: 'queue-min-score', type: 'number', min: '0', max: '100', step: '5', value: state.minScore, placeholder: '0 – 100',
    inputmode: 'decimal',
  });
  const minScoreNote = h('small.field-violation', { id: 'queue-min-score-violation', testid: 'violation-minScore', role: 'alert', hidden: true });
  const minScoreField = h('label', { dataset: { field: 'minScore' } },
    h('span', {}, t('queue.minScore')),
    minScore,
    minScoreNote);
  const assignee = h('select#queue-assignee', { testid: 'queue-assignee' },
    [['', 'followUp.filter.all'], ['me', 'followUp.filter.mine'], ['unassigned', 'followUp.filter.unassigned']]
      .map(([value, key]) => h('option', { value, selected: state.assignee === value }, t(key))));
  const text = h('input#queue-q', { testid: 'queue-q', type: 'search', maxlength: '100', value: state.q, placeholder: t('queue.textHint') });
  const sort = h('select#queue-sort', { testid: 'queue-sort' },
    ['score', 'newest'].map((value) => h('option', { value, selected: state.sort === value }, t(`queue.sort.${value}`))));
  const results = h('div.queue-results', { testid: 'queue-results' });

  /** The minimum score typed, or why it is refused, said beside the field. */
  function readMinScore() {
    // a number input gives '' for text it cannot read: that is not "no minimum"
    const read = minScore.validity?.badInput ? { error: 'filter.percentNotNumber' } : percentToFraction(minScore.value);
    minScoreField.classList.toggle('invalid', Boolean(read.error));
    minScoreNote.hidden = !read.error;
    minScoreNote.textContent = read.error ? t(read.error) : '';
    if (read.error) {
      minScore.setAttribute('aria-invalid', 'true');
      minScore.setAttribute('aria-describedby', minScoreNote.id);
    } else {
      minScore.removeAttribute('aria-invalid');
      minScore.removeAttribute('aria-describedby');
    }
    return read;
  }

  function resetFilters() {
    Object.assign(state, { field: '', minScore: '', assignee: '', q: '', sort: 'score', page: 0 });
    fieldFilter.value = '';
    minScore.value = '';
    assignee.value = '';
    text.value = '';
    sort.value = 'score';
    readMinScore();
    load();
  }

  const form = h('form.filters', {
    testid: 'queue-filters', novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      if (readMinScore().error) {
        minScore.focus();
        return;
      }
      state.field = fieldFilter.value;
      state.minScore = minScore.value.trim();
      state.assignee = assignee.value;
      state.q = text.value.trim();
      state.sort = sort.value;
      state.page = 0;
      load();
    },
  },
  h('label', {}, h('span', {}, t('queue.text')), text),
  h('label', {}, h('span', {}, t('queue.field')), fieldFilter),
  minScoreField,
  h('label', {}, h('span', {}, t('followUp.assignee')), assignee),
  h('label', {}, h('span', {}, t('queue.sortBy')), sort),
  h('button.primary', { type: 'submit', testid: 'queue-apply' }, t('common.apply')),
  h('button', { type: 'button', testid: 'queue-reset', onclick: resetFilters }, t('common.reset')));

  put(container, 
    h('header.page-head', {}, h('h1', {}, t('queue.title')), h('p.lead', {}, t('queue.lead'))),
    form,
    results);

  async function load() {
    let page;
    try {
      page = await get('/api/matches', {
        status: 'PROPOSED', field: state.field, minScore: percentToFraction(state.minScore).value,
        assignee: state.assignee || null, q: state.q || null, sort: state.sort === 'score' ? null : state.sort,
        page: state.page, size: PAGE_SIZE,
      });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(results);
    if (!page.items.length) {
      // With a filter set, the filter (not the queue) is why nothing shows: say so and offer to clear it.
      const filtered = state.field !== '' || state.minScore !== '' || state.assignee !== '' || state.q !== '';
      results.append(filtered
        ? emptyState(t('queue.emptyFiltered'), ' ', h('button', { type: 'button', testid: 'queue-clear-filters', onclick: resetFilters }, t('queue.clearFilters')))
        : emptyState(t('queue.empty')), pager(page, () => {}));
      return;
    }
    const rows = page.items.map((m, i) => queueRow(m, page.page * page.size + i + 1));
    results.append(
      h('table.queue', { testid: 'queue-table' },
        h('thead', {}, h('tr', {},
          h('th.num', {}, '#'), h('th', {}, t('queue.score')), h('th', {}, t('queue.demand')),
          h('th', {}, t('queue.achievement')), h('th', {}, t('queue.field')), h('th', {}, t('queue.terms')),
          h('th', {}, t('followUp.assignee')), h('th', {}, t('queue.created')))),
        h('tbody', {}, rows)),
      pager(page, (n) => {
        state.page = n;
        load();
      }));
  }

  await load();
}

function queueRow(m, rank) {
  // One tab stop per row, the link to the pair; a click anywhere on the row opens it too.
  return h('tr.clickable', {
    testid: 'queue-row', dataset: { matchId: m.id, score: String(m.score) },
    onclick: (event) => {
      if (!event.target.closest('a')) location.hash = `#/pair/${m.id}`;
    },
  },
  h('td.num', {}, String(rank)),
  h('td', {}, scoreMeter(m.score), weakBadge(m)),
  h('td', { dataset: { label: t('queue.demand') } }, recordCell('demand', m.demandId, { link: `#/pair/${m.id}`, testid: 'queue-open' })),
  h('td', { dataset: { label: t('queue.achievement') } }, recordCell('achievement', m.achievementId, { testid: 'queue-achievement' })),
  h('td', { dataset: { label: t('queue.field') } }, fieldName(m.fieldCode)),
  h('td.terms-cell', {}, h('span.chips', {}, (m.explanation?.matchedTerms ?? []).slice(0, 4).map((term) => h('span.chip.term', {}, term)))),
  h('td', {}, assigneeChip(m)),
  h('td.nowrap', {}, dateTime(m.createdAt)));
}
