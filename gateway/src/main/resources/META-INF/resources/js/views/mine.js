// 我的需求 / 我的成果: an enterprise's or university's own records, and for each its live ranking.
import { t, label } from '../i18n.js';
import { h, put, scoreMeter, statusBadge, dateTime, emptyState } from '../dom.js';
import { get, currentRole, currentUser } from '../api.js';
import { loadFields, fieldName, achievementPanel, demandPanel } from './common.js';
import { notify } from '../app.js';

function side() {
  return currentRole() === 'enterprise' ? 'demand' : 'achievement';
}

export async function mineView(container, args, { isCurrent }) {
  await loadFields();
  const kind = side();
  const page = await get(kind === 'demand' ? '/api/demands' : '/api/achievements', {
    organisationId: currentUser()?.organisationId, size: 100,
  });
  if (!isCurrent()) return;
  put(container, 
    h('header.page-head', {},
      h('h1', {}, t(kind === 'demand' ? 'mine.demandsTitle' : 'mine.achievementsTitle')),
      h('p.lead', {}, t('mine.lead'))),
    page.items.length
      ? h('ul.record-list', { testid: 'mine-list' }, page.items.map((r) => h('li', {},
        h('a.record-row', { href: `#/record/${kind}/${r.id}`, testid: 'mine-item', dataset: { id: r.id } },
          h('span.record-title', {}, r.title),
          h('span.muted', {}, [fieldName(r.fieldCode), r.regionCode, kind === 'achievement' ? `TRL ${r.trl}` : (r.minTrl ? `TRL ≥ ${r.minTrl}` : null)].filter(Boolean).join(' · ')),
          statusBadge(r.status),
          h('span.muted.nowrap', {}, dateTime(r.updatedAt))))))
      : emptyState(t('mine.empty')));
}

/** One own record with its live ranking; each ranked entry links to its pair once there is one. */
export async function recordView(container, [kind, id], { isCurrent }) {
  await loadFields();
  const isDemand = kind === 'demand';
  const rec = await get(isDemand ? `/api/demands/${encodeURIComponent(id)}` : `/api/achievements/${encodeURIComponent(id)}`);
  // Rankings are for brokers, admins and the record's own organisation; others just see the record.
  const role = currentRole();
  const mayRank = role === 'broker' || role === 'admin' || rec.organisationId === currentUser()?.organisationId;
  const ranking = mayRank
    ? await get(isDemand ? `/api/demands/${encodeURIComponent(id)}/matches` : `/api/achievements/${encodeURIComponent(id)}/matches`, { limit: 10 })
      .catch((e) => {
        notify(e);
        return [];
      })
    : null;
  if (!isCurrent()) return;
  const mineHref = mayRank && (role === 'enterprise' || role === 'university') ? '#/mine' : '#/search';
  put(container, 
    h('header.page-head', {}, h('a.back', { href: mineHref }, `← ${t('common.back')}`), h('h1', {}, rec.title)),
    h(ranking === null ? 'div.record-alone' : 'div.record-with-ranking', {},
      isDemand ? demandPanel(rec, [], 'record') : achievementPanel(rec, [], 'record'),
      ranking === null ? null : h('section.panel.ranking', { testid: 'ranking' },
        h('h2', {}, t('mine.ranking')),
        h('p.muted', {}, t('mine.rankingLead')),
        ranking.length
          ? h('ol.ranking-list', {}, ranking.map((c, i) => rankingItem(c, i + 1)))
          : emptyState(t('common.empty')))));
}

function rankingItem(candidate, rank) {
  const other = candidate.counterpart ?? {};
  const factors = candidate.explanation?.factors ?? [];
  return h('li.ranking-item', { testid: 'ranking-item', dataset: { score: String(candidate.score), id: other.id ?? '' } },
    h('div.ranking-head', {},
      h('span.rank', {}, String(rank)),
      h('div.ranking-title', {},
        h('strong', {}, other.title ?? t('common.none'), other.confidential ? h('span.badge.confidential', {}, t('search.confidential')) : null),
        h('span.muted', {}, [other.organisation, fieldName(other.fieldCode), other.regionCode, other.trl != null ? `TRL ${other.trl}` : null].filter(Boolean).join(' · '))),
      scoreMeter(candidate.score)),
    h('div.mini-factors', {}, factors.map((f) => h('span.mini-factor', { title: f.reason ?? '' },
      label('factor', f.name), ' ', h('span.mini-bar', {}, h('span', { style: `width:${Math.round(Math.max(0, Math.min(1, f.value)) * 100)}%` }))))),
    candidate.explanation?.matchedTerms?.length
      ? h('div.chips', {}, candidate.explanation.matchedTerms.slice(0, 8).map((term) => h('mark.term.chip', {}, term)))
      : null,
    candidate.matchId
      ? h('div.ranking-pair', {},
        h('span.muted', {}, `${t('mine.pairStatus')}：`), statusBadge(candidate.matchStatus),
        ['PROPOSED', 'WITHDRAWN', 'REJECTED'].includes(candidate.matchStatus) && !['broker', 'admin'].includes(currentRole())
          ? null
          : h('a', { href: `#/pair/${candidate.matchId}`, testid: 'ranking-open-pair' }, t('common.open')))
      : null);
}

