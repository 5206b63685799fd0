// Pieces several views share: the field and region tables loaded once, record panels, the score explanation, paging.
import { t, label, language } from '../i18n.js';
import { h, put, svg, field, highlightTerms, fragment } from '../dom.js';
import { aside, money, moneyRange, percent, number, dateTime } from '../format.js';
import { fields, regions } from '../api.js';
import { setFieldNames, setRegionNames, hasRegionNames, regionEntries, fieldName, regionName } from '../names.js';
import { reasonText, factorValue } from '../reasons.js';
import { notify } from '../notify.js';

/** Loads the taxonomy once; fieldName() works (with the bare code) before it arrives. */
export async function loadFields() {
  try {
    const all = await fields();
    setFieldNames(all);
    return all;
  } catch {
    return [];
  }
}

/** Loads the region names once; regionName() works (with the bare code) before they arrive or if they fail. */
export async function loadRegions() {
  if (hasRegionNames()) return;
  try {
    setRegionNames(await regions());
  } catch {
    // the codes are shown instead
  }
}

/** A region's name with its code on hover, for fact lists. */
function regionFact(code) {
  if (!code) return null;
  return h('span', { title: code, testid: 'region-name', dataset: { code } }, regionName(code));
}

/** A <datalist> of the known regions for a code input (shows "330100 杭州市" while typing). */
export function regionOptions(id) {
  return h(`datalist#${id}`, {}, regionEntries().map(([code, name]) => h('option', { value: code }, name)));
}

/** A <select> of the taxonomy: top-level fields, their sub-fields indented. */
export function fieldSelect(id, selected, all) {
  return h(`select#${id}`, { testid: id, name: 'field' },
    h('option', { value: '' }, t('common.all')),
    all.map((f) => h('option', { value: f.code, selected: f.code === selected },
      `${f.code.includes('.') ? '\u3000' : ''}${f.code} ${language() === 'en' ? f.nameEn : f.nameZh}`)));
}

export function pager(page, onPage) {
  if (!page || page.totalPages <= 1) {
    return h('div.pager', { testid: 'pager' }, page ? t('common.page', { page: 1, pages: 1, total: page.totalItems }) : null);
  }
  return h('div.pager', { testid: 'pager' },
    h('button', { type: 'button', testid: 'page-prev', disabled: page.page <= 0, onclick: () => onPage(page.page - 1) }, t('common.prev')),
    h('span', {}, t('common.page', { page: page.page + 1, pages: page.totalPages, total: page.totalItems })),
    h('button', { type: 'button', testid: 'page-next', disabled: page.page + 1 >= page.totalPages, onclick: () => onPage(page.page + 1) }, t('common.next')));
}

function list(values, prefix) {
  if (!values || values.length === 0) return null;
  return h('span.chips', {}, values.map((v) => h('span.chip', {}, prefix ? label(prefix, v) : v)));
}

function contactBlock(contact, testid) {
  if (!contact || (!contact.phone && !contact.email)) {
    return h('span.muted', { testid: `${testid}-contact-hidden` }, t('rec.contactHidden'));
  }
  return h('span.contact', { testid: `${testid}-contact` },
    [contact.name, contact.phone, contact.email].filter(Boolean).join(' · '));
}

/** An achievement in full, the given terms marked in its texts. */
export function achievementPanel(a, terms = [], testid = 'achievement') {
  if (!a) return h('div.panel.record', { testid }, h('p.muted', {}, t('error.notFound')));
  return h('article.panel.record', { testid },
    h('header.record-head', {},
      h('span.kind.kind-achievement', {}, t('pair.achievement')),
      h('h2', { testid: `${testid}-title` }, highlightTerms(a.title, terms))),
    h('dl.facts', {},
      field('rec.institution', a.institution),
      field('rec.field', `${fieldName(a.fieldCode)}${aside(a.fieldCode)}`),
      field('rec.trl', a.trl != null ? `TRL ${a.trl} · ${label('stage', a.stage)}` : null),
      field('rec.region', regionFact(a.regionCode)),
      field('rec.price', moneyRange(a.askingPrice)),
      field('rec.modes', list(a.transferModes, 'mode')),
      field('rec.ipForms', list(a.ipForms, 'ip')),
      field('rec.patents', list(a.patentNumbers)),
      field('rec.freeTrial', a.freeTrialLicence ? '✓' : null),
      field('rec.status', label('status', a.status)),
      field('rec.contact', contactBlock(a.contact, testid))),
    a.keywords?.length ? h('div.keywords', {}, a.keywords.map((k) => h('span.chip', {}, highlightTerms(k, terms)))) : null,
    section('rec.summary', a.summary, terms, `${testid}-summary`),
    section('rec.advantages', a.advantages, terms, `${testid}-advantages`));
}

/** A demand in full (or the anonymised summary a confidential demand shows), terms marked. */
export function demandPanel(d, terms = [], testid = 'demand') {
  if (!d) return h('div.panel.record', { testid }, h('p.muted', {}, t('error.notFound')));
  const anonymised = d.confidentiality === 'BROKERS_ONLY' && !d.problem;
  return h('article.panel.record', { testid },
    h('header.record-head', {},
      h('span.kind.kind-demand', {}, t('pair.demand')),
      h('h2', { testid: `${testid}-title` }, highlightTerms(d.title, terms))),
    anonymised ? h('p.notice', {}, t('pair.confidentialDemand')) : null,
    h('dl.facts', {},
      field('rec.enterprise', d.enterprise),
      field('rec.field', d.fieldCode ? `${fieldName(d.fieldCode)}${aside(d.fieldCode)}` : null),
      field('rec.minTrl', d.minTrl != null ? `TRL ${d.minTrl}` : null),
      field('rec.region', regionFact(d.regionCode)),
      field('rec.budget', moneyRange(d.budget)),
      field('rec.cooperation', list(d.cooperationModes, 'mode')),
      field('rec.validUntil', d.validUntil),
      field('rec.confidentiality', label('conf', d.confidentiality)),
      field('rec.challenge', d.challenge ? `${t('rec.bounty')} ${money(d.challenge.bountyCny)} · ${d.challenge.applicationDeadline}` : null),
      field('rec.status', label('status', d.status)),
      anonymised ? null : field('rec.contact', contactBlock(d.contact, testid))),
    d.keywords?.length ? h('div.keywords', {}, d.keywords.map((k) => h('span.chip', {}, highlightTerms(k, terms)))) : null,
    section('rec.problem', d.problem, terms, `${testid}-problem`),
    section('rec.indicators', d.indicators, terms, `${testid}-indicators`),
    d.challenge?.goal ? section('rec.challenge', d.challenge.goal, terms, `${testid}-challenge`) : null);
}

function section(key, text, terms, testid) {
  if (!text) return null;
  return h('section.record-text', { testid }, h('h3', {}, t(key)), h('p', {}, highlightTerms(text, terms)));
}

// --- explanations --------------------------------------------------------------

/** The grey mark of a candidate below the recommendation threshold. */
export function weakBadge(item) {
  return item?.strong === false ? h('span.badge.weak', { testid: 'weak-badge', title: t('ranking.weakHint') }, t('ranking.weak')) : null;
}

/**
 * The explanation: the approval likelihood, one stacked bar of the contributions (they add up to
 * it), then each factor with its value, weight in the approval model, contribution and reason.
 */
export function explanationPanel(explanation, score) {
  const factors = explanation?.factors ?? [];
  const total = factors.reduce((sum, f) => sum + Math.max(0, f.contribution ?? 0), 0);
  const palette = ['#1f5fae', '#3a86d4', '#5aa469', '#e0a526', '#8e6cc2', '#d66a4f', '#4fb3b3', '#9aa5b1'];
  const width = 600;
  let x = 0;
  const segments = factors.map((f, i) => {
    const w = score > 0 ? (Math.max(0, f.contribution ?? 0) / Math.max(score, total)) * width : 0;
    const rect = svg('rect', { x, y: 0, width: Math.max(0, w), height: 18, fill: palette[i % palette.length] },
      svg('title', {}, `${label('factor', f.name)} +${((f.contribution ?? 0) * 100).toFixed(1)}`));
    x += w;
    return rect;
  });
  const stacked = svg('svg', { viewBox: `0 0 ${width} 18`, class: 'stacked', role: 'img', 'aria-label': t('pair.factors'), preserveAspectRatio: 'none' },
    svg('rect', { x: 0, y: 0, width, height: 18, fill: '#eef2f7' }), segments);
  const similarity = explanation?.semanticSimilarity;
  return h('section.panel.explanation', { testid: 'explanation' },
    h('header.panel-head', {},
      h('h2', {}, t('pair.factors')),
      h('span.muted', {}, t('pair.factorsLead'))),
    h('div.score-summary', {},
      h('div.big-score-box', {},
        h('span.muted', {}, t('pair.score')),
        h('div.big-score', { testid: 'pair-score', dataset: { score: String(score) }, title: t('pair.scoreHint') }, percent(score, 1))),
      h('div.sub-scores', {},
        h('div', { testid: 'semantic-similarity', dataset: { similarity: similarity == null ? '' : String(similarity) } },
          h('span.muted', {}, t('pair.semantic')), ' ', h('strong', {}, similarity == null ? t('common.none') : number(similarity, 2))),
        h('small.muted', {}, t('pair.scoreHint')))),
    stacked,
    h('div.legend', {}, factors.map((f, i) => h('span.legend-item', {},
      h('span.swatch', { style: `background:${palette[i % palette.length]}` }), label('factor', f.name)))),
    h('table.factors', { testid: 'factors' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('pair.factor')), h('th', {}, t('pair.value')), h('th.num', { title: t('pair.weightHint') }, t('pair.weight')),
        h('th.num', {}, t('pair.contribution')), h('th', {}, t('pair.reason')))),
      h('tbody', {}, factors.map((f, i) => {
        const value = factorValue(f, explanation);
        return h('tr', { testid: `factor-${f.name}`, dataset: { contribution: String(f.contribution), value: String(value), code: f.reason?.code ?? '' } },
          h('td', {}, h('span.swatch', { style: `background:${palette[i % palette.length]}` }), label('factor', f.name)),
          h('td', {}, h('span.bar', {}, h('span.bar-fill', { style: `width:${value * 100}%;background:${palette[i % palette.length]}` })),
            h('span.bar-value', { testid: 'factor-value' }, number(value, 2))),
          h('td.num', { dataset: { label: t('pair.weight') } }, number(f.weight, 2)),
          h('td.num', { dataset: { label: t('pair.contribution') } }, `+${((f.contribution ?? 0) * 100).toFixed(1)}`),
          h('td.reason', { testid: 'factor-reason' }, reasonText(f.reason)));
      }))),
    h('div.terms', { testid: 'matched-terms' },
      h('h3', {}, t('pair.matchedTerms')),
      (explanation?.matchedTerms ?? []).length
        ? explanation.matchedTerms.map((term) => h('mark.term.chip', {}, term))
        : h('span.muted', {}, t('common.none'))),
    highlightsBlock(explanation?.highlights));
}

/** The search fields a highlighted fragment can come from, by their labels. */
const HIGHLIGHT_LABELS = {
  title: 'rec.title', summary: 'rec.summary', advantages: 'rec.advantages', keywords: 'rec.keywords',
  problem: 'rec.problem', indicators: 'rec.indicators', institution: 'rec.institution', enterprise: 'rec.enterprise',
};

function highlightsBlock(highlights) {
  const entries = Object.entries(highlights ?? {}).filter(([, v]) => v?.length);
  if (entries.length === 0) return null;
  return h('div.highlights', { testid: 'highlights' },
    h('h3', {}, t('pair.highlights')),
    entries.map(([name, fragments]) => h('div.highlight-group', {},
      h('span.muted', {}, HIGHLIGHT_LABELS[name] ? t(HIGHLIGHT_LABELS[name]) : name),
      fragments.map((f) => h('blockquote', {}, fragment(f))))));
}

export function historyList(history) {
  if (!history?.length) return null;
  return h('section.panel', { testid: 'history' },
    h('h2', {}, t('pair.history')),
    h('ol.history', {}, history.map((step) => h('li', {},
      h('span.history-time', {}, dateTime(step.at)),
      h('span', {}, `${step.from ? label('status', step.from) + ' → ' : ''}${label('status', step.to)}`),
      step.actor ? h('span.muted', {}, ` · ${step.actor}`) : null,
      step.reasonCode ? h('span.chip', {}, label('reason', step.reasonCode)) : null,
      step.contractAmountCny != null ? h('span.chip', {}, money(step.contractAmountCny)) : null,
      step.note ? h('div.history-note', {}, step.note) : null))));
}


/** Copies a text shown in an input; without the clipboard API (outside a secure context) the selected text the old way, or the reader by hand. */
export async function copyText(text, input) {
  if (!text) {
    notify(t('common.copyEmpty'));
    return;
  }
  input.focus();
  input.select();
  try {
    await navigator.clipboard.writeText(text);
    notify(t('common.copied'), 'notice');
  } catch {
    let copied;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    notify(t(copied ? 'common.copied' : 'common.copyManually'), 'notice');
  }
}

/**
 * A secret shown once (a webhook's signing secret, an API key): prominent, with a copy button and the
 * warning that it is never shown again; {@code prefix} names its test ids, {@code about} and
 * {@code details} say what it is for and how it is used.
 */
export function shownOncePanel({ prefix, id, title, warning, about, secret, details, doneLabel, onDone }) {
  const value = h('input.hook-secret-value', {
    testid: `${prefix}-secret`, readonly: true, value: secret, spellcheck: 'false', autocomplete: 'off',
    'aria-label': title, onfocus: () => value.select(),
  });
  return h('section.panel.hook-secret', { testid: `${prefix}-secret-panel`, role: 'alert', dataset: { id } },
    h('h2', {}, title),
    h('p.hook-secret-warning', {}, h('strong', {}, warning)),
    about,
    h('div.hook-secret-row', {},
      value,
      h('button.primary', { type: 'button', testid: `${prefix}-secret-copy`, onclick: () => copyText(secret, value) }, t('common.copy'))),
    details,
    h('div.form-actions', {}, h('button', { type: 'button', testid: `${prefix}-secret-done`, onclick: onDone }, doneLabel)));
}

/**
 * A modal dialog: Esc, Cancel or leaving the page closes it, and the focus goes back to the button
 * that opened it. build(close) gives its content; onClosed runs once it is gone. A native <dialog>
 * shown with showModal(): the page behind is inert, so Tab stays inside it.
 */
export function openDialog(opener, title, testid, build, onClosed) {
  const titleId = `${testid}-title`;
  const dialog = h('dialog.dialog', { testid, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId });
  const close = () => {
    if (dialog.open) dialog.close();
  };
  const leave = () => close();
  window.addEventListener('hashchange', leave);
  dialog.addEventListener('close', () => {
    window.removeEventListener('hashchange', leave);
    dialog.remove();
    // the opener may have been drawn anew meanwhile (a reload of the list): then nothing to return to
    if (opener?.isConnected) opener.focus();
    onClosed?.();
  });
  put(dialog, h('h2', { id: titleId }, title), build(close));
  document.body.append(dialog);
  dialog.showModal();
  return close;
}
