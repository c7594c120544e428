import { splitSentences } from '../text/sentences.ts';
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, Mention } from './types.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';
import { englishPos } from './lexicon/gazetteers.ts';
import { knownGenders, pronounGender, type Gender } from './gender.ts';
import { descriptionAtStart, fitsDescription, readDescription, type Description } from './descriptions.ts';

/** Whether a person of the article holds the office a description names. */
// ("the former president" is one who held the office, "the president" one who holds it.)
export const fitsPerson = (p: ArticlePerson, d: Description): boolean => {
  const former = d.mods.some((w) => /^(?:former|ex-?|onetime|one-time)$/.test(w));
  return fitsDescription(p.roles.filter((r) => !!r.former === former).map((r) => r.text), p.affiliation, d);
};

/** Person mentions at one span, as a possible subject of a verb. A pronoun may stand for a group. */
export interface Ref {
  start: number;
  end: number;
  people: number[];
  pronoun: boolean;
}

const PREPOSITIONS = /\b(with|to|by|from|of|towards|toward|including|against|for|about|between|among|on|at|in|into|than|like|via|under|over|after|before|behind|beside|without)\s+$/i;
const PRONOUN = /\b(he|she|they)\b/gi;
/** What may stand between coordinated subjects: "X and Y", "X, a title, and Minister Y". */
const AND_BETWEEN = /^(?:,[^,.;]{0,90},?)?\s+and\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}$/u;

/** Subject references in a stretch: mentions and pronouns not governed by a preposition. */
export function subjectsIn(text: string, refs: Ref[], from: number, to: number): Ref[] {
  return refs.filter((r) => r.start >= from && r.end <= to && !governed(text, r.start));
}

/** Title words between a preposition and a name: "with President X", "to Foreign Minister X". */
const TITLED = /(?:(?:\p{Lu}[\p{L}.’'-]*|the|a|an|his|her|its|their)\s+){1,3}$/u;
/** Whether a preposition governs the name at `start` (possibly over its title words). */
function governed(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 50), start);
  if (PREPOSITIONS.test(before.slice(-14))) return true;
  const t = TITLED.exec(before);
  return !!t && PREPOSITIONS.test(before.slice(0, t.index).slice(-14));
}

/** The last subject before `to`, widened to "X and Y", "Both X and Y", "X, a Y, and Z". */
export function lastSubjectGroup(text: string, refs: Ref[], from: number, to: number): number[] {
  const subs = subjectsIn(text, refs, from, to);
  if (subs.length === 0) return [];
  let k = subs.length - 1;
  const group = [...subs[k].people];
  while (k > 0) {
    const between = text.slice(subs[k - 1].end, subs[k].start);
    if (!AND_BETWEEN.test(between)) break;
    group.unshift(...subs[k - 1].people);
    k--;
  }
  return [...new Set(group)];
}

/** "Standing next to the chancellor, NAME, …": a name in apposition to a preposition's object. */
function inPrepositionalPhrase(text: string, r: Ref, from: number): boolean {
  const before = text.slice(from, r.start);
  if (!/,\s*$/.test(before)) return false;
  // "In his statement Saturday, X did go further": a name the verb follows is the main clause's subject.
  if (!/^[’']?s?\s*,/.test(text.slice(r.end, r.end + 3))) return false;
  const segment = before.replace(/,\s*$/, '').split(/[,;]/).pop() ?? '';
  return /\b(?:with|to|by|from|of|towards|toward|against|for|about|between|among|on|at|in|into|than|like|via|under|over|after|before|behind|beside|without|next to|alongside)\s+(?:the|a|an|his|her|their|its)\b/i.test(segment);
}

/** "from Ivan Petrov, Berg's adviser": the owner in another person's appositive is not who the sentence is about. */
function ownerInAppositive(text: string, refs: Ref[], r: Ref): boolean {
  if (!/^[’']s\b/.test(text.slice(r.end, r.end + 3))) return false;
  return refs.some((x) => x.end <= r.start && !x.pronoun && x.people.length && /^,\s+$/.test(text.slice(x.end, r.start)));
}

/** A verb after the name (past an appositive, adverbs and auxiliaries): the name is what the clause is about. */
function hasVerbAfter(text: string, r: Ref, to: number): boolean {
  const after = text.slice(r.end, to);
  if (/^[’']s\b/.test(after)) return false;
  const m = /^(?:,[^,;“”"]{1,110},)?\s+(?:(?:also|later|then|again|still|now|never|already|has|had|have|will|would|could|can|may|might|must|should|did|does|is|was|were|are|not)\s+)*([\p{Ll}]+)/u.exec(after);
  if (!m) return false;
  const w = m[1];
  if (SPEECH_VERBS.has(w)) return true;
  const pos = englishPos(w);
  return !!pos && pos.includes('v') && !/^(?:of|in|on|at|to|for|and|or|but|the|a|an)$/.test(w);
}

/**
 * First subject of a sentence with its coordinated partners: who the sentence is about. The first
 * name a verb follows wins over a name in a phrase before it ("Standing next to the chancellor, X,
 * Y said"); with none, the first name not governed by a preposition.
 */
function sentenceSubject(text: string, refs: Ref[], from: number, to: number): number[] {
  const all = subjectsIn(text, refs, from, to).filter((r) => !inPrepositionalPhrase(text, r, from) && !ownerInAppositive(text, refs, r));
  let withVerb = all.findIndex((r) => r.people.length && hasVerbAfter(text, r, to));
  // "Mr Berg and Mr Lund spoke": the verb's subject takes in the names coordinated before it.
  while (withVerb > 0 && all[withVerb - 1].people.length && AND_BETWEEN.test(text.slice(all[withVerb - 1].end, all[withVerb].start))) withVerb--;
  const subs = withVerb > 0 ? all.slice(withVerb) : all;
  if (!subs.length || !subs[0].people.length) return [];
  const group = [...subs[0].people];
  for (let k = 1; k < subs.length; k++) {
    const between = text.slice(subs[k - 1].end, subs[k].start);
    if (!AND_BETWEEN.test(between)) break;
    group.push(...subs[k].people);
  }
  return [...new Set(group)];
}

/** Mentions of one paragraph grouped by span, plus its pronouns (unresolved). */
export function refsOf(paragraph: number, mentions: Mention[]): Ref[] {
  const bySpan = new Map<string, Ref>();
  for (const m of mentions) {
    if (m.paragraph !== paragraph) continue;
    const key = `${m.start}:${m.end}`;
    const r = bySpan.get(key);
    if (r) r.people.push(m.person);
    else bySpan.set(key, { start: m.start, end: m.end, people: [m.person], pronoun: !!m.pronoun });
  }
  return [...bySpan.values()].sort((a, b) => a.start - b.start);
}

/**
 * Pronoun mentions ("he", "she", "they") resolved to the person, or the group, that stood last
 * as the subject of a sentence. News prose keeps one protagonist per stretch; this follows it.
 * The chain runs across paragraphs, as readers do.
 */
/** A subordinate clause opens before the name: "Asked if X was ready, he answered" is not about X. */
const SUBORDINATE = /\b(?:if|whether|when|whenever|although|though|while|because|after|before|since|until|unless|asked|that|whom?|which)\b/gi;

/**
 * Whether a name after these words stands inside a subordinate clause ("Asked if X was ready, he …"),
 * not after one the comma has closed ("Speaking to senators before the vote, X promised …").
 */
function inSubordinate(before: string): boolean {
  let last = -1;
  for (const m of before.matchAll(SUBORDINATE)) last = m.index!;
  return last >= 0 && !before.slice(last).includes(',');
}

/**
 * "The American president left Rome": a sentence whose subject is a role, not a name, is about the
 * person named last (within three paragraphs) whose roles hold that role noun (and nationality).
 */
export function describedSubject(text: string, s: { start: number; end: number }, people: ArticlePerson[] | undefined, mentions: Mention[], paragraph: number): number | null {
  if (!people) return null;
  const sentence = text.slice(s.start, s.end);
  // "The president's tone has hardened": the owner is who the sentence is about.
  const owner = OWNER_DESCRIPTION.exec(sentence);
  const d = descriptionAtStart(sentence) ?? (owner ? readDescription(owner[1]) : null);
  if (!d) return null;
  return lastNamedWho(mentions, paragraph, s.start, (i) => fitsPerson(people[i], d));
}

// (No "i" flag: with it \p{Ll} would match the capital of "the president's Olaf Berg".)
const OWNER_DESCRIPTION = /^\s*([Tt]he\s+[^,;’'“”"]{2,40}?)[’']s\s+\p{Ll}/u;

/**
 * The person named last, within the three paragraphs up to `paragraph` (before `before` in it),
 * for whom `fits` holds: who "the president" of a sentence is.
 */
export function lastNamedWho(mentions: Mention[], paragraph: number, before: number, fits: (person: number) => boolean): number | null {
  let best: Mention | null = null;
  for (const x of mentions) {
    if (x.paragraph > paragraph || x.paragraph < paragraph - 3 || (x.paragraph === paragraph && x.start >= before)) continue;
    if (!fits(x.person)) continue;
    if (!best || x.paragraph > best.paragraph || (x.paragraph === best.paragraph && x.start > best.start)) best = x;
  }
  return best ? best.person : null;
}

/**
 * "The American president left Rome": a sentence about someone named by a role we cannot tie to a
 * name. A "he" that follows may mean them: better no antecedent than the wrong one.
 */
function isDescribedPerson(text: string, s: { start: number; end: number }): boolean {
  const d = descriptionAtStart(text.slice(s.start, s.end));
  return !!d && !/^(?:officials?|members?)$/.test(d.head);
}

export function resolvePronouns(article: Article, mentions: Mention[], people?: ArticlePerson[]): Mention[] {
  const out: Mention[] = [];
  const midSentence = capitalisedMidSentence(article);
  let last: number[] = [];
  const known = people ? knownGenders(article, people, mentions) : [];
  const gender = known.map((k) => k.gender);
  const agrees = (person: number, want: Gender | null) => !want || !gender[person] || gender[person] === want;
  /** Who was spoken of lately, the latest last: where a pronoun that disagrees with `last` looks instead. */
  const recent: number[] = [];
  const remember = (ps: number[]) => {
    for (const x of ps) {
      const k = recent.indexOf(x);
      if (k >= 0) recent.splice(k, 1);
      recent.push(x);
    }
    if (recent.length > 6) recent.splice(0, recent.length - 6);
  };
  for (const p of article.paragraphs) {
    const text = p.text;
    const refs = refsOf(p.n, mentions);
    for (const m of text.matchAll(PRONOUN)) refs.push({ start: m.index!, end: m.index! + m[0].length, people: [], pronoun: true });
    refs.sort((a, b) => a.start - b.start);
    // Names and pronouns inside quotation marks belong to the speaker's words, not the narration.
    const quoted = quotedRanges(text);
    const outside = refs.filter((r) => !quoted.some(([a, b]) => r.start > a && r.end <= b));
    for (const s of splitSentences(text)) {
      // A named subject earlier in the same sentence wins: "X conveyed …, a sentiment he reinforced".
      let named = sentenceSubject(text, outside, s.start, s.end);
      let namedAt = subjectsIn(text, outside, s.start, s.end)[0]?.start ?? Infinity;
      if (named.length && inSubordinate(text.slice(s.start, namedAt))) {
        // "Asked whether Nowak was playing for time, Berg said he …": the main clause's subject,
        // after the comma that closes the subordinate one.
        const comma = text.indexOf(',', namedAt);
        const main = comma > 0 && comma < s.end ? sentenceSubject(text, outside, comma + 1, s.end) : [];
        const mainAt = main.length ? subjectsIn(text, outside, comma + 1, s.end).find((r) => r.people.length)?.start : undefined;
        named = main.length && mainAt !== undefined && !outside.some((r) => r.pronoun && r.start > comma && r.start < mainAt) ? main : [];
        if (named.length) namedAt = mainAt!;
      }
      const described = named.length ? null : describedSubject(text, s, people, mentions, p.n);
      const unnamedSubject = UNNAMED_SUBJECT.test(text.slice(s.start, s.end));
      let reported: Description | null = null;
      /** The sentence's own opening pronoun: "He has told X to go, while Y stays, he wrote." — one "he". */
      let opener: { word: string; people: number[] } | null = null;
      for (const r of outside) {
        if (!r.pronoun || r.start < s.start || r.end > s.end) continue;
        const word = text.slice(r.start, r.end);
        if (opener && opener.word === word.toLowerCase() && /,\s*$/.test(text.slice(s.start, r.start))) {
          r.people = opener.people;
          for (const person of r.people) out.push({ paragraph: p.n, start: r.start, end: r.end, person, pronoun: true });
          continue;
        }
        // "Standing between X and Y, he turned to …": the names in an opening phrase are not who "he" is.
        const afterPhrase = OPENING_PHRASE.test(text.slice(s.start, r.start));
        // "Berg, he assured, is very respected": a speaker's aside after a name is someone else's
        // words about that name.
        const aside = INSERTED_SPEECH.exec(text.slice(r.end, r.end + 30));
        const about = aside && SPEECH_VERBS.has(aside[1]) ? outside.find((x) => !x.pronoun && x.people.length && x.start >= s.start && /^[’']?s?\s*,\s*$/.test(text.slice(x.end, r.start))) : undefined;
        // ("A Nordish officer, who asked not to be named because he …, said": the officer's "he".)
        const antecedent = unnamedSubject ? [] : about ? last.filter((x) => !about.people.includes(x)) : afterPhrase ? last : named.length && namedAt < r.start ? named : described !== null ? [described] : last;
        const singular = !/^they$/i.test(word);
        // "he" cannot stand for a group; "they" for one person is usually a group we missed.
        r.people = singular ? antecedent.slice(-1) : antecedent.length > 1 ? [...antecedent] : [];
        // "she" after a man: the woman spoken of last — named earlier in this sentence, or lately.
        const want = pronounGender(word);
        if (singular && r.people.length && !agrees(r.people[0], want)) {
          const before = outside.filter((x) => !x.pronoun && x.start >= s.start && x.end <= r.start).flatMap((x) => x.people);
          const alt = [...before.reverse(), ...[...recent].reverse()].find((x) => agrees(x, want));
          // No one else it could be, and only a name list says otherwise ("Kemi" is a man's name in
          // one list): the text's own pronoun is the better word.
          r.people = alt != null ? [alt] : known[r.people[0]]?.byNameOnly && recent.length === 1 ? r.people : [];
        }
        for (const person of r.people) out.push({ paragraph: p.n, start: r.start, end: r.end, person, pronoun: true });
        if (!opener && (/^\s*$/.test(text.slice(s.start, r.start)) || afterPhrase)) opener = { word: word.toLowerCase(), people: r.people };
      }
      remember(outside.filter((x) => !x.pronoun && x.start >= s.start && x.end <= s.end).flatMap((x) => x.people));
      const subject = named.length && namedAt > (subjectsIn(text, outside, s.start, s.end)[0]?.start ?? Infinity) ? named : sentenceSubject(text, outside, s.start, s.end);
      // "Nowak had to sell the plan, the president told reporters. “…,” he said.": the one who
      // speaks the sentence goes on, not a name inside what they said.
      const teller = closingSpeaker(text, s, outside, people, mentions, p.n);
      const accordingTo = /^\s*according to\s+/i.exec(text.slice(s.start, s.end));
      const according = accordingTo ? outside.find((r) => !r.pronoun && r.people.length && r.start === s.start + accordingTo[0].length && /^\s*,/.test(text.slice(r.end, r.end + 2)))?.people ?? null : null;
      // "Berg asked him whether he owed an apology. “…,” he said.": the one asked answers next.
      const asked = ASKED.exec(text.slice(s.start, s.end));
      const askedWho = asked && (asked[1] ? (last.length ? last : null) : outside.find((r) => !r.pronoun && r.people.length && r.start === s.start + asked.index + asked[0].length)?.people ?? null);
      if (askedWho && subject.length && !askedWho.some((x) => subject.includes(x))) last = askedWho;
      else if (teller !== null) last = teller;
      else if (unnamedSubject) last = [];
      // "He has told X to go, while Y stays": a sentence about the one its "he" means, left unknown,
      // is not about Y.
      else if (opener && opener.word !== 'they') last = opener.people;
      // "According to Berg, the side would be led by …": the one it is according to goes on.
      else if (according) last = according;
      else if (subject.length && !inSubordinate(text.slice(s.start, subjectsIn(text, outside, s.start, s.end)[0]?.start ?? s.start))) last = subject;
      else if (described !== null) last = [described];
      // "Asked if X was ready, he answered": the main clause's pronoun, not the subordinate subject, goes on.
      else if (subject.length) last = outside.find((r) => r.pronoun && r.people.length && r.start > s.start && r.end <= s.end)?.people ?? subject;
      else if (isDescribedPerson(text, s) || unknownSpeakerOpens(text, s, outside, midSentence)) last = [];
      else if ((reported = reportedDescription(text, s)) !== null) {
        // "Officials say the prime minister used his time with X to …": the one described is who
        // the sentence is about, not X; no one when no one named holds that office.
        const who = people ? lastNamedWho(mentions, p.n, s.start, (i) => fitsPerson(people[i], reported!)) : null;
        last = who === null ? [] : [who];
      } else {
        // No subject ("For Fiona Hill, a former adviser, the summit showed …"): the person the
        // sentence is about is still the one a following "she" means.
        // ("The palace's version, from X, Berg's adviser.": an owner is not who it is about.)
        const named = outside.filter((r) => !r.pronoun && r.start >= s.start && r.end <= s.end && r.people.length && !ownerInAppositive(text, outside, r));
        if (named.length) last = named[named.length - 1].people;
      }
    }
    // An interview turn, "Anna Lund: …": the names in it are her words; a "she" after it is hers.
    const label = outside.find((r) => !r.pronoun && r.people.length && r.start <= 2 && /^\s*[:：]\s/.test(text.slice(r.end, r.end + 3)));
    if (label) {
      last = label.people;
      remember(label.people);
    }
  }
  return out;
}

/** ", he said, …": a speech verb and its comma right after a pronoun. */
const INSERTED_SPEECH = /^\s+(?:(?:also|then|later)\s+)?([\p{Ll}]+)(?:\s+on)?\s*,/u;
/** "… say the prime minister used …": a description as the subject of what is reported. */
const REPORTED_DESCRIPTION = /\b(?:say|says|said|report|reports|reported|confirmed)\s+(?:that\s+)?(the\s+[\p{L}’'. -]{2,40}?)\s+(?:\p{Ll}+ed|has|had|was|is|will|would|wants|wanted)\b/u;
function reportedDescription(text: string, s: { start: number; end: number }): Description | null {
  const m = REPORTED_DESCRIPTION.exec(text.slice(s.start, s.end));
  return m ? readDescription(m[1]) : null;
}

/** A participle's or a preposition's phrase opening the sentence, closed by its comma. */
const OPENING_PHRASE = /^\s*(?:\p{Lu}\p{Ll}+ing|After|Before|During|Despite|With|Without|Like|Unlike|Alongside|Between|Among|Beside|Next to|Flanked by)\b[^,;“”"]{0,80},\s*$/u;
/** "A Ukrainian officer serving near the front, who asked not to be named, said …": an unnamed source is the subject. */
const UNNAMED_SUBJECT = /^\s*(?:a|an|one|another)\s+(?:[\p{L}’'-]+\s+){0,4}?(?:official|officer|diplomat|source|aide|adviser|advisor|lawmaker|soldier|commander|analyst|insider|negotiator|spokesman|spokeswoman|spokesperson|person|member)\b[^.;“”"]*?\b(?:said|says|told|added|wrote|warned|insisted)\b/iu;

/** A live-blog time, an update mark or a dateline before a sentence's first word. */
const OPENING_STAMP = /^(?:(?:update|updated|breaking)\s*[,:—–-]?\s*)?(?:\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|CET|CEST|EET|EEST|MSK|BST|ET|EST|EDT))?\s*[,:—–-]+\s*)?(?:breaking\s*[:—–-]\s*)?/iu;
/** "Berg says …", "Nowak told reporters …": a capitalised word the article uses as a name, then a speech verb. */
const BARE_NAME_SPEAKS = /^(\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+)?)\s+(?:(?:also|later|then|has|had|again|now)\s+)?(?:said|says|told|tells|added|adds|wrote|writes|posted|insisted|warned|claimed|argued|announced|stressed|replied|responded)\b/u;

/**
 * A sentence about someone the article never names in full ("Berg says the plan is ready", where
 * no "Olaf Berg" makes him a person here): a "he" after it is likelier his than the last
 * person named, so better none than the wrong one. Only a word that is no common noun opening the
 * sentence ("Officials said"): one the article capitalises mid-sentence too, or no English word.
 */
function unknownSpeakerOpens(text: string, s: { start: number; end: number }, refs: Ref[], midSentence: Set<string>): boolean {
  const sentence = text.slice(s.start, s.end);
  const skip = OPENING_STAMP.exec(sentence)?.[0].length ?? 0;
  const m = BARE_NAME_SPEAKS.exec(sentence.slice(skip));
  if (!m) return false;
  const from = s.start + skip;
  if (refs.some((r) => r.start < from + m[1].length && r.end > from)) return false;
  const word = m[1].split(/\s+/).pop()!;
  return !englishPos(word.toLowerCase()) || midSentence.has(word);
}

/** Capitalised words the article writes after a lower-case word or a comma: names, not sentence openers. */
function capitalisedMidSentence(article: Article): Set<string> {
  const out = new Set<string>();
  for (const p of article.paragraphs) for (const m of p.text.matchAll(/[\p{Ll},;]\s+(\p{Lu}[\p{Ll}’'-]+)/gu)) out.add(m[1]);
  return out;
}

/** "X asked him whether …", "X pressed Berg on …": who the question is put to (a pronoun, or the name that follows). */
const ASKED = /^[^,;“”"]{1,60}?\b(?:asked|pressed|questioned|quizzed)\s+(?:(him|her)\b|(?=\p{Lu}))/u;

/** A speech verb with its hearers closing a sentence after a comma (or a quotation's closing mark): ", the president told reporters.", '…,” the president said afterwards.' */
const CLOSING_ATTRIBUTION = /(?:,|[,?!][”"’])\s+((?:the\s+)?[^,;“”"]{1,50}?)\s+(?:said|says|told|tells|added|adds|wrote|noted|insisted|argued|explained|stressed|warned)(?:\s+[\p{Ll}]+){0,3}\s*[.!?]?\s*$/u;

const UNNAMED = String.raw`(?:one of (?:them|the\s+\p{L}+)|(?:a|an|another|one|several|two|three|some)\s+[^,;:“”"]{1,50}?)`;
const UNNAMED_CLOSER = new RegExp(String.raw`(?:,|[,?!][”"’])\s+(?:${UNNAMED}\s+(?:said|says|added|adds|told|wrote|noted)(?:\s+\p{Ll}+){0,3}|(?:said|says|added)\s+${UNNAMED})\s*(?:[.:;!?]|$)`, 'u');

/** Who speaks a sentence whose attribution closes it, when the text says who; else null. */
function closingSpeaker(text: string, s: { start: number; end: number }, refs: Ref[], people: ArticlePerson[] | undefined, mentions: Mention[], paragraph: number): number[] | null {
  const sentence = text.slice(s.start, s.end);
  // "…, a European diplomat said." / "…, said one of them: …": an unnamed source speaks, and a "he"
  // after it is theirs, never a name inside what they said. (Inverted only with said / added:
  // "Berg, the commander, told a different story" is no source.)
  if (UNNAMED_CLOSER.test(sentence)) return [];
  const m = CLOSING_ATTRIBUTION.exec(sentence);
  if (!m) return null;
  const from = s.start + m.index + m[0].indexOf(m[1]);
  const to = from + m[1].length;
  const ref = refs.find((r) => r.start >= from && r.end <= to && r.people.length);
  if (ref) return ref.people;
  const d = people && readDescription(m[1]);
  if (!d) return null;
  const who = lastNamedWho(mentions, paragraph, s.start, (i) => fitsPerson(people![i], d));
  // A speaker described by a role no one holds here: better no antecedent than a name they spoke of.
  return who === null ? [] : [who];
}

/** Spans between quotation marks in a paragraph (an unclosed quote runs to the end). */
export function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
  for (const m of text.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
