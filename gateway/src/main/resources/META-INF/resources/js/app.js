// The console's start: which views each role gets on which route, the language switch, logging
// out, and going back to the login form when the session ends (its refresh refused). The router
// does the rest.
import { t, setLanguage, language, onLanguageChange } from './i18n.js';
import { logout, whenUnauthenticated } from './api.js';
import { notify, clearMessages } from './notify.js';
import { startRouter, navigate, navigateKeepingMessages, refresh } from './router.js';
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
import { auditView } from './views/audit.js';
import { accountsView } from './views/accounts.js';
import { webhooksView, watchPausedWebhooks, forgetPausedWebhooks } from './views/webhooks.js';
import { loadRegions } from './views/common.js';
import { dueView } from './views/followup.js';
import { operationsView } from './views/operations.js';
import { notificationsView, savedSearchesView, watchNotifications, forgetNotifications, NOTIFIED_ROLES } from './views/notifications.js';

/** Which views each role sees; what a role may not do is not shown at all. */
const NAV = {
  broker: [['queue', 'nav.queue'], ['due', 'nav.due'], ['board', 'nav.board'], ['challenges', 'nav.challenges'], ['stats', 'nav.stats'], ['search', 'nav.search']],
  admin: [['queue', 'nav.queue'], ['board', 'nav.board'], ['challenges', 'nav.challenges'], ['stats', 'nav.stats'], ['search', 'nav.search'], ['audit', 'nav.audit'], ['accounts', 'nav.accounts'], ['operations', 'nav.operations'], ['webhooks', 'nav.webhooks']],
  enterprise: [['mine', 'nav.mineDemands'], ['pairs', 'nav.pairs'], ['challenges', 'nav.challenges'], ['imports', 'nav.imports'], ['webhooks', 'nav.webhooks'], ['stats', 'nav.stats'], ['search', 'nav.search']],
  university: [['mine', 'nav.mineAchievements'], ['pairs', 'nav.pairs'], ['challenges', 'nav.challenges'], ['imports', 'nav.imports'], ['webhooks', 'nav.webhooks'], ['stats', 'nav.stats'], ['search', 'nav.search']],
};

/** The view of each route for a role, or null where the role has none (it is sent to its home). */
const ROUTES = {
  login: () => loginView,
  queue: (role) => (role === 'broker' || role === 'admin' ? queueView : null),
  board: (role) => (role === 'broker' || role === 'admin' ? boardView : null),
  due: (role) => (role === 'broker' ? dueView : null),
  pair: () => pairView,
  stats: () => statsView,
  search: () => searchView,
  mine: (role) => (role === 'enterprise' || role === 'university' ? mineView : null),
  record: () => recordView,
  pairs: (role) => (role === 'enterprise' || role === 'university' ? pairsView : null),
  challenges: () => challengesView,
  challenge: () => challengeView,
  imports: (role) => (role === 'enterprise' || role === 'university' ? importsView : null),
  audit: (role) => (role === 'admin' ? auditView : null),
  accounts: (role) => (role === 'admin' ? accountsView : null),
  operations: (role) => (role === 'admin' ? operationsView : null),
  webhooks: (role) => (role === 'enterprise' || role === 'university' || role === 'admin' ? webhooksView : null),
  notifications: (role) => (NOTIFIED_ROLES.includes(role) ? notificationsView : null),
  'saved-searches': (role) => (NOTIFIED_ROLES.includes(role) ? savedSearchesView : null),
};

/** Labels the static parts of index.html (elements with data-i18n). */
function applyStatic() {
  const current = language();
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  document.title = current === 'en' ? 'TechBridge console' : 'TechBridge 科技成果转化供需对接平台';
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  const switcher = document.getElementById('lang-switch');
  if (switcher) {
    switcher.textContent = t('lang.switch');
    switcher.setAttribute('lang', current === 'en' ? 'zh-CN' : 'en');
  }
}

function init() {
  applyStatic();
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
  });
  document.getElementById('logout').addEventListener('click', async () => {
    // The gateway has ended the session (and cleared its cookie) before the login form shows,
    // so a new login cannot cross the old session's logout.
    await logout();
    forgetPausedWebhooks();
    forgetNotifications();
    clearMessages();
    navigate('#/login');
  });
  whenUnauthenticated(() => {
    forgetPausedWebhooks();
    forgetNotifications();
    clearMessages();
    notify(t('login.expired'));
    // the notice must survive the navigation to the login form
    navigateKeepingMessages('#/login');
  });
  onLanguageChange(() => {
    applyStatic();
    refresh();
  });
  startRouter({
    nav: NAV,
    routes: ROUTES,
    defaultRole: 'broker',
    navParents: { record: 'mine', challenge: 'challenges' },
    // Region codes are shown by name everywhere: the names are fetched once, before the first view.
    // A paused webhook subscription is looked for once per login, without holding up the view.
    beforeView: () => {
      watchPausedWebhooks();
      watchNotifications();
      return loadRegions();
    },
  });
}

init();
