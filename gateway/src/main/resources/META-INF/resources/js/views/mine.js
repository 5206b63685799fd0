// 我的需求 / 我的成果: an enterprise's or university's own records, and for each its live ranking.
import { t, label } from '../i18n.js';
import { h, put, clear, scoreMeter, statusBadge, emptyState } from '../dom.js';
import { dateTime } from '../format.js';
import { get, post, currentRole, currentUser, ApiError } from '../api.js';
import { fieldName, regionName } from '../names.js';
import { reasonText, factorValue } from '../reasons.js';
import { loadFields, achievementPanel, demandPanel, weakBadge, openDialog } from './common.js';
import { demandForm, achievementForm, labelled, input, textarea, daysFromNow } from './forms.js';
import { notify } from '../notify.js';
import { navigate } from '../router.js';

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
  const slot = h('div.form-slot');
  const stale = page.items.filter((r) => r.status === 'STALE');
  const expired = page.items.filter((r) => r.status === 'EXPIRED');
  put(container, 
    h('header.page-head', {},
      h('h1', {}, t(kind === 'demand' ? 'mine.demandsTitle' : 'mine.achievementsTitle')),
      h('p.lead', {}, t('mine.lead'))),
    h('div.form-actions', {}, h('button.primary', {
      type: 'button', testid: kind === 'demand' ? 'demand-new' : 'achievement-new',
      onclick: async () => {
        if (slot.firstChild) {
          clear(slot);
          return;
        }
        const onCreated = (created) => {
          notify(t('common.saved'), 'notice');
          navigate(`#/record/${kind}/${created.id}`);
        };
        put(slot, kind === 'demand' ? await demandForm({ onCreated }) : await achievementForm({ onCreated }));
      },
    }, t(kind === 'demand' ? 'form.newDemand' : 'form.newAchievement'))),
    slot,
    stale.length ? h('p.notice', { testid: 'stale-notice' }, t('stale.notice', { count: stale.length })) : null,
    expired.length ? h('p.notice', { testid: 'expired-notice' }, t('stale.expiredNotice', { count: expired.length })) : null,
    page.items.length
      ? h('ul.record-list', { testid: 'mine-list' }, page.items.map((r) => h('li', {},
        h('a.record-row', { href: `#/record/${kind}/${r.id}`, testid: 'mine-item', dataset: { id: r.id } },
          h('span.record-title', {}, r.title),
          h('span.muted', {}, [fieldName(r.fieldCode), r.regionCode ? regionName(r.regionCode) : null, kind === 'achievement' ? `TRL ${r.trl}` : (r.minTrl ? `TRL ≥ ${r.minTrl}` : null)].filter(Boolean).join(' · ')),
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
  const owner = Boolean(rec.organisationId) && rec.organisationId === currentUser()?.organisationId;
  const mayRank = role === 'broker' || role === 'admin' || owner;
  const rankingPath = isDemand ? `/api/demands/${encodeURIComponent(id)}/matches` : `/api/achievements/${encodeURIComponent(id)}/matches`;
  if (!isCurrent()) return;
  const mineHref = mayRank && (role === 'enterprise' || role === 'university') ? '#/mine' : '#/search';
  const editSlot = h('div.form-slot', { testid: 'edit-slot' });
  container.dataset.status = rec.status;
  container.dataset.version = String(rec.version);
  put(container,
    h('header.page-head', {}, h('a.back', { href: mineHref }, `← ${t('common.back')}`), h('h1', {}, rec.title),
      isDemand && rec.challenge ? h('a.button-link', { href: `#/challenge/${rec.id}`, testid: 'open-challenge' }, t('challenge.open')) : null),
    owner ? ownerActions(kind, rec, editSlot) : null,
    editSlot,
    upkeepPanel(kind, rec, role),
    h(mayRank ? 'div.record-with-ranking' : 'div.record-alone', {},
      isDemand ? demandPanel(rec, [], 'record') : achievementPanel(rec, [], 'record'),
      mayRank ? rankingPanel(isDemand, rankingPath, rec, isCurrent) : null));
}

/**
 * What the owning organisation does with its record: edit it; publish a draft achievement,
 * withdraw it or mark it transferred (已转化); mark a demand solved or close it. Each answer draws
 * the page anew, so the ranking follows the version just saved.
 */
function ownerActions(kind, rec, editSlot) {
  const isDemand = kind === 'demand';
  const base = `/api/${isDemand ? 'demands' : 'achievements'}/${encodeURIComponent(rec.id)}`;
  const reload = (doneKey) => {
    notify(t(doneKey), 'notice');
    navigate(location.hash);
  };
  const act = async (path, body, doneKey) => {
    try {
      await post(`${base}/${path}`, body);
      reload(doneKey);
    } catch (e) {
      notify(e);
    }
  };
  /** A status change that ends the record's offer asks first, with an optional reason. */
  const withReason = (opener, titleKey, path, doneKey, danger) => openDialog(opener, t(titleKey), `${path}-dialog`, (close) => {
    const reason = textarea(`${path}-reason`, { maxlength: 500, rows: 3 });
    return h('form.dialog-form', {
      onsubmit: async (event) => {
        event.preventDefault();
        close();
        await act(path, { version: rec.version, reason: reason.value.trim() || null }, doneKey);
      },
    },
    labelled('record.reasonOptional', reason),
    h('div.form-actions', {},
      h(`button${danger ? '.danger' : '.primary'}`, { type: 'submit', testid: `${path}-confirm` }, t(titleKey)),
      h('button', { type: 'button', testid: `${path}-cancel`, onclick: close }, t('common.cancel'))));
  });
  const buttons = [];
  const editable = isDemand ? ['OPEN', 'IN_NEGOTIATION', 'STALE'].includes(rec.status) : ['DRAFT', 'PUBLISHED', 'STALE'].includes(rec.status);
  if (editable && !rec.mergedInto) {
    buttons.push(h('button', {
      type: 'button', testid: 'record-edit',
      onclick: async () => {
        if (editSlot.firstChild) {
          clear(editSlot);
          return;
        }
        const onSaved = () => reload('record.saved');
        const onCancel = () => clear(editSlot);
        put(editSlot, isDemand ? await demandForm({ record: rec, onSaved, onCancel }) : await achievementForm({ record: rec, onSaved, onCancel }));
        editSlot.querySelector('input, textarea, select')?.focus();
      },
    }, t('record.edit')));
  }
  if (!isDemand && rec.status === 'DRAFT') {
    buttons.push(h('button.primary', {
      type: 'button', testid: 'record-publish', onclick: () => act('publish', { version: rec.version }, 'record.published'),
    }, t('record.publish')));
  }
  if (!isDemand && ['PUBLISHED', 'STALE'].includes(rec.status)) {
    const transfer = h('button', { type: 'button', testid: 'record-transfer', onclick: () => withReason(transfer, 'record.transfer', 'transfer', 'record.transferred', false) }, t('record.transfer'));
    const withdraw = h('button.danger-outline', { type: 'button', testid: 'record-withdraw', onclick: () => withReason(withdraw, 'record.withdraw', 'withdraw', 'record.withdrawn', true) }, t('record.withdraw'));
    buttons.push(transfer, withdraw);
  }
  if (isDemand && ['OPEN', 'IN_NEGOTIATION', 'STALE'].includes(rec.status)) {
    const solve = h('button', { type: 'button', testid: 'record-solve', onclick: () => withReason(solve, 'record.solve', 'solve', 'record.solved', false) }, t('record.solve'));
    const close = h('button.danger-outline', { type: 'button', testid: 'record-close', onclick: () => withReason(close, 'record.close', 'close', 'record.closed', true) }, t('record.close'));
    buttons.push(solve, close);
  }
  const hint = !isDemand && rec.status === 'DRAFT' ? h('p.muted', { testid: 'draft-hint' }, t('record.draftHint')) : null;
  return buttons.length || hint ? h('section.panel.record-actions', { testid: 'record-actions' }, hint, h('div.form-actions', {}, buttons)) : null;
}

const RANKING_LIMIT = 10;
const RANKING_POLL_MS = 2000;
const RANKING_PATIENCE_MS = 120_000;

/**
 * The live ranking as the matcher computes it for the version of the record now indexed:
 * {candidates, version}, version null while the record is not indexed yet.
 */
async function fetchRanking(path, weak) {
  try {
    const answer = await get(path, { limit: RANKING_LIMIT, includeWeak: weak ? 'true' : null }, { withHeaders: true });
    const version = Number(answer.headers?.get?.('TechBridge-Ranked-Version'));
    return { candidates: Array.isArray(answer.body) ? answer.body : [], version: Number.isFinite(version) && version > 0 ? version : null };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { candidates: [], version: null };
    notify(e);
    return { candidates: [], version: undefined };
  }
}

const isStrong = (candidate) => candidate.strong !== false;

/**
 * The ranking panel. A draft is not matched: it says so. A record saved moments ago is matched in
 * the background: "匹配计算中" until the ranking of its version is there (asked every 2 s), then the
 * ranking in its place, without a reload. Only strong candidates are shown at first; when there are
 * none it says so plainly. On request the weaker candidates follow, below a divider, each marked as weaker.
 */
function rankingPanel(isDemand, path, rec, isCurrent) {
  const body = h('div.ranking-body', { testid: 'ranking-body', 'aria-live': 'polite' });
  const panel = h('section.panel.ranking', { testid: 'ranking' },
    h('h2', {}, t('mine.ranking')),
    h('p.muted', {}, t('mine.rankingLead')),
    body);

  if (rec.status === 'DRAFT') {
    body.append(h('p.muted', { testid: 'ranking-draft' }, t('ranking.draft')));
    return panel;
  }
  const started = Date.now();
  const waitForRanking = async () => {
    const answer = await fetchRanking(path, false);
    if (!isCurrent()) return;
    if (answer.version === undefined) {
      clear(body).append(h('p.muted', {}, t('ranking.failed')));
      return;
    }
    if (answer.version === null || answer.version < rec.version) {
      if (Date.now() - started > RANKING_PATIENCE_MS) {
        clear(body).append(h('p.notice', { testid: 'ranking-slow' }, t('ranking.slow')));
        return;
      }
      if (!body.querySelector('[data-testid="ranking-computing"]')) {
        clear(body).append(h('p.computing', { testid: 'ranking-computing', role: 'status' }, h('span.spinner', { 'aria-hidden': 'true' }), t('ranking.computing')));
      }
      setTimeout(waitForRanking, RANKING_POLL_MS);
      return;
    }
    render(answer.candidates, false);
  };

  function render(candidates, weakShown) {
    const strong = candidates.filter(isStrong);
    const weak = weakShown ? candidates.filter((c) => !isStrong(c)) : [];
    clear(body);
    body.dataset.ready = 'true';
    if (strong.length) {
      body.append(h('ol.ranking-list', { testid: 'ranking-strong' }, strong.map((c, i) => rankingItem(c, i + 1))));
    } else {
      body.append(h('div.no-strong', { testid: 'no-strong' },
        h('strong', {}, t(isDemand ? 'ranking.noStrongForDemand' : 'ranking.noStrongForAchievement')),
        h('p.muted', {}, t('ranking.noStrongLead'))));
    }
    if (weakShown) {
      if (weak.length) {
        body.append(
          h('div.weak-divider', { testid: 'weak-divider', role: 'separator' }, h('span', {}, t('ranking.weakDivider'))),
          h('ol.ranking-list.weak-list', { testid: 'ranking-weak' },
            weak.map((c, i) => rankingItem(c, strong.length + i + 1))));
      } else {
        body.append(h('p.muted', { testid: 'no-weak' }, t('ranking.noWeak')));
      }
    } else if (strong.length < RANKING_LIMIT) {
      const button = h('button', {
        type: 'button', testid: 'show-weak',
        onclick: async () => {
          button.disabled = true;
          const all = await fetchRanking(path, true);
          if (!isCurrent()) return;
          render(all.candidates, true);
        },
      }, t('ranking.showWeak'));
      body.append(h('div.form-actions', {}, button));
    }
  }

  waitForRanking();
  return panel;
}


function rankingItem(candidate, rank) {
  const other = candidate.counterpart ?? {};
  const explanation = candidate.explanation;
  const factors = explanation?.factors ?? [];
  const strong = isStrong(candidate);
  return h(`li.ranking-item${strong ? '' : '.weak'}`, {
    testid: 'ranking-item', dataset: { score: String(candidate.score), id: other.id ?? '', strong: String(strong) },
  },
  h('div.ranking-head', {},
    h('span.rank', {}, String(rank)),
    h('div.ranking-title', {},
      h('strong', {}, other.title ?? t('common.none'), other.confidential ? h('span.badge.confidential', {}, t('search.confidential')) : null,
        weakBadge(candidate)),
      h('span.muted', {}, [other.organisation, fieldName(other.fieldCode), other.regionCode ? regionName(other.regionCode) : null,
        other.trl != null ? `TRL ${other.trl}` : null].filter(Boolean).join(' · '))),
    scoreMeter(candidate.score)),
  h('div.mini-factors', {}, factors.map((f) => h('span.mini-factor', { title: reasonText(f.reason), dataset: { factor: f.name } },
    label('factor', f.name), ' ', h('span.mini-bar', {}, h('span', { style: `width:${Math.round(factorValue(f, explanation) * 100)}%` }))))),
  explanation?.matchedTerms?.length
    ? h('div.chips', {}, explanation.matchedTerms.slice(0, 8).map((term) => h('mark.term.chip', {}, term)))
    : null,
  candidate.matchId
    ? h('div.ranking-pair', {},
      h('span.muted', {}, `${t('mine.pairStatus')}：`), statusBadge(candidate.matchStatus),
      ['PROPOSED', 'WITHDRAWN', 'REJECTED'].includes(candidate.matchStatus) && !['broker', 'admin'].includes(currentRole())
        ? null
        : h('a', { href: `#/pair/${candidate.matchId}`, testid: 'ranking-open-pair' }, t('common.open')))
    : null);
}


/**
 * What an owner does with a listing nobody touched for long (STALE: confirm it is current, or
 * withdraw / close it) or with an expired demand (renew it with a new valid-until); what a broker
 * does with a duplicate (merge it into the record it repeats).
 */
function upkeepPanel(kind, rec, role) {
  const isDemand = kind === 'demand';
  const base = `/api/${isDemand ? 'demands' : 'achievements'}/${encodeURIComponent(rec.id)}`;
  const owner = rec.organisationId && rec.organisationId === currentUser()?.organisationId;
  const broker = role === 'broker';
  const act = async (path, body, doneKey) => {
    try {
      await post(`${base}/${path}`, body);
      notify(t(doneKey), 'notice');
      navigate(location.hash);
    } catch (e) {
      notify(e);
    }
  };
  const parts = [];
  if (owner && rec.status === 'STALE') {
    parts.push(h('div.upkeep', { testid: 'stale-actions' },
      h('p', {}, t('stale.lead')),
      h('div.form-actions', {},
        h('button.primary', { type: 'button', testid: 'stale-confirm', onclick: () => act('confirm', { version: rec.version }, 'stale.confirmed') }, t('stale.confirm')),
        h('button.danger', {
          type: 'button', testid: 'stale-withdraw',
          onclick: () => act(isDemand ? 'close' : 'withdraw', { version: rec.version, reason: t('stale.withdrawReason') }, 'stale.withdrawn'),
        }, t(isDemand ? 'stale.close' : 'stale.withdraw')))));
  }
  if (owner && isDemand && (rec.status === 'EXPIRED' || rec.status === 'STALE')) {
    const validUntil = input('renewal-valid-until', { type: 'date', required: true, value: daysFromNow(180) });
    const reason = input('renewal-reason', { maxlength: 500 });
    parts.push(h('form.upkeep.filters', {
      testid: 'renewal-form',
      onsubmit: (event) => {
        event.preventDefault();
        act('renewal', { validUntil: validUntil.value, reason: reason.value.trim() || null, version: rec.version }, 'stale.renewed');
      },
    },
    h('strong', {}, t('stale.renewTitle')),
    labelled('rec.validUntil', validUntil),
    labelled('stale.renewReason', reason),
    h('button.primary', { type: 'submit', testid: 'renewal-submit' }, t('stale.renew'))));
  }
  if (broker && !['WITHDRAWN', 'CLOSED'].includes(rec.status) && !rec.mergedInto) {
    const into = input('merge-into', { required: true, placeholder: t('merge.intoHint') });
    const reason = input('merge-reason', { required: true, maxlength: 500 });
    parts.push(h('form.upkeep.filters', {
      testid: 'merge-form',
      onsubmit: (event) => {
        event.preventDefault();
        if (!window.confirm(t('merge.confirm'))) return;
        act('merge', { intoId: into.value.trim(), reason: reason.value.trim(), version: rec.version }, 'merge.done');
      },
    },
    h('strong', {}, t('merge.title')),
    labelled('merge.into', into),
    labelled('merge.reason', reason),
    h('button', { type: 'submit', testid: 'merge-submit' }, t('merge.submit'))));
  }
  if (rec.mergedInto) {
    parts.push(h('p.notice', { testid: 'merged-into' }, t('merge.mergedInto'), ' ',
      h('a', { href: `#/record/${kind}/${rec.mergedInto}` }, rec.mergedInto)));
  }
  return parts.length ? h('section.panel.upkeep-panel', { testid: 'upkeep' }, parts) : null;
}
