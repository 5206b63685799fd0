// 批量导入: a university office uploads its achievements, an enterprise its demands, from the
// spreadsheet it keeps (.xlsx or .csv, UTF-8 or GBK). The job's progress is polled and drawn as a
// bar; the per-row error report downloads as CSV. A CSV template of the columns is made in the browser.
import { t, label } from '../i18n.js';
import { h, put, clear } from '../dom.js';
import { number, dateTime } from '../format.js';
import { request, get, download, saveBlob, currentRole } from '../api.js';
import { notify } from '../notify.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 700;

/**
 * The columns of the registration forms, as the import reads them (* = required): each as the page
 * lists it and as the template's header names it. "A / B" is either one name of two (需求描述 or
 * 拟解决的技术难题: the template takes the first) or two columns of which one is enough (a stage or
 * a TRL, a phone or an e-mail address: the template has both).
 */
const COLUMNS = {
  achievement: [column('*成果名称'), column('*成果简介'), column('*关键词'), column('*技术领域'),
    column('成果所处阶段 / 技术成熟度', '成果所处阶段', '技术成熟度'), column('知识产权形式'), column('专利号'),
    column('*转化方式'), column('*转让价格（万元）'), column('技术优势'), column('*所在地区'), column('*完成单位'), column('完成人'),
    column('*联系人'), column('联系电话 / 电子邮箱', '联系电话', '电子邮箱')],
  demand: [column('*需求名称'), column('*需求描述 / 拟解决的技术难题', '*需求描述'), column('技术指标'), column('*技术领域'),
    column('*关键词'), column('*预算（万元）'), column('*有效期'), column('*所在地区'), column('*合作方式'), column('成熟度要求'),
    column('保密要求'), column('*企业名称'), column('*联系人'), column('联系电话 / 电子邮箱', '联系电话', '电子邮箱')],
};

function column(label, ...headers) {
  return { label, headers: headers.length ? headers : [label] };
}

/** The columns as the page lists them, for a kind of sheet ('achievement' or 'demand'). */
export function columnLabels(kind) {
  return COLUMNS[kind].map((c) => c.label);
}

/** The template's header row: every column the page lists, by the name the import reads. */
export function templateHeader(kind) {
  return COLUMNS[kind].flatMap((c) => c.headers);
}

/** The template as CSV text: UTF-8 with a byte-order mark, so Excel opens the Chinese names as they are. */
export function templateCsv(kind) {
  const cell = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `\uFEFF${templateHeader(kind).map(cell).join(',')}\r\n`;
}

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
      h('div.chips', {}, columnLabels(kind).map((c) => h('span.chip', {}, c))),
      h('p.muted', {}, t(kind === 'demand' ? 'import.valuesDemand' : 'import.valuesAchievement')),
      h('div.form-actions', {},
        h('button', {
          type: 'button', testid: 'import-template-download',
          onclick: () => {
            saveBlob(new Blob([templateCsv(kind)], { type: 'text/csv;charset=utf-8' }),
              t(kind === 'demand' ? 'import.templateFileDemand' : 'import.templateFileAchievement'));
            notify(t('import.templateDownloaded'), 'notice');
          },
        }, t('import.templateDownload')),
        h('small.muted', {}, t('import.templateHint')))));
}

export function jobPanel(job, base) {
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
