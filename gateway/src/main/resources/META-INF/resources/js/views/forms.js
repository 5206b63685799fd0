// Create forms for a demand (optionally an open challenge, 揭榜挂帅) and an achievement. A possible
// duplicate (409) shows its candidates first; the user may look at them or save anyway.
import { t, label, language } from '../i18n.js';
import { h, put, clear } from '../dom.js';
import { percent } from '../format.js';
import { post, currentUser, isProblem, ApiError } from '../api.js';
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

/** A labelled input; the control's testid and id are the same. */
export function labelled(key, control, hint) {
  return h('label.form-field', {}, h('span', {}, t(key)), control, hint ? h('small.muted', {}, hint) : null);
}

/** The region code input with the known codes to pick from and the name of the code typed. */
function regionField(region) {
  const listId = `${region.id}-options`;
  const name = h('small.muted', { testid: `${region.id}-name` });
  const show = () => {
    const code = region.value.trim();
    name.textContent = /^\d{6}$/.test(code) && regionName(code) !== code ? regionName(code) : '';
  };
  region.setAttribute('list', listId);
  region.addEventListener('input', show);
  show();
  return h('label.form-field', {}, h('span', {}, t('form.regionCode')), region, regionOptions(listId), name);
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
  const { byField, others } = violationsByField(error.problem, blocks.map((block) => block.dataset.field));
  for (const block of blocks) {
    const texts = byField[block.dataset.field];
    if (!texts) continue;
    const id = `${form.dataset.testid ?? 'form'}-${block.dataset.field}-violation`;
    block.classList.add('invalid');
    block.querySelectorAll('input, select, textarea').forEach((control) => {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', id);
    });
    block.append(h('small.field-violation', { id, testid: `violation-${block.dataset.field}` }, texts.join(language() === 'en' ? '; ' : '；')));
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
 * "save anyway" button that repeats the request with ?duplicates=confirmed. Resolves to the
 * created record, or null while the user decides.
 */
export async function createChecked(path, body, box, kind, onCreated) {
  const send = async (confirmed) => {
    try {
      const created = await post(path, body, confirmed ? { duplicates: 'confirmed' } : undefined);
      clear(box);
      onCreated(created);
    } catch (e) {
      if (!confirmed && isProblem(e, 'possible-duplicate')) {
        showCandidates(box, e, kind, () => send(true));
        return;
      }
      notify(e);
    }
  };
  await send(false);
}

function showCandidates(box, error, kind, saveAnyway) {
  const candidates = error.problem?.context?.candidates ?? [];
  clear(box).append(h('section.panel.duplicates', { testid: 'duplicate-candidates', role: 'alert' },
    h('h3', {}, t('dup.title')),
    h('p', {}, error.problem?.detail ?? t('dup.lead')),
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

/**
 * The demand form; with {@code challenge} the challenge block (goal, indicators, bounty,
 * deadlines) is part of it from the start, otherwise behind a checkbox.
 */
export async function demandForm({ challenge = false, onCreated }) {
  const all = await loadFields();
  const user = currentUser() ?? {};
  const title = input('demand-title', { required: true, maxlength: 200 });
  const enterprise = input('demand-enterprise', { required: true, maxlength: 200, value: user.organisationName ?? '' });
  const problem = textarea('demand-problem', { required: true, maxlength: 4000, rows: 5 });
  const indicators = textarea('demand-indicators', { maxlength: 2000 });
  const field = fieldOptions('demand-field', all);
  const keywords = input('demand-keywords', { required: true, placeholder: t('form.keywordsHint') });
  const budgetMin = input('demand-budget-min', { type: 'number', min: 0, step: 'any' });
  const budgetMax = input('demand-budget-max', { type: 'number', min: 0, step: 'any' });
  const negotiable = h('input#demand-negotiable', { type: 'checkbox', testid: 'demand-negotiable' });
  const validUntil = input('demand-valid-until', { type: 'date', required: true, value: daysFromNow(180) });
  const region = input('demand-region', { required: true, pattern: '\\d{6}', placeholder: '330100' });
  const modes = checkboxes('demand-modes', MODES, 'mode', ['JOINT_DEVELOPMENT']);
  const minTrl = input('demand-min-trl', { type: 'number', min: 1, max: 9 });
  const confidentiality = h('select#demand-confidentiality', { testid: 'demand-confidentiality' },
    ['PUBLIC', 'BROKERS_ONLY'].map((c) => h('option', { value: c }, label('conf', c))));
  const contactName = input('demand-contact-name', { required: true, maxlength: 50, value: user.displayName ?? '' });
  const contactPhone = input('demand-contact-phone', { placeholder: '0571-87654321' });
  const contactEmail = input('demand-contact-email', { type: 'email' });

  const isChallenge = h('input#demand-is-challenge', { type: 'checkbox', testid: 'demand-is-challenge', checked: challenge });
  const goal = textarea('challenge-goal', { maxlength: 2000 });
  const challengeIndicators = textarea('challenge-indicators', { maxlength: 2000, placeholder: t('form.indicatorsHint') });
  const bounty = input('challenge-bounty', { type: 'number', min: 0, step: 'any' });
  const applicationDeadline = input('challenge-application-deadline', { type: 'date', value: daysFromNow(30) });
  const judgingDeadline = input('challenge-judging-deadline', { type: 'date', value: daysFromNow(60) });
  const challengeBlock = h('fieldset.form-grid', { testid: 'challenge-block', hidden: !challenge },
    h('legend', {}, t('rec.challenge')),
    labelled('challenge.goal', goal),
    labelled('challenge.indicators', challengeIndicators),
    labelled('challenge.bountyWan', bounty),
    labelled('challenge.applicationDeadline', applicationDeadline),
    labelled('challenge.judgingDeadline', judgingDeadline));
  isChallenge.addEventListener('change', () => {
    challengeBlock.hidden = !isChallenge.checked;
  });
  const duplicates = h('div', { testid: 'duplicate-box' });

  const form = h('form.panel.record-form', {
    testid: 'demand-form',
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
        challenge: isChallenge.checked ? {
          goal: goal.value.trim(),
          indicators: challengeIndicators.value.trim() || null,
          bountyCny: wanToCny(bounty.value),
          applicationDeadline: applicationDeadline.value || null,
          judgingDeadline: judgingDeadline.value || null,
        } : null,
      };
      await createChecked('/api/demands', body, duplicates, 'demand', onCreated);
    },
  },
  h('h2', {}, t(challenge ? 'challenge.publishTitle' : 'form.newDemand')),
  h('div.form-grid', {},
    labelled('rec.title', title),
    labelled('rec.enterprise', enterprise),
    labelled('rec.problem', problem),
    labelled('rec.indicators', indicators),
    labelled('rec.field', field),
    labelled('rec.keywords', keywords),
    labelled('form.budgetMinWan', budgetMin),
    labelled('form.budgetMaxWan', budgetMax),
    h('label.check', {}, negotiable, t('common.negotiable')),
    labelled('rec.validUntil', validUntil),
    regionField(region),
    labelled('rec.cooperation', modes),
    labelled('rec.minTrl', minTrl),
    labelled('rec.confidentiality', confidentiality),
    labelled('form.contactName', contactName),
    labelled('form.contactPhone', contactPhone),
    labelled('form.contactEmail', contactEmail)),
  challenge ? null : h('label.check', {}, isChallenge, t('form.asChallenge')),
  challengeBlock,
  duplicates,
  h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'demand-submit' }, t(challenge ? 'challenge.publish' : 'form.save'))));
  return form;
}

/** The achievement form of a university: saved as a draft of its organisation. */
export async function achievementForm({ onCreated }) {
  const all = await loadFields();
  const user = currentUser() ?? {};
  const title = input('achievement-title', { required: true, maxlength: 200 });
  const institution = input('achievement-institution', { required: true, maxlength: 200, value: user.organisationName ?? '' });
  const summary = textarea('achievement-summary', { required: true, maxlength: 4000, rows: 5 });
  const advantages = textarea('achievement-advantages', { maxlength: 2000 });
  const keywords = input('achievement-keywords', { required: true, placeholder: t('form.keywordsHint') });
  const field = fieldOptions('achievement-field', all);
  const trl = input('achievement-trl', { type: 'number', min: 1, max: 9, required: true, value: 5 });
  const ipForms = checkboxes('achievement-ip', IP_FORMS, 'ip');
  const patents = input('achievement-patents', { placeholder: 'ZL202110345678.2' });
  const modes = checkboxes('achievement-modes', MODES, 'mode', ['LICENSE']);
  const priceMin = input('achievement-price-min', { type: 'number', min: 0, step: 'any' });
  const priceMax = input('achievement-price-max', { type: 'number', min: 0, step: 'any' });
  const negotiable = h('input#achievement-negotiable', { type: 'checkbox', testid: 'achievement-negotiable' });
  const region = input('achievement-region', { required: true, pattern: '\\d{6}', placeholder: '330100' });
  const inventors = input('achievement-inventors');
  const contactName = input('achievement-contact-name', { required: true, maxlength: 50, value: user.displayName ?? '' });
  const contactPhone = input('achievement-contact-phone');
  const contactEmail = input('achievement-contact-email', { type: 'email' });
  const duplicates = h('div', { testid: 'duplicate-box' });
  return h('form.panel.record-form', {
    testid: 'achievement-form',
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
      await createChecked('/api/achievements', body, duplicates, 'achievement', onCreated);
    },
  },
  h('h2', {}, t('form.newAchievement')),
  h('div.form-grid', {},
    labelled('rec.title', title),
    labelled('rec.institution', institution),
    labelled('rec.summary', summary),
    labelled('rec.advantages', advantages),
    labelled('rec.keywords', keywords),
    labelled('rec.field', field),
    labelled('rec.trl', trl),
    labelled('rec.ipForms', ipForms),
    labelled('rec.patents', patents),
    labelled('rec.modes', modes),
    labelled('form.priceMinWan', priceMin),
    labelled('form.priceMaxWan', priceMax),
    h('label.check', {}, negotiable, t('common.negotiable')),
    regionField(region),
    labelled('rec.inventors', inventors),
    labelled('form.contactName', contactName),
    labelled('form.contactPhone', contactPhone),
    labelled('form.contactEmail', contactEmail)),
  duplicates,
  h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'achievement-submit' }, t('form.save'))));
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
