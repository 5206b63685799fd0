// 机构与账号: the platform operator's organisations, each with its accounts and its API keys. An
// organisation's type fixes the role its accounts log in with. An account is created with a
// password, renamed, given a new password, disabled or enabled again; disabling it or a new
// password ends its sessions at once and its access tokens within a minute. An API key is issued
// for one organisation's system, shown once, and revoked.
import { t, label } from '../i18n.js';
import { h, put, clear, emptyState, field } from '../dom.js';
import { dateTime } from '../format.js';
import { get, post, patch, currentUser } from '../api.js';
import { regionName } from '../names.js';
import { regionOptions, shownOncePanel, copyText, openDialog } from './common.js';
import { showRefusal, clearViolations } from './forms.js';
import { notify, clearMessages } from '../notify.js';
import { navigateKeepingMessages } from '../router.js';

/** The gateway's OrganisationType, in its order; the role each type's accounts log in with. */
export const ORGANISATION_TYPES = ['UNIVERSITY', 'INSTITUTE', 'ENTERPRISE', 'BROKER_AGENCY', 'OPERATOR'];
export const ROLE_OF_TYPE = {
  UNIVERSITY: 'university', INSTITUTE: 'university', ENTERPRISE: 'enterprise', BROKER_AGENCY: 'broker', OPERATOR: 'admin',
};
export const KEY_SCOPES = ['READ', 'WRITE'];

/** The fields of each form, as the API names them in violations. */
export const ORGANISATION_FIELDS = ['name', 'type', 'id', 'regionCode'];
export const USER_FIELDS = ['username', 'displayName', 'password'];
export const KEY_FIELDS = ['name', 'scope'];

/**
 * The gateway's shortest password by default (techbridge.gateway.password.min-length). Only the hint
 * uses it: the gateway checks, and its refusal names the length it holds to.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const GENERATED_LENGTH = 20;
/** Letters and digits that cannot be taken for one another when read out or copied from paper (no 0/O, 1/l/I). */
export const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

const state = { text: '', type: '' };

// --- the pure parts -------------------------------------------------------------------

/**
 * A random password from PASSWORD_ALPHABET (20 characters: about 116 bits). Bytes the alphabet's
 * size does not divide evenly into are drawn again, so every character is equally likely.
 */
export function generatePassword(length = GENERATED_LENGTH, randomValues = (bytes) => globalThis.crypto.getRandomValues(bytes)) {
  const size = PASSWORD_ALPHABET.length;
  const limit = 256 - (256 % size);
  let password = '';
  while (password.length < length) {
    for (const byte of randomValues(new Uint8Array(length))) {
      if (byte < limit && password.length < length) password += PASSWORD_ALPHABET[byte % size];
    }
  }
  return password;
}

/**
 * How an account stands with failed logins: {kind: 'closed', until, failures} while the gateway
 * refuses its logins, {kind: 'failures', failures} after failures in a row, else {kind: 'clear'}.
 */
export function loginStanding(user, now = Date.now()) {
  const failures = Number(user?.failedLoginsInARow) || 0;
  const until = user?.loginClosedUntil ? Date.parse(user.loginClosedUntil) : NaN;
  if (until > now) return { kind: 'closed', until: user.loginClosedUntil, failures };
  if (failures > 0) return { kind: 'failures', failures };
  return { kind: 'clear' };
}

/** Whether an organisation passes the list's filter: part of its name or id, and its type. */
export function matchesOrganisation(organisation, { text = '', type = '' } = {}) {
  const needle = String(text).trim().toLowerCase();
  if (type && organisation?.type !== type) return false;
  if (!needle) return true;
  return [organisation?.name, organisation?.id].some((value) => String(value ?? '').toLowerCase().includes(needle));
}

/** The role an organisation's accounts log in with: as the gateway says, else by its type. */
export function roleOf(organisation) {
  return String(organisation?.role ?? ROLE_OF_TYPE[organisation?.type] ?? '').toLowerCase();
}

// --- the organisations ----------------------------------------------------------------

/** #/accounts: the organisations; #/accounts/<id>: one, with its accounts and API keys. */
export async function accountsView(container, args, { isCurrent }) {
  if (args[0]) {
    await organisationView(container, args[0], { isCurrent });
    return;
  }
  const results = h('div', { testid: 'org-results' });
  const count = h('span.muted', { testid: 'org-count' });
  const slot = h('div.form-slot');
  let all = [];

  const toggle = formToggle('org-new', 'account.org.new', slot, (done) => organisationForm((created) => {
    done();
    notify(t('account.org.created', { name: created.name, id: created.id }), 'notice');
    navigateKeepingMessages(`#/accounts/${encodeURIComponent(created.id)}`);
  }));

  const text = h('input#org-filter-text', { testid: 'org-filter-text', type: 'search', value: state.text, placeholder: t('account.org.filterHint') });
  const type = typeSelect('org-filter-type', state.type, t('account.org.anyType'));
  const filters = h('form.filters.account-filters', {
    testid: 'org-filters',
    onsubmit: (event) => {
      event.preventDefault();
      Object.assign(state, { text: text.value.trim(), type: type.value });
      draw();
    },
  },
  h('label', { for: 'org-filter-text' }, h('span', {}, t('account.org.filterText')), text),
  h('label', { for: 'org-filter-type' }, h('span', {}, t('account.org.type')), type),
  h('button.primary', { type: 'submit', testid: 'org-apply' }, t('common.apply')),
  h('button', {
    type: 'button',
    onclick: () => {
      Object.assign(state, { text: '', type: '' });
      text.value = '';
      type.value = '';
      draw();
    },
  }, t('common.reset')));

  put(container,
    h('header.page-head', {}, h('h1', {}, t('account.title')), h('p.lead', {}, t('account.lead'))),
    h('div.form-actions', {}, toggle, count),
    slot,
    filters,
    results);

  function draw() {
    clear(results);
    const shown = all.filter((o) => matchesOrganisation(o, state));
    count.textContent = t('account.org.count', { shown: shown.length, total: all.length });
    if (!shown.length) {
      results.append(emptyState(t(all.length ? 'account.org.noneMatch' : 'account.org.empty')));
      return;
    }
    results.append(h('table.data.organisations', { testid: 'org-table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('account.org.name')),
        h('th', {}, t('account.org.type')),
        h('th', {}, t('account.org.role')),
        h('th', {}, t('account.org.regionColumn')),
        h('th', {}, t('account.org.createdAt')),
        h('th', {}, t('account.actions')))),
      h('tbody', {}, shown.map(organisationRow))));
  }

  let list;
  try {
    list = await get('/api/admin/organisations');
  } catch (e) {
    notify(e);
    return;
  }
  if (!isCurrent()) return;
  all = Array.isArray(list) ? list : list?.items ?? [];
  draw();
}

function organisationRow(o) {
  const href = `#/accounts/${encodeURIComponent(o.id)}`;
  return h('tr', { testid: 'org-row', dataset: { id: o.id, type: o.type ?? '' } },
    h('td.account-main', { 'data-label': t('account.org.name') },
      h('a', { href, testid: 'org-open' }, o.name ?? o.id), h('small.mono.muted', {}, o.id)),
    h('td', { 'data-label': t('account.org.type') }, typeBadge(o.type)),
    h('td', { 'data-label': t('account.org.role') }, label('role', roleOf(o))),
    h('td', { 'data-label': t('account.org.regionColumn') }, o.regionCode
      ? h('span', { title: o.regionCode }, regionName(o.regionCode)) : t('common.none')),
    h('td.nowrap', { 'data-label': t('account.org.createdAt') }, dateTime(o.createdAt)),
    h('td.account-actions', { 'data-label': t('account.actions') }, h('a.button.small', { href, testid: 'org-manage' }, t('account.org.manage'))));
}

function typeSelect(id, selected, anyText) {
  return h(`select#${id}`, { testid: id },
    h('option', { value: '' }, anyText),
    ORGANISATION_TYPES.map((type) => h('option', { value: type, selected: type === selected }, label('account.orgType', type))));
}

function typeBadge(type) {
  return h(`span.badge.org-type-${String(type ?? '').toLowerCase()}`, { testid: 'org-type-badge', dataset: { type: type ?? '' } },
    label('account.orgType', type));
}

function organisationForm(onCreated) {
  const name = h('input#org-name', { testid: 'org-name', maxlength: 200, autocomplete: 'off', autofocus: true });
  const type = typeSelect('org-type', '', t('form.choose'));
  const typeHint = h('small.muted', { testid: 'org-type-hint' }, t('account.org.typeHint'));
  type.addEventListener('change', () => {
    typeHint.textContent = type.value
      ? t('account.org.roleHint', { role: label('role', ROLE_OF_TYPE[type.value]) }) : t('account.org.typeHint');
  });
  const id = h('input#org-id', { testid: 'org-id', maxlength: 64, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', placeholder: 'org-example' });
  const region = h('input#org-region', {
    testid: 'org-region', inputmode: 'numeric', maxlength: 6, autocomplete: 'off', placeholder: '330100', list: 'org-region-options',
  });
  const regionShown = h('small.muted', { testid: 'org-region-name' }, t('account.org.regionHint'));
  region.addEventListener('input', () => {
    const code = region.value.trim();
    regionShown.textContent = /^\d{6}$/.test(code) && regionName(code) !== code ? regionName(code) : t('account.org.regionHint');
  });

  // novalidate: the gateway's rules are shown beside the fields in the console's language, not the browser's
  const form = h('form.panel.record-form.account-form', {
    testid: 'org-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      // a new attempt: what was said about the last one goes
      clearMessages();
      clearViolations(form);
      const body = {
        name: name.value.trim(),
        type: type.value || null,
        id: id.value.trim() || null,
        regionCode: region.value.trim() || null,
      };
      let created;
      try {
        created = await post('/api/admin/organisations', body);
      } catch (e) {
        showRefusal(form, e);
        return;
      }
      onCreated(created);
    },
  },
  h('h2', {}, t('account.org.newTitle')),
  h('div.account-form-fields', {},
    formField('name', 'org-name', 'account.org.name', name, t('account.org.nameHint')),
    formField('type', 'org-type', 'account.org.type', type, typeHint),
    formField('id', 'org-id', 'account.org.id', id, t('account.org.idHint')),
    formField('regionCode', 'org-region', 'account.org.region', [region, regionOptions('org-region-options')], regionShown)),
  h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'org-submit' }, t('account.org.create'))));
  return form;
}

// --- one organisation -----------------------------------------------------------------

async function organisationView(container, id, { isCurrent }) {
  const head = (title, ...more) => h('header.page-head', {},
    h('a.back', { href: '#/accounts' }, `← ${t('account.back')}`), h('h1', { testid: 'org-title' }, title), ...more);
  let organisation;
  try {
    organisation = await get(`/api/admin/organisations/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e?.status !== 404) throw e;
    if (isCurrent()) put(container, head(t('account.org.notFoundTitle')), emptyState(t('account.org.notFound', { id })));
    return;
  }
  if (!isCurrent()) return;
  const role = roleOf(organisation);
  const me = currentUser()?.id;

  const users = h('div', { testid: 'user-results' });
  const userCount = h('span.muted', { testid: 'user-count' });
  const userSlot = h('div.form-slot');
  const keys = h('div', { testid: 'key-results' });
  const keySlot = h('div.form-slot');
  const keyBox = h('div', { testid: 'key-secret-box' });

  const newUser = formToggle('user-new', 'account.user.new', userSlot, (done) => userForm(organisation, (created) => {
    done();
    notify(t('account.user.created', { username: created.username }), 'notice');
    loadUsers();
  }));
  const newKey = formToggle('key-new', 'account.key.new', keySlot, (done) => keyForm(organisation, (issued) => {
    done();
    notify(t('account.key.issued'), 'notice');
    showKey(keyBox, issued);
    loadKeys();
  }));

  put(container,
    head(organisation.name, typeBadge(organisation.type)),
    h('section.panel.account-org', { testid: 'org-detail', dataset: { id: organisation.id, type: organisation.type } },
      h('dl.facts', {},
        field('account.org.idLabel', h('span.mono', { testid: 'org-id-value' }, organisation.id)),
        field('account.org.type', label('account.orgType', organisation.type)),
        field('account.org.role', label('role', role)),
        field('account.org.regionColumn', organisation.regionCode ? `${regionName(organisation.regionCode)}（${organisation.regionCode}）` : null),
        field('account.org.createdAt', dateTime(organisation.createdAt)))),
    h('section.panel.account-section', { testid: 'users-panel' },
      h('header.panel-head.account-section-head', {}, h('h2', {}, t('account.users')), userCount, newUser),
      h('p.muted', {}, t('account.users.lead', { role: label('role', role) })),
      userSlot,
      users),
    h('section.panel.account-section', { testid: 'keys-panel' },
      h('header.panel-head.account-section-head', {}, h('h2', {}, t('account.keys')), newKey),
      h('p.muted', {}, t('account.keys.lead')),
      keyBox,
      keySlot,
      keys));
  // Shown once: a language switch draws the page anew and must not lose it; leaving the page does.
  if (pendingKey && pendingKey.hash === location.hash) showKey(keyBox, pendingKey.issued);

  async function loadUsers() {
    let list;
    try {
      list = await get('/api/admin/users', { organisationId: organisation.id });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(users);
    userCount.textContent = t('account.users.count', { count: list.length });
    if (!list.length) {
      users.append(emptyState(t('account.users.empty')));
      return;
    }
    users.append(h('table.data.accounts', { testid: 'user-table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('account.user.account')),
        h('th', {}, t('account.user.status')),
        h('th', {}, t('account.user.logins')),
        h('th', {}, t('account.user.lastLogin')),
        h('th', {}, t('account.user.createdAt')),
        h('th', {}, t('account.actions')))),
      h('tbody', {}, list.map((u) => userRow(u, { self: u.id === me, reload: loadUsers })))));
  }

  async function loadKeys() {
    let list;
    try {
      list = await get('/api/admin/api-keys', { organisationId: organisation.id });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(keys);
    if (!list.length) {
      keys.append(emptyState(t('account.keys.empty')));
      return;
    }
    keys.append(h('table.data.api-keys', { testid: 'key-table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('account.key.name')),
        h('th', {}, t('account.key.scope')),
        h('th', {}, t('account.key.created')),
        h('th', {}, t('account.key.lastUsed')),
        h('th', {}, t('account.key.status')),
        h('th', {}, t('account.actions')))),
      h('tbody', {}, list.map((k) => keyRow(k, loadKeys)))));
  }

  await Promise.all([loadUsers(), loadKeys()]);
}

// --- accounts -------------------------------------------------------------------------

function userRow(u, { self, reload }) {
  const standing = loginStanding(u);
  const path = `/api/admin/users/${encodeURIComponent(u.id)}`;
  const change = async (button, body, noticeKey) => {
    button.disabled = true;
    try {
      await patch(path, body);
    } catch (e) {
      notify(e);
      button.disabled = false;
      return;
    }
    notify(t(noticeKey, { username: u.username }), 'notice');
    reload();
  };

  const rename = h('button.small', {
    type: 'button', testid: 'user-rename', onclick: () => renameDialog(rename, u, reload),
  }, t('account.user.rename'));
  const password = h('button.small', {
    type: 'button', testid: 'user-password', onclick: () => passwordDialog(password, u, reload),
  }, t('account.user.setPassword'));
  let toggle;
  if (!u.enabled) {
    toggle = h('button.small', { type: 'button', testid: 'user-enable', onclick: () => change(toggle, { enabled: true }, 'account.user.enabledNotice') },
      t('account.user.enable'));
  } else if (self) {
    // Disabling the account in use would end this very session and could leave nobody to undo it.
    toggle = h('button.small.danger-outline', { type: 'button', testid: 'user-disable', disabled: true, title: t('account.user.selfHint') },
      t('account.user.disable'));
  } else {
    toggle = h('button.small.danger-outline', {
      type: 'button', testid: 'user-disable',
      onclick: async () => {
        const sure = await confirmDialog(toggle, {
          title: t('account.user.disableTitle', { username: u.username }),
          text: t('account.user.disableConfirm'),
          confirm: t('account.user.disable'),
        });
        if (sure) await change(toggle, { enabled: false }, 'account.user.disabled');
      },
    }, t('account.user.disable'));
  }

  return h('tr', { testid: 'user-row', dataset: { id: u.id, username: u.username, enabled: String(Boolean(u.enabled)) } },
    h('td.account-main', { 'data-label': t('account.user.account') },
      h('strong.mono', { testid: 'user-username' }, u.username),
      self ? h('span.chip', {}, t('account.user.you')) : null,
      h('small', { testid: 'user-display-name' }, u.displayName)),
    h('td', { 'data-label': t('account.user.status') },
      h(`span.badge.account-${u.enabled ? 'enabled' : 'disabled'}`, { testid: 'user-status' },
        t(u.enabled ? 'account.user.enabled' : 'account.user.disabledBadge'))),
    h('td', { 'data-label': t('account.user.logins'), testid: 'user-standing', dataset: { standing: standing.kind } }, standingText(standing)),
    h('td.nowrap', { 'data-label': t('account.user.lastLogin') }, u.lastLoginAt ? dateTime(u.lastLoginAt) : t('account.user.never')),
    h('td.nowrap', { 'data-label': t('account.user.createdAt') }, dateTime(u.createdAt)),
    h('td.account-actions', { 'data-label': t('account.actions') }, h('div.account-buttons', {}, rename, password, toggle)));
}

function standingText(standing) {
  if (standing.kind === 'closed') {
    return [h('span.badge.account-closed', {}, t('account.user.closedUntil', { at: dateTime(standing.until, { seconds: true }) })),
      h('small.muted', {}, t('account.user.failures', { n: standing.failures }))];
  }
  if (standing.kind === 'failures') return h('span.account-failures', {}, t('account.user.failures', { n: standing.failures }));
  return h('span.muted', {}, t('account.user.noFailures'));
}

function userForm(organisation, onCreated) {
  const username = h('input#user-username', {
    testid: 'user-username-input', maxlength: 64, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', autofocus: true,
  });
  const displayName = h('input#user-display-name', { testid: 'user-display-name-input', maxlength: 100, autocomplete: 'off' });
  const password = passwordField('user-password', 'account.user.password');
  const form = h('form.panel.record-form.account-form', {
    testid: 'user-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      clearMessages();
      clearViolations(form);
      const body = {
        username: username.value.trim(),
        displayName: displayName.value.trim(),
        password: password.input.value,
        organisationId: organisation.id,
      };
      let created;
      try {
        created = await post('/api/admin/users', body);
      } catch (e) {
        showRefusal(form, e);
        return;
      }
      onCreated(created);
    },
  },
  h('h2', {}, t('account.user.newTitle', { org: organisation.name })),
  h('div.account-form-fields', {},
    formField('username', 'user-username', 'account.user.username', username, t('account.user.usernameHint')),
    formField('displayName', 'user-display-name', 'account.user.displayName', displayName, t('account.user.displayNameHint')),
    password.block),
  h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'user-submit' }, t('account.user.create'))));
  return form;
}

function renameDialog(opener, u, reload) {
  openDialog(opener, t('account.user.renameTitle', { username: u.username }), 'rename-dialog', (close) => {
    const input = h('input#rename-display-name', { testid: 'rename-display-name', maxlength: 100, value: u.displayName ?? '', autocomplete: 'off', autofocus: true });
    const form = h('form.dialog-form', {
      testid: 'rename-form', novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        clearMessages();
        clearViolations(form);
        let changed;
        try {
          changed = await patch(`/api/admin/users/${encodeURIComponent(u.id)}`, { displayName: input.value.trim() });
        } catch (e) {
          showRefusal(form, e);
          return;
        }
        close();
        notify(t('account.user.renamed', { name: changed.displayName }), 'notice');
        reload();
      },
    },
    formField('displayName', 'rename-display-name', 'account.user.displayName', input, t('account.user.displayNameHint')),
    h('div.form-actions.dialog-actions', {},
      h('button.primary', { type: 'submit', testid: 'rename-submit' }, t('account.user.save')),
      h('button', { type: 'button', testid: 'dialog-cancel', onclick: close }, t('common.cancel'))));
    return form;
  });
}

function passwordDialog(opener, u, reload) {
  openDialog(opener, t('account.password.title', { username: u.username }), 'password-dialog', (close) => {
    const password = passwordField('new-password', 'account.password.new', { autofocus: true });
    const form = h('form.dialog-form', {
      testid: 'password-form', novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        clearMessages();
        clearViolations(form);
        try {
          await patch(`/api/admin/users/${encodeURIComponent(u.id)}`, { password: password.input.value });
        } catch (e) {
          showRefusal(form, e);
          return;
        }
        close();
        notify(t('account.password.changed', { username: u.username }), 'notice');
        reload();
      },
    },
    h('p.dialog-lead', {}, t('account.password.lead')),
    password.block,
    h('div.form-actions.dialog-actions', {},
      h('button.primary', { type: 'submit', testid: 'password-submit' }, t('account.password.save')),
      h('button', { type: 'button', testid: 'dialog-cancel', onclick: close }, t('common.cancel'))));
    return form;
  });
}

/**
 * A password input with a button that fills in a random one and a button that copies it. Shown as
 * text: the operator hands it on to the account's user.
 */
function passwordField(id, labelKey, { autofocus = false } = {}) {
  const input = h(`input#${id}.password-value`, {
    testid: id, type: 'text', maxlength: 1024, autocomplete: 'new-password', spellcheck: 'false', autocapitalize: 'off', autofocus,
  });
  const generate = h('button', {
    type: 'button', testid: `${id}-generate`,
    onclick: () => {
      input.value = generatePassword();
      input.focus();
      input.select();
    },
  }, t('account.password.generate'));
  const copy = h('button', { type: 'button', testid: `${id}-copy`, onclick: () => copyText(input.value, input) }, t('common.copy'));
  const block = h('div.form-field', { dataset: { field: 'password' } },
    h('label.field-label', { for: id }, t(labelKey)),
    h('div.password-row', {}, input, generate, copy),
    h('small.muted', {}, t('account.password.hint', { min: MIN_PASSWORD_LENGTH, length: GENERATED_LENGTH })));
  return { block, input };
}

// --- API keys -------------------------------------------------------------------------

function keyRow(k, reload) {
  const revoked = Boolean(k.revokedAt);
  const revoke = revoked ? null : h('button.small.danger-outline', {
    type: 'button', testid: 'key-revoke',
    onclick: async () => {
      const sure = await confirmDialog(revoke, {
        title: t('account.key.revokeTitle', { name: k.name }),
        text: t('account.key.revokeConfirm'),
        confirm: t('account.key.revoke'),
      });
      if (!sure) return;
      revoke.disabled = true;
      try {
        await post(`/api/admin/api-keys/${encodeURIComponent(k.id)}/revoke`, {});
      } catch (e) {
        notify(e);
        revoke.disabled = false;
        return;
      }
      notify(t('account.key.revokedNotice', { name: k.name }), 'notice');
      reload();
    },
  }, t('account.key.revoke'));
  return h('tr', { testid: 'key-row', dataset: { id: k.id, scope: k.scope ?? '', revoked: String(revoked) } },
    h('td.account-main', { 'data-label': t('account.key.name') }, h('strong', { testid: 'key-name' }, k.name), h('small.mono.muted', {}, k.id)),
    h('td', { 'data-label': t('account.key.scope') }, scopeBadge(k.scope)),
    h('td.nowrap', { 'data-label': t('account.key.created') }, dateTime(k.createdAt),
      k.createdBy ? h('small.muted', {}, t('account.key.createdBy', { who: k.createdBy })) : null),
    h('td.nowrap', { 'data-label': t('account.key.lastUsed') }, k.lastUsedAt ? dateTime(k.lastUsedAt, { seconds: true }) : t('account.key.neverUsed')),
    h('td', { 'data-label': t('account.key.status') }, revoked
      ? [h('span.badge.key-revoked', { testid: 'key-status' }, t('account.key.revoked')), h('small.muted', {}, dateTime(k.revokedAt))]
      : h('span.badge.key-active', { testid: 'key-status' }, t('account.key.active'))),
    h('td.account-actions', { 'data-label': t('account.actions') }, revoke ?? t('common.none')));
}

function scopeBadge(scope) {
  return h(`span.badge.scope-${String(scope ?? '').toLowerCase()}`, { title: label('account.key.scopeHint', scope) }, label('account.key.scope', scope));
}

function keyForm(organisation, onIssued) {
  const name = h('input#key-name', { testid: 'key-name-input', maxlength: 100, autocomplete: 'off', autofocus: true, placeholder: t('account.key.namePlaceholder') });
  // Read-only first: the least a system needs is the safer choice.
  const scopes = h('fieldset.form-field.scope-choices', { testid: 'key-scope', dataset: { field: 'scope' } },
    h('legend', {}, t('account.key.scope')),
    KEY_SCOPES.map((scope, i) => h('label.scope-choice', { testid: `key-scope-${scope}` },
      h('input', { type: 'radio', name: 'key-scope', value: scope, checked: i === 0 }),
      h('span.event-text', {}, h('strong', {}, label('account.key.scope', scope)), h('small.muted', {}, t(`account.key.scopeHint.${scope}`))))));
  const form = h('form.panel.record-form.account-form', {
    testid: 'key-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      clearMessages();
      clearViolations(form);
      const body = { organisationId: organisation.id, name: name.value.trim(), scope: scopes.querySelector('input:checked')?.value ?? null };
      let issued;
      try {
        issued = await post('/api/admin/api-keys', body);
      } catch (e) {
        showRefusal(form, e);
        return;
      }
      onIssued(issued);
    },
  },
  h('h2', {}, t('account.key.newTitle', { org: organisation.name })),
  h('div.account-form-fields', {},
    formField('name', 'key-name', 'account.key.name', name, t('account.key.nameHint')),
    scopes),
  h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'key-submit' }, t('account.key.issue'))));
  return form;
}

/** The key just issued, kept while its page is shown (a language switch redraws it). */
let pendingKey = null;

function showKey(box, issued) {
  if (!issued?.key) return;
  if (pendingKey?.issued !== issued) {
    pendingKey = { issued, hash: location.hash };
    window.addEventListener('hashchange', () => {
      pendingKey = null;
    }, { once: true });
  }
  clear(box).append(keyPanel(issued, () => {
    pendingKey = null;
    clear(box);
  }));
  box.scrollIntoView?.({ block: 'nearest' });
}

function keyPanel(issued, done) {
  return shownOncePanel({
    prefix: 'key', id: issued.id, title: t('account.key.secretTitle'), warning: t('account.key.secretOnce'),
    about: h('p.muted', {}, t('account.key.secretFor', { name: issued.name, scope: label('account.key.scope', issued.scope) })),
    secret: issued.key, doneLabel: t('account.key.saved'), onDone: done,
    details: [h('p', {}, t('account.key.usage')), h('pre.json', { testid: 'key-usage' }, `Authorization: Bearer ${issued.key}`)],
  });
}

// --- pieces the forms share -----------------------------------------------------------

/** A labelled control whose refusal goes beside it (showRefusal finds it by data-field). */
function formField(name, id, labelKey, control, hint) {
  return h('div.form-field', { dataset: { field: name } },
    h('label.field-label', { for: id }, t(labelKey)),
    control,
    typeof hint === 'string' ? h('small.muted', {}, hint) : hint);
}

/** A button that shows a form below it and takes it away again; makeForm(done) closes it once the form has done its work. */
function formToggle(testid, labelKey, slot, makeForm) {
  const done = () => {
    clear(slot);
    button.setAttribute('aria-expanded', 'false');
  };
  const button = h('button.primary', {
    type: 'button', testid, 'aria-expanded': 'false',
    onclick: () => {
      const open = !slot.firstChild;
      clear(slot);
      if (open) {
        slot.append(makeForm(done));
        slot.querySelector('[autofocus]')?.focus();
      }
      button.setAttribute('aria-expanded', String(open));
    },
  }, t(labelKey));
  return button;
}

/** Asks before something that cannot be taken back; resolves true when confirmed. Cancel has the focus. */
function confirmDialog(opener, { title, text, confirm }) {
  return new Promise((resolve) => {
    let answer = false;
    openDialog(opener, title, 'confirm-dialog', (close) => [
      h('p.dialog-lead', { testid: 'dialog-text' }, text),
      h('div.form-actions.dialog-actions', {},
        h('button.danger', {
          type: 'button', testid: 'dialog-confirm',
          onclick: () => {
            answer = true;
            close();
          },
        }, confirm),
        h('button', { type: 'button', testid: 'dialog-cancel', autofocus: true, onclick: close }, t('common.cancel'))),
    ], () => resolve(answer));
  });
}
