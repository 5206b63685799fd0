// Webhook 订阅: a university's or enterprise's own systems hear of what concerns it (pairs approved,
// introductions, invitations, challenge phases, finished imports) as signed POSTs. The owner
// subscribes, pauses, resumes, tests and deletes, and reads each subscription's delivery log; an
// admin sees every organisation's and may do all of that but subscribe. A paused subscription is
// also announced above every page, once per login (watchPausedWebhooks).
import { t, label, onLanguageChange } from '../i18n.js';
import { h, put, clear, emptyState, field } from '../dom.js';
import { dateTime } from '../format.js';
import { get, post, request, currentRole, currentUser, isProblem, ApiError } from '../api.js';
import { pager, shownOncePanel } from './common.js';
import { showRefusal, clearViolations } from './forms.js';
import { notify } from '../notify.js';
import { navigateKeepingMessages } from '../router.js';

/** The most subscriptions an organisation may hold (matching-service refuses the next with 409 limit-reached). */
export const MAX_SUBSCRIPTIONS = 20;
const PAGE_SIZE = 20;

/** What each role may subscribe to, in the order the form offers them. */
export const EVENTS = {
  university: ['pair.approved', 'invitation.issued', 'challenge.phase-changed', 'import.finished'],
  enterprise: ['pair.approved', 'introduction.waiting', 'challenge.phase-changed', 'import.finished'],
};

/** Every event type a delivery can carry: the subscribable ones and the test event. */
export const EVENT_TYPES = ['pair.approved', 'introduction.waiting', 'invitation.issued', 'challenge.phase-changed', 'import.finished', 'ping'];

/** The fields of the subscription form, as the API names them in violations. */
export const FORM_FIELDS = ['url', 'events', 'description'];

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'];

const OWNER_ROLES = ['university', 'enterprise'];
const state = { organisationId: '', status: '' };

export function eventsFor(role) {
  return EVENTS[role] ?? [];
}

// --- why a subscription is paused -------------------------------------------------

/**
 * Why a subscription is paused, read from its pausedReason: {kind: 'person', who}, {kind:
 * 'failures', count, last} (paused by the sender after failures in a row) or {kind: 'other', reason}.
 */
export function pauseCause(subscription) {
  if (subscription?.pauseCause === 'MANUAL') return { kind: 'person', who: subscription.pausedBy ?? '—' };
  if (subscription?.pauseCause === 'FAILURES') return { kind: 'failures', count: subscription.consecutiveFailures };
  return { kind: 'other', reason: String(subscription?.pausedReason ?? '').trim() };
}

/** The pause in a sentence: who or what paused it, when, and the last error. */
export function pauseText(subscription) {
  const cause = pauseCause(subscription);
  const at = dateTime(subscription?.pausedAt);
  if (cause.kind === 'person') return t('webhook.pausedBy', { who: cause.who, at });
  if (cause.kind === 'failures') return t('webhook.pausedFailures', { count: cause.count, at });
  return cause.reason ? t('webhook.pausedOther', { at, reason: cause.reason }) : t('webhook.pausedAt', { at });
}

/** The pause in a few words, for the notice above every page. */
export function pauseSummary(subscription) {
  const cause = pauseCause(subscription);
  if (cause.kind === 'person') return t('webhook.reasonShort.person', { who: cause.who });
  if (cause.kind === 'failures') return t('webhook.reasonShort.failures', { count: cause.count });
  return cause.reason || t('webhook.status.PAUSED');
}

const isPaused = (subscription) => subscription?.status === 'PAUSED';

// --- the notice above every page ----------------------------------------------------

const pausedAlert = { checkedFor: null, paused: [], dismissed: false, listening: false };

/**
 * Once per login of a university or enterprise user: asks for the organisation's subscriptions and,
 * if one is paused, keeps a notice above every page until it is dismissed or nothing is paused any
 * more. Never waits and never fails: without an answer (matching-service down) nothing is shown.
 */
export function watchPausedWebhooks() {
  const user = currentUser();
  const key = user?.id ?? user?.username;
  if (!key || !OWNER_ROLES.includes(currentRole()) || pausedAlert.checkedFor === key) return;
  pausedAlert.checkedFor = key;
  if (!pausedAlert.listening) {
    pausedAlert.listening = true;
    onLanguageChange(renderAlert);
    // The webhooks page shows its own banner: the notice steps aside there.
    window.addEventListener('hashchange', renderAlert);
  }
  checkPaused();
}

/** After a logout: the next login asks again. */
export function forgetPausedWebhooks() {
  Object.assign(pausedAlert, { checkedFor: null, paused: [], dismissed: false });
  renderAlert();
}

/** Asks again after a change on the webhooks page (a resume or delete may end the notice). */
function recheckPaused() {
  if (pausedAlert.checkedFor) checkPaused();
}

async function checkPaused() {
  const asked = pausedAlert.checkedFor;
  try {
    const page = await get('/api/webhooks', { size: 100 });
    if (pausedAlert.checkedFor !== asked) return;
    pausedAlert.paused = (page?.items ?? []).filter(isPaused);
  } catch {
    // the notice is a courtesy; the webhooks page reports what went wrong
    return;
  }
  renderAlert();
}

function renderAlert() {
  const host = document.getElementById('alerts');
  if (!host) return;
  clear(host);
  const onPage = /^#\/webhooks(\/|$)/.test(location.hash);
  const { paused } = pausedAlert;
  if (!pausedAlert.checkedFor || pausedAlert.dismissed || paused.length === 0 || onPage) {
    host.hidden = true;
    return;
  }
  const one = paused.length === 1 ? paused[0] : null;
  host.append(h('div.alert-bar', { testid: 'webhook-paused-alert', role: 'status', dataset: { count: String(paused.length) } },
    h('span.alert-text', {}, one
      ? t('webhook.alertOne', { url: one.url, reason: pauseSummary(one) })
      : t('webhook.alertMany', { count: paused.length })),
    h('a.alert-link', { href: one ? `#/webhooks/${encodeURIComponent(one.id)}` : '#/webhooks', testid: 'webhook-paused-alert-open' }, t('webhook.alertOpen')),
    h('button.message-close', {
      type: 'button', 'aria-label': t('webhook.alertDismiss'), title: t('webhook.alertDismiss'), testid: 'webhook-paused-alert-close',
      onclick: () => {
        pausedAlert.dismissed = true;
        renderAlert();
      },
    }, '×')));
  host.hidden = false;
}

// --- the pages ------------------------------------------------------------------------

/** #/webhooks: the subscriptions; #/webhooks/<id>: one, with its delivery log. */
export async function webhooksView(container, args, { isCurrent }) {
  if (args[0]) {
    await subscriptionView(container, args[0], { isCurrent });
    return;
  }
  const role = currentRole();
  const admin = role === 'admin';
  const results = h('div', { testid: 'webhook-results' });
  const banners = h('div.hook-banners', { testid: 'webhook-banners' });
  const secretBox = h('div', { testid: 'webhook-secret-box' });
  const count = h('span.muted', { testid: 'webhook-count' });
  let current = 0;
  let organisations = null;

  put(container, h('header.page-head', {},
    h('h1', {}, t('webhook.title')),
    h('p.lead', {}, admin ? t('webhook.leadAdmin') : t('webhook.lead', { max: MAX_SUBSCRIPTIONS }))));

  if (admin) {
    organisations = await loadOrganisations();
    if (!isCurrent()) return;
    put(container, organisationFilter(organisations, () => load(0)));
  } else {
    const slot = h('div.form-slot');
    const toggle = h('button.primary', {
      type: 'button', testid: 'webhook-new', 'aria-expanded': 'false',
      onclick: () => {
        const open = !slot.firstChild;
        clear(slot);
        if (open) {
          slot.append(subscriptionForm(role, (created) => {
            clear(slot);
            toggle.setAttribute('aria-expanded', 'false');
            showSecret(secretBox, created);
            load(0);
          }));
          slot.querySelector('input')?.focus();
        }
        toggle.setAttribute('aria-expanded', String(open));
      },
    }, t('webhook.new'));
    put(container, h('div.form-actions', {}, toggle, count), slot);
  }
  put(container, secretBox, banners, results, admin ? null : signatureHelp(false));
  // Shown once: a language switch draws the page anew and must not lose it; leaving the page does.
  if (pendingSecret && pendingSecret.hash === location.hash) showSecret(secretBox, pendingSecret.created);

  const names = new Map((organisations ?? []).map((o) => [o.id, o.name]));

  async function load(pageNumber) {
    let page;
    try {
      page = await get('/api/webhooks', { organisationId: admin ? state.organisationId : null, page: pageNumber, size: PAGE_SIZE });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    current = pageNumber;
    clear(banners);
    clear(results);
    count.textContent = admin ? '' : t('webhook.limit', { count: page.totalItems, max: MAX_SUBSCRIPTIONS });
    const reload = () => load(current);
    put(banners, page.items.filter(isPaused).map((s) => pausedBanner(s, reload, { withUrl: true, organisation: admin ? names.get(s.organisationId) ?? s.organisationId : null })));
    if (!page.items.length) {
      results.append(emptyState(t(admin ? 'webhook.emptyAdmin' : 'webhook.empty')));
      return;
    }
    results.append(h('table.data.webhooks', { testid: 'webhook-table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('webhook.url')),
        admin ? h('th', {}, t('webhook.organisation')) : null,
        h('th', {}, t('webhook.events')),
        h('th', {}, t('webhook.status')),
        h('th', {}, t('webhook.createdAt')),
        h('th', {}, t('webhook.actions')))),
      h('tbody', {}, page.items.map((s) => subscriptionRow(s, { admin, names, reload })))),
    pager(page, load));
  }

  await load(0);
}

async function loadOrganisations() {
  try {
    const all = await get('/api/admin/organisations');
    return (Array.isArray(all) ? all : all?.items ?? [])
      .filter((o) => !o.role || OWNER_ROLES.includes(String(o.role).toLowerCase()));
  } catch {
    // the filter falls back to typing an organisation id
    return null;
  }
}

/** The admin's filter: a list of the organisations, or an id to type when the list is not to be had. */
function organisationFilter(organisations, apply) {
  const control = organisations
    ? h('select#webhook-organisation', { testid: 'webhook-organisation' },
      h('option', { value: '' }, t('webhook.anyOrganisation')),
      organisations.map((o) => h('option', { value: o.id, selected: o.id === state.organisationId }, o.name ?? o.id)))
    : h('input#webhook-organisation', { testid: 'webhook-organisation', type: 'search', value: state.organisationId, placeholder: t('webhook.organisationId') });
  return h('form.filters.hook-filters', {
    testid: 'webhook-filters',
    onsubmit: (event) => {
      event.preventDefault();
      state.organisationId = control.value.trim();
      apply();
    },
  },
  h('label', { for: 'webhook-organisation' }, h('span', {}, t('webhook.organisation')), control),
  h('button.primary', { type: 'submit', testid: 'webhook-apply' }, t('common.apply')),
  h('button', {
    type: 'button',
    onclick: () => {
      state.organisationId = '';
      control.value = '';
      apply();
    },
  }, t('common.reset')));
}

function subscriptionRow(s, { admin, names, reload }) {
  return h('tr', { testid: 'webhook-row', dataset: { id: s.id, status: s.status } },
    h('td.hook-target', { 'data-label': t('webhook.url') },
      h('a.hook-url', { href: `#/webhooks/${encodeURIComponent(s.id)}`, testid: 'webhook-url' }, s.url),
      s.description ? h('small.muted', {}, s.description) : null),
    admin ? h('td', { 'data-label': t('webhook.organisation') }, names.get(s.organisationId) ?? h('span.mono', {}, s.organisationId)) : null,
    h('td', { 'data-label': t('webhook.events') }, eventChips(s.events)),
    h('td.nowrap', { 'data-label': t('webhook.status') }, statusBadge(s.status),
      s.consecutiveFailures > 0 ? h('small.muted', { testid: 'webhook-failures' }, t('webhook.failures', { n: s.consecutiveFailures })) : null),
    h('td.nowrap', { 'data-label': t('webhook.createdAt') }, dateTime(s.createdAt),
      s.createdBy ? h('small.muted', {}, t('webhook.createdBy', { who: s.createdBy })) : null),
    h('td.hook-actions', { 'data-label': t('webhook.actions') }, h('div.hook-buttons', {},
      h('a.button.small', { href: `#/webhooks/${encodeURIComponent(s.id)}`, testid: 'webhook-open' }, t('webhook.open')),
      actionButtons(s, { onChanged: reload, onDeleted: reload }))));
}

/** #/webhooks/<id>: the subscription, what can be done with it, and its delivery log. */
async function subscriptionView(container, id, { isCurrent }) {
  const admin = currentRole() === 'admin';
  const path = `/api/webhooks/${encodeURIComponent(id)}`;
  const [subscription, organisations] = await Promise.all([get(path), admin ? loadOrganisations() : null]);
  if (!isCurrent()) return;
  const organisation = (organisations ?? []).find((o) => o.id === subscription.organisationId)?.name;
  const summary = h('div', { testid: 'webhook-detail' });
  const log = h('div', { testid: 'delivery-results' });
  let current = 0;

  const status = h('select#delivery-status', { testid: 'delivery-status' },
    h('option', { value: '' }, t('webhook.anyStatus')),
    DELIVERY_STATUSES.map((s) => h('option', { value: s, selected: s === state.status }, label('webhook.delivery', s))));
  status.addEventListener('change', () => {
    state.status = status.value;
    loadLog(0);
  });

  put(container,
    h('header.page-head', {},
      h('a.back', { href: '#/webhooks' }, `← ${t('webhook.back')}`),
      h('h1', {}, t('webhook.subscription'))),
    summary,
    h('section.panel', { testid: 'webhook-deliveries' },
      h('header.panel-head.hook-log-head', {},
        h('h2', {}, t('webhook.deliveries')),
        h('label.inline', { for: 'delivery-status' }, h('span', {}, t('webhook.filterStatus')), status),
        h('button.small', { type: 'button', testid: 'delivery-refresh', onclick: () => loadLog(current) }, t('common.refresh'))),
      h('p.muted', {}, t('webhook.deliveriesLead')),
      log));

  function draw(s) {
    const changed = (next) => {
      if (next) draw(next);
      loadLog(0);
    };
    put(clear(summary),
      isPaused(s) ? pausedBanner(s, changed) : null,
      h('section.panel.hook-summary', { testid: 'webhook-summary', dataset: { id: s.id, status: s.status } },
        h('header.panel-head.hook-head', {}, h('h2.hook-url', { testid: 'webhook-url' }, s.url), statusBadge(s.status)),
        h('dl.facts', {},
          field('webhook.description', s.description),
          field('webhook.events', eventChips(s.events)),
          admin ? field('webhook.organisation', organisation ?? h('span.mono', {}, s.organisationId)) : null,
          field('webhook.createdAt', `${dateTime(s.createdAt)}${s.createdBy ? ` · ${t('webhook.createdBy', { who: s.createdBy })}` : ''}`),
          field('webhook.failuresLabel', String(s.consecutiveFailures ?? 0), { testid: 'webhook-failures' }),
          field('webhook.id', h('span.mono', {}, s.id))),
        h('div.form-actions.hook-buttons', {}, actionButtons(s, {
          onChanged: changed,
          onPinged: () => loadLog(0),
          // the notice of the delete goes along to the list
          onDeleted: () => navigateKeepingMessages('#/webhooks'),
        }))));
  }

  async function loadLog(pageNumber) {
    let page;
    try {
      page = await get(`${path}/deliveries`, { status: state.status, page: pageNumber, size: PAGE_SIZE });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    current = pageNumber;
    clear(log);
    if (!page.items.length) {
      log.append(emptyState(t('webhook.noDeliveries')));
      return;
    }
    const replay = async (delivery, button) => {
      button.disabled = true;
      try {
        await post(`${path}/deliveries/${encodeURIComponent(delivery.id)}/replay`, {});
        notify(t('webhook.replayed'), 'notice');
      } catch (e) {
        notify(e);
        button.disabled = false;
        return;
      }
      // The replay is a new delivery: it heads the log.
      await loadLog(0);
    };
    log.append(h('table.data.deliveries', { testid: 'delivery-table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('webhook.time')),
        h('th', {}, t('webhook.event')),
        h('th', {}, t('webhook.status')),
        h('th', {}, t('webhook.attempts')),
        h('th', {}, t('webhook.lastAnswer')),
        h('th', {}, t('webhook.times')),
        h('th', {}, t('webhook.actions')))),
      h('tbody', {}, page.items.map((d) => deliveryRow(d, replay)))),
    pager(page, loadLog));
  }

  draw(subscription);
  await loadLog(0);
}

const DELIVERY_COLUMNS = 7;

function deliveryRow(d, replay) {
  let bodyRow = null;
  const toggle = h('button.small', {
    type: 'button', testid: 'delivery-body-toggle', 'aria-expanded': 'false',
    onclick: () => {
      if (bodyRow) {
        bodyRow.remove();
        bodyRow = null;
      } else {
        bodyRow = h('tr.delivery-body', { testid: 'delivery-body' },
          h('td', { colspan: DELIVERY_COLUMNS }, h('pre.json', {}, JSON.stringify(d.body ?? {}, null, 2))));
        row.after(bodyRow);
      }
      toggle.textContent = t(bodyRow ? 'webhook.hideBody' : 'webhook.body');
      toggle.setAttribute('aria-expanded', String(Boolean(bodyRow)));
    },
  }, t('webhook.body'));
  const again = h('button.small', { type: 'button', testid: 'delivery-replay', onclick: () => replay(d, again) }, t('webhook.replay'));
  const row = h('tr', { testid: 'delivery-row', dataset: { id: d.id, status: d.status, event: d.eventType ?? '' } },
    h('td.nowrap', { 'data-label': t('webhook.time') }, dateTime(d.createdAt, { seconds: true }),
      d.replayOf ? h('small.muted', { title: d.replayOf }, t('webhook.replayOf', { id: String(d.replayOf).slice(0, 8) })) : null),
    h('td', { 'data-label': t('webhook.event') }, h('div', {}, label('webhook.event', d.eventType)),
      d.eventId ? h('small.muted.mono', { title: t('webhook.eventId') }, d.eventId) : null),
    h('td', { 'data-label': t('webhook.status') }, deliveryBadge(d.status)),
    h('td', { 'data-label': t('webhook.attempts'), testid: 'delivery-attempts' }, String(d.attempts ?? 0)),
    h('td.hook-answer', { 'data-label': t('webhook.lastAnswer'), testid: 'delivery-answer' }, lastAnswer(d)),
    h('td.nowrap', { 'data-label': t('webhook.times') }, deliveryTimes(d)),
    h('td.hook-actions', { 'data-label': t('webhook.actions') }, h('div.hook-buttons', {}, toggle, again)));
  return row;
}

/** The receiver's last answer: its HTTP status, or why none came. */
function lastAnswer(d) {
  if (d.lastStatus == null && !d.lastErrorKind) return d.attempts ? t('webhook.noAnswer') : t('common.none');
  if (d.lastStatus == null) {
    // Why no status came back, in the reader's language; the technical detail beneath, as the network said it.
    return [h('span.badge.hook-bad', {}, t(`webhook.errorKind.${d.lastErrorKind}`)),
      d.lastError ? h('small.hook-error', {}, d.lastError) : null];
  }
  const ok = d.lastStatus >= 200 && d.lastStatus < 300;
  return h(`span.badge.${ok ? 'hook-ok' : 'hook-bad'}`, {}, t('webhook.httpStatus', { status: d.lastStatus }));
}

function deliveryTimes(d) {
  const line = (key, iso) => (iso ? h('small', {}, `${t(key)} ${dateTime(iso, { seconds: true })}`) : null);
  const lines = [
    line('webhook.deliveredAt', d.deliveredAt),
    line('webhook.lastAttempt', d.lastAttemptAt),
    d.status === 'PENDING' ? line('webhook.nextAttempt', d.nextAttemptAt) : null,
  ].filter(Boolean);
  return lines.length ? lines : t('common.none');
}

// --- pieces both pages share ----------------------------------------------------------

function statusBadge(status) {
  return h(`span.badge.hook-${String(status ?? '').toLowerCase()}`, { testid: 'webhook-status', dataset: { status: status ?? '' } },
    label('webhook.status', status));
}

function deliveryBadge(status) {
  return h(`span.badge.delivery-${String(status ?? '').toLowerCase()}`, { testid: 'delivery-status-badge', dataset: { status: status ?? '' } },
    label('webhook.delivery', status));
}

function eventChips(events) {
  return h('span.chips', {}, (events ?? []).map((e) => h('span.chip', { title: e, dataset: { event: e } }, label('webhook.event', e))));
}

/**
 * Pause or resume, test and delete, each answering with a notice. onChanged gets the subscription
 * as it now is; onDeleted runs after a delete, onPinged after a test event was queued.
 */
function actionButtons(s, { onChanged, onDeleted, onPinged }) {
  const base = `/api/webhooks/${encodeURIComponent(s.id)}`;
  const button = (key, testid, attrs, action) => {
    const el = h(`button.small${attrs.danger ? '.danger-outline' : ''}`, {
      type: 'button', testid,
      onclick: async () => {
        el.disabled = true;
        try {
          await action();
        } catch (e) {
          notify(e);
        } finally {
          el.disabled = false;
        }
      },
    }, t(key));
    return el;
  };
  return [
    isPaused(s)
      ? button('webhook.resume', 'webhook-resume', {}, async () => {
        const next = await post(`${base}/resume`, {});
        notify(t('webhook.resumed'), 'notice');
        recheckPaused();
        onChanged?.(next);
      })
      : button('webhook.pause', 'webhook-pause', {}, async () => {
        const next = await post(`${base}/pause`, {});
        notify(t('webhook.pausedNotice'), 'notice');
        onChanged?.(next);
      }),
    button('webhook.ping', 'webhook-ping', {}, async () => {
      await post(`${base}/ping`, {});
      notify(t('webhook.pinged'), 'notice');
      onPinged?.();
    }),
    button('webhook.delete', 'webhook-delete', { danger: true }, async () => {
      if (!window.confirm(t('webhook.deleteConfirm', { url: s.url }))) return;
      await request(base, { method: 'DELETE' });
      notify(t('webhook.deleted'), 'notice');
      recheckPaused();
      onDeleted?.();
    }),
  ];
}

/** The warning a paused subscription shows on the page: who or what paused it, and a Resume button. */
function pausedBanner(s, onChanged, { withUrl = false, organisation = null } = {}) {
  const resume = actionButtons(s, { onChanged })[0];
  resume.classList.add('primary');
  return h('div.hook-paused-banner', { testid: 'webhook-paused-banner', role: 'alert', dataset: { id: s.id } },
    h('div.hook-paused-text', {},
      h('strong', {}, t('webhook.pausedTitle')),
      organisation ? h('span', {}, organisation) : null,
      withUrl ? h('a.hook-url', { href: `#/webhooks/${encodeURIComponent(s.id)}` }, s.url) : null,
      h('span', { testid: 'webhook-paused-reason' }, pauseText(s)),
      h('small', {}, t('webhook.pausedWaiting'))),
    resume);
}

/** How a receiver checks a message came from the platform. */
function signatureHelp(open) {
  return h('details.panel.hook-signature', { testid: 'webhook-signature-help', open },
    h('summary', {}, t('webhook.signature')),
    h('p', {}, t('webhook.signatureText')),
    h('pre.json', {}, `${t('webhook.signatureHeader')}\n${t('webhook.signatureFormula')}`),
    h('p.muted', {}, t('webhook.signatureDedup')));
}

// --- subscribing ----------------------------------------------------------------------

/** The secret of the subscription just created, kept while its page is shown (a language switch redraws it). */
let pendingSecret = null;

function showSecret(box, created) {
  if (!created?.secret) return;
  if (pendingSecret?.created !== created) {
    pendingSecret = { created, hash: location.hash };
    window.addEventListener('hashchange', () => {
      pendingSecret = null;
    }, { once: true });
  }
  clear(box).append(secretPanel(created, () => {
    pendingSecret = null;
    clear(box);
  }));
  box.scrollIntoView?.({ block: 'nearest' });
}

function secretPanel(created, done) {
  return shownOncePanel({
    prefix: 'webhook', id: created.id, title: t('webhook.secretTitle'), warning: t('webhook.secretOnce'),
    about: h('p.muted', {}, t('webhook.secretFor'), ' ', h('span.hook-url', {}, created.url)),
    secret: created.secret, details: signatureHelp(true), doneLabel: t('webhook.secretSaved'), onDone: done,
  });
}

function subscriptionForm(role, onCreated) {
  const url = h('input#webhook-url-input', {
    testid: 'webhook-url-input', name: 'url', type: 'url', required: true, maxlength: 2000,
    placeholder: 'https://', autocomplete: 'off', spellcheck: 'false',
  });
  const description = h('input#webhook-description', { testid: 'webhook-description', name: 'description', maxlength: 200 });
  const events = h('fieldset.form-field.hook-events', { testid: 'webhook-events', dataset: { field: 'events' } },
    h('legend', {}, t('webhook.events')),
    eventsFor(role).map((name) => h('label.event-choice', { testid: `webhook-event-${name}` },
      h('input', { type: 'checkbox', value: name, checked: true }),
      h('span.event-text', {},
        h('span.event-name', {}, h('strong', {}, label('webhook.event', name)), ' ', h('code.muted', {}, name)),
        h('small.muted', {}, t(`webhook.eventHint.${name}`))))));

  const form = h('form.panel.record-form.hook-form', {
    testid: 'webhook-form',
    onsubmit: async (event) => {
      event.preventDefault();
      clearViolations(form);
      const chosen = [...events.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
      if (chosen.length === 0) {
        // The same note the service would give, without the round trip.
        showRefusal(form, new ApiError(400, { violations: [{ field: 'events', in: 'body', rule: 'NotEmpty', message: 'must not be empty' }] }));
        return;
      }
      const body = { url: url.value.trim(), events: chosen, description: description.value.trim() || null };
      try {
        onCreated(await post('/api/webhooks', body));
        notify(t('webhook.created'), 'notice');
      } catch (e) {
        if (isProblem(e, 'limit-reached')) notify(t('webhook.limitReached', { max: MAX_SUBSCRIPTIONS }));
        else showRefusal(form, e);
      }
    },
  },
  h('h2', {}, t('webhook.newTitle')),
  h('div.hook-form-fields', {},
    h('label.form-field', { dataset: { field: 'url' } }, h('span', {}, t('webhook.url')), url, h('small.muted', {}, t('webhook.urlHint'))),
    h('label.form-field', { dataset: { field: 'description' } }, h('span', {}, t('webhook.description')), description,
      h('small.muted', {}, t('webhook.descriptionHint'))),
    events),
  h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'webhook-submit' }, t('webhook.create'))));
  return form;
}

