// The console's shell: who is logged in, which views their role gets, the hash router.
import { t, applyStatic, setLanguage, language, onLanguageChange, label } from './i18n.js';
import { session, currentUser, currentRole, clearSession, whenUnauthenticated, ApiError } from './api.js';
import { h, clear } from './dom.js';
import { loginView } from './views/login.js';
import { queueView } from './views/queue.js';
import { pairView } from './views/pair.js';
import { boardView } from './views/board.js';
import { statsView } from './views/stats.js';
import { searchView } from './views/search.js';
import { mineView, recordView } from './views/mine.js';
import { pairsView } from './views/pairs.js';
import { challengesView, challengeView } from './views/challenges.js';
import { importsView } from './views/imports.js';
import { loadRegions } from './views/common.js';

/** Which views each role sees; what a role may not do is not shown at all. */
const NAV = {
  broker: [['queue', 'nav.queue'], ['board', 'nav.board'], ['challenges', 'nav.challenges'], ['stats', 'nav.stats'], ['search', 'nav.search']],
  admin: [['queue', 'nav.queue'], ['board', 'nav.board'], ['challenges', 'nav.challenges'], ['stats', 'nav.stats'], ['search', 'nav.search']],
  enterprise: [['mine', 'nav.mineDemands'], ['pairs', 'nav.pairs'], ['challenges', 'nav.challenges'], ['imports', 'nav.imports'], ['stats', 'nav.stats'], ['search', 'nav.search']],
  university: [['mine', 'nav.mineAchievements'], ['pairs', 'nav.pairs'], ['challenges', 'nav.challenges'], ['imports', 'nav.imports'], ['stats', 'nav.stats'], ['search', 'nav.search']],
};

const ROUTES = {
  login: () => loginView,
  queue: (role) => (role === 'broker' || role === 'admin' ? queueView : null),
  board: (role) => (role === 'broker' || role === 'admin' ? boardView : null),
  pair: () => pairView,
  stats: () => statsView,
  search: () => searchView,
  mine: (role) => (role === 'enterprise' || role === 'university' ? mineView : null),
  record: () => recordView,
  pairs: (role) => (role === 'enterprise' || role === 'university' ? pairsView : null),
  challenges: () => challengesView,
  challenge: () => challengeView,
  imports: (role) => (role === 'enterprise' || role === 'university' ? importsView : null),
};

let renderToken = 0;
let keepMessagesOnce = false;

export function homeRoute(role = currentRole()) {
  return (NAV[role] ?? NAV.broker)[0][0];
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

/** Shows an error (an ApiError's detail and violations) or a notice above the view. */
export function notify(messageOrError, kind = 'error') {
  const box = document.getElementById('messages');
  // A success replaces whatever was said before, errors included: it is the latest word.
  if (kind !== 'error') clear(box);
  const lines = messageOrError instanceof ApiError ? messageOrError.lines
    : messageOrError instanceof Error ? [messageOrError.message] : [String(messageOrError)];
  const item = h(`div.message.message-${kind}`, { testid: kind === 'error' ? 'error' : 'notice', role: kind === 'error' ? 'alert' : 'status' },
    h('div.message-body', {}, lines.map((line, i) => (i === 0 ? h('strong', {}, line) : h('div.violation', { testid: 'violation' }, line)))),
    h('button.message-close', { type: 'button', 'aria-label': 'close', onclick: () => item.remove() }, '×'));
  box.append(item);
  if (kind !== 'error') setTimeout(() => item.remove(), 6000);
}

export function clearMessages() {
  clear(document.getElementById('messages'));
}

function renderShell() {
  const user = currentUser();
  const role = currentRole();
  const nav = document.getElementById('nav');
  const badge = document.getElementById('user-badge');
  const logout = document.getElementById('logout');
  clear(nav);
  if (!user) {
    nav.hidden = true;
    badge.hidden = true;
    logout.hidden = true;
    return;
  }
  const active = (location.hash.replace(/^#\/?/, '').split('/')[0]) || homeRoute(role);
  for (const [name, key] of NAV[role] ?? []) {
    nav.append(h('a', {
      href: `#/${name}`, id: `nav-${name}`, testid: `nav-${name}`,
      class: active === name || (active === 'record' && name === 'mine') || (active === 'challenge' && name === 'challenges') ? 'active' : null,
    }, t(key)));
  }
  nav.hidden = false;
  clear(badge).append(
    h('span.user-name', {}, user.displayName || user.username),
    h('span.user-org', {}, user.organisationName ?? ''),
    h('span.role-chip', { testid: 'role' }, label('role', role)));
  badge.hidden = false;
  logout.hidden = false;
}

async function route() {
  const token = ++renderToken;
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const loggedIn = Boolean(session()?.accessToken);
  const role = currentRole();
  let [name, ...args] = parts;
  if (!loggedIn) {
    name = 'login';
  } else if (!name || name === 'login' || !ROUTES[name]?.(role)) {
    location.replace(`#/${homeRoute(role)}`);
    return;
  }
  renderShell();
  const view = document.getElementById('view');
  clear(view);
  view.dataset.view = name;
  const container = h('section.page', { testid: `page-${name}` });
  view.append(container);
  try {
    // Region codes are shown by name everywhere: the names are fetched once, before the first view.
    if (name !== 'login') await loadRegions();
    // A newer navigation makes this render stale; views check isCurrent before writing late results.
    await ROUTES[name](role)(container, args, { isCurrent: () => token === renderToken });
  } catch (e) {
    if (token === renderToken && !(e instanceof ApiError && e.status === 401)) notify(e);
  }
}

function init() {
  applyStatic();
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
  });
  document.getElementById('logout').addEventListener('click', () => {
    clearSession();
    clearMessages();
    navigate('#/login');
  });
  whenUnauthenticated(() => {
    clearMessages();
    notify(t('login.expired'));
    // the notice must survive the navigation to the login form
    keepMessagesOnce = location.hash !== '#/login';
    location.hash = '#/login';
  });
  onLanguageChange(() => route());
  window.addEventListener('hashchange', () => {
    if (keepMessagesOnce) keepMessagesOnce = false;
    else clearMessages();
    route();
  });
  route();
}

init();
