// 死信 on the operations page: what consumers could not read or apply, set aside on <topic>.dlq.
// The count per topic, a topic's messages newest first (reason, where each came from, when, replayed
// or not), one message in full (its value as formatted JSON when it is JSON), and replaying one (with
// a confirmation) or every one never replayed. matching-service answers /api/admin/dead-letters.
import { t } from '../i18n.js';
import { h, put, clear, emptyState } from '../dom.js';
import { number, dateTime } from '../format.js';
import { get, post } from '../api.js';
import { notify } from '../notify.js';
import { pager } from './common.js';

const BASE = '/api/admin/dead-letters';
const PAGE_SIZE = 20;

// --- pure parts (tested under node) --------------------------------------------------

/** A value as shown: formatted JSON when it parses as a JSON object or array, else the text as it is. */
export function formatValue(value) {
  if (value === null || value === undefined) return { json: false, text: '' };
  const text = String(value);
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { json: true, text: JSON.stringify(JSON.parse(trimmed), null, 2) };
    } catch {
      // not JSON after all: shown as sent
    }
  }
  return { json: false, text };
}

/** Where a message was consumed from: "achievement-events [0] @ 41", or a dash when the headers don't say. */
export function sourceText(message) {
  if (!message?.sourceTopic) return '—';
  const known = (value) => value !== null && value !== undefined;
  const partition = known(message.sourcePartition) ? ` [${message.sourcePartition}]` : '';
  const offset = known(message.sourceOffset) ? ` @ ${message.sourceOffset}` : '';
  return `${message.sourceTopic}${partition}${offset}`;
}

/** The API path of one message, each part encoded. */
export function messagePath(message) {
  return `${BASE}/${encodeURIComponent(message.topic)}/${encodeURIComponent(message.partition)}/${encodeURIComponent(message.offset)}`;
}

/** Topics with messages never replayed first, then by how many they hold, then by name. */
export function topicsInOrder(topics) {
  return [...(topics ?? [])].sort((a, b) => (b.notReplayed - a.notReplayed) || (b.total - a.total)
    || String(a.topic).localeCompare(String(b.topic)));
}

// --- the section -----------------------------------------------------------------------

/** Builds the 死信 section; it loads itself and redraws in place. */
export function deadLettersSection({ isCurrent = () => true } = {}) {
  const section = h('section.panel.dead-letters', { testid: 'dead-letters' });
  const summary = h('div.dlq-topics', { testid: 'dlq-topics' });
  const messages = h('div.dlq-messages', { testid: 'dlq-messages' });
  const state = { topic: null, page: 0 };

  put(section,
    h('header.panel-head.dlq-head', {}, h('h2', {}, t('dlq.title')),
      h('button.small', { type: 'button', testid: 'dlq-refresh', onclick: () => refresh() }, t('dlq.refresh'))),
    h('p.muted', {}, t('dlq.lead')),
    summary,
    messages);

  async function refresh() {
    await showTopics();
    if (state.topic) await showMessages(state.topic, state.page);
  }

  async function showTopics() {
    let answer;
    try {
      answer = await get(BASE);
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    clear(summary).append(h('ul.dlq-topic-list', {}, topicsInOrder(answer.topics).map(topicItem)));
  }

  function topicItem(topic) {
    return h('li.dlq-topic', { testid: 'dlq-topic', dataset: { topic: topic.topic, notReplayed: String(topic.notReplayed) } },
      h('button.dlq-topic-name', {
        type: 'button', testid: 'dlq-topic-open', disabled: topic.total === 0,
        'aria-pressed': state.topic === topic.topic ? 'true' : 'false',
        onclick: () => showMessages(topic.topic, 0),
      }, topic.topic),
      h('span.dlq-counts', {},
        h(`span.badge.${topic.notReplayed > 0 ? 'dlq-waiting' : 'dlq-clear'}`, { testid: 'dlq-not-replayed' },
          t('dlq.notReplayed', { n: number(topic.notReplayed) })),
        h('small.muted', {}, t('dlq.total', { n: number(topic.total) }))),
      topic.notReplayed > 0
        ? h('button.small', { type: 'button', testid: 'dlq-replay-all', onclick: () => replayAll(topic) }, t('dlq.replayAll'))
        : null);
  }

  async function replayAll(topic) {
    if (!window.confirm(t('dlq.replayAllConfirm', { n: number(topic.notReplayed), topic: topic.topic }))) return;
    try {
      const done = await post(`${BASE}/${encodeURIComponent(topic.topic)}/replay`, {});
      notify(t('dlq.replayedAll', { n: number(done.replayed), topic: topic.topic }), 'notice');
    } catch (e) {
      notify(e);
    }
    await refresh();
  }

  async function replayOne(message) {
    const again = Boolean(message.replayed);
    if (!window.confirm(t(again ? 'dlq.replayAgainConfirm' : 'dlq.replayConfirm', { topic: message.sourceTopic ?? message.topic }))) return null;
    try {
      const replayed = await post(`${messagePath(message)}/replay`, {}, again ? { again: true } : undefined);
      notify(t('dlq.replayed', { offset: replayed.replays?.[0]?.sourceOffset ?? '—' }), 'notice');
      await refresh();
      return replayed;
    } catch (e) {
      notify(e);
      return null;
    }
  }

  async function showMessages(topic, page) {
    let answer;
    try {
      answer = await get(`${BASE}/${encodeURIComponent(topic)}`, { page, size: PAGE_SIZE });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    state.topic = topic;
    state.page = page;
    summary.querySelectorAll('[data-testid=dlq-topic-open]').forEach((b) => b.setAttribute('aria-pressed',
      b.textContent === topic ? 'true' : 'false'));
    clear(messages).append(h('h3.dlq-subtitle', {}, t('dlq.messagesOf', { topic })));
    if (!answer.items.length) {
      messages.append(emptyState(t('dlq.none')));
      return;
    }
    messages.append(h('ul.dlq-list', { testid: 'dlq-list' }, answer.items.map((m) => messageItem(m))),
      pager(answer, (p) => showMessages(topic, p)));
  }

  function messageItem(m) {
    const detail = h('div.dlq-detail', { hidden: true });
    const item = h('li.dlq-item', { testid: 'dlq-message', dataset: { partition: String(m.partition), offset: String(m.offset), replayed: String(m.replayed) } },
      h('div.dlq-item-head', {},
        h(`span.badge.${m.replayed ? 'dlq-clear' : 'dlq-waiting'}`, { testid: 'dlq-state' }, t(m.replayed ? 'dlq.stateReplayed' : 'dlq.stateWaiting')),
        h('span.dlq-when', {}, m.timestamp ? dateTime(m.timestamp, { seconds: true }) : '—'),
        h('small.muted.dlq-address', {}, `[${m.partition}] @ ${m.offset}`)),
      h('div.dlq-reason', { testid: 'dlq-reason' }, m.reason ?? t('dlq.noReason')),
      h('dl.facts.dlq-facts', {},
        h('dt', {}, t('dlq.source')), h('dd', {}, sourceText(m)),
        h('dt', {}, t('dlq.key')), h('dd.mono', {}, m.key ?? '—'),
        m.replayed ? [h('dt', {}, t('dlq.replayedBy')), h('dd', {}, `${m.replayedBy ?? '—'} · ${dateTime(m.replayedAt)}`)] : null),
      h('div.dlq-actions', {},
        h('button.small', {
          type: 'button', testid: 'dlq-show',
          onclick: async () => {
            if (!detail.hidden) {
              detail.hidden = true;
              return;
            }
            try {
              showDetail(detail, await get(messagePath(m)));
              detail.hidden = false;
            } catch (e) {
              notify(e);
            }
          },
        }, t('dlq.show')),
        h('button.small', { type: 'button', testid: 'dlq-replay', onclick: () => replayOne(m) },
          t(m.replayed ? 'dlq.replayAgain' : 'dlq.replay'))),
      detail);
    return item;
  }

  function showDetail(box, m) {
    const value = formatValue(m.value);
    const headers = Object.entries(m.headers ?? {});
    put(clear(box),
      h('dl.facts.dlq-facts', {},
        h('dt', {}, t('dlq.size')), h('dd', {}, t('dlq.bytes', { n: number(m.valueBytes) })),
        headers.length ? [h('dt', {}, t('dlq.headers')), h('dd.mono', {}, headers.map(([k, v]) => `${k}: ${v}`).join('\n'))] : null),
      h('p.muted', {}, t(value.json ? 'dlq.valueJson' : 'dlq.valueText')),
      h('pre.json.dlq-value', { testid: 'dlq-value' }, value.text || '—'),
      m.replays?.length ? h('ul.dlq-replays', { testid: 'dlq-replays' }, m.replays.map((r) => h('li', {},
        t('dlq.replayLine', { when: dateTime(r.replayedAt, { seconds: true }), who: r.replayedBy, topic: r.sourceTopic,
          partition: r.sourcePartition, offset: r.sourceOffset })))) : null);
  }

  showTopics();
  return section;
}
