// The 机构与账号 page's pure parts: the organisation types as the gateway has them, with their
// roles and labels in both languages; the password generator; an account's standing with failed
// logins; the list's filter; and the gateway's refusals of the three forms, beside their fields
// in the reader's language.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setLanguage, has, t } from '../../main/resources/META-INF/resources/js/i18n.js';
import { violationsByField } from '../../main/resources/META-INF/resources/js/violations.js';
import { ApiError } from '../../main/resources/META-INF/resources/js/api.js';
import { loginRefusal } from '../../main/resources/META-INF/resources/js/views/login.js';
import {
  ORGANISATION_TYPES, ROLE_OF_TYPE, KEY_SCOPES, ORGANISATION_FIELDS, USER_FIELDS, KEY_FIELDS, MIN_PASSWORD_LENGTH,
  GENERATED_LENGTH, PASSWORD_ALPHABET, generatePassword, loginStanding, matchesOrganisation, roleOf,
} from '../../main/resources/META-INF/resources/js/views/accounts.js';

afterEach(() => setLanguage('zh'));

const GATEWAY = '../../main/java/io/techbridge/gateway/';
const source = (file) => readFileSync(new URL(`${GATEWAY}${file}`, import.meta.url), 'utf8');

/** The gateway's OrganisationType: name → role (lower case, as the token spells it), in its order. */
function gatewayTypes() {
  const types = [...source('accounts/OrganisationType.java').matchAll(/^\s+([A-Z_]+)\(Role\.([A-Z_]+)\)[,;]/gm)]
    .map((m) => ({ name: m[1], role: m[2].toLowerCase() }));
  assert.ok(types.length >= 4, `found ${types.length} organisation types`);
  return types;
}

test('the form offers exactly the gateway\'s organisation types, in its order, each with the role its accounts get', () => {
  const types = gatewayTypes();
  assert.deepEqual(ORGANISATION_TYPES, types.map((type) => type.name));
  assert.deepEqual(ROLE_OF_TYPE, Object.fromEntries(types.map((type) => [type.name, type.role])));
});

test('every organisation type, role and key scope has a label in both languages', () => {
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const { name, role } of gatewayTypes()) {
      assert.ok(has(`account.orgType.${name}`), `${lang} names ${name}`);
      assert.ok(has(`role.${role}`), `${lang} names the role ${role}`);
    }
    for (const scope of KEY_SCOPES) {
      assert.ok(has(`account.key.scope.${scope}`), `${lang} names the scope ${scope}`);
      assert.ok(has(`account.key.scopeHint.${scope}`), `${lang} explains the scope ${scope}`);
    }
    assert.ok(has('nav.accounts'), `${lang} names the page in the navigation`);
  }
  setLanguage('zh');
  assert.equal(t('account.orgType.ENTERPRISE'), '企业');
  assert.equal(t('nav.accounts'), '机构与账号');
  setLanguage('en');
  assert.equal(t('account.orgType.BROKER_AGENCY'), 'Broker agency');
  assert.equal(t('nav.accounts'), 'Organisations and accounts');
});

test('the key scopes are the ones ApiKeyRequest accepts', () => {
  const pattern = source('api/ApiKeyRequest.java').match(/@Pattern\(regexp = "([^"]+)"[^)]*\)\s+String scope/);
  assert.ok(pattern, 'the scope\'s pattern found');
  assert.deepEqual([...KEY_SCOPES].sort(), pattern[1].split('|').sort());
});

test('the forms\' fields are the members of the gateway\'s requests', () => {
  const members = (file) => [...source(file).matchAll(/\bString (\w+)[,)]|\bOrganisationType (\w+)[,)]/g)].map((m) => m[1] ?? m[2]);
  assert.deepEqual([...ORGANISATION_FIELDS].sort(), members('api/OrganisationRequest.java').sort());
  for (const name of USER_FIELDS) assert.ok(members('api/UserCreateRequest.java').includes(name), `UserCreateRequest has ${name}`);
  for (const name of KEY_FIELDS) assert.ok(members('api/ApiKeyRequest.java').includes(name), `ApiKeyRequest has ${name}`);
});

test('the password hint\'s shortest length is the gateway\'s default', () => {
  const properties = readFileSync(new URL('../../main/resources/application.properties', import.meta.url), 'utf8');
  const configured = properties.match(/^techbridge\.gateway\.password\.min-length=(\d+)/m);
  assert.ok(configured, 'the min-length property found');
  assert.equal(MIN_PASSWORD_LENGTH, Number(configured[1]));
});

test('generatePassword: 20 characters of the unambiguous alphabet, a new one each time', () => {
  assert.ok(GENERATED_LENGTH >= MIN_PASSWORD_LENGTH);
  assert.doesNotMatch(PASSWORD_ALPHABET, /[0O1lI]/, 'no characters that look alike');
  assert.equal(new Set(PASSWORD_ALPHABET).size, PASSWORD_ALPHABET.length, 'no character twice');
  const seen = new Set();
  for (let i = 0; i < 200; i++) {
    const password = generatePassword();
    assert.equal(password.length, GENERATED_LENGTH);
    assert.ok([...password].every((c) => PASSWORD_ALPHABET.includes(c)), password);
    seen.add(password);
  }
  assert.equal(seen.size, 200, 'no password repeats');
  assert.equal(generatePassword(32).length, 32);
});

test('generatePassword: draws again the bytes that would favour the alphabet\'s first characters', () => {
  const size = PASSWORD_ALPHABET.length;
  const limit = 256 - (256 % size);
  // Every byte of the first draw is at or above the limit, then the alphabet in order.
  let draws = 0;
  const fake = (bytes) => {
    draws += 1;
    bytes.fill(0);
    if (draws === 1) bytes.fill(limit);
    else bytes.forEach((_, i) => { bytes[i] = i + size; });
    return bytes;
  };
  assert.equal(generatePassword(5, fake), PASSWORD_ALPHABET.slice(0, 5));
  assert.equal(draws, 2);
});

test('generatePassword: every character about equally often', () => {
  const counts = new Map();
  const rounds = 2000;
  for (let i = 0; i < rounds; i++) for (const c of generatePassword()) counts.set(c, (counts.get(c) ?? 0) + 1);
  const expected = (rounds * GENERATED_LENGTH) / PASSWORD_ALPHABET.length;
  assert.equal(counts.size, PASSWORD_ALPHABET.length, 'every character appears');
  for (const [c, n] of counts) assert.ok(Math.abs(n - expected) < expected * 0.25, `${c}: ${n} against ${expected}`);
});

test('loginStanding: closed while the gateway refuses logins, else failures in a row, else clear', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  assert.deepEqual(loginStanding({ failedLoginsInARow: 7, loginClosedUntil: '2026-03-01T10:02:00Z' }, now),
    { kind: 'closed', until: '2026-03-01T10:02:00Z', failures: 7 });
  assert.deepEqual(loginStanding({ failedLoginsInARow: 7, loginClosedUntil: '2026-03-01T09:59:00Z' }, now),
    { kind: 'failures', failures: 7 }, 'a pause that has passed');
  assert.deepEqual(loginStanding({ failedLoginsInARow: 3, loginClosedUntil: null }, now), { kind: 'failures', failures: 3 });
  assert.deepEqual(loginStanding({ failedLoginsInARow: 0, loginClosedUntil: null }, now), { kind: 'clear' });
  assert.deepEqual(loginStanding({}, now), { kind: 'clear' });
  assert.deepEqual(loginStanding(null, now), { kind: 'clear' });
});

test('matchesOrganisation: part of the name or id, whatever its case, and the type', () => {
  const zju = { id: 'org-zju', name: '浙江大学', type: 'UNIVERSITY' };
  const haiyue = { id: 'org-haiyue-appliance', name: 'Ningbo Haiyue Kitchen Appliances Co., Ltd.', type: 'ENTERPRISE' };
  assert.ok(matchesOrganisation(zju, {}));
  assert.ok(matchesOrganisation(zju, { text: '浙江' }));
  assert.ok(matchesOrganisation(zju, { text: ' ZJU ' }));
  assert.ok(matchesOrganisation(haiyue, { text: 'kitchen', type: 'ENTERPRISE' }));
  assert.ok(!matchesOrganisation(haiyue, { text: 'kitchen', type: 'UNIVERSITY' }));
  assert.ok(!matchesOrganisation(zju, { text: '交通' }));
});

test('roleOf: the role the gateway names, else the one the type gives', () => {
  assert.equal(roleOf({ type: 'INSTITUTE', role: 'university' }), 'university');
  assert.equal(roleOf({ type: 'BROKER_AGENCY' }), 'broker');
  assert.equal(roleOf({ type: 'OPERATOR', role: 'ADMIN' }), 'admin');
  assert.equal(roleOf({}), '');
});

test('a password too short: the note beside the password, with the gateway\'s length, in both languages', () => {
  // As AccountService.checkPassword refuses it.
  const problem = {
    status: 400, detail: 'password: must have at least 12 characters',
    violations: [{ field: 'password', in: 'body', rule: 'min-length', message: 'must have at least 12 characters' }],
  };
  assert.deepEqual(violationsByField(problem, USER_FIELDS), { byField: { password: ['密码至少需要 12 个字符'] }, others: [] });
  setLanguage('en');
  assert.deepEqual(violationsByField(problem, USER_FIELDS).byField, { password: ['The password needs at least 12 characters'] });
});

test('a login name or organisation id that is taken (409): the note beside the field', () => {
  const taken = (field, message) => ({ status: 409, type: 'https://techbridge.io/problems/duplicate', violations: [{ field, in: 'body', rule: 'unique', message }] });
  assert.deepEqual(violationsByField(taken('username', 'the login name Huarui is taken'), USER_FIELDS).byField,
    { username: ['该登录名已被使用（不区分大小写），请换一个'] });
  assert.deepEqual(violationsByField(taken('id', 'organisation org-zju already exists'), ORGANISATION_FIELDS).byField,
    { id: ['已有机构使用该 ID，请换一个，或留空由系统生成'] });
});

test('the request rules of the three forms read in the reader\'s language, each beside its field', () => {
  const problem = {
    status: 400,
    violations: [
      { field: 'id', in: 'body', rule: 'Pattern', message: '2-64 lower-case letters, digits or \'-\'' },
      { field: 'name', in: 'body', rule: 'NotBlank', message: 'must not be blank' },
      { field: 'regionCode', in: 'body', rule: 'Pattern', message: 'must be a 6-digit administrative region code (GB/T 2260)' },
      { field: 'type', in: 'body', rule: 'NotNull', message: 'must not be null' },
    ],
  };
  assert.deepEqual(violationsByField(problem, ORGANISATION_FIELDS), {
    byField: {
      id: ['须为 2–64 个小写字母、数字或“-”，以字母或数字开头'],
      name: ['不能为空'],
      regionCode: ['须为 6 位行政区划代码，如 330100'],
      type: ['请选择机构类型'],
    },
    others: [],
  });
  const user = { violations: [{ field: 'username', in: 'body', rule: 'Pattern', message: '3-64 letters, digits, \'.\', \'_\', \'@\' or \'-\', starting with a letter or digit' }] };
  setLanguage('en');
  assert.deepEqual(violationsByField(user, USER_FIELDS).byField, { username: ['3–64 letters, digits or . _ @ -, starting with a letter or digit'] });
  const key = { violations: [{ field: 'scope', in: 'body', rule: 'Pattern', message: 'must be READ or WRITE' }, { field: 'organisationId', in: 'body', rule: 'exists', message: 'no organisation has this id' }] };
  assert.deepEqual(violationsByField(key, KEY_FIELDS), {
    byField: { scope: ['choose read only or read and write'] },
    others: ['organisationId: no organisation has this id'],
  });
});

test('a refused login (a disabled account among them) reads in the reader\'s language, not as the gateway words it', () => {
  const refused = new ApiError(401, { type: 'https://techbridge.io/problems/unauthenticated', detail: 'wrong login name or password, or the account is disabled' });
  assert.equal(loginRefusal(refused), '用户名或密码错误，或账号已停用。');
  const throttled = new ApiError(429, { type: 'https://techbridge.io/problems/login-throttled', detail: 'too many failed logins' });
  assert.equal(loginRefusal(throttled), '该用户名登录失败次数过多，已暂停登录，请稍后再试。');
  setLanguage('en');
  assert.equal(loginRefusal(refused), 'Wrong login name or password, or the account is disabled.');
  const down = new ApiError(0, { detail: 'network' });
  assert.equal(loginRefusal(down), down, 'anything else as it came');
});
