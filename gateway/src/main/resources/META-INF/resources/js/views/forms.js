// Create forms for a demand (optionally an open challenge, 揭榜挂帅) and an achievement. A possible
// duplicate (409) shows its candidates first; the user may look at them or save anyway.
import { t, label, language } from '../i18n.js';
import { h, put, clear } from '../dom.js';
import { percent } from '../format.js';
import { post, put as putJson, currentUser, isProblem, ApiError } from '../api.js';
import { regionName } from '../names.js';
import { violationsByField } from '../violations.js';
import { loadFields, regionOptions } from './common.js';
import { notify } from '../notify.js';

export const MODES = ['ASSIGNMENT', 'LICENSE', 'EQUITY', 'JOINT_DEVELOPMENT', 'TECHNICAL_SERVICE'];
const IP_FORMS = ['INVENTION_PATENT', 'UTILITY_MODEL', 'DESIGN', 'SOFTWARE_COPYRIGHT', 'PLANT_VARIETY', 'KNOW_HOW', 'OTHER'];

/** Today plus some days, as yyyy-mm-dd in the browser's calendar. */
export function daysFromNow(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A labelled input; the control's testid and id are the same. {@code field} names the request
 * members whose refusals showRefusal puts beside it (several separated by spaces).
 */
export function labelled(key, control, hint, field) {
  return h('label.form-field', { dataset: field ? { field } : {} }, h('span', {}, t(key)), control,
    hint ? h('small.muted', {}, hint) : null);
}

/** The region code input with the known codes to pick from and the name of the code typed. */
function regionField(region, field = 'regionCode') {
  const listId = `${region.id}-options`;
  const name = h('small.muted', { testid: `${region.id}-name` });
  const show = () => {
    const code = region.value.trim();
    name.textContent = /^\d{6}$/.test(code) && regionName(code) !== code ? regionName(code) : '';
  };
  region.setAttribute('list', listId);
  region.addEventListener('input', show);
  show();
  return h('label.form-field', { dataset: { field } }, h('span', {}, t('form.regionCode')), region, regionOptions(listId), name);
}

/** Takes away what showRefusal put beside the fields. */
export function clearViolations(form) {
  form.querySelectorAll('.field-violation').forEach((el) => el.remove());
  form.querySelectorAll('[data-field].invalid').forEach((el) => el.classList.remove('invalid'));
  form.querySelectorAll('[aria-invalid]').forEach((el) => {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  });
}

/**
 * Tells why a request was refused. A 400's violations, and a 409's that name what is taken (a login
 * name, an organisation id), go beside the fields they name (the form's [data-field] blocks), in the
 * reader's language; above the page a short note says so, or, when a violation names no field of
 * the form (or there are none), the whole problem as notify shows it.
 */
export function showRefusal(form, error) {
  clearViolations(form);
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409) || !error.problem?.violations?.length) {
    notify(error);
    return;
  }
  const blocks = [...form.querySelectorAll('[data-field]')];
  const namesOf = (block) => block.dataset.field.split(' ');
  const { byField, others } = violationsByField(error.problem, blocks.flatMap(namesOf));
  for (const block of blocks) {
    const texts = [...new Set(namesOf(block).flatMap((name) => byField[name] ?? []))];
    if (!texts.length) continue;
    const id = `${form.dataset.testid ?? 'form'}-${namesOf(block)[0].replace(/\./g, '-')}-violation`;
    block.classList.add('invalid');
    block.querySelectorAll('input, select, textarea').forEach((control) => {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', id);
    });
    block.append(h('small.field-violation', { id, testid: `violation-${namesOf(block)[0]}` }, texts.join(language() === 'en' ? '; ' : '；')));
  }
  notify(others.length ? error : t('form.fixFields'));
  form.querySelector('[aria-invalid]')?.focus();
}

export function input(id, attrs = {}) {
  return h(`input#${id}`, { testid: id, name: id, ...attrs });
}

export function textarea(id, attrs = {}) {
  return h(`textarea#${id}`, { testid: id, name: id, rows: 3, ...attrs });
}

function checkboxes(id, values, prefix, checked = []) {
  return h('span.checkboxes', { testid: id }, values.map((v) => h('label.check', {},
    h('input', { type: 'checkbox', value: v, testid: `${id}-${v}`, checked: checked.includes(v) }), label(prefix, v))));
}

function checkedValues(group) {
  return [...group.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
}

function fieldOptions(id, all, selected) {
  return h(`select#${id}`, { testid: id, name: id, required: true },
    h('option', { value: '' }, t('form.choose')),
    all.map((f) => h('option', { value: f.code, selected: f.code === selected },
      `${f.code.includes('.') ? '\u3000' : ''}${f.code} ${language() === 'en' ? f.nameEn : f.nameZh}`)));
}

/** Words separated by commas, 、 or ；, as a list. */
export function words(text) {
  return String(text ?? '').split(/[,，、;；\n]+/).map((w) => w.trim()).filter(Boolean);
}

/** 万元 typed by the user, as CNY; empty stays empty. */
export function wanToCny(value) {
  if (value === '' || value === null || value === undefined) return null;
  return Math.round(Number(value) * 10_000);
}

const intOrNull = (value) => (value === '' || value === null || value === undefined ? null : Number(value));

/**
 * Sends a create request; on a 409 possible-duplicate shows the candidates in {@code box} with a
 * "save anyway" button that repeats the request with ?duplicates=confirmed; a refusal goes beside
 * the fields of {@code form}. Resolves once the record is created or the user has to act.
 */
export async function createChecked(path, body, box, kind, onCreated, form) {
  const send = async (confirmed) => {
    try {
      const created = await post(path, body, confirmed ? { duplicates: 'confirmed' } : undefined);
      clear(box);
      if (form) clearViolations(form);
      onCreated(created);
    } catch (e) {
      if (!confirmed && isProblem(e, 'possible-duplicate')) {
        if (form) clearViolations(form);
        showCandidates(box, e, kind, () => send(true));
        return;
      }
      if (form) showRefusal(form, e);
      else notify(e);
    }
  };
  await send(false);
}

/** Sends an edit with the version read; a refusal goes beside the fields, a newer version is said plainly. */
async function saveEdit(path, body, form, onSaved) {
  try {
    const saved = await putJson(path, body);
    clearViolations(form);
    onSaved(saved);
  } catch (e) {
    if (isProblem(e, 'version-conflict')) {
      notify(t('form.versionConflict'));
      return;
    }
    showRefusal(form, e);
  }
}

function showCandidates(box, error, kind, saveAnyway) {
  const candidates = error.problem?.context?.candidates ?? [];
  clear(box).append(h('section.panel.duplicates', { testid: 'duplicate-candidates', role: 'alert' },
    h('h3', {}, t('dup.title')),
    h('p', {}, t('dup.lead')),
    // A candidate of another organisation the user may not read comes anonymised: no id, no similarity.
    h('ul.record-list', {}, candidates.map((c) => h('li.duplicate', { testid: 'duplicate-candidate', dataset: c.id ? { id: c.id } : {} },
      c.id
        ? h('a', { href: `#/record/${kind}/${c.id}`, target: '_blank' }, c.title)
        : h('span', {}, t(kind === 'demand' ? 'dup.otherDemand' : 'dup.otherAchievement')),
      c.similarity != null ? h('span.chip', {}, `${t('dup.similarity')} ${percent(c.similarity, 0)}`) : null,
      (c.reasons ?? []).map((r) => h('span.chip', {}, label('dupReason', r)))))),
    h('div.form-actions', {},
      h('button.primary', { type: 'button', testid: 'save-anyway', onclick: saveAnyway }, t('dup.saveAnyway')),
      h('button', { type: 'button', testid: 'duplicate-cancel', onclick: () => clear(box) }, t('common.cancel')))));
  box.scrollIntoView?.({ block: 'nearest' });
}

/** CNY as 万元 for an input; empty stays empty. */
export function cnyToWan(value) {
  return value === null || value === undefined ? '' : String(value / 10_000);
}

const joined = (list) => (list ?? []).join('、');

/**
 * The demand form: a new demand (with {@code challenge} an open challenge from the start,
 * otherwise one behind a checkbox), or with {@code record} an edit of that demand (its challenge
 * terms are kept as they are; the challenge page changes them).
 */
export async function demandForm({ challenge = false, record = null, onCreated, onSaved, onCancel }) {
  const all = await loadFields();
  const user = currentUser() ?? {};
  const r = record ?? {};
  const editing = Boolean(record);
  const title = input('demand-title', { required: true, maxlength: 200, value: r.title ?? '' });
  const enterprise = input('demand-enterprise', { required: true, maxlength: 200, value: r.enterprise ?? user.organisationName ?? '' });
  const problem = textarea('demand-problem', { required: true, maxlength: 4000, rows: 5 });
  problem.value = r.problem ?? '';
  const indicators = textarea('demand-indicators', { maxlength: 2000 });
  indicators.value = r.indicators ?? '';
  const field = fieldOptions('demand-field', all, r.fieldCode);
  const keywords = input('demand-keywords', { required: true, placeholder: t('form.keywordsHint'), value: joined(r.keywords) });
  const budgetMin = input('demand-budget-min', { type: 'number', min: 0, step: 'any', value: cnyToWan(r.budget?.minCny) });
  const budgetMax = input('demand-budget-max', { type: 'number', min: 0, step: 'any', value: cnyToWan(r.budget?.maxCny) });
  const negotiable = h('input#demand-negotiable', { type: 'checkbox', testid: 'demand-negotiable', checked: Boolean(r.budget?.negotiable) });
  const validUntil = input('demand-valid-until', { type: 'date', required: true, value: r.validUntil ?? daysFromNow(180) });
  const region = input('demand-region', { required: true, pattern: '\\d{6}', placeholder: '330100', value: r.regionCode ?? '' });
  const modes = checkboxes('demand-modes', MODES, 'mode', r.cooperationModes ?? ['JOINT_DEVELOPMENT']);
  const minTrl = input('demand-min-trl', { type: 'number', min: 1, max: 9, value: r.minTrl ?? '' });
  const confidentiality = h('select#demand-confidentiality', { testid: 'demand-confidentiality' },
    ['PUBLIC', 'BROKERS_ONLY'].map((c) => h('option', { value: c, selected: c === r.confidentiality }, label('conf', c))));
  const contactName = input('demand-contact-name', { required: true, maxlength: 50, value: r.contact?.name ?? user.displayName ?? '' });
  const contactPhone = input('demand-contact-phone', { placeholder: '0571-87654321', value: r.contact?.phone ?? '' });
  const contactEmail = input('demand-contact-email', { type: 'email', value: r.contact?.email ?? '' });

  const isChallenge = h('input#demand-is-challenge', { type: 'checkbox', testid: 'demand-is-challenge', checked: challenge });
  const goal = textarea('challenge-goal', { maxlength: 2000 });
  const challengeIndicators = textarea('challenge-indicators', { maxlength: 2000, placeholder: t('form.indicatorsHint') });
  const bounty = input('challenge-bounty', { type: 'number', min: 0, step: 'any' });
  const applicationDeadline = input('challenge-application-deadline', { type: 'date', value: daysFromNow(30) });
  const judgingDeadline = input('challenge-judging-deadline', { type: 'date', value: daysFromNow(60) });
  const challengeBlock = editing ? null : h('fieldset.form-grid', { testid: 'challenge-block', hidden: !challenge },
    h('legend', {}, t('rec.challenge')),
    labelled('challenge.goal', goal, null, 'challenge.goal'),
    labelled('challenge.indicators', challengeIndicators, null, 'challenge.indicators'),
    labelled('challenge.bountyWan', bounty, null, 'challenge.bountyCny'),
    labelled('challenge.applicationDeadline', applicationDeadline, null, 'challenge.applicationDeadline'),
    labelled('challenge.judgingDeadline', judgingDeadline, null, 'challenge.judgingDeadline challenge'));
  isChallenge.addEventListener('change', () => {
    if (challengeBlock) challengeBlock.hidden = !isChallenge.checked;
  });
  const duplicates = h('div', { testid: 'duplicate-box' });

  const form = h('form.panel.record-form', {
    testid: 'demand-form',
    // The service's rules are the ones that count: its refusals are shown beside the fields, in the reader's language.
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {
        enterprise: enterprise.value.trim(),
        title: title.value.trim(),
        problem: problem.value.trim(),
        indicators: indicators.value.trim() || null,
        fieldCode: field.value || null,
        keywords: words(keywords.value),
        budget: { minCny: wanToCny(budgetMin.value), maxCny: wanToCny(budgetMax.value), negotiable: negotiable.checked },
        validUntil: validUntil.value || null,
        regionCode: region.value.trim(),
        cooperationModes: checkedValues(modes),
        minTrl: intOrNull(minTrl.value),
        confidentiality: confidentiality.value,
        contact: { name: contactName.value.trim(), phone: contactPhone.value.trim() || null, email: contactEmail.value.trim() || null },
      };
      if (editing) {
        await saveEdit(`/api/demands/${encodeURIComponent(record.id)}`,
          { ...body, challenge: record.challenge ?? null, version: record.version }, form, onSaved);
        return;
      }
      body.challenge = isChallenge.checked ? {
        goal: goal.value.trim(),
        indicators: challengeIndicators.value.trim() || null,
        bountyCny: wanToCny(bounty.value),
        applicationDeadline: applicationDeadline.value || null,
        judgingDeadline: judgingDeadline.value || null,
      } : null;
      await createChecked('/api/demands', body, duplicates, 'demand', onCreated, form);
    },
  },
  h('h2', {}, t(editing ? 'form.editDemand' : challenge ? 'challenge.publishTitle' : 'form.newDemand')),
  h('div.form-grid', {},
    labelled('rec.title', title, null, 'title'),
    labelled('rec.enterprise', enterprise, null, 'enterprise'),
    labelled('rec.problem', problem, null, 'problem'),
    labelled('rec.indicators', indicators, null, 'indicators'),
    labelled('rec.field', field, null, 'fieldCode'),
    labelled('rec.keywords', keywords, null, 'keywords'),
    labelled('form.budgetMinWan', budgetMin, null, 'budget.minCny'),
    labelled('form.budgetMaxWan', budgetMax, null, 'budget.maxCny'),
    h('label.check', { dataset: { field: 'budget' } }, negotiable, t('common.negotiable')),
    labelled('rec.validUntil', validUntil, null, 'validUntil'),
    regionField(region),
    labelled('rec.cooperation', modes, null, 'cooperationModes'),
    labelled('rec.minTrl', minTrl, null, 'minTrl'),
    labelled('rec.confidentiality', confidentiality, null, 'confidentiality'),
    labelled('form.contactName', contactName, null, 'contact.name'),
    labelled('form.contactPhone', contactPhone, null, 'contact.phone contact'),
    labelled('form.contactEmail', contactEmail, null, 'contact.email')),
  challenge || editing ? null : h('label.check', {}, isChallenge, t('form.asChallenge')),
  challengeBlock,
  duplicates,
  h('div.form-actions', {},
    h('button.primary', { type: 'submit', testid: 'demand-submit' }, t(editing ? 'form.saveChanges' : challenge ? 'challenge.publish' : 'form.save')),
    onCancel ? h('button', { type: 'button', testid: 'demand-cancel', onclick: onCancel }, t('common.cancel')) : null));
  return form;
}

/**
 * The achievement form of a university: a new one, saved as a draft of its organisation, or with
 * {@code record} an edit of that achievement.
 */
export async function achievementForm({ record = null, onCreated, onSaved, onCancel }) {
  const all = await loadFields();
  const user = currentUser() ?? {};
  const r = record ?? {};
  const editing = Boolean(record);
  const title = input('achievement-title', { required: true, maxlength: 200, value: r.title ?? '' });
  const institution = input('achievement-institution', { required: true, maxlength: 200, value: r.institution ?? user.organisationName ?? '' });
  const summary = textarea('achievement-summary', { required: true, maxlength: 4000, rows: 5 });
  summary.value = r.summary ?? '';
  const advantages = textarea('achievement-advantages', { maxlength: 2000 });
  advantages.value = r.advantages ?? '';
  const keywords = input('achievement-keywords', { required: true, placeholder: t('form.keywordsHint'), value: joined(r.keywords) });
  const field = fieldOptions('achievement-field', all, r.fieldCode);
  const trl = input('achievement-trl', { type: 'number', min: 1, max: 9, required: true, value: r.trl ?? 5 });
  const ipForms = checkboxes('achievement-ip', IP_FORMS, 'ip', r.ipForms ?? []);
  const patents = input('achievement-patents', { placeholder: 'ZL202110345678.2', value: joined(r.patentNumbers) });
  const modes = checkboxes('achievement-modes', MODES, 'mode', r.transferModes ?? ['LICENSE']);
  const priceMin = input('achievement-price-min', { type: 'number', min: 0, step: 'any', value: cnyToWan(r.askingPrice?.minCny) });
  const priceMax = input('achievement-price-max', { type: 'number', min: 0, step: 'any', value: cnyToWan(r.askingPrice?.maxCny) });
  const negotiable = h('input#achievement-negotiable', { type: 'checkbox', testid: 'achievement-negotiable', checked: Boolean(r.askingPrice?.negotiable) });
  const region = input('achievement-region', { required: true, pattern: '\\d{6}', placeholder: '330100', value: r.regionCode ?? '' });
  const inventors = input('achievement-inventors', { value: joined(r.inventors) });
  const contactName = input('achievement-contact-name', { required: true, maxlength: 50, value: r.contact?.name ?? user.displayName ?? '' });
  const contactPhone = input('achievement-contact-phone', { value: r.contact?.phone ?? '' });
  const contactEmail = input('achievement-contact-email', { type: 'email', value: r.contact?.email ?? '' });
  const duplicates = h('div', { testid: 'duplicate-box' });
  const form = h('form.panel.record-form', {
    testid: 'achievement-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {
        institution: institution.value.trim(),
        title: title.value.trim(),
        summary: summary.value.trim(),
        advantages: advantages.value.trim() || null,
        keywords: words(keywords.value),
        fieldCode: field.value || null,
        trl: intOrNull(trl.value),
        ipForms: checkedValues(ipForms),
        patentNumbers: words(patents.value),
        transferModes: checkedValues(modes),
        askingPrice: { minCny: wanToCny(priceMin.value), maxCny: wanToCny(priceMax.value), negotiable: negotiable.checked },
        regionCode: region.value.trim(),
        inventors: words(inventors.value),
        contact: { name: contactName.value.trim(), phone: contactPhone.value.trim() || null, email: contactEmail.value.trim() || null },
      };
      if (editing) {
        await saveEdit(`/api/achievements/${encodeURIComponent(record.id)}`,
          { ...body, freeTrialLicence: record.freeTrialLicence ?? null, version: record.version }, form, onSaved);
        return;
      }
      await createChecked('/api/achievements', body, duplicates, 'achievement', onCreated, form);
    },
  },
  h('h2', {}, t(editing ? 'form.editAchievement' : 'form.newAchievement')),
  h('div.form-grid', {},
    labelled('rec.title', title, null, 'title'),
    labelled('rec.institution', institution, null, 'institution'),
    labelled('rec.summary', summary, null, 'summary'),
    labelled('rec.advantages', advantages, null, 'advantages'),
    labelled('rec.keywords', keywords, null, 'keywords'),
    labelled('rec.field', field, null, 'fieldCode'),
    labelled('rec.trl', trl, null, 'trl'),
    labelled('rec.ipForms', ipForms, null, 'ipForms'),
    labelled('rec.patents', patents, null, 'patentNumbers'),
    labelled('rec.modes', modes, null, 'transferModes'),
    labelled('form.priceMinWan', priceMin, null, 'askingPrice.minCny'),
    labelled('form.priceMaxWan', priceMax, null, 'askingPrice.maxCny'),
    h('label.check', { dataset: { field: 'askingPrice' } }, negotiable, t('common.negotiable')),
    regionField(region),
    labelled('rec.inventors', inventors, null, 'inventors'),
    labelled('form.contactName', contactName, null, 'contact.name'),
    labelled('form.contactPhone', contactPhone, null, 'contact.phone contact'),
    labelled('form.contactEmail', contactEmail, null, 'contact.email')),
  duplicates,
  h('div.form-actions', {},
    h('button.primary', { type: 'submit', testid: 'achievement-submit' }, t(editing ? 'form.saveChanges' : 'form.save')),
    onCancel ? h('button', { type: 'button', testid: 'achievement-cancel', onclick: onCancel }, t('common.cancel')) : null));
  return form;
}

/** Shows a form in place of a button, and the button again when the form is done. */
export function toggleForm(container, buttonKey, testid, makeForm) {
  const slot = h('div.form-slot');
  const button = h('button.primary', {
    type: 'button', testid,
    onclick: async () => {
      if (slot.firstChild) {
        clear(slot);
        return;
      }
      put(slot, await makeForm(() => clear(slot)));
    },
  }, t(buttonKey));
  put(container, button, slot);
  return { button, slot };
}
