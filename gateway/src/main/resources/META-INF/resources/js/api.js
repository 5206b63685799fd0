// Calls to the gateway: the bearer token on every call, a progress bar for anything slow,
// problem+json turned into an error the page can show. Access tokens live under a minute: one
// about to expire is renewed before the call, and a call refused 401 renews it once and is sent
// again. The refresh token is an HttpOnly cookie this code never sees; when the gateway refuses it
// (logout elsewhere, the account disabled or given a new password, the login 8 h old), the user
// goes back to the login form.
import { t } from './i18n.js';

const SESSION_KEY = 'techbridge.session';
const SLOW_MS = 300;
/** Renew an access token with less than this left (at most a third of its lifetime). */
const RENEW_BEFORE_MS = 15_000;

let inFlight = 0;
let slowTimer = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** What to tell the user: the problem's detail and each violated rule, by field. */
  get lines() {
    const lines = [];
    const p = this.problem;
    if (p.detail) lines.push(p.detail);
    else if (p.title) lines.push(p.title);
    else if (this.status === 0) lines.push(t('error.network'));
    else if (this.status === 403) lines.push(t('error.forbidden'));
    else if (this.status === 404) lines.push(t('error.notFound'));
    else if (this.status === 409) lines.push(t('error.conflict'));
    else lines.push(this.message);
    // A possible duplicate names its candidates; the form shows them, the message says what they are.
    for (const c of p.context?.candidates ?? []) {
      lines.push(`${c.title ?? c.id}${c.similarity != null ? ` (${Math.round(c.similarity * 100)}%)` : ''}`);
    }
    for (const v of p.violations ?? []) {
      if (v.message && v.message === p.detail) continue;
      lines.push(`${v.field ?? v.in ?? ''}${v.field || v.in ? ': ' : ''}${v.message ?? v.rule ?? ''}`);
    }
    return lines;
  }
}

// --- session ------------------------------------------------------------------

/**
 * The tab's session: {accessToken, tokenType, expiresAt, lifetimeMs, user}. An expired access token
 * still counts as logged in: the next call renews it.
 */
export function session() {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function saveSession(value) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
}

export function clearSession() {
  sessionStorage.removeItem(SESSION_KEY);
  recordCache.clear();
}

/** The logged-in user: {id, username, displayName, role, organisationId, organisationName, organisationType}. */
export function currentUser() {
  return session()?.user ?? null;
}

/** The role in the token's spelling (university, enterprise, broker, admin). */
export function currentRole() {
  return String(currentUser()?.role ?? '').toLowerCase();
}

/** What a login or refresh answered, as the tab keeps it. */
export function sessionOf(body, now = Date.now()) {
  const lifetimeMs = body.expiresIn ? body.expiresIn * 1000 : null;
  return {
    accessToken: body.accessToken,
    tokenType: body.tokenType ?? 'Bearer',
    expiresAt: lifetimeMs ? now + lifetimeMs : null,
    lifetimeMs,
    user: body.user,
  };
}

/** Whether a session's access token should be renewed before the next call. */
export function needsRenewal(value, now = Date.now()) {
  if (!value?.expiresAt) return false;
  const margin = Math.min(RENEW_BEFORE_MS, (value.lifetimeMs ?? RENEW_BEFORE_MS * 3) / 3);
  return now >= value.expiresAt - margin;
}

export async function login(username, password) {
  // refreshCookie: the refresh token comes as an HttpOnly cookie, out of reach of any script on the page
  const body = await request('/api/auth/login', {
    method: 'POST', body: { username, password, refreshCookie: true }, authenticate: false,
  });
  saveSession(sessionOf(body));
  return body.user;
}

/** Ends the session at the gateway (the refresh cookie) and in this tab. */
export async function logout() {
  const had = session();
  clearSession();
  if (!had) return;
  try {
    await request('/api/auth/logout', { method: 'POST', body: {}, authenticate: false });
  } catch {
    // the tab has forgotten the session either way; the refresh token lapses with it
  }
}

let renewing = null;

/**
 * A new access token from the refresh cookie, one request at a time however many calls wait for
 * it. Resolves to the new session, or null when the gateway refused the refresh (the session is
 * over). A network failure rejects and keeps the session: the next call tries again.
 */
export function renewSession() {
  if (!renewing) {
    renewing = renew().finally(() => {
      renewing = null;
    });
  }
  return renewing;
}

async function renew() {
  const current = session();
  if (!current) return null;
  let body;
  try {
    body = await request('/api/auth/refresh', { method: 'POST', body: {}, authenticate: false });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 400 || e.status === 401)) return null;
    throw e;
  }
  // The cookie is the browser's: after another tab logged in as someone else it speaks for them.
  if (!body?.user || String(body.user.id) !== String(current.user?.id)) return null;
  const next = sessionOf(body);
  saveSession(next);
  return next;
}

// --- progress -----------------------------------------------------------------

function started() {
  inFlight += 1;
  if (inFlight === 1) {
    slowTimer = setTimeout(() => setProgress(true), SLOW_MS);
  }
}

function finished() {
  inFlight = Math.max(0, inFlight - 1);
  if (inFlight === 0) {
    clearTimeout(slowTimer);
    slowTimer = null;
    setProgress(false);
  }
}

function setProgress(visible) {
  const bar = document.getElementById('progress');
  if (!bar) return;
  bar.hidden = !visible;
  bar.setAttribute('aria-hidden', String(!visible));
  document.body.classList.toggle('busy', visible);
}

/** Whether a request is still under way (the browser tests wait for this to be false). */
export function busy() {
  return inFlight > 0;
}

// --- requests -----------------------------------------------------------------

let onUnauthenticated = () => {};

export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Whether an error is a problem of the given type (the last part of its type URI, e.g. "possible-duplicate"). */
export function isProblem(error, type) {
  return error instanceof ApiError && String(error.problem?.type ?? '').split('/').pop() === type;
}

/**
 * One call to the gateway. {@code raw} sends a Blob or File as it is (an upload) with its own
 * Content-Type; {@code blob} answers the body as a Blob (a download) instead of JSON. It counts as
 * under way (progress bar, busy()) from the start to its answer read, a renewal included.
 */
export async function request(path, options = {}) {
  started();
  window.__techbridgeBusy = true;
  try {
    return await authenticatedRequest(path, options);
  } finally {
    finished();
    window.__techbridgeBusy = busy();
  }
}

async function authenticatedRequest(path, options) {
  const { authenticate = true } = options;
  let current = authenticate ? session() : null;
  if (current?.accessToken && needsRenewal(current)) {
    current = await renewSession();
    if (!current) return sessionOver(null);
  }
  let answer = await send(path, options, current?.accessToken);
  if (answer.status === 401 && current?.accessToken) {
    // Expired on the way, or refused for a change on the account: renew once (unless another
    // call already did) and send it again. A refused call changed nothing, so a change is safe to resend.
    const latest = session();
    const renewed = latest?.accessToken && latest.accessToken !== current.accessToken ? latest : await renewSession();
    if (!renewed) return sessionOver(answer.json);
    answer = await send(path, options, renewed.accessToken);
  }
  if (answer.status === 401 && authenticate) return sessionOver(answer.json);
  if (answer.download) return answer.download;
  if (!answer.ok) {
    throw new ApiError(answer.status, answer.json);
  }
  return options.withHeaders ? { body: answer.json, headers: answer.headers } : answer.json;
}

/** The session has ended: forget it, send the user to log in, and refuse the call. */
function sessionOver(problem) {
  clearSession();
  onUnauthenticated(problem);
  throw new ApiError(401, problem ?? { detail: t('login.expired') });
}

/** One HTTP exchange: {status, ok, json} or, for a download, {download: {blob, fileName}}. */
async function send(path, {
  method = 'GET', body, params, raw, contentType, accept, blob = false,
} = {}, accessToken = null) {
  const headers = { Accept: accept ?? 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (raw !== undefined) headers['Content-Type'] = contentType ?? raw.type ?? 'application/octet-stream';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  let response;
  try {
    response = await fetch(path + query(params), {
      method, headers, body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
    });
    if (blob && response.ok) {
      // a report can take a while to arrive
      return { status: response.status, ok: true, download: { blob: await response.blob(), fileName: fileNameOf(response) } };
    }
  } catch {
    throw new ApiError(0, { detail: t('error.network') });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return { status: response.status, ok: response.ok, json, headers: response.headers };
}

export const get = (path, params, options = {}) => request(path, { ...options, params });
export const post = (path, body, params) => request(path, { method: 'POST', body, params });
export const put = (path, body, params) => request(path, { method: 'PUT', body, params });
export const patch = (path, body, params) => request(path, { method: 'PATCH', body, params });

function fileNameOf(response) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : null;
}

/**
 * Downloads with the token (a plain link could not send it): fetched as a blob, then saved under
 * the server's file name or the given one.
 */
export async function download(path, { params, accept, fileName } = {}) {
  const result = await request(path, { params, accept: accept ?? '*/*', blob: true });
  saveBlob(result.blob, result.fileName ?? fileName ?? 'download');
  return result;
}

/** Saves a blob made or fetched in the browser under the given file name. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.dataset.testid = 'download-link';
  link.hidden = true;
  document.body.append(link);
  link.click();
  // the browser has taken the file once the click is handled
  setTimeout(() => {
    link.remove();
    URL.revokeObjectURL(url);
  }, 1000);
  window.__techbridgeLastDownload = { fileName: link.download, size: blob.size, type: blob.type };
}

// --- cached look-ups ----------------------------------------------------------

let fieldsPromise = null;
let regionsPromise = null;
const recordCache = new Map();

/** The technical-field taxonomy, [{code, nameZh, nameEn}], loaded once. */
export function fields() {
  if (!fieldsPromise) {
    fieldsPromise = get('/api/fields').catch((e) => {
      fieldsPromise = null;
      throw e;
    });
  }
  return fieldsPromise;
}

/** The names of the region codes, {"330100": "杭州市", …}, loaded once (public, no token needed). */
export function regions() {
  if (!regionsPromise) {
    regionsPromise = request('/api/regions', { authenticate: false }).catch((e) => {
      regionsPromise = null;
      throw e;
    });
  }
  return regionsPromise;
}

/**
 * An achievement or demand by id, kept for the page's lifetime so lists can show titles without
 * asking twice. A record the caller may not see resolves to null rather than failing the list.
 */
export function record(kind, id, { fresh = false } = {}) {
  const key = `${kind}:${id}`;
  if (fresh || !recordCache.has(key)) {
    const path = kind === 'achievement' ? `/api/achievements/${encodeURIComponent(id)}` : `/api/demands/${encodeURIComponent(id)}`;
    recordCache.set(key, get(path).catch((e) => {
      recordCache.delete(key);
      if (e.status === 404 || e.status === 403) return null;
      throw e;
    }));
  }
  return recordCache.get(key);
}
