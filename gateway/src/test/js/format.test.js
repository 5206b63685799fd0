// How values read: shares, numbers, money in 万元 / 亿元 or ¥, dates, and marked text runs.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage, has, t } from '../../main/resources/META-INF/resources/js/i18n.js';
import {
  percent, number, money, shortMoney, aside, moneyRange, dateTime, fragmentRuns, termRuns,
  amountUnit, amountInUnit, shortAmount, weightMove, percentToFraction,
} from '../../main/resources/META-INF/resources/js/format.js';

// Dates are read in China's time, whatever zone the machine is in.
process.env.TZ = 'Asia/Shanghai';

afterEach(() => setLanguage('zh'));

test('percent: rounded to the digits asked for, a dash for no value', () => {
  assert.equal(percent(0.8), '80%');
  assert.equal(percent(0.1234, 1), '12.3%');
  assert.equal(percent(0.876, 0), '88%');
  assert.equal(percent(1), '100%');
  assert.equal(percent(0), '0%');
  assert.equal(percent(null), '—');
  assert.equal(percent(undefined), '—');
  assert.equal(percent(NaN), '—');
});

test('number: grouped thousands, fixed digits, a dash for no value', () => {
  assert.equal(number(1234567), '1,234,567');
  assert.equal(number(1234567.891, 2), '1,234,567.89');
  assert.equal(number(0.005, 2), '0.01');
  assert.equal(number(2.5), '3', 'no digits: rounded');
  assert.equal(number(0), '0');
  assert.equal(number('42'), '42', 'a number sent as text');
  assert.equal(number(null), '—');
  assert.equal(number(undefined), '—');
  setLanguage('en');
  assert.equal(number(1234567.891, 1), '1,234,567.9');
});

test('money in Chinese: 元 below ten thousand, 万元 up to 亿元, whole 万 without decimals', () => {
  assert.equal(money(0), '0 元');
  assert.equal(money(9999), '9,999 元');
  assert.equal(money(10_000), '1 万元');
  assert.equal(money(500_000), '50 万元');
  assert.equal(money(15_000), '1.50 万元');
  assert.equal(money(1_234_567), '123.46 万元', 'rounded to two places');
  assert.equal(money(99_999_999), '10,000.00 万元', 'just below 亿 stays in 万');
  assert.equal(money(100_000_000), '1.00 亿元');
  assert.equal(money(123_456_789), '1.23 亿元');
  assert.equal(money(-20_000), '-2 万元');
});

test('money in English: yuan with separators', () => {
  setLanguage('en');
  assert.equal(money(0), '¥0');
  assert.equal(money(1_234_567), '¥1,234,567');
  assert.equal(money(100_000_000), '¥100,000,000');
  assert.equal(money(2_000.4), '¥2,000');
});

test('money: no amount is a dash in both languages, zero is an amount', () => {
  assert.equal(money(null), '—');
  assert.equal(money(undefined), '—');
  setLanguage('en');
  assert.equal(money(null), '—');
  assert.equal(money(0), '¥0');
});

test('shortMoney: compact axis labels', () => {
  assert.equal(shortMoney(0), '0');
  assert.equal(shortMoney(9_999.6), '10000');
  assert.equal(shortMoney(12_345_678), '1235万');
  assert.equal(shortMoney(250_000_000), '2.5亿');
  setLanguage('en');
  assert.equal(shortMoney(999), '999');
  assert.equal(shortMoney(1_500), '2k');
  assert.equal(shortMoney(12_345_678), '12.3M');
  assert.equal(shortMoney(2_500_000_000), '2.5B');
});

test('aside: full-width brackets in Chinese, a space and brackets in English', () => {
  assert.equal(aside('04.02'), '（04.02）');
  setLanguage('en');
  assert.equal(aside('04.02'), ' (04.02)');
});

test('moneyRange in Chinese: a range, one bound, one amount, 面议', () => {
  assert.equal(moneyRange({ minCny: 500_000, maxCny: 2_000_000 }), '50 万元 – 200 万元');
  assert.equal(moneyRange({ minCny: 500_000, maxCny: 500_000 }), '50 万元');
  assert.equal(moneyRange({ minCny: 500_000 }), '≥ 50 万元');
  assert.equal(moneyRange({ maxCny: 3_000_000, minCny: null }), '≤ 300 万元');
  assert.equal(moneyRange({ minCny: 0, maxCny: 0 }), '0 元', 'free is an amount');
  assert.equal(moneyRange({ negotiable: true }), '面议');
  assert.equal(moneyRange({ minCny: null, maxCny: null, negotiable: true }), '面议');
  assert.equal(moneyRange({ minCny: 500_000, maxCny: 2_000_000, negotiable: true }), '50 万元 – 200 万元（面议）');
  assert.equal(moneyRange({ minCny: null, maxCny: null, negotiable: false }), '—');
  assert.equal(moneyRange(null), '—');
  assert.equal(moneyRange(undefined), '—');
});

test('moneyRange in English', () => {
  setLanguage('en');
  assert.equal(moneyRange({ minCny: 500_000, maxCny: 2_000_000, negotiable: true }), '¥500,000 – ¥2,000,000 (negotiable)');
  assert.equal(moneyRange({ negotiable: true }), 'negotiable');
  assert.equal(moneyRange({ maxCny: 3_000_000 }), '≤ ¥3,000,000');
  assert.equal(moneyRange({}), '—');
});

test('dateTime: day and minute in the reader\'s style, a dash for none', () => {
  assert.equal(dateTime('2026-03-05T08:07:00Z'), '2026/03/05 16:07');
  assert.equal(dateTime('2026-12-31T23:59:59+08:00'), '2026/12/31 23:59');
  assert.equal(dateTime(null), '—');
  assert.equal(dateTime(''), '—');
  setLanguage('en');
  assert.equal(dateTime('2026-03-05T08:07:00Z'), '05/03/2026, 16:07');
  assert.equal(dateTime(undefined), '—');
});

test('dateTime with seconds: to the second, for the order of audited events', () => {
  assert.equal(dateTime('2026-12-31T23:59:58+08:00', { seconds: true }), '2026/12/31 23:59:58');
  setLanguage('en');
  assert.equal(dateTime('2026-03-05T08:07:09Z', { seconds: true }), '05/03/2026, 16:07:09');
});

test('fragmentRuns: <em> marks a word, escaped text comes back as text, never as markup', () => {
  assert.deepEqual(fragmentRuns('基于<em>深度学习</em>的<em>图像</em>识别'), [
    { text: '基于', marked: false },
    { text: '深度学习', marked: true },
    { text: '的', marked: false },
    { text: '图像', marked: true },
    { text: '识别', marked: false },
  ]);
  assert.deepEqual(fragmentRuns('a &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <em>R&amp;D</em>'), [
    { text: 'a <script>alert("x")</script> & ', marked: false },
    { text: 'R&D', marked: true },
  ]);
  assert.deepEqual(fragmentRuns('&#39;&#x27;&#x2F;'), [{ text: "''/", marked: false }]);
  assert.deepEqual(fragmentRuns('<b>bold</b>'), [{ text: '<b>bold</b>', marked: false }], 'only <em> means anything');
  assert.deepEqual(fragmentRuns(''), []);
  assert.deepEqual(fragmentRuns(null), []);
});

test('termRuns: terms marked case-insensitively, the longest first', () => {
  assert.deepEqual(termRuns('Lithium BATTERY and lithium', ['lithium', 'battery']), [
    { text: 'Lithium', marked: true },
    { text: ' ', marked: false },
    { text: 'BATTERY', marked: true },
    { text: ' and ', marked: false },
    { text: 'lithium', marked: true },
  ]);
  assert.deepEqual(termRuns('深度学习框架', ['学习', '深度学习']), [
    { text: '深度学习', marked: true },
    { text: '框架', marked: false },
  ]);
});

test('termRuns: single Latin letters and digits are not marked, a single Han character is', () => {
  assert.deepEqual(termRuns('5G and l', ['5', 'l', ' ']), [{ text: '5G and l', marked: false }]);
  assert.deepEqual(termRuns('钛合金', ['钛']), [{ text: '钛', marked: true }, { text: '合金', marked: false }]);
});

test('termRuns: regular-expression characters in a term are plain text', () => {
  assert.deepEqual(termRuns('C++ and C#', ['C++', '(x']), [
    { text: 'C++', marked: true },
    { text: ' and C#', marked: false },
  ]);
});

test('termRuns: no text or no terms gives the text unmarked', () => {
  assert.deepEqual(termRuns('', ['a']), [{ text: '', marked: false }]);
  assert.deepEqual(termRuns(null, ['ab']), [{ text: '', marked: false }]);
  assert.deepEqual(termRuns('text', []), [{ text: 'text', marked: false }]);
  assert.deepEqual(termRuns('text', null), [{ text: 'text', marked: false }]);
});

test('a Latin term is marked as a word or inflected, never inside another word', () => {
  const runs = termRuns('Lightweight engine: light by voice for controllers and Control boards', ['light', 'control']);
  assert.deepEqual(runs.filter((run) => run.marked).map((run) => run.text), ['light', 'controllers', 'Control']);
  assert.ok(runs.some((run) => !run.marked && run.text.startsWith('Lightweight')), 'lightweight is another word');
  assert.deepEqual(termRuns('钛合金与钛粉', ['钛']).filter((run) => run.marked).map((run) => run.text), ['钛', '钛'],
    'a Chinese term is marked inside longer words');
});

test('percentToFraction: the filter\'s percentage as the fraction the API takes, blank for none', () => {
  assert.deepEqual(percentToFraction('50'), { value: 0.5 });
  assert.deepEqual(percentToFraction('7'), { value: 0.07 }, 'no floating-point tail');
  assert.deepEqual(percentToFraction('12.5'), { value: 0.125 });
  assert.deepEqual(percentToFraction(' 35 % '), { value: 0.35 }, 'a typed percent sign is allowed');
  assert.deepEqual(percentToFraction('0'), { value: 0 });
  assert.deepEqual(percentToFraction('100'), { value: 1 });
  assert.deepEqual(percentToFraction(''), { value: null });
  assert.deepEqual(percentToFraction('  '), { value: null });
  assert.deepEqual(percentToFraction(null), { value: null });
  assert.deepEqual(percentToFraction(undefined), { value: null });
});

test('percentToFraction: outside 0–100 or not a number is refused, with a reason in both languages', () => {
  assert.deepEqual(percentToFraction('101'), { error: 'filter.percentRange' });
  assert.deepEqual(percentToFraction('-1'), { error: 'filter.percentRange' });
  assert.deepEqual(percentToFraction('100.01'), { error: 'filter.percentRange' });
  assert.deepEqual(percentToFraction('abc'), { error: 'filter.percentNotNumber' });
  assert.deepEqual(percentToFraction('Infinity'), { error: 'filter.percentNotNumber' });
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const key of ['filter.percentRange', 'filter.percentNotNumber']) {
      assert.ok(has(key), `${lang}: ${key}`);
      assert.match(t(key), /0.*100/, `${lang}: ${key} names the range`);
    }
  }
});

test('weightMove: a visible move keeps two digits, with its arrow', () => {
  assert.deepEqual(weightMove(0.2, 0.26), { text: '0.20 → 0.26 ↑', direction: 'up' });
  assert.deepEqual(weightMove(0.3, 0.25), { text: '0.30 → 0.25 ↓', direction: 'down' });
});

test('weightMove: a move too small for two digits shows more, never two equal numbers with an arrow', () => {
  assert.deepEqual(weightMove(0.26, 0.263), { text: '0.260 → 0.263 ↑', direction: 'up' });
  assert.deepEqual(weightMove(0.2604, 0.2601), { text: '0.2604 → 0.2601 ↓', direction: 'down' });
  for (const [before, after] of [[0.26, 0.2612], [0.255, 0.2549], [0.1, 0.10004], [0.5, 0.5]]) {
    const { text, direction } = weightMove(before, after);
    const shown = text.match(/^([\d.]+) → ([\d.]+) [↑↓]$/);
    if (shown) assert.notEqual(shown[1], shown[2], text);
    else assert.equal(direction, 'same', text);
  }
});

test('weightMove: no move, or none visible at four digits, or no default: the weight alone', () => {
  assert.deepEqual(weightMove(0.26, 0.26), { text: '0.26', direction: 'same' });
  assert.deepEqual(weightMove(0.26, 0.260001), { text: '0.26', direction: 'same' });
  assert.deepEqual(weightMove(null, 0.3), { text: '0.30', direction: 'same' });
  assert.deepEqual(weightMove(undefined, 0.3), { text: '0.30', direction: 'same' });
});

test('amounts in a column or on an axis: 万元 in Chinese like budgets, yuan in English like money()', () => {
  assert.equal(amountUnit(), '万元');
  assert.equal(amountInUnit(1_280_000), '128');
  assert.equal(amountInUnit(12_345), '1.23');
  assert.equal(amountInUnit(250_000_000), '25,000', 'no 亿 mixed into a 万元 column');
  assert.equal(amountInUnit(0), '0');
  assert.equal(amountInUnit(null), '—');
  assert.equal(shortAmount(2_500), '0.25');
  assert.equal(shortAmount(150_000_000), '15,000');
  setLanguage('en');
  assert.equal(amountUnit(), 'CNY');
  assert.equal(amountInUnit(1_280_000), '1,280,000');
  assert.equal(shortAmount(1_280_000), '1.3M');
});
