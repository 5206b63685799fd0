// The names of technical-field and region codes. views/common.js fills the tables once from the
// gateway; until then, or if that fails, a code stands for itself. No DOM here.
import { t, language } from './i18n.js';

let fieldNames = new Map();
let regionNames = new Map();

/** The taxonomy, [{code, nameZh, nameEn}], as fieldName() reads it. */
export function setFieldNames(all) {
  fieldNames = new Map(all.map((f) => [f.code, f]));
}

/** The region names, {"330100": "杭州市", …}, as regionName() reads them. */
export function setRegionNames(names) {
  regionNames = new Map(Object.entries(names ?? {}));
}

export function hasRegionNames() {
  return regionNames.size > 0;
}

/** Every known region as [code, name], in the order the gateway sent them (by code). */
export function regionEntries() {
  return [...regionNames];
}

export function fieldName(code) {
  if (!code) return t('common.none');
  const f = fieldNames.get(code);
  if (!f) return code;
  return language() === 'en' ? f.nameEn : f.nameZh;
}

/**
 * The name of a six-digit region code: the division itself, else its prefecture-level city
 * (xxxx00), else its province (xx0000); the code itself when none is known.
 */
export function regionName(code) {
  if (!code) return t('common.none');
  const value = String(code);
  return regionNames.get(value)
    ?? (value.length === 6 ? regionNames.get(`${value.slice(0, 4)}00`) ?? regionNames.get(`${value.slice(0, 2)}0000`) : null)
    ?? value;
}
