// A pair side by side: the achievement and the demand with the matched terms marked, the score
// explained factor by factor, and what the viewer's role may do with it.
import { t, label } from '../i18n.js';
import { h, put, statusBadge } from '../dom.js';
import { money, dateTime, percent } from '../format.js';
import { get, post, record, currentRole, currentUser } from '../api.js';
import { loadFields, achievementPanel, demandPanel, explanationPanel, historyList, weakBadge } from './common.js';
import { notify } from '../notify.js';
import { navigate } from '../router.js';
import { followUpPanel } from './followup.js';

export const REASON_CODES = ['TOO_EARLY', 'FIELD_MISMATCH', 'BENEFIT_UNCLEAR', 'PRICE_MISMATCH', 'REGION', 'DUPLICATE', 'OTHER'];

export async function pairView(container, [id], { isCurrent }) {
  await loadFields();
  const match = await get(`/api/matches/${encodeURIComponent(id)}`);
  // Fresh copies: what the viewer may see (a contact, a confidential text) changes with the pair.
  const [achievement, demand] = await Promise.all([
    record('achievement', match.achievementId, { fresh: true }),
    record('demand', match.demandId, { fresh: true }),
  ]);
  if (!isCurrent()) return;
  const terms = match.explanation?.matchedTerms ?? [];
  const role = currentRole();

  container.dataset.matchId = match.id;
  put(container, 
    h('header.page-head.pair-head', {},
      h('a.back', { href: role === 'broker' || role === 'admin' ? (match.status === 'PROPOSED' ? '#/queue' : '#/board') : '#/pairs' }, `← ${t('common.back')}`),
      h('h1', {}, t('pair.title')),
      h('div.pair-meta', {},
        h('span.head-score', { title: t('pair.scoreHint') }, `${t('pair.score')} `, h('strong', {}, percent(match.score, 1))),
        weakBadge(match),
        statusBadge(match.status, { testid: 'pair-status', dataset: { status: match.status } }),
        match.disclosed ? h('span.badge.disclosed', { testid: 'pair-disclosed' },
          t(match.introductionAcceptedVia === 'OFFLINE' ? 'pair.disclosedOffline' : 'pair.disclosed')) : null,
        match.contract ? h('span.chip', { testid: 'pair-contract' }, `${t('pair.contract')} ${money(match.contract.amountCny)} · ${match.contract.registrationNo ?? ''}`) : null,
        match.reasonCode ? h('span.chip', {}, label('reason', match.reasonCode)) : null,
        h('span.muted', {}, dateTime(match.updatedAt ?? match.createdAt)))),
    actions(match, role),
    followUpPanel(match),
    h('div.side-by-side', { testid: 'pair-sides' },
      achievementPanel(achievement, terms, 'achievement'),
      demandPanel(demand, terms, 'demand')),
    explanationPanel(match.explanation, match.score),
    historyList(match.history));
}

function actions(match, role) {
  if (role === 'broker' && match.status === 'PROPOSED') return decisionForm(match);
  if (role === 'broker' && ['APPROVED', 'INTRODUCED', 'NEGOTIATING'].includes(match.status)) {
    return h('div.panel.actions', {}, h('a.button.primary', { href: '#/board', testid: 'to-board' }, t('pair.toBoard')));
  }
  // Only the enterprise that owns the demand answers an introduction.
  if (role === 'enterprise' && match.status === 'INTRODUCED' && !match.disclosed
      && (!match.demandOrganisationId || match.demandOrganisationId === currentUser()?.organisationId)) {
    return introductionForm(match);
  }
  return null;
}

function decisionForm(match) {
  const note = h('input#decision-note', { testid: 'decision-note', maxlength: '2000', placeholder: t('pair.notePlaceholder') });
  const reason = h('select#reason-code', { testid: 'reason-code' },
    h('option', { value: '' }, `— ${t('pair.reasonCode')} —`),
    REASON_CODES.map((code) => h('option', { value: code }, label('reason', code))));
  const approve = h('button#approve.primary', { type: 'button', testid: 'approve' }, t('pair.approve'));
  const reject = h('button#reject.danger', { type: 'button', testid: 'reject' }, t('pair.reject'));

  async function decide(decision) {
    const body = { decision, note: note.value.trim() || null, version: match.version };
    if (decision === 'REJECT') body.reasonCode = reason.value || null;
    approve.disabled = true;
    reject.disabled = true;
    try {
      await post(`/api/matches/${match.id}/decision`, body);
      notify(t(decision === 'APPROVE' ? 'pair.approved' : 'pair.rejected'), 'notice');
      navigate(`#/pair/${match.id}`);
    } catch (e) {
      notify(e);
      approve.disabled = false;
      reject.disabled = false;
    }
  }
  approve.addEventListener('click', () => decide('APPROVE'));
  reject.addEventListener('click', () => decide('REJECT'));

  return h('section.panel.actions.decision', { testid: 'decision-form' },
    h('h2', {}, t('pair.decision')),
    h('div.decision-row', {},
      approve,
      h('span.or', {}, '|'),
      h('label.inline', {}, h('span', {}, t('pair.reasonCode')), reason),
      reject,
      h('label.inline.grow', {}, h('span', {}, t('common.note')), note)));
}

function introductionForm(match) {
  const note = h('textarea#introduction-note', { testid: 'introduction-note', rows: '2', maxlength: '2000', placeholder: t('pair.notePlaceholder') });
  const accept = h('button.primary', { type: 'button', testid: 'accept-introduction' }, t('pair.acceptIntro'));
  const decline = h('button.danger', { type: 'button', testid: 'decline-introduction' }, t('pair.declineIntro'));
  async function answer(yes) {
    accept.disabled = true;
    decline.disabled = true;
    try {
      await post(`/api/matches/${match.id}/introduction`, { accept: yes, note: note.value.trim() || null });
      notify(t(yes ? 'pair.accepted' : 'pair.declined'), 'notice');
      navigate(`#/pair/${match.id}`);
    } catch (e) {
      notify(e);
      accept.disabled = false;
      decline.disabled = false;
    }
  }
  accept.addEventListener('click', () => answer(true));
  decline.addEventListener('click', () => answer(false));
  return h('section.panel.actions', { testid: 'introduction-form' },
    h('h2', {}, t('pair.introduction')),
    h('p', {}, t('pair.introLead')),
    h('label.block', {}, h('span', {}, t('common.note')), note),
    h('div.decision-row', {}, accept, decline));
}

