// The brokers' follow-up of a pair: who works on it (由我跟进 / 释放), notes with the date of the next
// step, and 跟进待办, the pairs of mine whose next step is due. Titles and organisation names of a
// pair's two records are shown the same way in the queue, on the board and here.
import { t } from '../i18n.js';
import { h, put, clear, scoreMeter, statusBadge, emptyState } from '../dom.js';
import { dateTime } from '../format.js';
import { get, post, record, currentRole, currentUser } from '../api.js';
import { fieldName } from '../names.js';
import { showRefusal, clearViolations, labelled, input, textarea } from './forms.js';
import { pager } from './common.js';
import { notify } from '../notify.js';
import { navigate } from '../router.js';

/** Today in the brokers' calendar (China), as yyyy-mm-dd. */
export function todayInChina(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** How a next step's date reads beside today: overdue, today, or a date ahead. */
export function dueState(date, today = todayInChina()) {
  if (!date) return null;
  if (date < today) return 'overdue';
  if (date === today) return 'today';
  return 'ahead';
}

/** The date of a next step, marked when it is due or overdue. */
export function dueBadge(date, today = todayInChina()) {
  const state = dueState(date, today);
  if (!state) return null;
  return h(`span.badge.due-${state}`, { testid: 'due-badge', dataset: { due: state } },
    state === 'ahead' ? t('followUp.nextOn', { date }) : t(`followUp.${state}`, { date }));
}

/**
 * A record's title with its organisation under it, filled in when the record arrives (a long list
 * is usable at once); a record the viewer may not read shows its id.
 */
export function recordCell(kind, id, { link = null, testid = null } = {}) {
  const title = h('span.title-text', {}, h('span.muted', {}, '…'));
  const organisation = h('span.org-name.muted', { testid: testid ? `${testid}-org` : null });
  record(kind, id).then((r) => {
    clear(title).append(r?.title ?? id);
    organisation.textContent = (kind === 'demand' ? r?.enterprise : r?.institution) ?? '';
  }).catch(() => clear(title).append(id));
  return h('span.record-cell', { testid: testid ? `${testid}-cell` : null },
    link ? h('a', { href: link, testid }, title) : title, organisation);
}

/** Who follows the pair up, as a small chip: the name, "me", or none. */
export function assigneeChip(m) {
  if (!m.assignee) return h('span.chip.unassigned', { testid: 'assignee' }, t('followUp.unassigned'));
  const mine = m.assignee.userId === currentUser()?.id;
  return h(`span.chip.assignee${mine ? '.mine' : ''}`, { testid: 'assignee', dataset: { mine: String(mine) } },
    mine ? t('followUp.me') : m.assignee.name);
}

/**
 * On a pair's page, for brokers (admins read): its broker, take it on or give it back, its notes
 * with the next step's date, add one, mark one done.
 */
export function followUpPanel(match) {
  const role = currentRole();
  if (role !== 'broker' && role !== 'admin') return null;
  const me = currentUser()?.id;
  const mine = match.assignee?.userId === me;
  const notesBox = h('div.notes', { testid: 'notes' }, h('p.muted', {}, '…'));
  const reload = () => navigate(`#/pair/${match.id}`);

  const claim = async (takeOver) => {
    try {
      await post(`/api/matches/${match.id}/claim`, takeOver ? { takeOver: true } : {});
      notify(t('followUp.claimed'), 'notice');
      reload();
    } catch (e) {
      if (e.status === 409 && !takeOver && window.confirm(t('followUp.takeOverConfirm', { name: match.assignee?.name ?? '' }))) {
        await claim(true);
        return;
      }
      notify(e);
    }
  };
  const release = async () => {
    try {
      await post(`/api/matches/${match.id}/release`, {});
      notify(t('followUp.released'), 'notice');
      reload();
    } catch (e) {
      notify(e);
    }
  };
  const buttons = [];
  if (role === 'broker' && !mine) {
    buttons.push(h('button.primary', { type: 'button', testid: 'claim', onclick: () => claim(false) },
      t(match.assignee ? 'followUp.takeOver' : 'followUp.claim')));
  }
  if (match.assignee && (mine || role === 'admin')) {
    buttons.push(h('button', { type: 'button', testid: 'release', onclick: release }, t('followUp.release')));
  }

  let form = null;
  if (role === 'broker') {
    const text = textarea('note-text', { maxlength: 2000, rows: 2, placeholder: t('followUp.notePlaceholder') });
    const date = input('note-date', { type: 'date', min: todayInChina() });
    form = h('form.note-form', {
      testid: 'note-form',
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await post(`/api/matches/${match.id}/notes`, { text: text.value.trim(), nextStepOn: date.value || null });
          clearViolations(form);
          notify(t('followUp.noteAdded'), 'notice');
          reload();
        } catch (e) {
          showRefusal(form, e);
        }
      },
    },
    labelled('followUp.note', text, null, 'text'),
    labelled('followUp.nextStepOn', date, t('followUp.nextStepHint'), 'nextStepOn'),
    h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'note-submit' }, t('followUp.addNote'))));
  }

  get(`/api/matches/${match.id}/notes`).then((notes) => {
    clear(notesBox);
    if (!notes.length) {
      notesBox.append(h('p.muted', { testid: 'notes-empty' }, t('followUp.noNotes')));
      return;
    }
    notesBox.append(h('ul.note-list', {}, notes.map((n) => h(`li.note${n.open ? '' : '.done'}`, { testid: 'note', dataset: { id: String(n.id), open: String(n.open) } },
      h('div.note-head', {},
        h('strong', {}, n.authorName),
        h('span.muted', {}, dateTime(n.createdAt)),
        n.nextStepOn && n.open ? dueBadge(n.nextStepOn) : null,
        n.nextStepOn && !n.open ? h('span.chip', {}, t('followUp.doneOn', { date: n.nextStepOn })) : null),
      h('p.note-text', {}, n.text),
      n.open && n.nextStepOn && role === 'broker'
        ? h('button.small', {
          type: 'button', testid: 'note-done',
          onclick: async () => {
            try {
              await post(`/api/matches/${match.id}/notes/${n.id}/done`, {});
              reload();
            } catch (e) {
              notify(e);
            }
          },
        }, t('followUp.markDone'))
        : null))));
  }).catch((e) => {
    clear(notesBox);
    notify(e);
  });

  return h('section.panel.follow-up', { testid: 'follow-up' },
    h('h2', {}, t('followUp.title')),
    h('div.follow-up-head', {},
      h('span', {}, `${t('followUp.assignee')}：`), assigneeChip(match),
      match.nextStepOn ? dueBadge(match.nextStepOn) : null,
      h('span.form-actions.inline', {}, buttons)),
    form,
    notesBox);
}

/** 跟进待办: my pairs whose next step is due today or overdue, or all pairs I follow up. */
const dueList = { tab: 'due', page: 0 };

export async function dueView(container, args, { isCurrent }) {
  const results = h('div', { testid: 'due-results' });
  const tabs = h('div.tabs', { role: 'tablist' }, ['due', 'mine'].map((tab) => h('button', {
    type: 'button', role: 'tab', testid: `due-tab-${tab}`, 'aria-selected': String(dueList.tab === tab),
    onclick: () => {
      dueList.tab = tab;
      dueList.page = 0;
      tabs.querySelectorAll('[role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.testid === `due-tab-${tab}`)));
      load();
    },
  }, t(`followUp.tab.${tab}`))));
  put(container,
    h('header.page-head', {}, h('h1', {}, t('followUp.dueTitle')), h('p.lead', {}, t('followUp.dueLead'))),
    tabs,
    results);

  async function load() {
    const params = dueList.tab === 'due'
      ? { assignee: 'me', dueBy: todayInChina(), sort: 'due', page: dueList.page, size: 20 }
      : { assignee: 'me', sort: 'newest', page: dueList.page, size: 20 };
    let page;
    try {
      page = await get('/api/matches', params);
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(results);
    if (!page.items.length) {
      results.append(emptyState(t(dueList.tab === 'due' ? 'followUp.nothingDue' : 'followUp.nothingMine')));
      return;
    }
    results.append(h('ul.due-list', { testid: 'due-list' }, page.items.map((m) => h('li.due-item', { testid: 'due-item', dataset: { matchId: m.id } },
      h('div.due-main', {},
        recordCell('demand', m.demandId, { link: `#/pair/${m.id}`, testid: 'due-demand' }),
        recordCell('achievement', m.achievementId, { testid: 'due-achievement' })),
      h('div.due-meta', {},
        dueBadge(m.nextStepOn),
        statusBadge(m.status),
        scoreMeter(m.score),
        h('span.muted', {}, fieldName(m.fieldCode)))))),
    pager(page, (n) => {
      dueList.page = n;
      load();
    }));
  }
  await load();
}

