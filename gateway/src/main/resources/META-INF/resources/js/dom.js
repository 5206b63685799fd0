// Small DOM helpers. Text from the server is only ever set as text, never parsed as HTML.
import { t, label } from './i18n.js';
import { percent, fragmentRuns, termRuns } from './format.js';

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
 * matched words in <mark>. Parsed by hand (format.js) so nothing else in it can become markup.
 */
export function fragment(text) {
  return fragmentRuns(text).map((run) => (run.marked ? h('mark', {}, run.text) : document.createTextNode(run.text)));
}

/** Plain text with every occurrence of the given terms wrapped in <mark> (case-insensitive). */
export function highlightTerms(text, terms) {
  return termRuns(text, terms).map((run) => (run.marked ? h('mark.term', {}, run.text) : document.createTextNode(run.text)));
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

/** The note of an empty list; what the reader can do about it (a button) may follow the text. */
export function emptyState(text, ...after) {
  return h('p.empty', { testid: 'empty' }, text, after);
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

