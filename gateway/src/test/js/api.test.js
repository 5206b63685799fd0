// What the console tells the user about a refused request, and how it builds query strings.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage } from '../../main/resources/META-INF/resources/js/i18n.js';
import { ApiError, query, isProblem } from '../../main/resources/META-INF/resources/js/api.js';

afterEach(() => setLanguage('zh'));

test('a problem\'s detail comes first, else its title', () => {
  assert.deepEqual(new ApiError(400, { title: 'Bad Request', detail: '预算上限不能低于下限' }).lines, ['预算上限不能低于下限']);
  assert.deepEqual(new ApiError(400, { title: 'Bad Request' }).lines, ['Bad Request']);
  assert.equal(new ApiError(400, { detail: '预算上限不能低于下限' }).message, '预算上限不能低于下限');
});

test('without a problem body the status speaks, in the reader\'s language', () => {
  assert.deepEqual(new ApiError(0).lines, ['无法连接服务器，请稍后再试。']);
  assert.deepEqual(new ApiError(403, null).lines, ['您没有权限执行此操作。']);
  assert.deepEqual(new ApiError(404).lines, ['记录不存在或您无权查看。']);
  assert.deepEqual(new ApiError(409).lines, ['该记录已被他人修改，请刷新后重试。']);
  assert.deepEqual(new ApiError(500).lines, ['HTTP 500']);
  setLanguage('en');
  assert.deepEqual(new ApiError(403).lines, ['You may not do this.']);
  assert.deepEqual(new ApiError(409).lines, ['Someone else changed this record; refresh and try again.']);
});

test('each violated rule follows, by field; one that repeats the detail is left out', () => {
  const error = new ApiError(400, {
    detail: 'title: must not be blank',
    violations: [
      { field: 'title', message: 'title: must not be blank' },
      { field: 'budget.maxCny', message: '不能低于下限' },
      { in: 'query', message: 'size 最大为 100' },
      { rule: 'regionCode' },
    ],
  });
  assert.deepEqual(error.lines, ['title: must not be blank', 'budget.maxCny: 不能低于下限', 'query: size 最大为 100', 'regionCode']);
});

test('a possible duplicate names its candidates with their similarity', () => {
  const error = new ApiError(409, {
    type: 'https://techbridge.io/problems/possible-duplicate',
    detail: '可能与已有需求重复',
    context: { candidates: [{ id: 'd-1', title: '高能量密度电池', similarity: 0.934 }, { id: 'd-2' }] },
  });
  assert.deepEqual(error.lines, ['可能与已有需求重复', '高能量密度电池 (93%)', 'd-2']);
  assert.equal(isProblem(error, 'possible-duplicate'), true);
  assert.equal(isProblem(error, 'deadline-passed'), false);
});

test('isProblem is only true for a problem of that type', () => {
  assert.equal(isProblem(new Error('possible-duplicate'), 'possible-duplicate'), false);
  assert.equal(isProblem(new ApiError(409, {}), 'possible-duplicate'), false);
  assert.equal(isProblem(new ApiError(409, { type: 'https://techbridge.io/problems/possible-duplicate-title' }), 'possible-duplicate'), false);
  assert.equal(isProblem(new ApiError(409, { type: 'https://techbridge.io/problems/possible-duplicate' }), 'possible'), false);
});

test('query: empty values are left out, the rest encoded', () => {
  assert.equal(query({ status: 'PROPOSED', field: '', minScore: null, page: 0, size: undefined }), '?status=PROPOSED&page=0');
  assert.equal(query({ q: '锂电池 回收&再利用' }), '?q=%E9%94%82%E7%94%B5%E6%B1%A0+%E5%9B%9E%E6%94%B6%26%E5%86%8D%E5%88%A9%E7%94%A8');
  assert.equal(query({ includeWeak: false }), '?includeWeak=false', 'false is a value');
  assert.equal(query({}), '');
  assert.equal(query(undefined), '');
});
