/**
 * Roles over time. People change jobs during the talks (a minister moves to another post, an
 * adviser becomes chief of staff): every article's role for a person is kept with the article's
 * date, grouped by the office it names, and the latest is the current one; the others are history,
 * each with the dates the articles give it and the passage that says it. Pure.
 */
import { fold } from '../text/normalize.ts';
import { LEFT_OFFICE, affiliationOf, rolePriority, type RoleHow } from '../extract/roles.ts';
import { HONORIFICS, ROLE_MODIFIERS, ROLE_NOUNS } from '../extract/lexicon/names.ts';
import { codePointOrder } from '../text/normalize.ts';
import { germanOffice } from '../extract/lexicon/german-titles.ts';

/** A role as one article gives it, placed in the knowledge base: paragraph id and article date. */
export interface DatedRoleMention {
  text: string;
  how: RoleHow;
  former: boolean;
  /** The text says they take the role up now ("was appointed …"). */
  fresh?: boolean;
  /** Paragraph id (KnowledgeBase.paragraphs). */
  paragraph: number;
  /** The article's publication date (YYYY-MM-DD…), or null when it has none. */
  date: string | null;
}

/** One role in someone's history. */
export interface DatedRole {
  role: string;
  /** The earliest article date that gives it. */
  since: string | null;
  /** When it is known to be over: the first date a newer role is reported, or a "former …". */
  until: string | null;
  /** Paragraph id of the passage that best says it (in its latest article). */
  paragraph: number;
  current: boolean;
  /** Known to be over ("former …", a newer office); a role neither current nor ended is held beside the current one. */
  ended: boolean;
}

const SAME = new Map(Object.entries({
  advisor: 'adviser', aide: 'adviser', counsellor: 'adviser', counselor: 'adviser', chief: 'head', leader: 'head',
  spokesman: 'spokesperson', spokeswoman: 'spokesperson', defense: 'defence', chairman: 'chair', chairwoman: 'chair',
}));
const GLUE = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'and', 'in', 'on', 'at', 's']);

/**
 * The office a role names, spelling aside: its role nouns and title words, without owners and
 * nationalities ("Ukraine's Defence Minister" and "defence minister" are one office).
 */
export function officeKey(role: string): string {
  const words = role.replace(/[’']s\b/g, '').split(/[^\p{L}-]+/u).filter(Boolean);
  const kept = words.flatMap((word) => {
    const w = fold(word);
    const german = germanOffice(w);
    if (german) return german;
    if (GLUE.has(w)) return [];
    const isTitleWord = ROLE_NOUNS.has(w) || ROLE_MODIFIERS.has(w) || HONORIFICS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, ''));
    // Capitalised words that are not title words are owners ("Ukraine", "Kremlin", "NATO").
    return isTitleWord || !/^\p{Lu}/u.test(word) ? [w] : [];
  });
  return [...new Set(kept.map((w) => SAME.get(w) ?? w))].sort().join(' ');
}

/**
 * Someone else taking up an office ("X was named defence minister"): whoever held that office of
 * the same country or body before no longer does from that date, though older articles (and
 * background passages of newer ones) still give it to them.
 */
export interface Succession {
  /** officeKey of the office taken up. */
  key: string;
  /** Its country or body when the text gives one (affiliationOf). */
  owner: string | null;
  date: string;
}

/** Offices several people hold at once (deputies, senators, envoys): one holder's arrival ends no one's. */
const SHARED_OFFICE = new Set(['deputy', 'member', 'senator', 'envoy', 'official', 'lawmaker', 'negotiator', 'officer', 'representative', 'diplomat', 'mp', 'judge', 'general', 'colonel', 'lieutenant', 'major', 'fellow', 'analyst', 'correspondent', 'journalist', 'reporter', 'candidate', 'acting', 'assistant']);
/** Titles many hold unless the office is said in full ("national security adviser", not "economic adviser"). */
const VAGUE_OFFICE = new Set(['adviser', 'aide']);

/**
 * Whether an office has one holder at a time and names it well enough to tell: two title words at
 * least ("defence minister", not "president", which every country has), none of a shared office.
 */
export function singleHolder(key: string): boolean {
  const words = key.split(' ');
  if (words.some((w) => SHARED_OFFICE.has(w))) return false;
  return words.length >= (words.some((w) => VAGUE_OFFICE.has(w)) ? 3 : 2);
}

const keyMemo = new Map<string, string>();
/** officeKey, remembered: every settling of every person asks it again. */
export function officeKeyOf(text: string): string {
  let k = keyMemo.get(text);
  if (k === undefined) {
    if (keyMemo.size > 100_000) keyMemo.clear();
    keyMemo.set(text, (k = officeKey(text) || fold(text)));
  }
  return k;
}

/** The successions a mention makes: a fresh office of one holder, dated. */
export function successionOf(m: DatedRoleMention): Succession | null {
  if (!m.fresh || m.former || m.date === null || rolePriority(m.text, m.how) !== 1) return null;
  const key = officeKeyOf(m.text);
  return singleHolder(key) ? { key, owner: affiliationOf(m.text), date: m.date } : null;
}

/** Head nouns of what someone does for a living or is to someone, not of an office they hold. */
const DESCRIPTIONS = new Set(['journalist', 'correspondent', 'editor', 'economist', 'historian', 'analyst', 'expert', 'lawyer', 'businessman', 'businesswoman', 'investor', 'billionaire', 'founder', 'professor', 'researcher', 'scholar', 'oligarch', 'teacher', 'writer', 'banker', 'entrepreneur', 'son', 'daughter', 'wife', 'husband', 'widow', 'brother', 'sister', 'son-in-law', 'father', 'mother', 'ally', 'friend', 'confidant']);
const isDescription = (role: string) => DESCRIPTIONS.has(fold(role.split(/\s+/).pop() ?? ''));

const laterDate = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : codePointOrder(a, b));

interface Office {
  key: string;
  mentions: DatedRoleMention[];
  since: string | null;
  last: string | null;
  /** A "former …" after every current mention, or a newer office taken up: the office is over. */
  ended: boolean;
  /** When it is known to be over (null when the articles have no date). */
  endedAt: string | null;
  best: DatedRoleMention;
}

/**
 * The current role and the history of roles of one person. The current role is the office named
 * last by article date (an office still held before a function such as heading a delegation; on a
 * tie, the one that says most, a bare rank last), unless the articles call it former; the others
 * follow oldest first.
 */
export function rolesOverTime(all: DatedRoleMention[], successions: Succession[] = []): { role: string | null; roles: DatedRole[] } {
  // "X resigned", "X stepped down": not an office, the end of the offices held until then.
  const leaving = all.filter((m) => m.text === LEFT_OFFICE);
  const mentions = all.filter((m) => m.text !== LEFT_OFFICE);
  if (mentions.length === 0) return { role: null, roles: [] };
  const groups = new Map<string, DatedRoleMention[]>();
  for (const m of mentions) {
    const k = officeKeyOf(m.text);
    const g = groups.get(k);
    if (g) g.push(m);
    else groups.set(k, [m]);
  }
  // "NSDC secretary" and "secretary of the National Security and Defence Council": an office named
  // with fewer title words than exactly one other is that office.
  for (const [key, ms] of [...groups].sort((a, b) => a[0].split(' ').length - b[0].split(' ').length)) {
    const words = key.split(' ');
    const wider = [...groups.keys()].filter((k) => k !== key && words.every((w) => k.split(' ').includes(w)));
    if (wider.length === 1 && words.length > 0) {
      groups.get(wider[0])!.push(...ms);
      groups.delete(key);
    }
  }
  const offices: Office[] = [...groups].map(([key, ms]) => {
    const sorted = [...ms].sort((a, b) => laterDate(a.date, b.date) || a.paragraph - b.paragraph);
    const now = sorted.filter((m) => !m.former);
    const lastNow = now.length ? now[now.length - 1] : undefined;
    // "former …" after every mention of it as current (later, or later in the same article): over.
    const formerAfter = sorted.filter((m) => m.former && (!lastNow || laterDate(m.date, lastNow.date) > 0 || (m.date === lastNow.date && m.paragraph > lastNow.paragraph)));
    // The text to show: the best-worded mention among the latest ones that are not "former".
    const pool = now.length ? now : sorted;
    const latest = pool[pool.length - 1].date;
    const best = pool.filter((m) => m.date === latest).sort((a, b) => rolePriority(a.text, a.how) - rolePriority(b.text, b.how) || a.paragraph - b.paragraph)[0];
    const ended = formerAfter.length > 0 || now.length === 0;
    return { key, mentions: sorted, since: sorted[0].date, last: sorted[sorted.length - 1].date, ended, endedAt: formerAfter.length && now.length ? formerAfter[0].date : null, best };
  });
  // A new office ("was appointed defence minister") ends the offices they held until then, unless a
  // later article still gives them: functions (head of a delegation) go on beside an office.
  const isOffice = (o: Office) => rolePriority(o.best.text, o.best.how) === 1;
  for (const o of offices) {
    if (!isOffice(o)) continue;
    const took = o.mentions.filter((m) => m.fresh && !m.former).map((m) => m.date)[0];
    if (took === undefined) continue;
    for (const other of offices) {
      if (other === o || !isOffice(other) || other.ended) continue;
      const lastNow = other.mentions.filter((m) => !m.former).pop();
      if (lastNow && laterDate(lastNow.date, took) <= 0 && !(lastNow.date === took && lastNow.fresh)) {
        other.ended = true;
        other.endedAt = took;
      }
    }
  }
  // Someone else took up the office after they were first given it: over from then, unless an
  // article says they took it up (again) since.
  for (const s of successions) {
    for (const o of offices) {
      if (o.ended || o.key !== s.key || !isOffice(o)) continue;
      const owner = o.mentions.map((m) => affiliationOf(m.text)).find((x) => x !== null) ?? null;
      if (owner !== null && s.owner !== null && owner !== s.owner) continue;
      if (o.mentions.some((m) => m.fresh && !m.former && laterDate(m.date, s.date) >= 0)) continue;
      o.ended = true;
      o.endedAt = s.date;
    }
  }
  for (const left of leaving) {
    for (const o of offices) {
      if (o.ended) continue;
      const lastNow = o.mentions.filter((m) => !m.former).pop();
      // A successor's "succeeded X" ends what earlier articles gave X, not what this one still calls them.
      const sameDayCounts = left.how !== 'before';
      // …but "dismissed the finance minister, X" names the office X leaves, in the sentence that ends it.
      const namedAsLeft = (m: DatedRoleMention) => m.date === left.date && m.paragraph === left.paragraph && m.how === 'before';
      const allBefore = o.mentions.filter((m) => !m.former).every((m) => laterDate(m.date, left.date) < 0 || namedAsLeft(m));
      if (lastNow && (laterDate(lastNow.date, left.date) < 0 || (sameDayCounts && lastNow.date === left.date && lastNow.paragraph <= left.paragraph) || (!sameDayCounts && allBefore && namedAsLeft(lastNow)))) {
        o.ended = true;
        o.endedAt = left.date;
      }
    }
  }
  const live = offices.filter((o) => !o.ended && rolePriority(o.best.text, o.best.how) < 4);
  // An office still held comes before a function named later (the NSDC secretary who heads the
  // delegation is the secretary, also head of the delegation); among offices, the latest.
  // A calling or a kinship said later ("Belousov, an economist", "his son") describes them; it does not
  // replace an office they hold.
  const functionOnly = (o: Office) => (rolePriority(o.best.text, o.best.how) >= 2 ? 1 : isDescription(o.best.text) ? 0.5 : 0);
  live.sort((a, b) => functionOnly(a) - functionOnly(b) || laterDate(b.last, a.last) || Number(b.mentions.some((m) => m.fresh)) - Number(a.mentions.some((m) => m.fresh)) || rolePriority(a.best.text, a.best.how) - rolePriority(b.best.text, b.best.how) || b.mentions.length - a.mentions.length || b.best.paragraph - a.best.paragraph);
  // Only a rank ("General") and nothing that ended it: the rank is what they are, not a former one.
  const current = live[0] ?? offices.filter((o) => !o.ended).sort((a, b) => laterDate(b.last, a.last) || b.mentions.length - a.mentions.length)[0] ?? null;
  const history = offices.filter((o) => o !== current).sort((a, b) => laterDate(a.since, b.since) || a.best.paragraph - b.best.paragraph);
  const roles: DatedRole[] = history.map((o) => {
    // Over when the articles say so, or when a newer office is first reported after its last mention;
    // a function (head of a delegation) goes on beside an office, and ends only when the text says so.
    const newer = isOffice(o) ? offices.filter((x) => x !== o && isOffice(x) && x.since !== null && laterDate(x.since, o.last) > 0).map((x) => x.since!).sort(codePointOrder)[0] ?? null : null;
    const until = (o.ended ? o.endedAt : null) ?? (current && newer ? newer : null);
    // First reported after it was over (a successor named earlier): when it began is not known.
    const since = until !== null && laterDate(o.since, until) > 0 ? null : o.since;
    return { role: o.best.text, since, until, ended: o.ended || until !== null, paragraph: o.best.paragraph, current: false };
  });
  if (current) roles.push({ role: current.best.text, since: current.since, until: null, ended: false, paragraph: current.best.paragraph, current: true });
  // No office they still hold: what they are is the last one they held ("former prime minister").
  const lastHeld = current ? null : [...roles].sort((a, b) => laterDate(a.until ?? a.since, b.until ?? b.since))[roles.length - 1];
  return { role: current?.best.text ?? (lastHeld ? `former ${lastHeld.role}` : null), roles };
}
