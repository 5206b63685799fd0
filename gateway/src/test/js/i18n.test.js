// The console's labels: lookups, placeholders, fallbacks, and both dictionaries complete.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { t, has, label, language, setLanguage, onLanguageChange } from '../../main/resources/META-INF/resources/js/i18n.js';

afterEach(() => setLanguage('zh'));

test('Chinese is the language until English is chosen', () => {
  assert.equal(language(), 'zh');
  assert.equal(t('common.negotiable'), '面议');
  setLanguage('en');
  assert.equal(language(), 'en');
  assert.equal(t('common.negotiable'), 'negotiable');
});

test('a language other than English means Chinese', () => {
  setLanguage('en');
  setLanguage('fr');
  assert.equal(language(), 'zh');
  setLanguage(undefined);
  assert.equal(language(), 'zh');
});

test('placeholders are filled in, a missing one stays as written', () => {
  assert.equal(t('import.rows', { done: 3, total: 10 }), '已处理 3 / 10 行');
  assert.equal(t('import.rows', { done: 3 }), '已处理 3 / {total} 行');
  assert.equal(t('import.rows', { done: 0, total: 0 }), '已处理 0 / 0 行', 'zero is a value, not a missing one');
  setLanguage('en');
  assert.equal(t('import.rows', { done: 3, total: 10 }), '3 of 10 rows');
});

test('an unknown key is shown as the key itself', () => {
  assert.equal(t('no.such.key'), 'no.such.key');
  setLanguage('en');
  assert.equal(t('no.such.key'), 'no.such.key');
  assert.equal(has('no.such.key'), false);
});

test('label: a server value by its label, an unknown one as it is, none as a dash', () => {
  assert.equal(label('role', 'broker'), '技术经纪人');
  assert.equal(label('reason', 'PRICE_MISMATCH'), '价格与预算不符');
  assert.equal(label('status', 'SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.equal(label('status', null), '—');
  assert.equal(label('status', undefined), '—');
  assert.equal(label('status', ''), '—');
  setLanguage('en');
  assert.equal(label('role', 'university'), 'University / institute');
  assert.equal(label('reason', 'PRICE_MISMATCH'), 'Price mismatch');
});

test('listeners hear every switch, with the new language', () => {
  const heard = [];
  onLanguageChange((lang) => heard.push(lang));
  setLanguage('en');
  setLanguage('zh');
  assert.deepEqual(heard, ['en', 'zh']);
});

// The dictionaries are read from the source, so a key missing on one side cannot hide behind the other's fallback.
function dictionaries() {
  const source = readFileSync(new URL('../../main/resources/META-INF/resources/js/i18n.js', import.meta.url), 'utf8');
  const block = (name) => {
    const start = source.indexOf(`const ${name} = {`);
    const end = source.indexOf('\n};', start);
    assert.ok(start >= 0 && end > start, `dictionary ${name} found`);
    const entries = new Map();
    for (const match of source.slice(start, end).matchAll(/^ {2}'([^']+)':/gm)) {
      assert.ok(!entries.has(match[1]), `${name}: ${match[1]} defined once`);
      entries.set(match[1], true);
    }
    return [...entries.keys()];
  };
  return { zh: block('zh'), en: block('en') };
}

test('every label exists in Chinese and in English', () => {
  const { zh, en } = dictionaries();
  assert.ok(zh.length > 300, `zh has ${zh.length} labels`);
  assert.deepEqual(zh.filter((key) => !en.includes(key)), [], 'labels without an English text');
  assert.deepEqual(en.filter((key) => !zh.includes(key)), [], 'labels without a Chinese text');
});

test('both languages of a label have the same placeholders, and no label is empty', () => {
  const { zh } = dictionaries();
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of zh) {
    setLanguage('zh');
    const chinese = t(key);
    setLanguage('en');
    const english = t(key);
    assert.notEqual(chinese.trim(), '', `${key} has a Chinese text`);
    assert.notEqual(english.trim(), '', `${key} has an English text`);
    assert.deepEqual(placeholders(english), placeholders(chinese), `${key}: the same placeholders`);
  }
});
