// Field and region names: a code stands for itself until the names arrive; a county falls back
// to its city, then its province.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage } from '../../main/resources/META-INF/resources/js/i18n.js';
import {
  setFieldNames, setRegionNames, hasRegionNames, regionEntries, fieldName, regionName,
} from '../../main/resources/META-INF/resources/js/names.js';

afterEach(() => setLanguage('zh'));

test('before the names arrive a code is shown as it is, no code as a dash', () => {
  assert.equal(hasRegionNames(), false);
  assert.deepEqual(regionEntries(), []);
  assert.equal(regionName('330106'), '330106');
  assert.equal(fieldName('04.02'), '04.02');
  assert.equal(fieldName(null), '—');
  assert.equal(fieldName(''), '—');
  assert.equal(regionName(null), '—');
  assert.equal(regionName(''), '—');
});

const FIELDS = [
  { code: '04', nameZh: '新能源与节能', nameEn: 'New energy and energy saving' },
  { code: '04.02', nameZh: '储能与动力电池', nameEn: 'Energy storage and power batteries' },
];

test('field names in the reader\'s language; an unknown code stays a code', () => {
  setFieldNames(FIELDS);
  assert.equal(fieldName('04.02'), '储能与动力电池');
  assert.equal(fieldName('04'), '新能源与节能');
  assert.equal(fieldName('99.99'), '99.99');
  setLanguage('en');
  assert.equal(fieldName('04.02'), 'Energy storage and power batteries');
  assert.equal(fieldName('99.99'), '99.99');
});

test('setting the fields again replaces the table', () => {
  setFieldNames(FIELDS);
  setFieldNames([{ code: '01', nameZh: '电子信息', nameEn: 'Electronic information' }]);
  assert.equal(fieldName('01'), '电子信息');
  assert.equal(fieldName('04.02'), '04.02');
});

const REGIONS = { 110000: '北京市', 330000: '浙江省', 330100: '杭州市', 330200: '宁波市', 330106: '西湖区' };

test('region names: the division itself, else its city, else its province, else the code', () => {
  setRegionNames(REGIONS);
  assert.equal(hasRegionNames(), true);
  assert.equal(regionName('330106'), '西湖区');
  assert.equal(regionName('330108'), '杭州市', 'a county not listed is named after its city');
  assert.equal(regionName('330381'), '浙江省', 'a city not listed either: its province');
  assert.equal(regionName('110105'), '北京市');
  assert.equal(regionName('990101'), '990101', 'an unknown province');
  assert.equal(regionName(330100), '杭州市', 'a code sent as a number');
  assert.equal(regionName('3301'), '3301', 'only six-digit codes fall back');
});

test('region names read the same in English (they are proper names)', () => {
  setRegionNames(REGIONS);
  setLanguage('en');
  assert.equal(regionName('330100'), '杭州市');
});

test('the region list keeps the gateway\'s order by code', () => {
  setRegionNames(REGIONS);
  assert.deepEqual(regionEntries().map(([code]) => code), ['110000', '330000', '330100', '330106', '330200']);
  assert.deepEqual(regionEntries()[2], ['330100', '杭州市']);
});

test('no region names at all leaves the codes', () => {
  setRegionNames(null);
  assert.equal(hasRegionNames(), false);
  assert.equal(regionName('330106'), '330106');
});
