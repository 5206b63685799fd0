// 通知: what happened to a university's or an enterprise's records (pairs approved, introductions
// waiting, challenge invitations and phases, finished imports, new results of saved searches), with
// a bell and its unread count in the top bar, the list (click through to the record, mark read), the
// user's choices (which types in the console and by e-mail, the address) and the saved searches.
import { t, label, addStrings } from '../i18n.js';
import { h, put, clear, emptyState } from '../dom.js';
import { dateTime } from '../format.js';
import { get, post, put as putJson, request, currentRole } from '../api.js';
import { fieldSelect, loadFields } from './common.js';
import { showRefusal, clearViolations, labelled, input } from './forms.js';
import { notify } from '../notify.js';
import { navigate } from '../router.js';
import { STRINGS } from './notifications-strings.js';

addStrings(STRINGS);

/** The roles that have notifications and saved searches (brokers and admins see every pair in their queue). */
export const NOTIFIED_ROLES = ['university', 'enterprise'];
/** How often the bell asks for the unread count. */
export const POLL_MS = 30_000;
const PAGE_SIZE = 20;

// --- what a notification says and where it leads (no DOM: tested under node) ---------

/** The notification in one line, in the reader's language, naming records by title (or id). */
export function notificationText(n) {
  const d = n?.data ?? {};
  const demand = d.demandTitle || d.demandId || '—';
  const achievement = d.achievementTitle || d.achievementId || '—';
  switch (n?.type) {
    case 'pair.approved': return t('notification.pair.approved', { achievement, demand });
    case 'introduction.waiting': return t('notification.introduction.waiting', { demand });
    case 'invitation.issued': return t('notification.invitation.issued', { demand });
    case 'challenge.phase-changed': return t('notification.challenge.phase-changed', { demand, phase: label('notification.phase', d.phase) });
    case 'import.finished': return t('notification.import.finished', { imported: d.rowsImported ?? 0, failed: d.rowsFailed ?? 0 });
    case 'saved-search.new-matches': return t('notification.saved-search.new-matches', { name: d.name ?? '', count: d.count ?? 0 });
    default: return String(n?.type ?? '');
  }
}

/** The console page a notification leads to. */
export function notificationLink(n) {
  const d = n?.data ?? {};
  switch (n?.type) {
    case 'pair.approved':
    case 'introduction.waiting': return d.matchId ? `#/pair/${d.matchId}` : '#/pairs';
    case 'invitation.issued':
    case 'challenge.phase-changed': return d.demandId ? `#/challenge/${d.demandId}` : '#/challenges';
    case 'import.finished': return '#/imports';
    case 'saved-search.new-matches': {
      const first = d.records?.[0];
      return first ? `#/record/${first.type}/${first.id}` : '#/saved-searches';
    }
    default: return '#/notifications';
  }
}

/** The preferences body the API takes from the form's choices. */
export function preferencesBody(types, checked, address) {
  return {
    console: types.filter((type) => checked.console.includes(type)),
    email: types.filter((type) => checked.email.includes(type)),
    emailAddress: address.trim() || null,
  };
}

// --- the bell ------------------------------------------------------------------------

/** A bell drawn as SVG: an emoji bell is a blank box where the system has no colour-emoji font. */
function bellIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [name, value] of Object.entries({ viewBox: '0 0 24 24', width: '20', height: '20', fill: 'none', stroke: 'currentColor',
    'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round', focusable: 'false' })) {
    svg.setAttribute(name, value);
  }
  for (const d of ['M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9', 'M13.73 21a2 2 0 0 1-3.46 0']) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

const bell = { timer: null, button: null, count: 0 };

/** Shows the bell for a university or enterprise user and keeps its count fresh; hides it for others. */
export function watchNotifications() {
  const role = currentRole();
  if (!NOTIFIED_ROLES.includes(role)) {
    forgetNotifications();
    return;
  }
  if (!bell.button) {
    bell.button = h('a.bell', { href: '#/notifications', testid: 'bell', 'aria-label': t('bell.labelNone') },
      h('span.bell-icon', { 'aria-hidden': 'true' }, bellIcon()), h('span.bell-count', { testid: 'bell-count', hidden: true }));
    document.querySelector('.topbar-right')?.prepend(bell.button);
  }
  bell.button.hidden = false;
  if (!bell.timer) {
    bell.timer = setInterval(refreshBell, POLL_MS);
    refreshBell();
  }
}

/** Hides the bell and stops asking (logout, session over). */
export function forgetNotifications() {
  clearInterval(bell.timer);
  bell.timer = null;
  if (bell.button) bell.button.hidden = true;
}

/** Asks for the unread count now; never fails (without an answer the bell keeps its count). */
export async function refreshBell() {
  if (!bell.button) return;
  try {
    const { unread } = await get('/api/notifications/unread-count');
    showCount(unread);
  } catch {
    // matching-service away: try again at the next poll
  }
}

function showCount(count) {
  bell.count = count;
  const badge = bell.button.querySelector('.bell-count');
  badge.hidden = !count;
  badge.textContent = count > 99 ? '99+' : String(count);
  bell.button.setAttribute('aria-label', count ? t('bell.label', { count }) : t('bell.labelNone'));
}

// --- the notifications page ----------------------------------------------------------

export async function notificationsView(container) {
  const list = h('ol.notification-list', { testid: 'notification-list' });
  const more = h('button', { type: 'button', testid: 'notifications-more', hidden: true }, t('notifications.more'));
  let readUpTo = 0;
  let next = null;

  const item = (n) => {
    const unread = !n.read && n.id > readUpTo;
    const link = h('a.notification', {
      href: notificationLink(n), testid: 'notification', dataset: { id: String(n.id), type: n.type, read: String(!unread) },
      class: unread ? 'notification unread' : 'notification',
      onclick: async (event) => {
        event.preventDefault();
        if (unread) await markRead({ upTo: n.id });
        navigate(notificationLink(n));
      },
    },
    h('span.notification-text', {}, notificationText(n)),
    h('small.muted', {}, label('notificationType', n.type), ' · ', dateTime(n.occurredAt)),
    unread ? h('span.badge.unread-badge', {}, t('notifications.unread')) : null);
    return h('li', {}, link);
  };

  const load = async (cursor) => {
    const page = await get('/api/notifications', cursor ? { size: PAGE_SIZE, cursor } : { size: PAGE_SIZE });
    put(list, page.items.map(item));
    next = page.nextCursor;
    more.hidden = !next;
    if (!cursor && page.items.length === 0) put(list, h('li', {}, emptyState(t('notifications.empty'))));
  };

  const markRead = async (body) => {
    try {
      const answer = await post('/api/notifications/read', body);
      readUpTo = answer.readUpTo;
      await refreshBell();
    } catch (error) {
      notify(error);
    }
  };

  more.addEventListener('click', () => load(next));
  const markAll = h('button', {
    type: 'button', testid: 'notifications-mark-all',
    onclick: async () => {
      await markRead({ all: true });
      clear(list);
      await load(null);
    },
  }, t('notifications.markAll'));

  put(clear(container),
    h('div.page-head', {}, h('h1', {}, t('notifications.title')),
      h('div.page-actions', {}, markAll, h('a', { href: '#/saved-searches', testid: 'to-saved-searches' }, t('notifications.savedSearches')))),
    list, more,
    h('h2', {}, t('notifications.preferences')),
    await preferencesForm());
  await load(null);
}

async function preferencesForm() {
  const choices = await get('/api/notifications/preferences');
  const box = (kind, type, checked) => h('input', {
    type: 'checkbox', value: type, name: kind, checked, testid: `pref-${kind}-${type}`,
    'aria-label': `${label('notificationType', type)} · ${t(`preferences.${kind}`)}`,
  });
  const rows = choices.types.map((type) => h('tr', {},
    h('th', { scope: 'row' }, label('notificationType', type)),
    h('td', {}, box('console', type, choices.console.includes(type))),
    h('td', {}, box('email', type, choices.email.includes(type)))));
  const address = input('pref-email-address', { type: 'email', value: choices.emailAddress ?? '', autocomplete: 'email' });
  const form = h('form.panel.preferences', { testid: 'preferences-form', novalidate: true },
    h('div.table-scroll', { 'data-field': 'console' },
      h('table.preferences-table', {},
        h('thead', {}, h('tr', {}, h('th', {}, t('preferences.type')), h('th', {}, t('preferences.console')), h('th', {}, t('preferences.email')))),
        h('tbody', {}, rows))),
    h('div', { 'data-field': 'email' }),
    h('div', { 'data-field': 'emailAddress' }, labelled('preferences.emailAddress', address)),
    choices.mailEnabled ? null : h('p.muted', { testid: 'mail-off' }, t('preferences.mailOff')),
    h('button.primary', { type: 'submit', testid: 'preferences-save' }, t('preferences.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearViolations(form);
    const checked = {
      console: [...form.querySelectorAll('input[name=console]:checked')].map((el) => el.value),
      email: [...form.querySelectorAll('input[name=email]:checked')].map((el) => el.value),
    };
    try {
      await putJson('/api/notifications/preferences', preferencesBody(choices.types, checked, address.value));
      notify(t('preferences.saved'), 'notice');
      await refreshBell();
    } catch (error) {
      showRefusal(form, error);
    }
  });
  return form;
}

// --- saved searches ------------------------------------------------------------------

export async function savedSearchesView(container) {
  const side = currentRole() === 'enterprise' ? 'achievement' : 'demand';
  const all = await loadFields();
  const list = h('ul.saved-search-list', { testid: 'saved-search-list' });
  const show = async () => {
    const searches = await get('/api/saved-searches');
    clear(list);
    if (searches.length === 0) put(list, h('li', {}, emptyState(t('savedSearch.empty'))));
    put(list, searches.map((s) => h('li.saved-search', { testid: 'saved-search', dataset: { id: s.id } },
      h('span.saved-search-name', {}, s.name),
      h('small.muted', {}, [s.query, s.field, s.region, s.minTrl ? `TRL ≥ ${s.minTrl}` : null].filter(Boolean).join(' · ') || t('savedSearch.any')),
      h('button', {
        type: 'button', testid: 'saved-search-delete',
        onclick: async () => {
          try {
            await request(`/api/saved-searches/${s.id}`, { method: 'DELETE' });
            notify(t('savedSearch.deleted'), 'notice');
            await show();
          } catch (error) {
            notify(error);
          }
        },
      }, t('savedSearch.delete')))));
  };
  const name = input('saved-search-name', { maxlength: 100 });
  const words = input('saved-search-query', { maxlength: 200 });
  const region = input('saved-search-region', { inputmode: 'numeric', maxlength: 6 });
  const minTrl = input('saved-search-min-trl', { type: 'number', min: 1, max: 9 });
  const form = h('form.panel.saved-search-form', { testid: 'saved-search-form', novalidate: true },
    h('div', { 'data-field': 'name' }, labelled('savedSearch.name', name)),
    h('div', { 'data-field': 'query' }, labelled('savedSearch.query', words)),
    h('div', { 'data-field': 'field' }, labelled('savedSearch.field', fieldSelect('saved-search-field', '', all))),
    h('div', { 'data-field': 'region' }, labelled('savedSearch.region', region)),
    side === 'achievement' ? h('div', { 'data-field': 'minTrl' }, labelled('savedSearch.minTrl', minTrl)) : null,
    h('button.primary', { type: 'submit', testid: 'saved-search-save' }, t('savedSearch.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearViolations(form);
    const body = {
      name: name.value.trim() || null,
      query: words.value.trim() || null,
      field: form.querySelector('#saved-search-field').value || null,
      region: region.value.trim() || null,
      minTrl: side === 'achievement' && minTrl.value ? Number(minTrl.value) : null,
    };
    try {
      const saved = await post('/api/saved-searches', body);
      notify(t('savedSearch.saved', { name: saved.name }), 'notice');
      form.reset();
      await show();
    } catch (error) {
      showRefusal(form, error);
    }
  });
  put(clear(container),
    h('div.page-head', {}, h('h1', {}, t('savedSearch.title')),
      h('div.page-actions', {}, h('a', { href: '#/notifications' }, t('notifications.title')))),
    h('p.muted', {}, t('savedSearch.about', { side: t(`savedSearch.side.${side}`) })),
    form, list);
  await show();
}
