// The webhooks page's pure parts: the events each role may subscribe to (as matching-service has
// them), their labels in both languages, the violations of a refused subscription by field and in
// the reader's language, and why a subscription is paused.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setLanguage, has, t } from '../../main/resources/META-INF/resources/js/i18n.js';
import { fieldOf, violationText, violationsByField } from '../../main/resources/META-INF/resources/js/violations.js';
import {
  EVENTS, EVENT_TYPES, FORM_FIELDS, DELIVERY_STATUSES, MAX_SUBSCRIPTIONS, eventsFor, pauseCause, pauseText, pauseSummary,
} from '../../main/resources/META-INF/resources/js/views/webhooks.js';

afterEach(() => setLanguage('zh'));

/** The event types matching-service knows: wire name → roles that may subscribe (lower case). */
function serviceEventTypes() {
  const source = readFileSync(new URL('../../../../matching-service/src/main/java/io/techbridge/matching/webhook/WebhookEventType.java', import.meta.url), 'utf8');
  const types = [...source.matchAll(/^\s+[A-Z_]+\("([^"]+)",\s*EnumSet\.(?:of\(([^)]*)\)|noneOf\([^)]*\))\)/gm)]
    .map((m) => ({ name: m[1], roles: [...(m[2] ?? '').matchAll(/Role\.([A-Z_]+)/g)].map((r) => r[1].toLowerCase()) }));
  assert.ok(types.length >= 5, `found ${types.length} event types`);
  return types;
}

test('each role is offered exactly the events matching-service lets it subscribe to, in the service\'s order', () => {
  const types = serviceEventTypes();
  for (const role of ['university', 'enterprise']) {
    assert.deepEqual(eventsFor(role), types.filter((type) => type.roles.includes(role)).map((type) => type.name), role);
  }
  assert.deepEqual(eventsFor('broker'), []);
  assert.deepEqual(eventsFor('admin'), [], 'an admin does not subscribe');
  assert.deepEqual(eventsFor(undefined), []);
});

test('every event a delivery can carry has a name in both languages, every subscribable one an explanation too', () => {
  assert.deepEqual([...EVENT_TYPES].sort(), serviceEventTypes().map((type) => type.name).sort());
  const subscribable = [...new Set(Object.values(EVENTS).flat())];
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const name of EVENT_TYPES) assert.ok(has(`webhook.event.${name}`), `${lang} names ${name}`);
    for (const name of subscribable) assert.ok(has(`webhook.eventHint.${name}`), `${lang} explains ${name}`);
    for (const status of ['ACTIVE', 'PAUSED']) assert.ok(has(`webhook.status.${status}`), `${lang} labels ${status}`);
    for (const status of DELIVERY_STATUSES) assert.ok(has(`webhook.delivery.${status}`), `${lang} labels delivery ${status}`);
  }
  setLanguage('zh');
  assert.equal(t('webhook.event.invitation.issued'), '揭榜邀请');
  setLanguage('en');
  assert.equal(t('webhook.event.pair.approved'), 'Pair approved');
});

test('fieldOf: an item of a list counts for the list', () => {
  assert.equal(fieldOf('events[2]'), 'events');
  assert.equal(fieldOf('url'), 'url');
  assert.equal(fieldOf('contact.email'), 'contact.email');
  assert.equal(fieldOf(null), '');
});

/** A 400 of POST /api/webhooks as matching-service words it. */
const REFUSAL = {
  type: 'https://techbridge.io/problems/validation',
  detail: 'url: host 10.0.0.7 is a loopback, private or link-local address (10.0.0.7)',
  violations: [
    { field: 'url', in: 'body', rule: 'WebhookTarget', message: 'host 10.0.0.7 is a loopback, private or link-local address (10.0.0.7)' },
    { field: 'events[1]', in: 'body', rule: 'WebhookEvent', message: '\'invitation.issued\' is not an event an enterprise can subscribe to; one of [pair.approved]' },
    { field: 'events[3]', in: 'body', rule: 'WebhookEvent', message: '\'invitation.issued\' is not an event an enterprise can subscribe to; one of [pair.approved]' },
    { field: 'description', in: 'body', rule: 'Size', message: 'size must be between 0 and 200' },
    { field: 'callback', in: 'body', rule: 'known-field', message: 'is not a field of this request; known fields: [url, events, description]' },
  ],
};

test('violationsByField: each message beside its field in Chinese, the same message once, unknown fields left over', () => {
  const { byField, others } = violationsByField(REFUSAL, FORM_FIELDS);
  assert.deepEqual(byField, {
    url: ['主机 10.0.0.7 是本机、内网或链路本地地址，平台不向这类地址发送'],
    events: ['“invitation.issued”不是本机构可订阅的事件'],
    description: ['说明不能超过 200 个字'],
  });
  assert.deepEqual(others, ['callback: is not a field of this request; known fields: [url, events, description]'],
    'a wording the console does not know is shown as sent');
});

test('violationsByField: in English too', () => {
  setLanguage('en');
  const { byField } = violationsByField(REFUSAL, FORM_FIELDS);
  assert.deepEqual(byField.url, ['host 10.0.0.7 is a loopback, private or link-local address; the platform does not send there']);
  assert.deepEqual(byField.description, ['at most 200 characters']);
});

test('violationsByField: a problem without violations places nothing', () => {
  assert.deepEqual(violationsByField({ detail: 'x' }, FORM_FIELDS), { byField: {}, others: [] });
  assert.deepEqual(violationsByField(undefined, FORM_FIELDS), { byField: {}, others: [] });
});

test('violationText: every refusal of a receiver URL reads in Chinese, with its host', () => {
  const url = (message) => violationText({ field: 'url', rule: 'WebhookTarget', message });
  assert.equal(url('must not be blank'), '请填写接收网址');
  assert.equal(url('must be at most 2000 characters'), '不能超过 2000 个字符');
  assert.equal(url('is not a URL: Illegal character in path'), '不是有效的网址');
  assert.equal(url('must be an https URL'), '须为 https 网址');
  assert.equal(url('must be an http or https URL'), '须为 http 或 https 网址');
  assert.equal(url('must name a host'), '网址须包含主机名');
  assert.equal(url('must not carry a user name or password; the signature authenticates the platform'), '网址中不能包含用户名或密码：消息来自平台由签名证明');
  assert.equal(url('must not have a fragment'), '网址不能带 # 后的片段');
  assert.equal(url('host hooks.example.invalid is not known'), '无法解析主机 hooks.example.invalid，请确认域名正确且可公网访问');
});

test('violationText: bean-validation wordings by field, text rules by rule, else the server\'s words', () => {
  assert.equal(violationText({ field: 'events', rule: 'NotEmpty', message: 'must not be empty' }), '请至少选择一类事件');
  assert.equal(violationText({ field: 'events', rule: 'Size', message: 'size must be between 0 and 10' }), '最多选择 10 类事件');
  assert.equal(violationText({ field: 'title', rule: 'Size', message: 'size must be between 1 and 200' }), '长度或数量须在 1 到 200 之间');
  assert.equal(violationText({ field: 'description', rule: 'no-control-characters', message: 'must not contain control characters (…)' }), '不能包含控制字符');
  assert.equal(violationText({ field: 'url', rule: 'Pattern', message: 'must match "^https"' }), 'must match "^https"');
  assert.equal(violationText({ field: 'url', rule: 'Pattern' }), 'Pattern');
});

test('pauseCause: paused by a person, by failures in a row, or something else', () => {
  assert.deepEqual(pauseCause({ pauseCause: 'MANUAL', pausedBy: 'zju-tto', pausedReason: 'paused by zju-tto' }), { kind: 'person', who: 'zju-tto' });
  assert.deepEqual(pauseCause({ pauseCause: 'FAILURES', consecutiveFailures: 20, pausedReason: '20 attempts in a row failed; the last: HTTP 503' }),
    { kind: 'failures', count: 20 });
  assert.deepEqual(pauseCause({ pausedReason: 'maintenance' }), { kind: 'other', reason: 'maintenance' });
  assert.deepEqual(pauseCause({}), { kind: 'other', reason: '' });
});

test('pauseText and pauseSummary: the reason in the reader\'s language', () => {
  const failures = { status: 'PAUSED', pauseCause: 'FAILURES', consecutiveFailures: 20, pausedReason: '20 attempts in a row failed; the last: TIMEOUT, no answer within 10 s', pausedAt: null };
  assert.equal(pauseText(failures), '连续 20 次投递失败，已于 — 自动暂停。失败原因见投递记录。');
  assert.equal(pauseSummary(failures), '连续 20 次投递失败');
  const person = { status: 'PAUSED', pauseCause: 'MANUAL', pausedBy: 'zju-tto', pausedReason: 'paused by zju-tto', pausedAt: '2026-03-01T06:05:09Z' };
  assert.match(pauseText(person), /^由 zju-tto 于 2026.03.01 14:05 手动暂停。$/);
  assert.equal(pauseSummary({ status: 'PAUSED' }), '已暂停');
  setLanguage('en');
  assert.equal(pauseSummary(person), 'by zju-tto');
  assert.equal(pauseSummary(failures), '20 failed attempts in a row');
  assert.equal(pauseText({ pausedReason: 'maintenance' }), 'Paused on —: maintenance');
});

test('the limit the page states is the one matching-service enforces', () => {
  const source = readFileSync(new URL('../../../../matching-service/src/main/java/io/techbridge/matching/config/WebhookConfig.java', import.meta.url), 'utf8');
  const declared = source.match(/@WithDefault\("(\d+)"\)\s*int maxPerOrganisation\(\)/);
  assert.ok(declared, 'maxPerOrganisation has a default');
  assert.equal(MAX_SUBSCRIPTIONS, Number(declared[1]));
});

test('every reason matching-service gives for an attempt without an answer is named in both languages', () => {
  const source = readFileSync(new URL('../../../../matching-service/src/main/java/io/techbridge/matching/webhook/WebhookSender.java', import.meta.url), 'utf8');
  const kinds = [...source.matchAll(/new Result\(null, "([A-Z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(kinds)].sort(), ['CONNECTION_FAILED', 'INTERRUPTED', 'REQUEST_FAILED', 'TARGET_REFUSED', 'TIMEOUT']);
  for (const language of ['zh', 'en']) {
    setLanguage(language);
    for (const kind of kinds) assert.ok(has(`webhook.errorKind.${kind}`), `${language}: webhook.errorKind.${kind}`);
  }
});
