// The notifications page's pure parts: each type matching-service can notify of has its words in
// both languages, a notification reads as a line naming its records and leads to their page, and
// the preferences form sends what the API takes.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage, has } from '../../main/resources/META-INF/resources/js/i18n.js';
import { STRINGS } from '../../main/resources/META-INF/resources/js/views/notifications-strings.js';
import {
  notificationText, notificationLink, preferencesBody, NOTIFIED_ROLES,
} from '../../main/resources/META-INF/resources/js/views/notifications.js';

afterEach(() => setLanguage('zh'));

const TYPES = ['pair.approved', 'introduction.waiting', 'invitation.issued', 'challenge.phase-changed', 'import.finished',
  'saved-search.new-matches'];

test('both languages have the same labels, and every notification type a name and a sentence', () => {
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.zh).sort());
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const type of TYPES) {
      assert.ok(has(`notificationType.${type}`), `${lang} names ${type}`);
      assert.ok(has(`notification.${type}`), `${lang} says ${type}`);
    }
  }
});

test('a notification names its records by title, a hidden demand as the service anonymised it', () => {
  const approved = {
    type: 'pair.approved',
    data: { matchId: 'm1', achievementTitle: '风电叶片修复', demandTitle: '保密需求（可再生清洁能源）', demandId: 'd1' },
  };
  assert.equal(notificationText(approved), '对接已审核通过：风电叶片修复 ↔ 保密需求（可再生清洁能源）');
  setLanguage('en');
  assert.equal(notificationText({ type: 'import.finished', data: { rowsImported: 41, rowsFailed: 2 } }),
    'Import finished: 41 rows imported, 2 failed');
  assert.equal(notificationText({ type: 'challenge.phase-changed', data: { demandId: 'd9', phase: 'JUDGING' } }),
    'Open challenge “d9” is now being judged', 'without a title the id stands in');
});

test('each notification leads to the page of what it names', () => {
  assert.equal(notificationLink({ type: 'pair.approved', data: { matchId: 'm1' } }), '#/pair/m1');
  assert.equal(notificationLink({ type: 'introduction.waiting', data: { matchId: 'm2' } }), '#/pair/m2');
  assert.equal(notificationLink({ type: 'invitation.issued', data: { demandId: 'd1' } }), '#/challenge/d1');
  assert.equal(notificationLink({ type: 'challenge.phase-changed', data: { demandId: 'd2' } }), '#/challenge/d2');
  assert.equal(notificationLink({ type: 'import.finished', data: { jobId: 'j' } }), '#/imports');
  assert.equal(notificationLink({ type: 'saved-search.new-matches', data: { records: [{ type: 'achievement', id: 'a1' }] } }),
    '#/record/achievement/a1');
  assert.equal(notificationLink({ type: 'saved-search.new-matches', data: { records: [] } }), '#/saved-searches');
});

test('the preferences form sends the chosen types in the service\'s order and no empty address', () => {
  const types = ['pair.approved', 'import.finished', 'saved-search.new-matches'];
  assert.deepEqual(preferencesBody(types, { console: ['import.finished', 'pair.approved'], email: [] }, '  '),
    { console: ['pair.approved', 'import.finished'], email: [], emailAddress: null });
  assert.deepEqual(preferencesBody(types, { console: [], email: ['saved-search.new-matches'] }, ' tto@example.edu.cn '),
    { console: [], email: ['saved-search.new-matches'], emailAddress: 'tto@example.edu.cn' });
  assert.deepEqual(NOTIFIED_ROLES, ['university', 'enterprise']);
});
