import { t } from '../i18n.js';
import { h, put } from '../dom.js';
import { login, currentRole, isProblem, ApiError } from '../api.js';
import { notify, clearMessages } from '../notify.js';
import { navigate, homeRoute } from '../router.js';

export async function loginView(container) {
  const username = h('input#login-username', {
    testid: 'login-username', name: 'username', autocomplete: 'username', required: true, autofocus: true,
  });
  const password = h('input#login-password', {
    testid: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const submit = h('button#login-submit.primary', { testid: 'login-submit', type: 'submit' }, t('login.submit'));
  const form = h('form.login-form', {
    testid: 'login-form',
    onsubmit: async (event) => {
      event.preventDefault();
      clearMessages();
      submit.disabled = true;
      try {
        await login(username.value.trim(), password.value);
        navigate(`#/${homeRoute(currentRole())}`);
      } catch (e) {
        notify(loginRefusal(e));
        password.select();
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h1', {}, t('login.title')),
  h('p.lead', {}, t('login.lead')),
  h('label', {}, h('span', {}, t('login.username')), username),
  h('label', {}, h('span', {}, t('login.password')), password),
  submit);
  container.classList.add('login-page');
  put(container, h('div.login-card', {},
    h('div.login-intro', {},
      h('h2', {}, t('app.name')),
      h('ul', {},
        h('li', {}, t('nav.queue')),
        h('li', {}, t('nav.board')),
        h('li', {}, t('nav.stats')))),
    form));
  username.focus();
}

/**
 * Why a login was refused, in the reader's language: the gateway answers a wrong name, a wrong
 * password and a disabled account alike (401), and a name closed after failed logins with 429.
 */
export function loginRefusal(error) {
  if (error instanceof ApiError && error.status === 401) return t('login.refused');
  if (isProblem(error, 'login-throttled')) return t('login.throttled');
  return error;
}
