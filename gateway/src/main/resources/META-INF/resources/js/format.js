// How values read: shares, numbers, money, dates, and texts split into marked and plain runs.
// No DOM here: these run in the browser and under node --test alike (dom.js turns runs into nodes).
import { t, language } from './i18n.js';

export function percent(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return t('common.none');
  return `${(value * 100).toFixed(digits)}%`;
}

export function number(value, digits = 0) {
  if (value === null || value === undefined) return t('common.none');
  return Number(value).toLocaleString(language() === 'en' ? 'en-GB' : 'zh-CN', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  });
}

/** An amount in CNY the way people read it: 万元 / 亿元 in Chinese, with separators in English. */
export function money(value) {
  if (value === null || value === undefined) return t('common.none');
  if (language() === 'en') return `¥${number(value)}`;
  if (Math.abs(value) >= 100_000_000) return `${number(value / 100_000_000, 2)} 亿元`;
  if (Math.abs(value) >= 10_000) return `${number(value / 10_000, value % 10_000 === 0 ? 0 : 2)} 万元`;
  return `${number(value)} 元`;
}

/**
 * The unit of amounts shown as bare numbers, where a column or an axis names the unit once: 万元 in
 * Chinese, as budgets and prices are written; yuan in English, as money() reads there.
 */
export function amountUnit() {
  return t('money.unit');
}

/** An amount as a bare number in amountUnit(): 万元 to at most two decimals in Chinese, whole yuan in English. */
export function amountInUnit(value) {
  if (value === null || value === undefined) return t('common.none');
  if (language() === 'en') return number(value);
  const wan = value / 10_000;
  return number(wan, Number.isInteger(wan) ? 0 : 2);
}

/** Compact axis ticks in amountUnit(): 万元 grouped in Chinese (no 亿 mixed in), k / M / B in English. */
export function shortAmount(value) {
  if (language() === 'en') return shortMoney(value);
  const wan = value / 10_000;
  return number(wan, Number.isInteger(wan) || wan >= 10 ? 0 : 2);
}

/** Compact CNY for chart axes: 万 / 亿 in Chinese, k / M / B in English. */
export function shortMoney(value) {
  if (language() === 'en') {
    if (value >= 1e9) return `${(value / 1e9).toFixed(1)}B`;
    if (value >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
    if (value >= 1e3) return `${(value / 1e3).toFixed(0)}k`;
    return String(Math.round(value));
  }
  if (value >= 1e8) return `${(value / 1e8).toFixed(1)}亿`;
  if (value >= 1e4) return `${(value / 1e4).toFixed(0)}万`;
  return String(Math.round(value));
}

/** A remark in brackets, full-width in Chinese text. */
export function aside(text) {
  return language() === 'en' ? ` (${text})` : `（${text}）`;
}

/** A price or budget {minCny, maxCny, negotiable}: a range, a bound, or 面议 / negotiable. */
export function moneyRange(range) {
  if (!range) return t('common.none');
  const { minCny, maxCny, negotiable } = range;
  let text;
  if (minCny != null && maxCny != null) text = minCny === maxCny ? money(minCny) : `${money(minCny)} – ${money(maxCny)}`;
  else if (minCny != null) text = `≥ ${money(minCny)}`;
  else if (maxCny != null) text = `≤ ${money(maxCny)}`;
  if (negotiable) text = text ? `${text}${aside(t('common.negotiable'))}` : t('common.negotiable');
  return text ?? t('common.none');
}

/** A date and time to the minute; {seconds: true} to the second (the audit trail's order of events). */
export function dateTime(iso, { seconds = false } = {}) {
  if (!iso) return t('common.none');
  const date = new Date(iso);
  return date.toLocaleString(language() === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
}

/**
 * A search-engine fragment ("...<em>word</em>...", the rest already HTML-escaped) as runs
 * [{text, marked}], the matched words marked. Parsed by hand so nothing else in it can become markup.
 */
export function fragmentRuns(text) {
  const runs = [];
  for (const part of String(text ?? '').split(/(<em>.*?<\/em>)/g)) {
    if (!part) continue;
    const em = part.match(/^<em>(.*)<\/em>$/);
    runs.push({ text: unescapeHtml(em ? em[1] : part), marked: Boolean(em) });
  }
  return runs;
}

function unescapeHtml(text) {
  return text.replace(/&(lt|gt|quot|#39|#x27|#x2F|amp);/g, (_, e) => ({
    lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/', amp: '&',
  })[e]);
}

/**
 * Plain text as runs [{text, marked}], every occurrence of the given terms marked
 * (case-insensitive, longest term first). A Chinese term is marked wherever it occurs; a Latin
 * term only as a whole word or with an inflection (control → controls, controllers), never inside
 * another word (light is not marked in "lightweight").
 */
export function termRuns(text, terms) {
  const value = String(text ?? '');
  // Single Latin letters and digits ("5", "l") would light up half a text; a single Han character still means something.
  const usable = [...new Set((terms ?? []).filter((term) => term && (term.trim().length > 1 || /\p{Script=Han}/u.test(term))))]
    .sort((a, b) => b.length - a.length);
  if (!value || usable.length === 0) return [{ text: value, marked: false }];
  const han = usable.filter((term) => /\p{Script=Han}/u.test(term)).map(escapeRegExp);
  const latin = usable.filter((term) => !/\p{Script=Han}/u.test(term)).map(escapeRegExp);
  const alternatives = [...han];
  if (latin.length > 0) {
    alternatives.push(`(?<![\\p{L}\\p{N}])(?:${latin.join('|')})(?:${INFLECTION})?(?![\\p{L}\\p{N}])`);
  }
  const pattern = new RegExp(`(${alternatives.join('|')})`, 'giu');
  // split() with one capturing group: the matches are exactly the odd parts.
  return value.split(pattern)
    .map((part, i) => ({ text: part, marked: i % 2 === 1 }))
    .filter((run) => run.text !== '');
}

/** English endings a word may add to a term and still be the term, the last consonant possibly doubled. */
const INFLECTION = '[a-z]?(?:s|es|ed|d|ing|ings|er|ers|ly|ion|ions|ation|ations|al|ity|ive|ment|ments|able)';

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A learning weight's move from its default, as {text, direction}: both values with as many digits
 * (two to four) as it takes for them to differ, so a small move never reads "0.26 → 0.26 ↑"; a move
 * too small to show at four digits, or none, is the current weight alone, direction 'same'.
 */
export function weightMove(before, after) {
  if (before === null || before === undefined || after === null || after === undefined) {
    return { text: number(after, 2), direction: 'same' };
  }
  for (let digits = 2; digits <= 4; digits += 1) {
    const from = number(before, digits);
    const to = number(after, digits);
    if (from !== to) {
      const direction = after > before ? 'up' : 'down';
      return { text: `${from} → ${to} ${direction === 'up' ? '↑' : '↓'}`, direction };
    }
  }
  return { text: number(after, 2), direction: 'same' };
}

/**
 * A percentage typed in a filter (0–100, blank for none) as the fraction the API takes:
 * {value} (null when blank) or {error} naming the label that says why it is refused.
 */
export function percentToFraction(text) {
  const typed = String(text ?? '').trim().replace(/[%％]$/, '').trim();
  if (typed === '') return { value: null };
  const share = Number(typed);
  if (!Number.isFinite(share)) return { error: 'filter.percentNotNumber' };
  if (share < 0 || share > 100) return { error: 'filter.percentRange' };
  // four decimals: 7 % is 0.07, not 0.07000000000000001
  return { value: Number((share / 100).toFixed(4)) };
}

