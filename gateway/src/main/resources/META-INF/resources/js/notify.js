// Messages above the view: an error (an ApiError's detail and violations) or a notice.
import { ApiError } from './api.js';
import { h, clear } from './dom.js';

/** Shows an error (an ApiError's detail and violations) or a notice above the view. */
export function notify(messageOrError, kind = 'error') {
  const box = document.getElementById('messages');
  // A success replaces whatever was said before, errors included: it is the latest word.
  if (kind !== 'error') clear(box);
  const lines = messageOrError instanceof ApiError ? messageOrError.lines
    : messageOrError instanceof Error ? [messageOrError.message] : [String(messageOrError)];
  // The same words again (a form sent twice, say) are not stacked: the earlier one goes.
  const text = lines.join('\n');
  [...box.children].filter((old) => old.dataset.text === text).forEach((old) => old.remove());
  const item = h(`div.message.message-${kind}`, { testid: kind === 'error' ? 'error' : 'notice', role: kind === 'error' ? 'alert' : 'status' },
    h('div.message-body', {}, lines.map((line, i) => (i === 0 ? h('strong', {}, line) : h('div.violation', { testid: 'violation' }, line)))),
    h('button.message-close', { type: 'button', 'aria-label': 'close', onclick: () => item.remove() }, '×'));
  item.dataset.text = text;
  box.append(item);
  if (kind !== 'error') setTimeout(() => item.remove(), 6000);
}

export function clearMessages() {
  clear(document.getElementById('messages'));
}
