// Where a hash leads: a page, the role's home page, or a page that is not found; and the top bar's subtitle per role.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage, has, t } from '../../main/resources/META-INF/resources/js/i18n.js';
import { resolveRoute, subtitleKey } from '../../main/resources/META-INF/resources/js/router.js';

afterEach(() => setLanguage('zh'));

const view = async () => {};
const ROUTES = {
  login: () => view,
  queue: (role) => (role === 'broker' ? view : null),
  pair: () => view,
  mine: (role) => (role === 'university' ? view : null),
};
const broker = { loggedIn: true, role: 'broker', routes: ROUTES };

test('a page of the role, with its arguments decoded', () => {
  assert.deepEqual(resolveRoute('#/queue', broker), { view: 'queue', args: [] });
  assert.deepEqual(resolveRoute('#/pair/m%201', broker), { view: 'pair', args: ['m 1'] });
  assert.deepEqual(resolveRoute('#pair/m1/', broker), { view: 'pair', args: ['m1'] });
});

test('no hash, an empty one or the login form once logged in: the role\'s home page', () => {
  for (const hash of ['', '#', '#/', '#/login']) assert.deepEqual(resolveRoute(hash, broker), { home: true }, hash);
});

test('a page the role has none of: its home page, as before', () => {
  assert.deepEqual(resolveRoute('#/mine', broker), { home: true });
  assert.deepEqual(resolveRoute('#/queue', { ...broker, role: 'university' }), { home: true });
});

test('an address that is no page at all is not found, not silently the home page', () => {
  for (const hash of ['#/queu', '#/nothing/here', '#/constructor', '#/toString', '#/%E0%A4%A']) {
    assert.deepEqual(resolveRoute(hash, broker), { notFound: true }, hash);
  }
});

test('logged out, every address is the login form', () => {
  for (const hash of ['', '#/queue', '#/nothing']) {
    assert.deepEqual(resolveRoute(hash, { ...broker, loggedIn: false }), { view: 'login', args: [] }, hash);
  }
});

test('the not-found page reads in both languages and names the way home', () => {
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const key of ['notFound.title', 'notFound.lead', 'notFound.home']) assert.ok(has(key), `${lang}: ${key}`);
    assert.ok(t('notFound.home', { page: t('nav.queue') }).includes(t('nav.queue')));
  }
  setLanguage('zh');
  assert.equal(t('notFound.home', { page: t('nav.queue') }), '前往待审队列');
  setLanguage('en');
  assert.equal(t('notFound.home', { page: t('nav.queue') }), 'Go to Review queue');
});

test('the subtitle fits the role, a neutral one before logging in, in both languages', () => {
  const roles = ['broker', 'admin', 'university', 'enterprise'];
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const role of roles) {
      assert.equal(subtitleKey(role), `app.subtitle.${role}`);
      assert.ok(has(`app.subtitle.${role}`), `${lang}: ${role}`);
    }
    assert.equal(subtitleKey(null), 'app.subtitle');
    assert.equal(subtitleKey('someone-new'), 'app.subtitle');
    const texts = roles.map((role) => t(subtitleKey(role)));
    assert.equal(new Set(texts).size, roles.length, `${lang}: one subtitle per role`);
  }
  setLanguage('zh');
  assert.equal(t(subtitleKey('broker')), 'TechBridge 技术经纪人工作台');
  assert.ok(!t(subtitleKey('university')).includes('经纪人'));
  assert.ok(!t(subtitleKey(null)).includes('经纪人'), 'the login page is for every role');
});
