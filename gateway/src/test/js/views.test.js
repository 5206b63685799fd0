// The pure helpers of the views: form input as the API wants it, import file types, a challenge's
// indicators, the months of a statistics period, chart axes.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setLanguage, has, t } from '../../main/resources/META-INF/resources/js/i18n.js';
import { words, wanToCny, daysFromNow } from '../../main/resources/META-INF/resources/js/views/forms.js';
import { contentTypeOf, columnLabels, templateHeader, templateCsv } from '../../main/resources/META-INF/resources/js/views/imports.js';
import { moveLabel } from '../../main/resources/META-INF/resources/js/views/board.js';
import { indicatorsOf } from '../../main/resources/META-INF/resources/js/views/challenges.js';
import { everyMonth, monthLabel } from '../../main/resources/META-INF/resources/js/views/stats.js';
import { niceMax, shorten } from '../../main/resources/META-INF/resources/js/charts.js';
import { ACTIONS as AUDIT_ACTIONS } from '../../main/resources/META-INF/resources/js/views/audit.js';

afterEach(() => setLanguage('zh'));

test('words: split at commas, 、, semicolons and new lines, Chinese or Latin, blanks dropped', () => {
  assert.deepEqual(words('锂电池、 电池管理，BMS; 储能；\n热管理,,'), ['锂电池', '电池管理', 'BMS', '储能', '热管理']);
  assert.deepEqual(words('ZL202110345678.2'), ['ZL202110345678.2']);
  assert.deepEqual(words(''), []);
  assert.deepEqual(words(null), []);
});

test('wanToCny: 万元 as typed, in whole yuan; empty stays empty', () => {
  assert.equal(wanToCny('50'), 500_000);
  assert.equal(wanToCny('0.12345'), 1_235, 'rounded to the yuan');
  assert.equal(wanToCny('1.5'), 15_000);
  assert.equal(wanToCny('0'), 0);
  assert.equal(wanToCny(''), null);
  assert.equal(wanToCny(null), null);
  assert.equal(wanToCny(undefined), null);
});

test('daysFromNow: a yyyy-mm-dd date that many days ahead', () => {
  const today = new Date();
  const expected = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 180);
  const text = daysFromNow(180);
  assert.match(text, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(text, `${expected.getFullYear()}-${String(expected.getMonth() + 1).padStart(2, '0')}-${String(expected.getDate()).padStart(2, '0')}`);
});

test('contentTypeOf: by the extension, whatever its case; other files are refused', () => {
  assert.equal(contentTypeOf({ name: '成果登记表.XLSX' }), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(contentTypeOf({ name: 'demands.csv' }), 'text/csv');
  assert.equal(contentTypeOf({ name: 'old.xls' }), null);
  assert.equal(contentTypeOf({ name: 'csv' }), null);
});

test('indicatorsOf: one per line, numbered item or semicolon, numbers and end marks dropped', () => {
  assert.deepEqual(indicatorsOf({ challenge: { indicators: '1. 能量密度≥300Wh/kg 2. 循环寿命≥2000次 3. 成本≤0.5元/Wh' } }),
    ['能量密度≥300Wh/kg', '循环寿命≥2000次', '成本≤0.5元/Wh']);
  assert.deepEqual(indicatorsOf({ challenge: { indicators: '能量密度；循环寿命；成本。' } }), ['能量密度', '循环寿命', '成本']);
  assert.deepEqual(indicatorsOf({ challenge: { indicators: '精度\n速度\n\n功耗' } }), ['精度', '速度', '功耗']);
});

test('indicatorsOf: the demand\'s own indicators when the challenge has none, else one overall score', () => {
  assert.deepEqual(indicatorsOf({ indicators: '良率；节拍', challenge: { indicators: '' } }), ['良率', '节拍']);
  assert.deepEqual(indicatorsOf({ challenge: {} }), ['综合评价']);
  setLanguage('en');
  assert.deepEqual(indicatorsOf({}), ['Overall']);
});

test('indicatorsOf: at most twelve', () => {
  const many = Array.from({ length: 20 }, (_, i) => `指标${i + 1}`).join('\n');
  const items = indicatorsOf({ challenge: { indicators: many } });
  assert.equal(items.length, 12);
  assert.equal(items[11], '指标12');
});

test('everyMonth: every month of the period, the missing ones empty, across a year end', () => {
  const rows = [{ key: '2025-11', pairsProposed: 4 }, { key: '2026-02', pairsProposed: 7 }];
  assert.deepEqual(everyMonth('2025-11', '2026-02', rows), [
    { key: '2025-11', pairsProposed: 4 }, { key: '2025-12' }, { key: '2026-01' }, { key: '2026-02', pairsProposed: 7 },
  ]);
  assert.deepEqual(everyMonth('2026-03', '2026-03', []), [{ key: '2026-03' }]);
  assert.deepEqual(everyMonth('2026-05', '2026-03', rows), [], 'an empty period');
});

test('everyMonth: without a clear period the rows stay as sent; at most ten years', () => {
  const rows = [{ key: '2026-01' }];
  assert.equal(everyMonth(null, '2026-02', rows), rows);
  assert.equal(everyMonth('2026', '2026-02', rows), rows);
  assert.equal(everyMonth('2000-01', '2030-12', []).length, 120);
});

test('monthLabel: two-digit years under the bars', () => {
  assert.equal(monthLabel('2026-03'), '26-03');
  assert.equal(monthLabel('other'), 'other');
});

test('niceMax: an axis top of 1, 2, 2.5 or 5 times a power of ten', () => {
  assert.equal(niceMax(0), 1);
  assert.equal(niceMax(-3), 1);
  assert.equal(niceMax(NaN), 1);
  assert.equal(niceMax(7), 10);
  assert.equal(niceMax(10), 10);
  assert.equal(niceMax(11), 20);
  assert.equal(niceMax(23), 25);
  assert.equal(niceMax(26), 50);
  assert.equal(niceMax(0.3), 0.5);
  assert.equal(niceMax(12_345_678), 20_000_000);
});

test('shorten: long labels cut with an ellipsis', () => {
  assert.equal(shorten('新能源与节能技术', 5), '新能源与…');
  assert.equal(shorten('储能', 5), '储能');
  assert.equal(shorten(null, 5), '');
});

test('the audit page offers every action the gateway records, each labelled in both languages', () => {
  const source = readFileSync(new URL('../../main/java/io/techbridge/gateway/audit/AuditedOperations.java', import.meta.url), 'utf8');
  const recorded = [...source.matchAll(/op\("([A-Z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(AUDIT_ACTIONS, recorded);
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const action of recorded) assert.ok(has(`audit.action.${action}`), `${lang} labels ${action}`);
  }
});

/** An import column enum read as text: each constant's required flag and the names the import knows it by. */
function importColumns(path) {
  const source = readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
  return [...source.matchAll(/^\s{4}([A-Z_]+)\((true|false)((?:,\s*"[^"]+")+)\)[,;]/gm)].map((m) => ({
    name: m[1], required: m[2] === 'true', names: [...m[3].matchAll(/"([^"]+)"/g)].map((n) => n[1]),
  }));
}

/** A header name as ImportColumns.normalise reads it: no required mark, no unit in brackets, no spaces. */
function normalise(name) {
  return name.replace(/\uFEFF/g, '').trim().replace(/^[*＊]+|[*＊]+$/g, '').replace(/[（(][^）)]*[）)]\s*$/, '').replace(/\s+/g, '').toUpperCase();
}

const SHEETS = {
  achievement: 'achievement-service/src/main/java/io/techbridge/achievement/imports/AchievementColumn.java',
  demand: 'demand-service/src/main/java/io/techbridge/demand/imports/DemandColumn.java',
};

for (const [kind, path] of Object.entries(SHEETS)) {
  test(`the ${kind} template's header: every column the page lists, each one the import knows, every required one`, () => {
    const enumColumns = importColumns(path);
    assert.ok(enumColumns.length >= 15, `${path}: ${enumColumns.length} columns read`);
    const byName = new Map(enumColumns.flatMap((c) => c.names.map((n) => [normalise(n), c])));
    const header = templateHeader(kind);
    const matched = header.map((name) => byName.get(normalise(name)));
    assert.deepEqual(header.filter((name, i) => !matched[i]), [], 'header names the import does not know');
    assert.equal(new Set(matched.map((c) => c.name)).size, header.length, 'no column twice');
    const present = new Set(matched.map((c) => c.name));
    assert.deepEqual(enumColumns.filter((c) => c.required && !present.has(c.name)).map((c) => c.name), [], 'required columns missing');
    assert.ok(present.has('CONTACT_PHONE') && present.has('CONTACT_EMAIL'), 'both ways to reach the contact');
    // A required column is marked as such, an optional one is not.
    header.forEach((name, i) => assert.equal(name.startsWith('*'), matched[i].required, `${name}: the required mark`));
    // Every header is one the page lists, and every listed column is in the header.
    const labels = columnLabels(kind);
    for (const name of header) assert.ok(labels.some((label) => label.replace(/^\*/, '').includes(name.replace(/^\*/, ''))), `${name} listed on the page`);
    for (const label of labels) {
      assert.ok(header.some((name) => label.replace(/^\*/, '').includes(name.replace(/^\*/, ''))), `${label} in the template`);
    }
  });
}

test('templateCsv: UTF-8 byte-order mark, the header row, a line end, nothing else', () => {
  const csv = templateCsv('achievement');
  assert.ok(csv.startsWith('\uFEFF'), 'Excel reads it as UTF-8');
  assert.ok(csv.endsWith('\r\n'));
  assert.equal(csv.split('\r\n').length, 2, 'one row');
  assert.deepEqual(csv.slice(1, -2).split(','), templateHeader('achievement'));
  assert.equal(templateHeader('achievement')[0], '*成果名称');
  assert.equal(templateHeader('demand')[0], '*需求名称');
  assert.equal(new TextEncoder().encode(csv).slice(0, 3).join(','), '239,187,191');
});

test('the import template\'s button, hint and file names read in both languages', () => {
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const key of ['import.templateDownload', 'import.templateHint', 'import.templateDownloaded']) assert.ok(has(key), `${lang}: ${key}`);
    assert.match(t('import.templateFileAchievement'), /\.csv$/);
    assert.match(t('import.templateFileDemand'), /\.csv$/);
  }
});

test('moveLabel: a move on is "推进到 …", a move to FAILED a decision, in both languages', () => {
  assert.equal(moveLabel('INTRODUCED'), '推进到 已引荐');
  assert.equal(moveLabel('CONTRACTED'), '推进到 已签约');
  assert.equal(moveLabel('FAILED'), '标记为未成交');
  setLanguage('en');
  assert.equal(moveLabel('FAILED'), 'Mark as failed');
  assert.match(moveLabel('NEGOTIATING'), /^Move to /);
});
