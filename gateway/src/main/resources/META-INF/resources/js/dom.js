// Small DOM helpers. Text from the server is only ever set as text, never parsed as HTML.
import { t, language, label } from './i18n.js';

/**
 * Builds an element: h('div.card#id', {attrs}, children...). Attributes starting with "on" are
 * listeners; "testid" sets data-testid; children may be strings, nodes, arrays, null or false.
 */
export function h(spec, attrs = {}, ...children) {
  if (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = {};
  }
  const [, tag = 'div', rest = ''] = spec.match(/^([a-z0-9-]*)(.*)$/i);
  const el = document.createElement(tag || 'div');
  for (const part of rest.match(/[.#][^.#]+/g) ?? []) {
    if (part[0] === '.') el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'testid') {
      el.dataset.testid = value;
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'style') {
      // through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows
      el.style.cssText = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'value' && 'value' in el) {
      el.value = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Appends children like h() does: arrays flattened, null / false skipped. */
export function put(el, ...children) {
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/**
 * A search-engine fragment ("...<em>word</em>...", the rest already HTML-escaped) as nodes, the
 * matched words in <mark>. Parsed by hand so nothing else in it can become markup.
 */
export function fragment(text) {
  const nodes = [];
  const parts = String(text ?? '').split(/(<em>.*?<\/em>)/g);
  for (const part of parts) {
    if (!part) continue;
    const em = part.match(/^<em>(.*)<\/em>$/);
    nodes.push(em ? h('mark', {}, unescapeHtml(em[1])) : document.createTextNode(unescapeHtml(part)));
  }
  return nodes;
}

function unescapeHtml(text) {
  return text.replace(/&(lt|gt|quot|#39|#x27|#x2F|amp);/g, (_, e) => ({
    lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/', amp: '&',
  })[e]);
}

/** Plain text with every occurrence of the given terms wrapped in <mark> (case-insensitive). */
export function highlightTerms(text, terms) {
  const value = String(text ?? '');
  // Single Latin letters and digits ("5", "l") would light up half a text; a single Han character still means something.
  const usable = [...new Set((terms ?? []).filter((term) => term && (term.trim().length > 1 || /\p{Script=Han}/u.test(term))))]
    .sort((a, b) => b.length - a.length);
  if (!value || usable.length === 0) return [document.createTextNode(value)];
  const pattern = new RegExp(`(${usable.map(escapeRegExp).join('|')})`, 'gi');
  return value.split(pattern).filter((part) => part !== '').map((part, i) =>
    i % 2 === 1 || usable.some((term) => term.toLowerCase() === part.toLowerCase())
      ? h('mark.term', {}, part)
      : document.createTextNode(part));
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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

/** A remark in brackets, full-width in Chinese text. */
export function aside(text) {
  return language() === 'en' ? ` (${text})` : `（${text}）`;
}

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

export function dateTime(iso) {
  if (!iso) return t('common.none');
  const date = new Date(iso);
  return date.toLocaleString(language() === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
}

export function statusBadge(status, extra = {}) {
  return h(`span.badge.status-${String(status ?? '').toLowerCase()}`, { testid: 'status', ...extra },
    label('status', status));
}

/** A labelled value for a definition list; nothing when the value is empty. */
export function field(labelKey, value, attrs = {}) {
  const empty = value === null || value === undefined || value === ''
    || (Array.isArray(value) && value.length === 0);
  if (empty) return null;
  return [h('dt', {}, t(labelKey)), h('dd', attrs, value)];
}

export function scoreMeter(score, attrs = {}) {
  const value = Math.max(0, Math.min(1, Number(score) || 0));
  return h('span.score-meter', { title: `${t('queue.score')} ${percent(value, 1)}`, ...attrs },
    h('span.score-track', {}, h('span.score-fill', { style: `width:${(value * 100).toFixed(1)}%` })),
    h('span.score-value', {}, percent(value, 0)));
}

export function emptyState(text) {
  return h('p.empty', { testid: 'empty' }, text);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; children like h(). */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (name === 'testid') el.setAttribute('data-testid', value);
    else el.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

