// 批量导入: a university office uploads its achievements, an enterprise its demands, from the
// spreadsheet it keeps (.xlsx or .csv, UTF-8 or GBK). The job's progress is polled and drawn as a
// bar; the per-row error report downloads as CSV.
import { t, label } from '../i18n.js';
import { h, put, clear } from '../dom.js';
import { number, dateTime } from '../format.js';
import { request, get, download, currentRole } from '../api.js';
import { notify } from '../notify.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 700;

/** The columns of the registration forms, as the import reads them; * = required. */
const COLUMNS = {
  achievement: ['*成果名称', '*成果简介', '*关键词', '*技术领域', '成果所处阶段 / 技术成熟度', '知识产权形式', '专利号',
    '*转化方式', '*转让价格（万元）', '技术优势', '*所在地区', '*完成单位', '完成人', '*联系人', '联系电话 / 电子邮箱'],
  demand: ['*需求名称', '*需求描述 / 拟解决的技术难题', '技术指标', '*技术领域', '*关键词', '*预算（万元）', '*有效期', '*所在地区',
    '*合作方式', '成熟度要求', '保密要求', '*企业名称', '*联系人', '联系电话 / 电子邮箱'],
};

function kindOf(role) {
  return role === 'enterprise' ? 'demand' : 'achievement';
}

/** The file's type as the import expects it: by its extension, since browsers often give CSV no type. */
export function contentTypeOf(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX;
  if (name.endsWith('.csv')) return 'text/csv';
  return null;
}

export async function importsView(container, args, { isCurrent }) {
  const kind = kindOf(currentRole());
  const base = kind === 'demand' ? '/api/demands/imports' : '/api/achievements/imports';
  const file = h('input#import-file', { testid: 'import-file', type: 'file', accept: '.xlsx,.csv', required: true });
  const jobBox = h('div', { testid: 'import-job-box' });
  let polling = null;

  const stop = () => {
    if (polling) clearTimeout(polling);
    polling = null;
  };

  async function poll(jobId) {
    stop();
    let job;
    try {
      job = await get(`${base}/${encodeURIComponent(jobId)}`);
    } catch (e) {
      notify(e);
      return;
    }
    // The user went elsewhere: stop asking.
    if (!isCurrent() || !container.isConnected) return;
    clear(jobBox).append(jobPanel(job, base));
    if (job.status === 'QUEUED' || job.status === 'RUNNING') {
      polling = setTimeout(() => poll(jobId), POLL_MS);
    } else if (job.status === 'DONE') {
      notify(t('import.finished', { imported: job.imported, failed: job.failed }), 'notice');
    } else if (job.status === 'FAILED') {
      notify(job.failure ?? t('import.failedJob'));
    }
  }

  put(container,
    h('header.page-head', {}, h('h1', {}, t('import.title')), h('p.lead', {}, t(kind === 'demand' ? 'import.leadDemand' : 'import.leadAchievement'))),
    h('form.panel.import-form', {
      testid: 'import-form',
      onsubmit: async (event) => {
        event.preventDefault();
        const chosen = file.files?.[0];
        if (!chosen) {
          notify(t('import.chooseFile'));
          return;
        }
        const type = contentTypeOf(chosen);
        if (!type) {
          notify(t('import.wrongType'));
          return;
        }
        try {
          const job = await request(base, { method: 'POST', raw: chosen, contentType: type, params: { fileName: chosen.name } });
          clear(jobBox).append(jobPanel(job, base));
          await poll(job.id);
        } catch (e) {
          notify(e);
        }
      },
    },
    h('label.form-field', {}, h('span', {}, t('import.file')), file, h('small.muted', {}, t('import.fileHint'))),
    h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'import-submit' }, t('import.upload')))),
    jobBox,
    h('section.panel.template', { testid: 'import-template' },
      h('h2', {}, t('import.template')),
      h('p.muted', {}, t('import.templateLead')),
      h('div.chips', {}, COLUMNS[kind].map((c) => h('span.chip', {}, c))),
      h('p.muted', {}, t(kind === 'demand' ? 'import.valuesDemand' : 'import.valuesAchievement'))));
}

function jobPanel(job, base) {
  const total = Math.max(0, job.total ?? 0);
  const done = Math.max(0, job.done ?? 0);
  const share = total > 0 ? Math.min(1, done / total) : job.status === 'DONE' ? 1 : 0;
  const finished = job.status === 'DONE' || job.status === 'FAILED';
  return h('section.panel.import-job', { testid: 'import-job', dataset: { id: job.id, status: job.status } },
    h('header.panel-head', {},
      h('h2', {}, job.fileName ?? t('import.job')),
      h(`span.badge.job-${String(job.status).toLowerCase()}`, { testid: 'import-status' }, label('job', job.status))),
    h('div.job-progress', {
      testid: 'import-progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done,
      dataset: { done: String(done), total: String(total) },
    }, h('div.job-progress-fill', { style: `width:${(share * 100).toFixed(1)}%` })),
    h('p.job-counts', {},
      h('span', { testid: 'import-done' }, t('import.rows', { done: number(done), total: number(total) })), ' · ',
      h('span', { testid: 'import-imported', dataset: { value: String(job.imported ?? 0) } }, t('import.imported', { n: number(job.imported ?? 0) })), ' · ',
      h('span', { testid: 'import-failed', dataset: { value: String(job.failed ?? 0) } }, t('import.failed', { n: number(job.failed ?? 0) }))),
    job.createdAt ? h('p.muted', {}, `${t('import.startedAt')} ${dateTime(job.createdAt)}${job.finishedAt ? ` · ${t('import.finishedAt')} ${dateTime(job.finishedAt)}` : ''}`) : null,
    finished && (job.failed ?? 0) > 0
      ? h('div.form-actions', {}, h('button', {
        type: 'button', testid: 'import-errors-download',
        onclick: async () => {
          try {
            await download(`${base}/${encodeURIComponent(job.id)}/errors`, { accept: 'text/csv', fileName: `import-${job.id}-errors.csv` });
            notify(t('import.reportDownloaded'), 'notice');
          } catch (e) {
            notify(e);
          }
        },
      }, t('import.downloadErrors')))
      : null);
}
