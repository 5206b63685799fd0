// The hash router: #/name/arg/… picks a view by the logged-in user's role, and the top bar shows
// that role's navigation and the user. app.js hands it the routes and the navigation at start.
import { t, has, label } from './i18n.js';
import { session, currentUser, currentRole, ApiError } from './api.js';
import { h, clear } from './dom.js';
import { notify, clearMessages } from './notify.js';

const config = {
  /** role → [[route, label key], …]; the first is the role's home. */
  nav: {},
  /** route → (role) => view or null; a view is (container, args, {isCurrent}) => Promise. */
  routes: {},
  /** The navigation of an unknown role. */
  defaultRole: null,
  /** route → the navigation entry it belongs to (a record page lights up "mine"). */
  navParents: {},
  /** Awaited before any view but the login form is drawn. */
  beforeView: async () => {},
};

let renderToken = 0;
let keepMessagesOnce = false;

function navOf(role) {
  return config.nav[role] ?? config.nav[config.defaultRole];
}

export function homeRoute(role = currentRole()) {
  return navOf(role)[0][0];
}

/**
 * What a hash leads to, as {view, args}, {home} (go to the role's home page) or {notFound}. No
 * hash, the login form once logged in, or a page the role has none of lead home; a name that is no
 * page at all (a mistyped or outdated link) is said to be one rather than silently replaced.
 */
export function resolveRoute(hash, { loggedIn, role, routes }) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  const [name, ...args] = parts;
  if (!loggedIn) return { view: 'login', args: [] };
  if (!name || name === 'login') return { home: true };
  if (!Object.hasOwn(routes, name)) return { notFound: true };
  if (!routes[name](role)) return { home: true };
  return { view: name, args };
}

/** A malformed %-escape in a hand-typed address is read as written, not an error. */
function safeDecode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The top bar's subtitle: what the console is for the role logged in, a neutral one before. */
export function subtitleKey(role) {
  return role && has(`app.subtitle.${role}`) ? `app.subtitle.${role}` : 'app.subtitle';
}

/** Goes to a hash; the same hash again draws the view anew. */
export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

/** Goes to a hash and keeps the messages now shown (say, why the user has to log in again). */
export function navigateKeepingMessages(hash) {
  keepMessagesOnce = location.hash !== hash;
  location.hash = hash;
}

/** Draws the current hash's view again (after a language switch, say). */
export function refresh() {
  return route();
}

/** Takes the routes and navigation, follows every hash change from now on and draws the first view. */
export function startRouter(options) {
  Object.assign(config, options);
  window.addEventListener('hashchange', () => {
    if (keepMessagesOnce) keepMessagesOnce = false;
    else clearMessages();
    route();
  });
  route();
}

function renderShell() {
  const user = currentUser();
  const role = currentRole();
  const nav = document.getElementById('nav');
  const badge = document.getElementById('user-badge');
  const logout = document.getElementById('logout');
  const subtitle = document.getElementById('brand-subtitle');
  if (subtitle) subtitle.textContent = t(subtitleKey(user ? role : null));
  clear(nav);
  if (!user) {
    nav.hidden = true;
    badge.hidden = true;
    logout.hidden = true;
    return;
  }
  const active = (location.hash.replace(/^#\/?/, '').split('/')[0]) || homeRoute(role);
  for (const [name, key] of config.nav[role] ?? []) {
    nav.append(h('a', {
      href: `#/${name}`, id: `nav-${name}`, testid: `nav-${name}`,
      class: active === name || config.navParents[active] === name ? 'active' : null,
    }, t(key)));
  }
  nav.hidden = false;
  clear(badge).append(
    h('span.user-name', {}, user.displayName || user.username),
    h('span.user-org', {}, user.organisationName ?? ''),
    h('span.role-chip', { testid: 'role' }, label('role', role)));
  badge.hidden = false;
  logout.hidden = false;
  // When the navigation scrolls sideways (a phone, English labels), the page shown keeps its entry in
  // sight; measured once the user's corner beside it has its final width.
  nav.querySelector('a.active')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}

async function route() {
  const token = ++renderToken;
  const loggedIn = Boolean(session()?.accessToken);
  const role = currentRole();
  const target = resolveRoute(location.hash, { loggedIn, role, routes: config.routes });
  if (target.home) {
    location.replace(`#/${homeRoute(role)}`);
    return;
  }
  const name = target.notFound ? 'not-found' : target.view;
  renderShell();
  const view = document.getElementById('view');
  clear(view);
  view.dataset.view = name;
  const container = h('section.page', { testid: `page-${name}` });
  view.append(container);
  if (target.notFound) {
    notFoundView(container, role);
    return;
  }
  try {
    if (name !== 'login') await config.beforeView(name);
    // A newer navigation makes this render stale; views check isCurrent before writing late results.
    await config.routes[name](role)(container, target.args, { isCurrent: () => token === renderToken });
  } catch (e) {
    if (token === renderToken && !(e instanceof ApiError && e.status === 401)) notify(e);
  }
}

/** An address that is no page: said so, with the way to the role's home page. */
function notFoundView(container, role) {
  const [home, homeKey] = navOf(role)[0];
  container.append(
    h('header.page-head', {}, h('h1', {}, t('notFound.title'))),
    h('section.panel.not-found', {},
      h('p', {}, t('notFound.lead')),
      h('p', {}, h('a.button.primary', { href: `#/${home}`, testid: 'not-found-home' }, t('notFound.home', { page: t(homeKey) })))));
}
