// The dead-letter section's pure parts: a value shown as formatted JSON when it is JSON, where a
// message came from, the path of one message, the order of the topics, and every label in both languages.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setLanguage, has, t } from '../../main/resources/META-INF/resources/js/i18n.js';
import { formatValue, sourceText, messagePath, topicsInOrder } from '../../main/resources/META-INF/resources/js/views/deadletters.js';

afterEach(() => setLanguage('zh'));

test('formatValue: a JSON object or array is formatted, anything else shown as sent', () => {
  assert.deepEqual(formatValue('{"a":1,"b":[true,null]}'), { json: true, text: '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}' });
  assert.deepEqual(formatValue(' [1,2] '), { json: true, text: '[\n  1,\n  2\n]' });
  assert.deepEqual(formatValue('{this is not an event'), { json: false, text: '{this is not an event' });
  assert.deepEqual(formatValue('42'), { json: false, text: '42' }, 'a bare number is shown as it is');
  assert.deepEqual(formatValue(''), { json: false, text: '' });
  assert.deepEqual(formatValue(null), { json: false, text: '' });
  assert.deepEqual(formatValue(undefined), { json: false, text: '' });
});

test('sourceText: topic, partition and offset as far as the headers say, partition 0 and offset 0 included', () => {
  assert.equal(sourceText({ sourceTopic: 'achievement-events', sourcePartition: 0, sourceOffset: 0 }), 'achievement-events [0] @ 0');
  assert.equal(sourceText({ sourceTopic: 'demand-events', sourcePartition: 2, sourceOffset: 41 }), 'demand-events [2] @ 41');
  assert.equal(sourceText({ sourceTopic: 'demand-events', sourcePartition: null, sourceOffset: null }), 'demand-events');
  assert.equal(sourceText({}), '—');
  assert.equal(sourceText(null), '—');
});

test('messagePath: each part of the address encoded', () => {
  assert.equal(messagePath({ topic: 'achievement-events.dlq', partition: 0, offset: 17 }), '/api/admin/dead-letters/achievement-events.dlq/0/17');
  assert.equal(messagePath({ topic: 'a/b', partition: 1, offset: 2 }), '/api/admin/dead-letters/a%2Fb/1/2');
});

test('topicsInOrder: topics waiting for a replay first, the input left as it was', () => {
  const topics = [
    { topic: 'match-events.dlq', total: 0, notReplayed: 0 },
    { topic: 'demand-events.dlq', total: 5, notReplayed: 0 },
    { topic: 'achievement-events.dlq', total: 3, notReplayed: 2 },
    { topic: 'challenge-events.dlq', total: 0, notReplayed: 0 },
  ];
  assert.deepEqual(topicsInOrder(topics).map((x) => x.topic),
    ['achievement-events.dlq', 'demand-events.dlq', 'challenge-events.dlq', 'match-events.dlq']);
  assert.equal(topics[0].topic, 'match-events.dlq');
  assert.deepEqual(topicsInOrder(undefined), []);
});

test('every dlq label the section uses exists in both languages', () => {
  const source = readFileSync(new URL('../../main/resources/META-INF/resources/js/views/deadletters.js', import.meta.url), 'utf8');
  const keys = [...new Set([...source.matchAll(/'(dlq\.[A-Za-z.]+)'/g)].map((m) => m[1]))];
  assert.ok(keys.length >= 20, `found ${keys.length} keys`);
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const key of keys) assert.ok(has(key), `${lang} has ${key}`);
  }
  setLanguage('zh');
  assert.equal(t('dlq.notReplayed', { n: 3 }), '未重放 3 条');
  setLanguage('en');
  assert.equal(t('dlq.notReplayed', { n: 3 }), '3 not replayed');
});
