// 运维: what the platform's operator keeps running. Rebuilding the search indexes from the topics,
// with its progress; and the imports of every organisation, newest first, with their error reports.
import { t, label, has } from '../i18n.js';
import { h, put, clear, emptyState } from '../dom.js';
import { number, dateTime } from '../format.js';
import { get, post, download } from '../api.js';
import { notify } from '../notify.js';
import { deadLettersSection } from './deadletters.js';

const POLL_MS = 1000;

export async function operationsView(container, args, { isCurrent }) {
  const reindex = h('section.panel.reindex', { testid: 'reindex' });
  const imports = h('section.panel', { testid: 'admin-imports' });
  put(container,
    h('header.page-head', {}, h('h1', {}, t('ops.title')), h('p.lead', {}, t('ops.lead'))),
    reindex,
    deadLettersSection({ isCurrent }),
    imports);

  async function showReindex(progress) {
    if (!isCurrent()) return;
    const running = progress.state === 'RUNNING';
    const writing = progress.documentsTotal > 0;
    const total = writing ? progress.documentsTotal : progress.eventsTotal;
    const done = writing ? progress.documentsIndexed : progress.eventsRead;
    const share = total > 0 ? Math.min(1, done / total) : progress.state === 'DONE' ? 1 : 0;
    const start = h('button.primary', {
      type: 'button', testid: 'reindex-start', disabled: running,
      onclick: async () => {
        if (!window.confirm(t('ops.reindexConfirm'))) return;
        try {
          showReindex(await post('/api/admin/reindex', {}));
        } catch (e) {
          notify(e);
        }
      },
    }, t('ops.reindexStart'));
    put(clear(reindex),
      h('header.panel-head', {}, h('h2', {}, t('ops.reindexTitle')),
        h(`span.badge.reindex-${String(progress.state).toLowerCase()}`, { testid: 'reindex-state', dataset: { state: progress.state } },
          label('reindex', progress.state))),
      h('p.muted', {}, t('ops.reindexLead')),
      progress.state === 'IDLE' ? null : h('div.job-progress', {
        testid: 'reindex-progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done,
      }, h('div.job-progress-fill', { style: `width:${(share * 100).toFixed(1)}%` })),
      progress.state === 'IDLE' ? null : h('p.job-counts', { testid: 'reindex-counts' },
        progress.phase ? h('strong', {}, has(`reindex.phase.${progress.phase}`) ? t(`reindex.phase.${progress.phase}`) : progress.phase) : null,
        progress.phase ? ' · ' : null,
        t('ops.reindexReading', { done: number(progress.eventsRead), total: number(progress.eventsTotal) }),
        writing ? ` · ${t('ops.reindexIndexing', { done: number(progress.documentsIndexed), total: number(progress.documentsTotal) })}` : '',
        progress.skipped ? ` · ${t('ops.reindexSkipped', { n: number(progress.skipped) })}` : ''),
      progress.startedAt ? h('p.muted', {}, `${t('import.startedAt')} ${dateTime(progress.startedAt)}`
        + (progress.finishedAt ? ` · ${t('import.finishedAt')} ${dateTime(progress.finishedAt)}` : '')) : null,
      progress.error ? h('p.field-violation', { testid: 'reindex-error' }, progress.error) : null,
      h('div.form-actions', {}, start));
    if (running) setTimeout(() => get('/api/admin/reindex').then(showReindex).catch(notify), POLL_MS);
  }

  async function showImports() {
    let lists;
    try {
      lists = await Promise.all([get('/api/achievements/imports', { limit: 20 }), get('/api/demands/imports', { limit: 20 })]);
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    const jobs = [
      ...lists[0].map((job) => ({ ...job, kind: 'achievement' })),
      ...lists[1].map((job) => ({ ...job, kind: 'demand' })),
    ].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    clear(imports).append(h('h2', {}, t('ops.importsTitle')), h('p.muted', {}, t('ops.importsLead')));
    if (!jobs.length) {
      imports.append(emptyState(t('ops.noImports')));
      return;
    }
    imports.append(h('table.data.admin-imports', { testid: 'admin-imports-table' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('ops.importFile')), h('th', {}, t('ops.importKind')), h('th', {}, t('ops.importOrganisation')),
        h('th', {}, t('ops.importStatus')), h('th.num', {}, t('ops.importRows')), h('th', {}, t('ops.importWhen')), h('th', {}, ''))),
      h('tbody', {}, jobs.map((job) => h('tr', { testid: 'admin-import', dataset: { id: job.id, status: job.status } },
        h('td', { dataset: { label: t('ops.importFile') } }, job.fileName ?? t('import.job')),
        h('td', { dataset: { label: t('ops.importKind') } }, t(job.kind === 'demand' ? 'ops.kindDemand' : 'ops.kindAchievement')),
        h('td', { dataset: { label: t('ops.importOrganisation') } }, job.organisationId ?? '', job.uploadedBy ? h('small.muted', {}, ` · ${job.uploadedBy}`) : null),
        h('td', { dataset: { label: t('ops.importStatus') } }, h(`span.badge.job-${String(job.status).toLowerCase()}`, {}, label('job', job.status))),
        h('td.num', { dataset: { label: t('ops.importRows') } },
          t('ops.importCounts', { imported: number(job.imported ?? 0), failed: number(job.failed ?? 0), total: number(job.total ?? 0) })),
        h('td', { dataset: { label: t('ops.importWhen') } }, dateTime(job.createdAt)),
        h('td', {}, (job.failed ?? 0) > 0 && ['DONE', 'FAILED'].includes(job.status)
          ? h('button.small', {
            type: 'button', testid: 'admin-import-errors',
            onclick: () => download(`/api/${job.kind === 'demand' ? 'demands' : 'achievements'}/imports/${encodeURIComponent(job.id)}/errors`,
              { accept: 'text/csv', fileName: `import-${job.id}-errors.csv` }).catch(notify),
          }, t('import.downloadErrors'))
          : null))))));
  }

  try {
    await Promise.all([get('/api/admin/reindex').then(showReindex), showImports()]);
  } catch (e) {
    notify(e);
  }
}
