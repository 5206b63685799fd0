// 对接看板: approved pairs in columns by stage; a broker moves a card on (a contract needs its
// amount and registration number, asked for in a modal dialog; so does a note on a failed pair).
import { t, label } from '../i18n.js';
import { h, put, clear, scoreMeter } from '../dom.js';
import { money, moneyRange, dateTime } from '../format.js';
import { get, post, record, currentRole } from '../api.js';
import { recordCell, assigneeChip, dueBadge } from './followup.js';
import { fieldName } from '../names.js';
import { loadFields, openDialog } from './common.js';
import { notify } from '../notify.js';

const COLUMNS = ['APPROVED', 'INTRODUCED', 'NEGOTIATING', 'CONTRACTED', 'FAILED'];
const NEXT = {
  APPROVED: ['INTRODUCED', 'FAILED'],
  INTRODUCED: ['NEGOTIATING', 'FAILED'],
  NEGOTIATING: ['CONTRACTED', 'FAILED'],
};
const COLUMN_SIZE = 50;

export async function boardView(container, args, { isCurrent }) {
  await loadFields();
  if (!isCurrent()) return;
  const board = h('div.board', { testid: 'board' });
  put(container, 
    h('header.page-head', {},
      h('h1', {}, t('board.title')),
      h('p.lead', {}, t('board.lead')),
      h('button', { type: 'button', testid: 'board-refresh', onclick: () => load() }, t('common.refresh'))),
    board);

  async function load() {
    let pages;
    try {
      pages = await Promise.all(COLUMNS.map((status) => get('/api/matches', { status, size: COLUMN_SIZE })));
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(board);
    COLUMNS.forEach((status, i) => {
      const page = pages[i];
      board.append(h(`section.column.column-${status.toLowerCase()}`, { testid: `column-${status}`, dataset: { status } },
        h('header.column-head', {},
          h('h2', {}, label('status', status)),
          h('span.count', { testid: `count-${status}` }, String(page.totalItems))),
        h('div.cards', {}, page.items.length
          ? page.items.map((m) => card(m, status))
          : h('p.muted.column-empty', {}, t('board.empty')))));
    });
  }

  function card(m, status) {
    const moves = currentRole() === 'broker' ? (NEXT[status] ?? []) : [];
    // Negotiation follows the enterprise's acceptance; without it the broker records one given offline.
    const needsConsent = (next) => next === 'NEGOTIATING' && !m.disclosed;
    return h('article.card', { testid: `card-${m.id}`, dataset: { matchId: m.id, status } },
      h('div.card-title', {}, recordCell('demand', m.demandId, { link: `#/pair/${m.id}`, testid: 'card-demand' })),
      h('div.card-sub', {}, recordCell('achievement', m.achievementId, { testid: 'card-achievement' })),
      h('div.card-meta', {},
        scoreMeter(m.score),
        h('span.muted', {}, fieldName(m.fieldCode)),
        assigneeChip(m),
        m.nextStepOn ? dueBadge(m.nextStepOn) : null),
      status === 'INTRODUCED'
        ? h(`span.badge.${m.disclosed ? 'disclosed' : 'waiting'}`, { testid: 'card-disclosure' },
          t(m.disclosed ? (m.introductionAcceptedVia === 'OFFLINE' ? 'pair.disclosedOffline' : 'pair.disclosed') : 'pair.notDisclosed'))
        : null,
      m.contract ? h('div.card-contract', { testid: 'card-contract' }, `${money(m.contract.amountCny)} · ${m.contract.registrationNo ?? ''}`) : null,
      h('div.card-time.muted', {}, dateTime(m.updatedAt ?? m.createdAt)),
      moves.length
        ? h('div.card-actions', {}, moves.map((next) => {
          const button = h(`button.small${next === 'FAILED' ? '.danger-outline' : '.primary'}`, {
            type: 'button', testid: `move-${m.id}-${next}`, dataset: { to: next },
            onclick: () => (next === 'CONTRACTED' || next === 'FAILED' || needsConsent(next) ? openForm(button, m, next) : move(m, next, {})),
          }, needsConsent(next) ? t('board.recordConsent') : moveLabel(next));
          return button;
        }))
        : null);
  }

  async function move(m, next, extra, { beforeReload = () => {} } = {}) {
    try {
      await post(`/api/matches/${m.id}/transition`, { status: next, version: m.version, ...extra });
    } catch (e) {
      notify(e);
      return false;
    }
    notify(next === 'FAILED' ? t('board.markedFailed') : t('board.moved', { status: label('status', next) }), 'notice');
    beforeReload();
    await load();
    // The button pressed is gone with the redrawn board: the keyboard goes on from the card in its new column.
    if (!document.activeElement || document.activeElement === document.body) {
      board.querySelector(`[data-testid="card-${m.id}"] [data-testid="card-demand"]`)?.focus();
    }
    return true;
  }

  /**
   * Asks for what a move needs: a contract's amount and registration number, a note on a failed
   * pair, or, to negotiate before the enterprise accepted in TechBridge, how and when it accepted elsewhere.
   */
  function openForm(opener, m, next) {
    const contract = next === 'CONTRACTED';
    const consent = next === 'NEGOTIATING';
    const titleKey = contract ? 'board.contractTitle' : consent ? 'board.consentTitle' : 'board.failTitle';
    openDialog(opener, t(titleKey), 'transition-dialog', (close) => {
      const note = h('textarea#transition-note', {
        testid: 'transition-note', rows: consent ? '3' : '2', maxlength: '2000', required: consent,
        placeholder: t(consent ? 'board.consentHint' : 'pair.notePlaceholder'), autofocus: !contract,
      });
      const submit = h('button.primary', { type: 'submit', testid: 'transition-submit' }, t('common.confirm'));
      let amount = null;
      let registration = null;
      let amountBlock = null;
      let budget = null;
      if (contract) {
        // Typed in yuan as the contract states it, read back in the unit budgets are shown in.
        const readBack = h('small.muted', { id: 'contract-amount-reads', testid: 'contract-amount-reads', 'aria-live': 'polite' });
        amount = h('input#contract-amount', {
          testid: 'contract-amount', type: 'number', min: '0', step: '1', required: true, inputmode: 'numeric', autofocus: true,
          'aria-describedby': 'contract-amount-reads',
          oninput: () => {
            const value = amount.value === '' ? null : Number(amount.value);
            readBack.textContent = value !== null && Number.isFinite(value) && value > 0 ? t('board.amountReads', { amount: money(value) }) : '';
          },
        });
        registration = h('input#contract-registration', {
          testid: 'contract-registration', required: true, pattern: '[0-9A-Za-z\\-]{6,64}', maxlength: '64', placeholder: t('board.registrationHint'),
        });
        amountBlock = h('label.block', {}, h('span', {}, t('board.amount')), amount, readBack);
        budget = h('p.dialog-lead.muted', { testid: 'contract-budget' });
        record('demand', m.demandId).then((d) => {
          if (d?.budget) budget.textContent = t('board.demandBudget', { budget: moneyRange(d.budget) });
        }).catch(() => {});
      }
      return h('form.dialog-form', {
        onsubmit: async (event) => {
          event.preventDefault();
          submit.disabled = true;
          const extra = { note: note.value.trim() || null };
          if (consent) {
            if (!extra.note) {
              note.setAttribute('aria-invalid', 'true');
              notify(t('board.consentNoteNeeded'));
              note.focus();
              submit.disabled = false;
              return;
            }
            extra.offlineAcceptance = true;
          }
          if (contract) {
            extra.contractAmountCny = amount.value === '' ? null : Number(amount.value);
            extra.registrationNo = registration.value.trim() || null;
          }
          const done = await move(m, next, extra, { beforeReload: close });
          if (!done) submit.disabled = false;
        },
      },
      consent ? h('p.dialog-lead', { testid: 'consent-lead' }, t('board.consentLead')) : null,
      budget,
      amountBlock,
      contract ? h('label.block', {}, h('span', {}, t('board.registrationNo')), registration) : null,
      h('label.block', {}, h('span', {}, t(consent ? 'board.consentNote' : 'common.note')), note),
      h('div.dialog-actions', {},
        h('button', { type: 'button', testid: 'transition-cancel', onclick: close }, t('common.cancel')),
        submit));
    });
  }

  await load();
}

/** A move on is "推进到 …"; a move to FAILED is a decision, and reads as one. */
export function moveLabel(next) {
  return next === 'FAILED' ? t('board.markFailed') : `${t('board.moveTo')} ${label('status', next)}`;
}
