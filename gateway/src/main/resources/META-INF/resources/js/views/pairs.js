// 我的对接: an enterprise's or university's pairs (the server lists its own, from APPROVED on).
import { t } from '../i18n.js';
import { h, put, clear, scoreMeter, statusBadge, emptyState } from '../dom.js';
import { dateTime, money } from '../format.js';
import { get, record, currentRole } from '../api.js';
import { fieldName } from '../names.js';
import { loadFields, pager, weakBadge } from './common.js';
import { notify } from '../notify.js';

export async function pairsView(container, args, { isCurrent }) {
  await loadFields();
  if (!isCurrent()) return;
  const list = h('div', { testid: 'pairs-list' });
  put(container, 
    h('header.page-head', {}, h('h1', {}, t('pairs.title')), h('p.lead', {}, t('pairs.lead'))),
    list);

  async function load(pageNumber = 0) {
    let page;
    try {
      page = await get('/api/matches', { page: pageNumber, size: 20 });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(list);
    if (!page.items.length) {
      list.append(emptyState(t('pairs.empty')));
      return;
    }
    const enterprise = currentRole() === 'enterprise';
    list.append(h('table.queue', { testid: 'pairs-table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t(enterprise ? 'queue.demand' : 'queue.achievement')),
        h('th', {}, t('pairs.counterpart')),
        h('th', {}, t('queue.score')),
        h('th', {}, t('queue.field')),
        h('th', {}, t('pair.status')),
        h('th', {}, t('queue.created')))),
      h('tbody', {}, page.items.map((m) => row(m, enterprise)))),
    pager(page, load));
  }

  await load();
}

function row(m, enterprise) {
  const own = h('span', {}, '…');
  const other = h('span', {}, '…');
  const [ownKind, ownId, otherKind, otherId] = enterprise
    ? ['demand', m.demandId, 'achievement', m.achievementId]
    : ['achievement', m.achievementId, 'demand', m.demandId];
  record(ownKind, ownId).then((r) => clear(own).append(r?.title ?? ownId)).catch(() => {});
  record(otherKind, otherId).then((r) => clear(other).append(r?.title ?? otherId)).catch(() => {});
  return h('tr.clickable', { testid: 'pair-row', dataset: { matchId: m.id, status: m.status }, onclick: () => { location.hash = `#/pair/${m.id}`; } },
    h('td', {}, h('a', { href: `#/pair/${m.id}`, testid: 'pair-open' }, own)),
    h('td', {}, other),
    h('td', {}, scoreMeter(m.score), weakBadge(m)),
    h('td', {}, fieldName(m.fieldCode)),
    h('td', {}, statusBadge(m.status),
      m.status === 'INTRODUCED' && !m.disclosed && enterprise ? h('span.badge.waiting', {}, t('pair.notDisclosed')) : null,
      m.disclosed ? h('span.badge.disclosed', {}, t('pair.disclosed')) : null,
      m.contract ? h('span.chip', {}, money(m.contract.amountCny)) : null),
    h('td.nowrap', {}, dateTime(m.updatedAt ?? m.createdAt)));
}
