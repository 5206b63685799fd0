// Why a pair scores as it does, in the reader's language: each factor's reason arrives as a code
// with parameters ({code: "FIELD_SAME", field: "04.02"}) and is rendered with explain.<CODE>. No DOM here.
import { t, label, language, has } from './i18n.js';
import { money, percent, number } from './format.js';
import { fieldName, regionName } from './names.js';

const listSeparator = () => (language() === 'en' ? ', ' : '、');

function listOf(values, name = (v) => v) {
  return (Array.isArray(values) ? values : values == null ? [] : [values]).map(name).join(listSeparator());
}

/** One parameter of a factor's reason as a reader reads it: names for codes, 万元 for money, and so on. */
function reasonParam(code, name, value) {
  if (value === null || value === undefined) return t('common.none');
  if (name === 'similarity' || name.endsWith('Neighbours')) return number(value, 2);
  if (name === 'coverage') return percent(value, 0);
  if (name === 'terms') return listOf(value);
  if (name === 'priceMin' || name === 'budgetMax') return money(value);
  if (name === 'years') return number(value, Number.isInteger(Number(value)) ? 0 : 1);
  if (code.startsWith('FIELD_')) return fieldName(value);
  if (code.startsWith('MODES_')) return listOf(value, (m) => label('mode', m));
  if (code.startsWith('REGION_')) return regionName(value);
  return Array.isArray(value) ? listOf(value) : String(value);
}

/**
 * Why a factor has its value, in the reader's language: the reason is data ({code, …params});
 * an explanation stored before reasons were codes carries {code: "TEXT", text} (or, older still,
 * the sentence itself); a code this console does not know is shown as it is.
 */
export function reasonText(reason) {
  if (reason === null || reason === undefined || reason === '') return '';
  if (typeof reason !== 'object') return String(reason);
  const { code, ...params } = reason;
  if (code === 'TEXT') return params.text ?? '';
  if (!code || !has(`explain.${code}`)) return String(code ?? '');
  const shown = {};
  for (const [name, value] of Object.entries(params)) shown[name] = reasonParam(code, name, value);
  return t(`explain.${code}`, shown);
}

/**
 * The value a factor's bar shows. The semantic factor's is the pair's semantic similarity, so
 * the headline similarity and its bar always agree.
 */
export function factorValue(factor, explanation) {
  const value = factor.name === 'semantic' && explanation?.semanticSimilarity != null
    ? explanation.semanticSimilarity : factor.value;
  return Math.max(0, Math.min(1, Number(value) || 0));
}
