// A factor's reason, sent as a code with parameters, rendered in Chinese and English.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage } from '../../main/resources/META-INF/resources/js/i18n.js';
import { setFieldNames, setRegionNames } from '../../main/resources/META-INF/resources/js/names.js';
import { reasonText, factorValue } from '../../main/resources/META-INF/resources/js/reasons.js';

before(() => {
  setFieldNames([
    { code: '04.02', nameZh: '储能与动力电池', nameEn: 'Energy storage and power batteries' },
    { code: '04.03', nameZh: '智能电网', nameEn: 'Smart grids' },
  ]);
  setRegionNames({ 330000: '浙江省', 330100: '杭州市', 320000: '江苏省', 320500: '苏州市' });
});

afterEach(() => setLanguage('zh'));

test('no reason is no text; an old sentence is shown as it is', () => {
  assert.equal(reasonText(null), '');
  assert.equal(reasonText(undefined), '');
  assert.equal(reasonText(''), '');
  assert.equal(reasonText('领域相同'), '领域相同');
  assert.equal(reasonText(42), '42');
});

test('a stored TEXT reason shows its text, in either language', () => {
  assert.equal(reasonText({ code: 'TEXT', text: '旧版说明' }), '旧版说明');
  assert.equal(reasonText({ code: 'TEXT' }), '');
  setLanguage('en');
  assert.equal(reasonText({ code: 'TEXT', text: '旧版说明' }), '旧版说明');
});

test('an unknown code is shown as the code; a reason without one as nothing', () => {
  assert.equal(reasonText({ code: 'NEW_FACTOR_REASON', value: 3 }), 'NEW_FACTOR_REASON');
  assert.equal(reasonText({ value: 3 }), '');
  setLanguage('en');
  assert.equal(reasonText({ code: 'NEW_FACTOR_REASON' }), 'NEW_FACTOR_REASON');
});

test('field codes by their names', () => {
  assert.equal(reasonText({ code: 'FIELD_SAME', field: '04.02' }), '技术领域相同：储能与动力电池');
  assert.equal(reasonText({ code: 'FIELD_RELATED', offered: '04.02', wanted: '04.03' }), '相关领域：成果属储能与动力电池，需求属智能电网');
  assert.equal(reasonText({ code: 'FIELD_OTHER', offered: '04.02', wanted: '08.01' }), '领域不同：成果属储能与动力电池，需求属08.01',
    'a field without a name keeps its code');
  setLanguage('en');
  assert.equal(reasonText({ code: 'FIELD_SAME', field: '04.02' }), 'Same field: Energy storage and power batteries');
});

test('money in 万元 in Chinese and ¥ in English', () => {
  const reason = { code: 'PRICE_WITHIN_BUDGET', priceMin: 500_000, budgetMax: 2_000_000 };
  assert.equal(reasonText(reason), '成果起价 50 万元，在预算上限 200 万元以内');
  setLanguage('en');
  assert.equal(reasonText(reason), 'Price from ¥500,000, within the budget of up to ¥2,000,000');
});

test('regions by name', () => {
  assert.equal(reasonText({ code: 'REGION_SAME_CITY', region: '330100' }), '同在杭州市');
  assert.equal(reasonText({ code: 'REGION_OTHER_PROVINCE', offered: '330106', wanted: '320583' }), '不同省份：成果在杭州市，需求在苏州市');
  setLanguage('en');
  assert.equal(reasonText({ code: 'REGION_SAME_PROVINCE', region: '330000' }), 'Same province (浙江省), different cities');
});

test('terms listed with 、 in Chinese and commas in English, coverage as a share', () => {
  const reason = { code: 'TERMS_SHARED', terms: ['锂电池', '电池管理'], coverage: 0.666 };
  assert.equal(reasonText(reason), '共有关键词：锂电池、电池管理（覆盖需求要点 67%）');
  setLanguage('en');
  assert.equal(reasonText(reason), 'Shared terms: 锂电池, 电池管理 (67% of the demand\'s key points)');
});

test('cooperation modes by their labels', () => {
  const reason = { code: 'MODES_COMMON', modes: ['LICENSE', 'ASSIGNMENT'] };
  assert.equal(reasonText(reason), '双方都接受：许可、转让');
  setLanguage('en');
  assert.match(reasonText(reason), /^Both accept: \S.*, \S/);
  assert.doesNotMatch(reasonText(reason), /LICENSE|ASSIGNMENT/);
});

test('numbers: similarity to two places, TRL as given, years whole or to one place', () => {
  assert.equal(reasonText({ code: 'TEXT_SIMILARITY', similarity: 0.8765 }), '文本语义相似度 0.88');
  assert.equal(reasonText({ code: 'TEXT_SIMILARITY_NEIGHBOURS', similarity: 0.8765, demandNeighbours: 0.71, achievementNeighbours: 0.6 }),
    '文本语义相似度 0.88；该需求与最接近的成果通常为 0.71，该成果与最接近的需求通常为 0.60');
  assert.equal(reasonText({ code: 'TRL_BELOW', have: 4, wanted: 6, gap: 2 }), '成果成熟度 4 级，低于需求要求的 6 级（差 2 级）');
  assert.equal(reasonText({ code: 'UPDATED_YEARS_AGO', years: 3 }), '成果已 3 年未更新');
  assert.equal(reasonText({ code: 'UPDATED_YEARS_AGO', years: 2.46 }), '成果已 2.5 年未更新');
  setLanguage('en');
  assert.equal(reasonText({ code: 'TRL_MEETS', have: 7, wanted: 5 }), 'Achievement at TRL 7, meets the minimum of TRL 5');
});

test('a parameter without a value is a dash, a missing one stays a placeholder', () => {
  assert.equal(reasonText({ code: 'FIELD_SAME', field: null }), '技术领域相同：—');
  assert.equal(reasonText({ code: 'FIELD_SAME' }), '技术领域相同：{field}');
});

test('factorValue: the semantic factor shows the pair\'s similarity, others their own value', () => {
  const explanation = { semanticSimilarity: 0.72 };
  assert.equal(factorValue({ name: 'semantic', value: 0.4 }, explanation), 0.72);
  assert.equal(factorValue({ name: 'semantic', value: 0.4 }, { semanticSimilarity: null }), 0.4);
  assert.equal(factorValue({ name: 'semantic', value: 0.4 }, undefined), 0.4);
  assert.equal(factorValue({ name: 'field', value: 0.5 }, explanation), 0.5);
});

test('factorValue: kept between 0 and 1, nothing is 0', () => {
  assert.equal(factorValue({ name: 'price', value: 1.7 }), 1);
  assert.equal(factorValue({ name: 'price', value: -0.2 }), 0);
  assert.equal(factorValue({ name: 'price', value: null }), 0);
  assert.equal(factorValue({ name: 'price', value: 'x' }), 0);
  assert.equal(factorValue({ name: 'semantic', value: 0.3 }, { semanticSimilarity: 1.2 }), 1);
});
