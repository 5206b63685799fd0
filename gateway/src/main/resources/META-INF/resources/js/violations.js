// What a refused request (400, problem+json) says about each field, in the reader's language. The
// services word their violations in English; the console recognises the wordings and rules it knows
// and shows its own label (violation.<field>.<name>, else violation.<name>), anything else as sent.
// No DOM here: forms.js puts the texts beside the fields.
import { t, has } from './i18n.js';

/** The server's wordings the console has labels for, each with the values its label shows. */
const WORDINGS = [
  ['blank', /^must not be blank$/],
  ['empty', /^must not be empty$/],
  ['null', /^must not be null$/],
  ['size', /^size must be between (?<min>\d+) and (?<max>\d+)$/],
  ['maxLength', /^must be at most (?<max>\d+) characters$/],
  ['minLength', /^must have at least (?<min>\d+) characters$/],
  ['notUrl', /^is not a URL\b/],
  ['https', /^must be an https URL$/],
  ['httpOrHttps', /^must be an http or https URL$/],
  ['noHost', /^must name a host$/],
  ['userInfo', /^must not carry a user name or password/],
  ['fragment', /^must not have a fragment$/],
  ['unknownHost', /^host (?<host>\S+) is not known$/],
  ['privateHost', /^host (?<host>\S+) is a loopback, private or link-local address/],
  ['event', /^'(?<name>[^']*)' is not an event\b/],
  ['max', /^must be less than or equal to (?<max>-?\d+)$/],
  ['min', /^must be greater than or equal to (?<min>-?\d+)$/],
  ['email', /^must be a well-formed email address$/],
  ['fieldCode', /^must be a technical-field code\b/],
  ['regionCode', /^must be a six-digit GB\/T 2260 region code\b/],
  ['phone', /^must be a mobile number\b/],
  ['contactNeeded', /^give a phone number or an email address$/],
  ['moneyRange', /^minCny must not exceed maxCny\b/],
  ['amountNeeded', /^give minCny or maxCny, or set negotiable to true$/],
  ['patent', /^must be a patent number\b/],
  ['futureDate', /^must be a future date$/],
  ['todayOrLater', /^must be today or later$/],
  ['beforeApplication', /^must not be before applicationDeadline$/],
  ['afterValidUntil', /^must not be after validUntil$/],
];

/** The form field a violation belongs to: an item of a list counts for the list (events[2] → events). */
export function fieldOf(path) {
  return String(path ?? '').replace(/\[[^\]]*\]/g, '');
}

/** One violation {field, rule, message} as the reader reads it. */
export function violationText(violation) {
  const field = fieldOf(violation?.field);
  const message = String(violation?.message ?? '').trim();
  const labelled = (name, params = {}) => {
    for (const key of [`violation.${field}.${name}`, `violation.${name}`]) {
      if (has(key)) return t(key, params);
    }
    return null;
  };
  for (const [name, pattern] of WORDINGS) {
    const match = message.match(pattern);
    if (match) {
      const text = labelled(name, match.groups ?? {});
      if (text) return text;
    }
  }
  return (violation?.rule ? labelled(violation.rule) : null) ?? (message || violation?.rule || t('common.error'));
}

/**
 * A problem's violations by the form's fields: {byField: {url: [text, …]}, others: [text, …]}, the
 * others naming a field the form does not have (they are shown with the problem instead).
 */
export function violationsByField(problem, fields) {
  const byField = {};
  const others = [];
  for (const violation of problem?.violations ?? []) {
    const field = fieldOf(violation.field);
    const text = violationText(violation);
    if (fields.includes(field)) {
      byField[field] = byField[field] ?? [];
      if (!byField[field].includes(text)) byField[field].push(text);
    } else {
      others.push(violation.field ? `${violation.field}: ${text}` : text);
    }
  }
  return { byField, others };
}
