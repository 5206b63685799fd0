// 揭榜挂帅: open challenges. Enterprises publish them and follow invitations and applications,
// universities see why they were invited and apply, brokers (with the enterprise) score,
// shortlist and pick the winners after the application deadline.
import { t, label } from '../i18n.js';
import { h, put, clear, emptyState } from '../dom.js';
import { money, dateTime, percent, number } from '../format.js';
import { get, post, put as putJson, currentRole, currentUser } from '../api.js';
import { fieldName } from '../names.js';
import { loadFields, demandPanel } from './common.js';
import { demandForm, labelled, input, textarea, daysFromNow } from './forms.js';
import { notify } from '../notify.js';
import { navigate } from '../router.js';

const LIVE = 'SUBMITTED';
const asList = (value) => (Array.isArray(value) ? value : value?.items ?? []);

export function phaseBadge(phase, attrs = {}) {
  return h(`span.badge.phase-${String(phase ?? '').toLowerCase()}`, { testid: 'challenge-phase', dataset: { phase: phase ?? '' }, ...attrs },
    label('phase', phase));
}

function applicationBadge(status) {
  return h(`span.badge.status-${String(status ?? '').toLowerCase()}`, { testid: 'application-status', dataset: { status: status ?? '' } },
    label('status', status));
}

/** The list page: what each role does with challenges. */
export async function challengesView(container, args, { isCurrent }) {
  await loadFields();
  const role = currentRole();
  put(container, h('header.page-head', {},
    h('h1', {}, t('challenge.title')),
    h('p.lead', {}, t(role === 'university' ? 'challenge.leadUniversity' : role === 'enterprise' ? 'challenge.leadEnterprise' : 'challenge.leadBroker'))));
  if (role === 'enterprise') {
    const slot = h('div.form-slot');
    put(container, h('div.form-actions', {}, h('button.primary', {
      type: 'button', testid: 'challenge-new',
      onclick: async () => {
        if (slot.firstChild) {
          clear(slot);
          return;
        }
        put(slot, await demandForm({
          challenge: true,
          onCreated: (created) => {
            notify(t('challenge.published'), 'notice');
            navigate(`#/challenge/${created.id}`);
          },
        }));
      },
    }, t('challenge.publish'))), slot);
  }
  if (role === 'university') {
    const [invitations, applications] = await Promise.all([
      get('/api/invitations/mine').then(asList).catch((e) => {
        notify(e);
        return [];
      }),
      get('/api/demands/applications/mine').then(asList).then((items) => items.map(flatten)).catch((e) => {
        notify(e);
        return [];
      }),
    ]);
    if (!isCurrent()) return;
    put(container,
      h('section.panel', { testid: 'my-invitations' },
        h('h2', {}, t('challenge.myInvitations')),
        invitations.length
          ? h('ul.record-list', {}, invitations.map(invitationRow))
          : emptyState(t('challenge.noInvitations'))),
      h('section.panel', { testid: 'my-applications' },
        h('h2', {}, t('challenge.myApplications')),
        applications.length
          ? h('ul.record-list', {}, applications.map(myApplicationRow))
          : emptyState(t('challenge.noApplications'))));
  }
  const params = { size: 100 };
  if (role === 'enterprise') params.organisationId = currentUser()?.organisationId;
  const page = await get('/api/demands', params);
  if (!isCurrent()) return;
  const challenges = asList(page).filter((d) => d.challenge)
    .sort((a, b) => String(b.challenge.applicationDeadline).localeCompare(String(a.challenge.applicationDeadline)));
  put(container, h('section.panel', { testid: 'challenge-list-panel' },
    h('h2', {}, t(role === 'enterprise' ? 'challenge.mine' : 'challenge.all')),
    challenges.length
      ? h('ul.record-list', { testid: 'challenge-list' }, challenges.map(challengeRow))
      : emptyState(t('challenge.none'))));
}

function challengeRow(d) {
  const c = d.challenge;
  return h('li', {}, h('a.record-row', { href: `#/challenge/${d.id}`, testid: 'challenge-item', dataset: { id: d.id, phase: c.phase ?? '' } },
    h('span.record-title', {}, d.title),
    h('span.muted', {}, [fieldName(d.fieldCode), `${t('rec.bounty')} ${money(c.bountyCny)}`,
      `${t('challenge.applicationDeadline')} ${c.applicationDeadline}`,
      c.applicationCount != null ? t('challenge.applicationCount', { count: c.applicationCount }) : null].filter(Boolean).join(' · ')),
    phaseBadge(c.phase)));
}

function invitationRow(inv) {
  return h('li.invitation', { testid: 'invitation-item', dataset: { demandId: inv.demandId } },
    h('a.record-row', { href: `#/challenge/${inv.demandId}` },
      h('span.record-title', {}, inv.demandTitle),
      h('span.muted', {}, [`${t('rec.bounty')} ${money(inv.bountyCny)}`,
        `${t('challenge.applicationDeadline')} ${inv.applicationDeadline ?? t('common.none')}`].join(' · '))),
    whyInvited(inv));
}

/** Why an organisation was invited: its best-matching achievement, the score and the matched terms. */
function whyInvited(inv) {
  return h('div.why', { testid: 'invitation-why' },
    h('span.muted', {}, `${t('challenge.why')}：`),
    h('span', {}, inv.achievementTitle ?? t('common.none')),
    inv.score != null ? h('span.chip', {}, `${t('queue.score')} ${percent(inv.score, 0)}`) : null,
    (inv.matchedTerms ?? []).slice(0, 8).map((term) => h('mark.term.chip', {}, term)),
    inv.invitedAt ? h('span.muted.nowrap', {}, ` · ${dateTime(inv.invitedAt)}`) : null);
}

/** One of the caller's applications: {demandTitle, phase, applicationDeadline, application} as one object. */
function flatten(item) {
  return item.application ? { ...item.application, demandTitle: item.demandTitle, phase: item.phase, applicationDeadline: item.applicationDeadline } : item;
}

function myApplicationRow(app) {
  return h('li', {}, h('a.record-row', { href: `#/challenge/${app.demandId}`, testid: 'my-application', dataset: { id: app.id, status: app.status } },
    h('span.record-title', {}, app.demandTitle ?? app.demandId),
    h('span.muted', {}, [app.phase ? label('phase', app.phase) : null, app.submittedAt ? dateTime(app.submittedAt) : null,
      app.outcomeReason].filter(Boolean).join(' · ')),
    applicationBadge(app.status)));
}

/** The indicators a score sheet has: one per line or numbered item of the challenge's indicators. */
export function indicatorsOf(demand) {
  const text = demand.challenge?.indicators || demand.indicators || '';
  const items = text.split(/\n|[；;](?=\s*\S)|(?:^|\s)(?=\d+[.、．)）]\s*)/)
    .map((s) => s.replace(/^\s*\d+[.、．)）]\s*/, '').replace(/[；;。]\s*$/, '').trim())
    .filter(Boolean);
  return items.length ? items.slice(0, 12) : [t('challenge.overall')];
}

/** One challenge: the demand, its phase, invitations and applications, and what the caller may do. */
export async function challengeView(container, [id], { isCurrent }) {
  await loadFields();
  const role = currentRole();
  const me = currentUser() ?? {};
  const demand = await get(`/api/demands/${encodeURIComponent(id)}`);
  const challenge = demand.challenge;
  if (!challenge) {
    // A confidential challenge shows others only its anonymised summary, without the challenge block.
    put(container, h('header.page-head', {}, h('a.back', { href: '#/challenges' }, `← ${t('common.back')}`), h('h1', {}, demand.title)),
      h('p.notice', { testid: 'challenge-hidden' }, t(demand.hasChallenge ? 'challenge.confidential' : 'challenge.notAChallenge')),
      demand.hasChallenge ? demandPanel(demand, [], 'record') : null);
    return;
  }
  const owner = demand.organisationId && demand.organisationId === me.organisationId;
  const judge = owner || role === 'broker' || role === 'admin';
  const [invitations, applications] = await Promise.all([
    get(`/api/demands/${encodeURIComponent(id)}/invitations`).then(asList).catch((e) => {
      if (e.status !== 404 && e.status !== 403) notify(e);
      return [];
    }),
    role === 'university' || judge
      ? get(`/api/demands/${encodeURIComponent(id)}/applications`).then(asList).catch((e) => {
        if (e.status !== 404 && e.status !== 403) notify(e);
        return [];
      })
      : Promise.resolve([]),
  ]);
  if (!isCurrent()) return;
  const reload = () => navigate(location.hash);
  const phase = challenge.phase;
  const live = applications.filter((a) => a.status === LIVE);
  const back = role === 'broker' || role === 'admin' || role === 'enterprise' || role === 'university' ? '#/challenges' : '#/search';

  put(container,
    h('header.page-head', {}, h('a.back', { href: back }, `← ${t('common.back')}`), h('h1', {}, demand.title)),
    h('section.panel.challenge-summary', { testid: 'challenge-summary', dataset: { id } },
      h('div.challenge-facts', {},
        phaseBadge(phase),
        h('span', {}, `${t('rec.bounty')} `, h('strong', {}, money(challenge.bountyCny))),
        h('span', {}, `${t('challenge.applicationDeadline')} `, h('strong', {}, challenge.applicationDeadline)),
        h('span', {}, `${t('challenge.judgingDeadline')} `, h('strong', {}, challenge.judgingDeadline)),
        challenge.applicationCount != null ? h('span', { testid: 'application-count' }, t('challenge.applicationCount', { count: challenge.applicationCount })) : null),
      challenge.goal ? h('p', {}, h('strong', {}, `${t('challenge.goal')}：`), challenge.goal) : null,
      challenge.winners?.length ? h('p', { testid: 'challenge-winners' }, h('strong', {}, `${t('challenge.winners')}：`),
        challenge.winners.map((w) => w.organisationName ?? w.organisationId).join('、')) : null,
      h('p.muted', {}, t(`phaseLead.${phase}`))),
    h('div.challenge-layout', {},
      demandPanel(demand, [], 'record'),
      h('div.challenge-side', {},
        invitationsPanel(invitations, role),
        role === 'university' ? universityPanel(demand, applications, invitations, reload) : null,
        judge ? applicationsPanel(demand, applications, { reload, mayJudge: phase === 'JUDGING' }) : null,
        judge && phase === 'JUDGING' && live.length ? awardPanel(demand, live, reload) : null)));
}

function invitationsPanel(invitations, role) {
  return h('section.panel', { testid: 'invitations' },
    h('h2', {}, t(role === 'university' ? 'challenge.yourInvitation' : 'challenge.invitations')),
    h('p.muted', {}, t('challenge.invitationsLead')),
    invitations.length
      ? h('ul.record-list', {}, invitations.map((inv) => h('li.invitation', { testid: 'invitation', dataset: { organisationId: inv.organisationId ?? '' } },
        h('strong', {}, inv.organisationName ?? inv.organisationId ?? ''),
        whyInvited(inv))))
      : emptyState(t('challenge.noInvitationsYet')));
}

/** A university: its application (status, outcome), or the form to apply / edit while applying is open. */
function universityPanel(demand, applications, invitations, reload) {
  const mine = applications.find((a) => a.status === LIVE) ?? applications[0];
  const phase = demand.challenge.phase;
  const panel = h('section.panel', { testid: 'my-application-panel' }, h('h2', {}, t('challenge.yourApplication')));
  if (mine) put(panel, applicationCard(mine, { demand }));
  if (phase === 'APPLYING') {
    if (mine && mine.status === LIVE) {
      const slot = h('div.form-slot');
      put(panel, h('div.form-actions', {},
        h('button', {
          type: 'button', testid: 'application-edit',
          onclick: async () => {
            if (slot.firstChild) clear(slot);
            else put(slot, await applicationForm(demand, mine, invitations, reload));
          },
        }, t('challenge.edit')),
        h('button.danger', {
          type: 'button', testid: 'application-withdraw',
          onclick: async () => {
            if (!window.confirm(t('challenge.withdrawConfirm'))) return;
            try {
              await post(`/api/demands/${demand.id}/applications/${mine.id}/withdraw`, { version: mine.version });
              notify(t('challenge.withdrawn'), 'notice');
              reload();
            } catch (e) {
              notify(e);
            }
          },
        }, t('challenge.withdraw'))), slot);
    } else {
      applicationForm(demand, null, invitations, reload).then((form) => put(panel, form));
    }
  } else if (!mine) {
    put(panel, h('p.muted', {}, t('challenge.closedForApplications')));
  }
  return panel;
}

/** The proposal: approach, team, TRL now and promised, milestones, price, achievements it rests on. */
async function applicationForm(demand, existing, invitations, reload) {
  const me = currentUser() ?? {};
  // An application may cite only the organisation's published achievements.
  const own = await get('/api/achievements', { organisationId: me.organisationId, status: 'PUBLISHED', size: 100 })
    .then(asList).catch(() => []);
  const invited = new Set(invitations.map((i) => i.achievementId).filter(Boolean));
  const approach = textarea('application-approach', { required: true, rows: 5, value: existing?.approach ?? '' });
  const team = textarea('application-team', { required: true, value: existing?.team ?? '' });
  const trlNow = input('application-trl-now', { type: 'number', min: 1, max: 9, required: true, value: existing?.trlNow ?? '' });
  const trlPromised = input('application-trl-promised', { type: 'number', min: 1, max: 9, required: true, value: existing?.trlPromised ?? '' });
  const price = input('application-price', { type: 'number', min: 0, step: 'any', required: true,
    value: existing?.priceCny != null ? existing.priceCny / 10_000 : '' });
  const milestones = h('div.milestones', { testid: 'application-milestones' });
  const addMilestone = (m = {}) => {
    const n = milestones.children.length;
    milestones.append(h('div.milestone', { testid: 'milestone' },
      h('input', { testid: `milestone-title-${n}`, placeholder: t('challenge.milestoneTitle'), value: m.title ?? '', required: true }),
      h('input', { testid: `milestone-due-${n}`, type: 'date', value: m.due ?? daysFromNow(90 * (n + 1)), required: true }),
      h('button.link-button', { type: 'button', onclick: (e) => e.target.closest('.milestone').remove() }, '×')));
  };
  (existing?.milestones?.length ? existing.milestones : [{}]).forEach(addMilestone);
  const achievements = h('span.checkboxes', { testid: 'application-achievements' }, own.map((a) => h('label.check', {},
    h('input', { type: 'checkbox', value: a.id, checked: (existing?.achievementIds ?? [...invited]).includes(a.id) }), a.title)));
  return h('form.record-form', {
    testid: 'application-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {
        approach: approach.value.trim(),
        team: team.value.trim(),
        trlNow: Number(trlNow.value),
        trlPromised: Number(trlPromised.value),
        milestones: [...milestones.querySelectorAll('.milestone')].map((row) => {
          const [title, due] = row.querySelectorAll('input');
          return { title: title.value.trim(), due: due.value };
        }),
        priceCny: Math.round(Number(price.value) * 10_000),
        achievementIds: [...achievements.querySelectorAll('input:checked')].map((c) => c.value),
      };
      try {
        if (existing) {
          await putJson(`/api/demands/${demand.id}/applications/${existing.id}`, { ...body, version: existing.version });
          notify(t('challenge.updated'), 'notice');
        } else {
          await post(`/api/demands/${demand.id}/applications`, body);
          notify(t('challenge.applied'), 'notice');
        }
        reload();
      } catch (e) {
        notify(e);
      }
    },
  },
  h('h3', {}, t(existing ? 'challenge.editApplication' : 'challenge.apply')),
  h('div.form-grid', {},
    labelled('challenge.approach', approach),
    labelled('challenge.team', team),
    labelled('challenge.trlNow', trlNow),
    labelled('challenge.trlPromised', trlPromised),
    labelled('challenge.priceWan', price),
    h('div.form-field', {}, h('span', {}, t('challenge.milestones')), milestones,
      h('button.link-button', { type: 'button', testid: 'milestone-add', onclick: () => addMilestone() }, `+ ${t('challenge.addMilestone')}`)),
    own.length ? labelled('challenge.basedOn', achievements) : null),
  h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'application-submit' }, t(existing ? 'form.save' : 'challenge.submitApplication'))));
}

/** An application as everyone allowed to see it sees it. */
function applicationCard(app, { extra = null } = {}) {
  return h('article.application', { testid: 'application', dataset: { id: app.id, status: app.status, organisationId: app.organisationId ?? '' } },
    h('header.application-head', {},
      h('strong', {}, app.organisationName ?? app.organisationId ?? ''),
      applicationBadge(app.status),
      app.shortlisted ? h('span.badge.shortlisted', { testid: 'shortlisted' }, t('challenge.shortlisted')) : null,
      app.totalScore != null ? h('span.chip', { testid: 'total-score', dataset: { score: String(app.totalScore) } },
        `${t('challenge.totalScore')} ${number(app.totalScore, 1)}`) : null),
    app.outcomeReason ? h('p.notice', { testid: 'outcome-reason' }, `${t('challenge.outcomeReason')}：${app.outcomeReason}`) : null,
    h('dl.facts', {},
      h('dt', {}, t('challenge.approach')), h('dd', {}, app.approach),
      h('dt', {}, t('challenge.team')), h('dd', {}, app.team),
      h('dt', {}, t('rec.trl')), h('dd', {}, `TRL ${app.trlNow} → ${app.trlPromised}`),
      h('dt', {}, t('challenge.price')), h('dd', {}, money(app.priceCny)),
      h('dt', {}, t('challenge.milestones')), h('dd', {}, h('ol.milestone-list', {},
        (app.milestones ?? []).map((m) => h('li', {}, `${m.due} · ${m.title}`)))),
      app.submittedAt ? [h('dt', {}, t('challenge.submittedAt')), h('dd', {}, dateTime(app.submittedAt))] : null),
    (app.scores ?? []).length ? h('details.scores', {}, h('summary', {}, t('challenge.scoreSheets')),
      h('ul', { testid: 'score-sheets' }, app.scores.map((sheet) => h('li', {},
        h('strong', {}, [sheet.scorer, sheet.scorerRole ? label('role', sheet.scorerRole) : null].filter(Boolean).join(' · ')),
        sheet.mean != null ? h('span.chip', {}, `${t('challenge.mean')} ${number(sheet.mean, 1)}`) : null,
        sheet.scoredAt ? h('span.muted', {}, ` ${dateTime(sheet.scoredAt)}`) : null,
        h('ul', {}, (sheet.scores ?? []).map((s) => h('li', {},
          [s.indicator, s.score != null ? String(s.score) : null, s.comment].filter((v) => v !== null && v !== undefined && v !== '').join(' · ')))),
        sheet.note ? h('div.muted', {}, sheet.note) : null)))) : null,
    extra);
}

/** All applications for the owner and brokers; after the deadline each gets a score sheet and a shortlist switch. */
function applicationsPanel(demand, applications, { reload, mayJudge }) {
  const indicators = indicatorsOf(demand);
  const sorted = [...applications].sort((a, b) => (b.totalScore ?? -1) - (a.totalScore ?? -1));
  return h('section.panel', { testid: 'applications' },
    h('h2', {}, `${t('challenge.applications')} (${applications.length})`),
    mayJudge ? h('p.muted', {}, t('challenge.judgeLead')) : null,
    sorted.length
      ? sorted.map((app) => applicationCard(app, {
        demand,
        extra: mayJudge && app.status === LIVE ? judgingControls(demand, app, indicators, reload) : null,
      }))
      : emptyState(t('challenge.noApplicationsYet')));
}

function judgingControls(demand, app, indicators, reload) {
  const base = `/api/demands/${demand.id}/applications/${app.id}`;
  const rows = indicators.map((indicator, i) => h('tr', {},
    h('td', {}, indicator),
    h('td', {}, h('input', { type: 'number', min: 0, max: 100, step: 1, required: true, testid: `score-${app.id}-${i}`, dataset: { indicator } })),
    h('td', {}, h('input', { type: 'text', maxlength: 500, testid: `score-comment-${app.id}-${i}`, placeholder: t('challenge.commentOptional') }))));
  const note = h('input', { type: 'text', maxlength: 1000, testid: `score-note-${app.id}`, placeholder: t('common.note') });
  return h('div.judging', {},
    h('form.score-form', {
      testid: `score-form-${app.id}`,
      onsubmit: async (event) => {
        event.preventDefault();
        const scores = rows.map((row) => {
          const [score, comment] = row.querySelectorAll('input');
          return { indicator: score.dataset.indicator, score: Number(score.value), comment: comment.value.trim() || null };
        });
        try {
          await post(`${base}/scores`, { scores, note: note.value.trim() || null });
          notify(t('challenge.scored'), 'notice');
          reload();
        } catch (e) {
          notify(e);
        }
      },
    },
    h('table.data.score-table', {},
      h('thead', {}, h('tr', {}, h('th', {}, t('challenge.indicator')), h('th', {}, t('challenge.score')), h('th', {}, t('challenge.comment')))),
      h('tbody', {}, rows)),
    note,
    h('div.form-actions', {},
      h('button.primary', { type: 'submit', testid: `score-submit-${app.id}` }, t('challenge.saveScores')),
      h('button', {
        type: 'button', testid: `shortlist-${app.id}`,
        onclick: async () => {
          try {
            await post(`${base}/shortlist`, { shortlisted: !app.shortlisted });
            notify(t(app.shortlisted ? 'challenge.unshortlisted' : 'challenge.shortlistedNotice'), 'notice');
            reload();
          } catch (e) {
            notify(e);
          }
        },
      }, t(app.shortlisted ? 'challenge.removeFromShortlist' : 'challenge.addToShortlist')))));
}

/** Picking the winners: the shortlisted first; a reason to the others is required. */
function awardPanel(demand, live, reload) {
  const ordered = [...live].sort((a, b) => Number(b.shortlisted) - Number(a.shortlisted) || (b.totalScore ?? -1) - (a.totalScore ?? -1));
  const choices = ordered.map((app) => h('div.award-choice', {},
    h('label.check', {},
      h('input', { type: 'checkbox', value: app.id, testid: `winner-${app.id}` }),
      `${app.organisationName ?? app.organisationId}${app.totalScore != null ? ` · ${number(app.totalScore, 1)}` : ''}${app.shortlisted ? ` · ${t('challenge.shortlisted')}` : ''}`),
    h('input', { type: 'text', maxlength: 1000, testid: `award-reason-${app.id}`, dataset: { app: app.id }, placeholder: t('challenge.ownReason') })));
  const reason = textarea('award-reason', { required: true, maxlength: 2000, placeholder: t('challenge.reasonHint') });
  return h('form.panel', {
    testid: 'award-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const winners = choices.map((c) => c.querySelector('input[type=checkbox]')).filter((c) => c.checked).map((c) => c.value);
      if (!winners.length) {
        notify(t('challenge.pickOne'));
        return;
      }
      const reasons = {};
      for (const c of choices) {
        const own = c.querySelector('input[type=text]');
        if (own.value.trim()) reasons[own.dataset.app] = own.value.trim();
      }
      try {
        await post(`/api/demands/${demand.id}/award`, { winners, reason: reason.value.trim(), reasons });
        notify(t('challenge.awarded'), 'notice');
        reload();
      } catch (e) {
        notify(e);
      }
    },
  },
  h('h2', {}, t('challenge.award')),
  h('p.muted', {}, t('challenge.awardLead')),
  choices,
  labelled('challenge.reasonToOthers', reason),
  h('div.form-actions', {}, h('button.primary', { type: 'submit', testid: 'award-submit' }, t('challenge.awardSubmit'))));
}
