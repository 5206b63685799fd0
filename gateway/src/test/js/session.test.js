// The console's session: short-lived access tokens renewed with the refresh cookie before they
// expire or after a 401 (once, then the call is sent again), and the way back to the login form
// when the gateway refuses the refresh.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiError, request, login, logout, session, sessionOf, needsRenewal, whenUnauthenticated,
} from '../../main/resources/META-INF/resources/js/api.js';

const USER = { id: 'u-1', username: 'huarui', role: 'enterprise' };
let calls;
let answers;
let loggedOut;

/** The gateway as a list of answers, each a function of the call, taken in order. */
function gatewayAnswers(...list) {
  answers = list;
}

function json(status, body) {
  return () => new Response(body === undefined ? null : JSON.stringify(body), { status });
}

function store(value) {
  globalThis.sessionStorage.setItem('techbridge.session', JSON.stringify(value));
}

beforeEach(() => {
  const items = new Map();
  globalThis.sessionStorage = {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
  };
  globalThis.window = {};
  globalThis.document = { getElementById: () => null };
  calls = [];
  answers = [];
  loggedOut = 0;
  globalThis.fetch = async (url, init) => {
    calls.push({ url, method: init.method, authorization: init.headers.Authorization ?? null, body: init.body });
    const next = answers.shift();
    if (!next) throw new Error(`no answer for ${url}`);
    return next(url, init);
  };
  whenUnauthenticated(() => {
    loggedOut += 1;
  });
});

const refreshed = (token, user = USER) => json(200, { accessToken: token, tokenType: 'Bearer', expiresIn: 50, user });

test('a call with a fresh access token sends it and nothing else', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() + 40_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(json(200, { items: [] }));

  assert.deepEqual(await request('/api/demands'), { items: [] });

  assert.deepEqual(calls.map((c) => [c.url, c.authorization]), [['/api/demands', 'Bearer a1']]);
});

test('an access token about to expire is renewed with the refresh cookie before the call', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() + 5_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(refreshed('a2'), json(201, { id: 'd-1' }));

  assert.deepEqual(await request('/api/demands', { method: 'POST', body: { title: '储能' } }), { id: 'd-1' });

  assert.deepEqual(calls.map((c) => [c.url, c.authorization]), [['/api/auth/refresh', null], ['/api/demands', 'Bearer a2']]);
  assert.equal(calls[0].body, '{}', 'the refresh token travels as the cookie, not in the body');
  assert.equal(session().accessToken, 'a2');
  assert.ok(session().expiresAt > Date.now() + 45_000);
  assert.equal(loggedOut, 0);
});

test('a call refused 401 renews the token once and is sent again', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() + 40_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(json(401, { detail: 'expired' }), refreshed('a2'), json(200, { total: 3 }));

  assert.deepEqual(await request('/api/stats'), { total: 3 });

  assert.deepEqual(calls.map((c) => [c.url, c.authorization]),
    [['/api/stats', 'Bearer a1'], ['/api/auth/refresh', null], ['/api/stats', 'Bearer a2']]);
  assert.equal(loggedOut, 0);
});

test('calls waiting for a renewal share one refresh', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() - 1_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(refreshed('a2'), json(200, { n: 1 }), json(200, { n: 2 }));

  await Promise.all([request('/api/matches'), request('/api/search')]);

  assert.equal(calls.filter((c) => c.url === '/api/auth/refresh').length, 1);
  assert.deepEqual(calls.slice(1).map((c) => c.authorization), ['Bearer a2', 'Bearer a2']);
});

test('a refused refresh ends the session and sends the user to log in', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() + 40_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(json(401, { detail: 'disabled' }), json(401, { detail: 'the refresh token is not valid' }));

  await assert.rejects(request('/api/demands'), (e) => e instanceof ApiError && e.status === 401);

  assert.equal(session(), null);
  assert.equal(loggedOut, 1);
  assert.equal(calls.length, 2, 'no second attempt without a new token');
});

test('an expired token whose refresh is refused goes to the login form without calling', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() - 60_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(json(401, { detail: 'the refresh token is not valid' }));

  await assert.rejects(request('/api/matches'), (e) => e.status === 401);

  assert.deepEqual(calls.map((c) => c.url), ['/api/auth/refresh']);
  assert.equal(loggedOut, 1);
});

test('a refresh that answers for another user (another tab logged in) ends this tab\'s session', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() + 1_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(refreshed('b1', { id: 'u-2', username: 'zju-tto' }));

  await assert.rejects(request('/api/matches'), (e) => e.status === 401);

  assert.equal(session(), null);
  assert.equal(loggedOut, 1);
});

test('a network failure during a renewal keeps the session for the next try', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() + 1_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(() => {
    throw new TypeError('Failed to fetch');
  });

  await assert.rejects(request('/api/matches'), (e) => e.status === 0);

  assert.equal(session().accessToken, 'a1');
  assert.equal(loggedOut, 0);
});

test('a call without a session is sent without a token, and its 401 asks for a login', async () => {
  gatewayAnswers(json(401, { detail: 'login required' }));

  await assert.rejects(request('/api/matches'), (e) => e.status === 401);

  assert.deepEqual(calls.map((c) => [c.url, c.authorization]), [['/api/matches', null]]);
  assert.equal(loggedOut, 1);
});

test('login asks for the refresh token as a cookie and keeps the access token\'s lifetime', async () => {
  gatewayAnswers(json(200, { accessToken: 'a1', tokenType: 'Bearer', expiresIn: 50, refreshExpiresIn: 28_800, user: USER }));

  assert.deepEqual(await login('huarui', 'secret passphrase'), USER);

  assert.deepEqual(JSON.parse(calls[0].body), { username: 'huarui', password: 'secret passphrase', refreshCookie: true });
  assert.equal(session().accessToken, 'a1');
  assert.equal(session().lifetimeMs, 50_000);
});

test('a wrong password is the login form\'s message, not a session ending', async () => {
  gatewayAnswers(json(401, { detail: 'wrong login name or password' }));

  await assert.rejects(login('huarui', 'wrong'), (e) => e.status === 401 && e.lines[0] === 'wrong login name or password');

  assert.equal(loggedOut, 0);
  assert.equal(calls.length, 1);
});

test('logout ends the session at the gateway and in the tab, even when the gateway refuses', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() + 40_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(json(204));

  await logout();

  assert.deepEqual(calls.map((c) => [c.url, c.method, c.authorization]), [['/api/auth/logout', 'POST', null]]);
  assert.equal(session(), null);

  store({ accessToken: 'a1', expiresAt: Date.now() + 40_000, lifetimeMs: 50_000, user: USER });
  gatewayAnswers(json(400, { detail: 'refreshToken: send the refresh token' }));
  await logout();
  assert.equal(session(), null);
  assert.equal(loggedOut, 0);
});

test('needsRenewal: within 15 s of the end, or a third of a shorter lifetime', () => {
  const now = 1_000_000;
  assert.equal(needsRenewal({ expiresAt: now + 20_000, lifetimeMs: 50_000 }, now), false);
  assert.equal(needsRenewal({ expiresAt: now + 15_000, lifetimeMs: 50_000 }, now), true);
  assert.equal(needsRenewal({ expiresAt: now - 1, lifetimeMs: 50_000 }, now), true);
  assert.equal(needsRenewal({ expiresAt: now + 6_000, lifetimeMs: 15_000 }, now), false, 'a third of 15 s is 5 s');
  assert.equal(needsRenewal({ expiresAt: now + 5_000, lifetimeMs: 15_000 }, now), true);
  assert.equal(needsRenewal({ expiresAt: null }, now), false);
  assert.equal(needsRenewal(null, now), false);
});

test('sessionOf: the access token, when it expires, and the user', () => {
  assert.deepEqual(sessionOf({ accessToken: 'a', expiresIn: 50, user: USER }, 1_000),
    { accessToken: 'a', tokenType: 'Bearer', expiresAt: 51_000, lifetimeMs: 50_000, user: USER });
});

test('a call counts as under way from its start to its answer, a renewal included', async () => {
  store({ accessToken: 'a1', expiresAt: Date.now() + 1_000, lifetimeMs: 50_000, user: USER });
  const seen = [];
  const watching = (answer) => (url, init) => {
    seen.push(globalThis.window.__techbridgeBusy);
    return answer(url, init);
  };
  gatewayAnswers(watching(refreshed('a2')), watching(json(200, { ok: true })));

  const pending = request('/api/matches');
  assert.equal(globalThis.window.__techbridgeBusy, true);
  await pending;

  assert.deepEqual(seen, [true, true]);
  assert.equal(globalThis.window.__techbridgeBusy, false);
});
