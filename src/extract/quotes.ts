import { splitSentences, type Sentence } from '../text/sentences.ts';
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, Mention, QuoteFact } from './types.ts';
import { fitsPerson, lastNamedWho, quotedRanges, refsOf, type Ref } from './coref.ts';
import { countryOf, describingOpening, holdsOffice, readDescription, type Description } from './descriptions.ts';
import { affiliationOf } from './roles.ts';
import { ROLE_NOUNS } from './lexicon/names.ts';
import { BARE_CLAUSE_VERBS, CUE_PARTICLES, INVERTED_ONLY, JUDGEMENT, PHRASAL_SPEECH, REPORTING_WITHOUT_THAT, SPEECH_VERBS, TELL_VERBS, WEAK_CUES } from './lexicon/verbs.ts';
import { isSpeechVerbAt, sentenceSubjectBefore, sourceAfter, sourceBefore, speechVerbs, wordsIn, type Source } from './attribution.ts';
import { interviewTurns } from './interview.ts';
import { datelineEnd } from '../text/dateline.ts';

interface Span {
  open: number;
  close: number | null; // index of the closing mark, null when the quote runs on to the next paragraph
  text: string;
}

const NOT_SPEECH_BEFORE = /\b(so-called|dubbed|known as|titled|entitled|headlined|headline|the words?|the term|the phrase|nicknamed|slogan|codenamed|code-named|operation)\s*$/i;

/** Quotation spans of a paragraph (its marks made canonical): curly pairs, and straight quotes taken in pairs. */
function quoteSpans(text: string, continuing: boolean, raw: string = text): Span[] {
  const spans: Span[] = [];
  let i = 0;
  // A paragraph continuing an open quote may start without an opening mark on some sites.
  if (continuing && !/^\s*[“"]/.test(text)) {
    const close = text.search(/[”"]/);
    spans.push({ open: -1, close: close >= 0 ? close : null, text: close >= 0 ? raw.slice(0, close) : raw });
    if (close < 0) return spans;
    i = close + 1;
  }
  while (i < text.length) {
    const open = text.slice(i).search(/[“"]/);
    if (open < 0) break;
    const o = i + open;
    // Straight quotes: the next straight (or right) quote closes. Curly: the next right double quote.
    const rel = text.slice(o + 1).search(text[o] === '“' ? /[”“]/ : /["”]/);
    let c = rel >= 0 ? o + 1 + rel : -1;
    if (c >= 0 && text[c] === '“') c = -1; // a new opening before a close: unbalanced, treat as open
    if (c < 0) {
      spans.push({ open: o, close: null, text: raw.slice(o + 1) });
      break;
    }
    spans.push({ open: o, close: c, text: raw.slice(o + 1, c) });
    i = c + 1;
  }
  return spans;
}

function cleanQuote(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^[\s'‘]+|[\s,;:'’]+$/g, '').trim();
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A live blog's entry stamp before a statement that opens the entry: "Update, 18:10:", "16:45 GMT —". */
const LIVE_STAMP = /^(?:(?:update|updated|breaking)\s*(?:[,:]\s*)?)?(?:\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|CET|CEST|EET|EEST|MSK|BST|ET|EST|EDT|\p{Lu}\p{Ll}+ time|local time))?\s*[,:—–-]+\s*)(?=\p{Lu})/iu;

/** Reporting verbs that may stand before their subject: "said Berg", "added a senior official". */
const INVERTING = new Set('said says added adds wrote writes replied replies continued continues explained explains noted notes insisted argued recalled remembered declared stated warned answered responded countered concluded observed remarked asked'.split(' '));

interface Attribution {
  source: Source;
  cue: string | null;
}

const noOne: Source = { people: [], text: null };
const named = (s: Source | null | undefined): boolean => !!s && (s.people.length > 0 || s.text !== null);

/** Text between quotations, with every quoted stretch blanked (same length), for finding verbs in narration. */
function narration(text: string, ranges: [number, number][]): string {
  let out = text;
  for (const [a, b] of ranges) out = out.slice(0, Math.max(0, a)) + ' '.repeat(Math.min(text.length, b + 1) - Math.max(0, a)) + out.slice(b + 1);
  return out;
}

/** A speech verb with its particle and frame: "said", "pointed out that", "described … as", "according to". */
function cueAt(text: string, verb: { w: string; start: number; end: number }, to: number): string {
  let cue = verb.w;
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(verb.end, to))?.[1]?.toLowerCase();
  if (next && CUE_PARTICLES.has(next)) cue += ` ${next}`;
  const tail = text.slice(verb.end, to);
  if (/^\s.*\bas\s*$/.test(tail) && /^describ|^call|^hail|^brand/.test(verb.w)) cue += ' … as';
  else if (/^\s+(?:(?:out|up)\s+)?that\b/.test(tail)) cue += ' that';
  return cue;
}

/** "…,” said X" / "…,” X said" / "…,” X, a Y, said" / "…,” he said" / "… — a source said". */
function attributionAfter(text: string, refs: Ref[], from: number, sentenceEnd: number, reach = 140): Attribution | null {
  const rest = text.slice(from, sentenceEnd);
  // Verb first: "said Berg", "said a senior official", "wrote Berg on X".
  // (French word order in translations: "« … », a déclaré X".)
  const vf = /^\s*[,—–-]?\s*(?:(?:also|later|then|a|has|had)\s+)?([\p{Ll}]+)(?:\s+(?:out|up|on|back|in))?(?=\s)/u.exec(rest);
  if (vf && (SPEECH_VERBS.has(vf[1]) || INVERTED_ONLY.has(vf[1]) || (PHRASAL_SPEECH[vf[1]] && vf[0].trimEnd().endsWith(PHRASAL_SPEECH[vf[1]])))) {
    const src = sourceAfter(text, refs, from + vf[0].length, sentenceEnd);
    if (named(src)) return { source: src!, cue: vf[1] };
  }
  // "“…” — Anna Lund": a dash and a name alone after the quote sign it.
  const signed = /^\s*[—–-]\s*/.exec(rest);
  if (signed) {
    const r = refs.find((x) => x.people.length && !x.pronoun && x.start === from + signed[0].length);
    if (r && /^[\s.)]*$/.test(text.slice(r.end, sentenceEnd))) return { source: { people: r.people, text: null }, cue: null };
  }
  // Subject first: the first speech verb of the narration after the quote, with its subject before it.
  const lead = /^\s*[,—–-]?\s*/.exec(rest)![0].length;
  const verbs = speechVerbs(text, from + lead, Math.min(sentenceEnd, from + lead + reach));
  const v = verbs[0];
  if (!v) return null;
  // Nothing but the subject may stand between the quote and its verb: no other quotation, no clause.
  // (nor a clause of its own: "… “glow in the dark,” for instance, and Berg vowed …"; nor a second
  // "that" clause, nor a time clause with a subject of its own: "…’ and that …, hours before Trump
  // announced …" is not Trump's quote)
  if (/[“";]/.test(text.slice(from + lead, v.start)) || /,\s+(?:[\p{L}’'-]+\s+){0,3}?(?:and|but|while|whereas|yet)\s/u.test(text.slice(from, v.start)) || /\b(?:and|but|or) that\b|,\s+(?:(?:hours|days|weeks|minutes|moments|shortly|just|soon|long)\s+)?(?:before|after|while|as|when|until)\s/.test(text.slice(from + lead, v.start))) return null;
  let src = sourceBefore(text, refs, from + lead, v.start);
  // "“…,” the 43-year-old asked": a short description alone between a quote closed by a comma (or
  // ? !) and its verb is who speaks, whatever its noun (who it names is for `described` to find,
  // else it stays as written).
  if (!named(src) && /[,?!—–-]\s*[”"]?\s*[,—–-]?\s*$/.test(text.slice(Math.max(0, from - 3), from + lead))) {
    const m = /^(?:the|a|an|one|another|his|her|their|its)\s+(?:[\p{L}\d’'-]+\s+){0,3}[\p{L}\d’'-]+\s+$/u.exec(text.slice(from + lead, v.start));
    if (m && !/\b(?:said|says|who|which|that|and|or|of|to|in|on|at|for|with|by|from)\s+$/.test(m[0])) src = { people: [], text: m[0].trim() };
  }
  if (!named(src)) return null;
  return { source: src!, cue: v.w };
}

const DESCRIBED_WHO = /(?:^|[\s,])((?:the|a|an)\s+[^,;“”"]{2,60}?),\s+who\s+(?:also\s+|later\s+|then\s+|had\s+|has\s+)?$/i;

/** "said Rep. Anna Berg (D-N.L.) at the time, " / "said Berg on the radio, " / "said Berg, a former diplomat, ": the name and its appositive, then the comma. */
const INVERTED_NAME_THEN_COMMA = /^\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,5}\p{Lu}[\p{L}.’'-]*(?:\s*\([^()]{1,30}\))?(?:\s+(?:at the time|on \p{Lu}\p{Ll}+|later|afterwards|then|again|(?:on|in|to|at|during)\s+(?:the|a|an|his|her|their)\s+[^,;“”"]{2,40}?))?(?:,\s+(?:a|an|the)\s[^,;“”"]{1,100})?,\s*$/u;

/** The speech verb nearest before a quote in its sentence, with its source: "Berg said: “…”". */
function attributionBefore(text: string, plain: string, refs: Ref[], sentenceStart: number, quoteStart: number): Attribution | null {
  const ws = wordsIn(plain, sentenceStart, quoteStart);
  for (let i = ws.length - 1; i >= 0; i--) {
    const t = ws[i];
    if (t.w === 'to' && ws[i - 1]?.w === 'according') {
      // "According to X, “…”" names the speaker after the cue.
      const src = sourceAfter(text, refs, t.end, quoteStart);
      return named(src) ? { source: src!, cue: 'according to' } : null;
    }
    if (!isSpeechVerbAt(text, t)) continue;
    const cue = cueAt(text, t, quoteStart);
    const gap = text.slice(t.end, quoteStart);
    // A short quote far from its verb is more likely a scare quote than speech.
    const farApart = /;|,\s+(and|but|while|whereas)\s/.test(gap) || gap.length > 300;
    // "Berg backed Lund on Monday, saying “…”": what stands right before a participle's comma is
    // its sentence's object or time, never its subject (that is found below).
    let src = participleAfterComma(text, sentenceStart, t) ? null : sourceBefore(text, refs, sentenceStart, t.start);
    // "…, said Berg: “…”": the name after the verb — only after a verb that inverts with its
    // subject; after "calling", "told" or "labeled" the name is the object, not the speaker.
    if (!named(src) && INVERTING.has(t.w)) src = sourceAfter(text, refs, t.end, quoteStart);
    // "…,” declared the spokeswoman, who added that “…”": the relative's antecedent, a description
    // as written (who it is, `described` finds, as for the quote before).
    const antecedent = named(src) ? null : DESCRIBED_WHO.exec(text.slice(sentenceStart, t.start));
    if (antecedent && readDescription(antecedent[1])) src = { people: [], text: antecedent[1] };
    // "Berg shared a message, stating, “…”": a participle's speaker is the sentence's subject;
    // so is the speaker of "…, and said Russia was “ready right now”".
    if (!named(src) && (/ing$/.test(t.w) || /\b(?:and|but)\s+(?:also\s+|now\s+|then\s+|later\s+)?$/.test(text.slice(Math.max(sentenceStart, t.start - 14), t.start)))) {
      // "…, Peskov said, describing it as “…”": the participle is the speaker's who said it just before.
      // ("… the same campaign points, calling him …": only a verb of saying, not a word that may be a noun.)
      const said = /ing$/.test(t.w) ? speechVerbs(plain, sentenceStart, t.start).filter((v) => v !== t && v.end <= t.start && (BARE_CLAUSE_VERBS.has(v.w) || TELL_VERBS.has(v.w) || INVERTING.has(v.w))).pop() : undefined;
      // ("“…,” said Berg at the time, adding that “…”": the inverted verb's source, after it.)
      const saidSrc = !said ? null : /^\s*,\s*$/.test(text.slice(said.end, t.start)) ? sourceBefore(text, refs, sentenceStart, said.start) :
        INVERTING.has(said.w) && INVERTED_NAME_THEN_COMMA.test(text.slice(said.end, t.start)) ? sourceAfter(text, refs, said.end, t.start) : null;
      src = named(saidSrc) ? saidSrc : sentenceSubjectBefore(text, refs, sentenceStart, t.start);
      if (!named(src)) {
        const first = speechVerbs(plain, sentenceStart, t.start)[0] ?? wordsIn(plain, sentenceStart, t.start).find((w) => /ed$/.test(w.w) && w.start > sentenceStart);
        if (first) src = sourceBefore(text, refs, sentenceStart, first.start);
      }
      // "The Nordish senator sought to calm them, saying …": a described subject, as written (who it
      // is, `described` finds).
      if (!named(src)) src = describedOpening(text.slice(sentenceStart, t.start));
    }
    // "Berg said Lund called on members to be “closely coordinated”": words reported inside what
    // someone else says are the reporter's to vouch for.
    if (src?.people.length) {
      // (The reporter's verb governs the clause only with no punctuation between: "When X suggested
      // …, Y fired back: “…”" is Y's.)
      const outer = speechVerbs(plain, sentenceStart, t.start).filter((v0) => v0.end < t.start).pop();
      const governs = outer && (BARE_CLAUSE_VERBS.has(outer.w) || /^\s+that\s/.test(text.slice(outer.end, outer.end + 6))) && !/[,;:“”"()—–]/.test(text.slice(outer.end, t.start));
      const reporter = governs ? sourceBefore(text, refs, sentenceStart, outer.start) : null;
      if (reporter?.people.length && !reporter.people.some((x) => src!.people.includes(x))) return { source: reporter, cue: cueAt(text, outer!, t.start) };
    }
    return { source: named(src) ? src! : noOne, cue: farApart ? `${cue}?far` : cue };
  }
  return null;
}

/**
 * When or where a closing attribution was said, after its verb: "said on the sidelines of the
 * summit", "wrote in a post", "said late on Monday". Not any "on": "insisted on its terms" is no time.
 */
const WHEN_OR_WHERE = String.raw`\s+(?:on\s+(?:the\s+sidelines\b[^,;“”"]{0,50}?|\p{Lu}[^,;“”"]{1,50}?|television|radio|social media)|in\s+(?:a|an|the|his|her|their|its)\s+[^,;“”"]{2,50}?|at\s+(?:a|an|the)\s+[^,;“”"]{2,50}?|during\s+[^,;“”"]{2,50}?|(?:late|early|earlier|later)\b[^,;“”"]{0,40}?)`;
const CLOSING_TAIL = new RegExp(String.raw`,\s+([^,;“”"]{2,80}?)\s+(said|says|told reporters|added|reported|confirmed|announced|wrote|noted|stressed|went on|continued|explained|insisted|argued|concluded|suggested|acknowledged|conceded|admitted|warned|predicted)(?:\s+on\s+\p{Lu}\p{Ll}+|${WHEN_OR_WHERE})?(?:,\s+(?:(?:a|one|two|three|several|hours|days|minutes|moments|shortly|just|soon)\s+(?:(?:day|days|week|weeks|hours|minutes)\s+)?)?(?:after|before|ahead of|following)\s[^“”"]{2,160}?|,\s+\p{Ll}{3,}ing\s[^“”"]{2,160}?)?\.?\s*$|,\s+(said|says|added|reported|wrote|declared|stated|assured|estimated|judged|explained|insisted|warned|noted|stressed|affirmed|indicated|underlined|specified|concluded|acknowledged)\s+([^,;“”"]{2,80}?)(?:,\s+(?:a|an|the|his|her|its|their|\p{Lu}[\p{L}.-]*[’']s)\s[^,;“”"]{2,120})?\.?\s*$|,\s+according\s+to\s+([^,;“”"]{2,80}?)\.?\s*$`, 'u');
/**
 * "The talks, he said, had lasted …": the attribution in the middle ("…, he told Russian journalists,
 * would …": a telling verb may have its hearers after it), never a relative clause ("…, in which the
 * minister insisted on …, had …").
 */
const MIDDLE_ATTRIBUTION = new RegExp(String.raw`^([^,;“”"]{3,}?),\s+(?!(?:(?:in|of|for|with|to|by|from|at|on|during)\s+)?(?:which|whom|whose)\b|who\b|where\b|when\b)([^,;“”"]{2,60}?)\s+(said|says|say|added|adds|noted|insisted|argued|stressed|wrote|warned|explained|suggested|acknowledged|conceded|admitted|predicted|(?:told|tells|assured|reminded)(?:\s+(?:the\s+)?(?:[\p{L}’'-]+\s+){0,2}?(?:reporters|journalists|the\s+press|lawmakers|parliament|deputies|senators|allies|colleagues|viewers|listeners|students|him|her|them|us|me))?)(?:${WHEN_OR_WHERE})?,\s+[^“”"]{10,}$`, 'u');

/** "…, assured Berg, and …": a middle attribution with the verb before its subject (a name or a short description). */
const MIDDLE_INVERTED = /^([^,;“”"]{6,}?),\s+(said|added|assured|declared|estimated|judged|insisted|explained|stressed|warned|noted|affirmed)\s+((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}.’'-]*|(?:the|a|an)\s+[^,;“”"]{2,50}?),\s+[^“”"]{10,}$/u;

/**
 * The attribution that closes a sentence after a comma: "…, city officials said." / "…, said Berg,
 * an analyst at the institute." / "…, according to the air force." `at` is where it starts.
 */
function closingAttribution(text: string, plain: string, refs: Ref[], s: Sentence): { source: Source | null; cue: string; phrase: string; at: number } | null {
  const tail = CLOSING_TAIL.exec(plain.slice(s.start, s.end));
  if (!tail) return null;
  const phrase = tail[1] ?? tail[4] ?? tail[5];
  const phraseAt = s.start + tail.index + tail[0].indexOf(phrase);
  const source = tail[1] !== undefined ? sourceBefore(text, refs, phraseAt, phraseAt + phrase.length + 1) : sourceAfter(text, refs, phraseAt - 1, phraseAt + phrase.length);
  return { source, cue: tail[2] ?? tail[3] ?? 'according to', phrase, at: s.start + tail.index };
}

/** The noun that makes a possessive's quotation their words: "Berg's “…” remark". */
const REMARK_AFTER = /^\s*(?:remarks?|comments?|claims?|warnings?|pledges?|promises?|threats?|jibes?|quips?|words|line|assessment|description|vow|boast|complaint)\b/;

/** ",” he said." right after a quotation. */
const UNRESOLVED_HE = /^\s*[,—–-]?\s*(?:he|she)\s+(said|added|says|adds|told|wrote|declared|continued|insisted|warned)\b/;

/** The shortest "the …" opening of a sentence that describes one person, as a source: "The Nordish senator sought …". */
function describedOpening(sentence: string): Source | null {
  const opening = describingOpening(sentence, 5);
  return opening ? { people: [], text: opening.phrase } : null;
}

/** "…, saying": a participle after a comma, whose speaker is its sentence's subject. */
const participleAfterComma = (text: string, sentenceStart: number, w: { w: string; start: number }) =>
  /ing$/.test(w.w) && /,\s*$/.test(text.slice(Math.max(sentenceStart, w.start - 3), w.start));

const sameSpeakers = (q: QuoteFact, names: string[]) => q.speakers.length > 0 && q.speakers.every((n) => names.includes(n));

/**
 * The interviewee's own words in an answer turn. An answer that quotes someone else ("Berg wrote:
 * “…”. I see no sign of it.") is not theirs where it quotes: the sentences holding a quotation
 * given to another speaker are left out, and what stands between them is one piece each.
 */
function turnWords(raw: string, sentences: Sentence[], from: number, others: { start: number; end: number }[]): string[] {
  if (!others.length) {
    const body = cleanQuote(raw.slice(from));
    return body ? [body] : [];
  }
  const pieces: string[] = [];
  let start = -1;
  let end = -1;
  const flush = () => {
    const body = start >= 0 ? cleanQuote(raw.slice(start, end)) : '';
    if (body) pieces.push(body);
    start = -1;
  };
  for (const s of sentences) {
    if (s.end <= from) continue;
    if (others.some((q) => Math.max(0, q.start) < s.end && q.end > s.start)) {
      flush();
      continue;
    }
    if (start < 0) start = Math.max(s.start, from);
    end = s.end;
  }
  flush();
  return pieces;
}

/**
 * "« … », launched the Ukrainian president" where the article gives no one that office: the speaker
 * the description varies on, as translations and features write — the one person named (outside
 * quotation marks) before the quotation in its paragraph, or in the paragraph before when its own
 * names no one, whose roles here name no other office or country, and who has spoken already.
 * Two such people, or none, leave it unnamed: a wrong speaker costs more than none.
 */
function variedSpeaker(article: Article, people: ArticlePerson[], mentions: Mention[], quotes: QuoteFact[], d: Description, source: string, cue: string, n: number, at: number): number | null {
  // Only the inverted order a translation keeps ("…», estimated the spokesman"): English "the
  // senator said" as often brings in someone named paragraphs before, or the other side of an interview.
  const paragraph = article.paragraphs[n - 1]?.text ?? '';
  if (!paragraph.includes(`${cue} ${source}`)) return null;
  const named = (x: number, before: number) => {
    const quoted = quotedRanges(article.paragraphs[x - 1]?.text ?? '');
    return mentions.filter((m) => m.paragraph === x && m.start < before && !m.pronoun && !quoted.some(([a, b]) => m.start >= a && m.start < b));
  };
  let window = named(n, at);
  let text = paragraph.slice(0, at);
  if (window.length === 0 && n > 1) {
    window = named(n - 1, Infinity);
    text = `${article.paragraphs[n - 2]?.text ?? ''} ${text}`;
  }
  // "A senior diplomat said …. “…,” the diplomat said": the description goes back to that unnamed source.
  if (new RegExp(String.raw`\b(?:an?|one|another)\s+(?:[\p{L}’'-]+\s+){0,3}${d.head}\b`, 'iu').test(text)) return null;
  const country = countryOf(d);
  const open = (p: ArticlePerson) =>
    p.roles.length === 0 ||
    (holdsOffice(p.roles.map((r) => r.text), d) && !p.affiliation && !p.roles.some((r) => { const a = affiliationOf(r.text); return a && a !== country; }));
  const candidates = [...new Set(window.map((m) => m.person))].filter((i) => people[i] && open(people[i]));
  if (candidates.length !== 1) return null;
  const name = people[candidates[0]].name;
  return quotes.some((q) => q.speakers.includes(name)) ? candidates[0] : null;
}

/**
 * Direct and reported quotations of one article, each with its speakers. `article` is read with its
 * quotation marks made canonical; `original` gives the words as written. Speakers come only from
 * the text: a subject before a speech verb, a name after one, a pronoun resolved to the person
 * last spoken of, an interview's speaker label, or the paragraph before a paragraph that is all
 * quotation. A source the text does not name ("a source familiar with the talks") is kept as
 * written and never given to the nearest named person. Quotation marks without any of these are
 * not speech and get no speaker.
 */
export function extractQuotes(article: Article, people: ArticlePerson[], mentions: Mention[], original: Article = article): QuoteFact[] {
  const quotes: QuoteFact[] = [];
  const turns = interviewTurns(article, people, mentions);
  let open: { fact: QuoteFact; pending: boolean } | null = null;
  /** The last statement of the paragraph before, when it ends the paragraph: who a following all-quote paragraph belongs to. */
  let carry: { source: Source; cue: string | null } | null = null;
  /**
   * "the president wrote", "the minister claimed": a source that is a role with "the" is the person
   * the article gives that role who was named last, within the last three paragraphs; else it stays
   * as written.
   */
  const described = (src: Source, n: number, cue: string | null, at?: number): Source => {
    if (src.people.length || !src.text) return src;
    // "…,” the leaders wrote": a plural description after a joint statement is its signers.
    if (GROUP_DESCRIPTION.test(src.text)) {
      const joint = [...quotes].reverse().find((q) => q.paragraph >= n - 1 && q.speakers.length >= 2);
      return joint ? { people: joint.speakers.map((name) => people.findIndex((x) => x.name === name)), text: null } : src;
    }
    // "the Vermont senator and Democratic presidential candidate": either description may name them.
    const descriptions = src.text.split(/\s+and\s+/).map((part, i) => readDescription(i === 0 ? part : `the ${part}`));
    if (descriptions.some((d) => !d)) return src;
    const best = lastNamedWho(mentions, n, Infinity, (i) => descriptions.some((d) => fitsPerson(people[i], d!)));
    if (best !== null) return { people: [best], text: null };
    const varied = at === undefined || !cue || descriptions.length !== 1 ? null : variedSpeaker(article, people, mentions, quotes, descriptions[0]!, src.text, cue, n, at);
    return varied !== null ? { people: [varied], text: null } : src;
  };
  const fact = (text: string, given: Source, cue: string | null, kind: QuoteFact['kind'], n: number, at?: number): QuoteFact => {
    const src = described(given, n, cue, at);
    return {
    text: kind === 'reported' ? text.replace(LIVE_STAMP, '') : text,
    speakers: [...new Set(src.people)].map((i) => people[i].name),
    ...(src.people.length === 0 && src.text ? { source: src.text } : {}),
    cue,
    kind,
    paragraph: n,
    lastParagraph: n,
    };
  };

  for (const p of article.paragraphs) {
    // `text` has its quotation marks in one style (text/quote-marks.ts); the words quoted come from `raw`.
    const text = p.text;
    const raw = original.paragraphs[p.n - 1]?.text ?? text;
    const refs = refsOf(p.n, mentions);
    const sentences = splitSentences(text);
    const sentenceAt = (pos: number): Sentence => sentences.find((s) => pos >= s.start && pos < s.end) ?? sentences[sentences.length - 1];
    const turn = turns.get(p.n);
    const carried = carry;
    carry = null;

    // An interview's turn: the paragraph's words are its speaker's (placed here, filled in below,
    // once the quotations inside it are known).
    const turnAt = turn ? quotes.length : -1;
    /** The paragraph's quotations given a speaker of their own, where they stand. */
    const spoken: { start: number; end: number; fact: QuoteFact }[] = [];

    const spans = quoteSpans(text, !!open, raw);
    const ranges: [number, number][] = spans.map((s) => [s.open, s.close ?? text.length]);
    const plain = narration(text, ranges);
    // A paragraph that is all quotation, with no attribution of its own, goes on with the speaker before it.
    const allQuote = spans.length > 0 && plain.replace(/[\s.,;:!?—–-]/g, '') === '' && !turn;
    let lastQuoteEnd = -1;
    let lastDirect: QuoteFact | null = null;
    /** Where this paragraph's direct quotes stand, for the reported statement that may hold one. */
    const placed: { fact: QuoteFact; start: number; end: number }[] = [];
    for (const span of spans) {
      const qStart = span.open;
      const qEnd = span.close ?? text.length;
      const body = cleanQuote(span.text);
      if (!body) continue;
      // Continuation of a quote from the previous paragraph.
      if (open && (qStart === -1 || (span === spans[0] && /^\s*[“"]/.test(text)))) {
        open.fact.text += ` ${body}`;
        open.fact.lastParagraph = p.n;
        if (span.close != null) {
          const after = attributionAfter(text, refs, qEnd + 1, sentenceAt(Math.max(0, qEnd)).end);
          if (after && open.pending) {
            Object.assign(open.fact, fact(open.fact.text, after.source, after.cue, 'direct', open.fact.paragraph), { lastParagraph: p.n });
            open.pending = false;
          }
          if (open.pending && !named({ people: [], text: open.fact.source ?? null }) && open.fact.speakers.length === 0) quotes.splice(quotes.indexOf(open.fact), 1);
          lastDirect = open.fact;
          lastQuoteEnd = qEnd;
          open = null;
        }
        continue;
      }
      open = null;
      if (turn && qStart < turn.from) continue;
      const s = sentenceAt(Math.max(0, qStart));
      if (NOT_SPEECH_BEFORE.test(text.slice(s.start, Math.max(0, qStart)))) continue;
      // "Berg claimed on Tuesday that “…,” one of Lund’s lawyers said …": words that a "that" hands to
      // a speech verb before them are that verb's, whatever speaks after them.
      const thatBefore = /\bthat\s*$/.test(text.slice(s.start, qStart)) ? attributionBefore(text, plain, refs, s.start, qStart) : null;
      let attribution: Attribution | null = thatBefore && named(thatBefore.source) && !thatBefore.cue?.endsWith('?far') ? thatBefore : span.close != null ? attributionAfter(text, refs, qEnd + 1, s.end) : null;
      // "Berg's “could have been a mistake” remark": words a possessive speaker owns as a remark.
      if (!attribution && span.close != null && REMARK_AFTER.test(text.slice(qEnd + 1, qEnd + 40))) {
        const owner = refs.find((r) => r.people.length && !r.pronoun && /^[’']s\s*$/.test(text.slice(r.end, qStart)));
        if (owner) attribution = { source: { people: owner.people, text: null }, cue: null };
      }
      if (!attribution) {
        const before = attributionBefore(text, plain, refs, s.start, qStart);
        if (before) {
          const far = before.cue?.endsWith('?far') ?? false;
          const cue = before.cue?.replace(/\?far$/, '') ?? null;
          if (!(far && wordCount(body) <= 3)) attribution = { source: before.source, cue };
        }
      }
      // “…?” Berg said. / “…?” Berg went on, as if he had not heard. — the attribution opens the
      // sentence after the quote (its subject and verb come first; a longer sentence must start so).
      // (Only for a quote whose own sentence has no speech verb: "X said that “…”." has its cue.)
      if (!attribution && span.close != null && /[.!?]\s*$/.test(text.slice(Math.max(0, qEnd - 2), qEnd))) {
        const next = sentences[sentences.indexOf(s) + 1];
        if (next && next.start - qEnd < 4) {
          const after = attributionAfter(text, refs, next.start, next.end, wordCount(next.text) <= 8 ? 140 : 40);
          if (after) attribution = after;
        }
      }
      // A quote right after one of the same paragraph, with nothing of its own, continues it:
      // “Europe must be ready,” he said. “If we are not, others will decide for us.”
      // (Not when the narration between names someone else: "… Statement from X: “…”".)
      const namesOther = (speaker: QuoteFact) => refs.some((r) => r.people.length && r.start > lastQuoteEnd && r.end <= qStart && !r.people.every((x) => speaker.speakers.includes(people[x].name)));
      if (!attribution && lastDirect && lastQuoteEnd >= 0 && (lastDirect.speakers.length || lastDirect.source) && !/[“"]/.test(text.slice(lastQuoteEnd + 1, qStart)) && text.slice(lastQuoteEnd + 1, qStart).length < 200 && !namesOther(lastDirect)) {
        const q: QuoteFact = { ...lastDirect, text: body, paragraph: p.n, lastParagraph: p.n };
        quotes.push(q);
        spoken.push({ start: qStart, end: qEnd, fact: q });
        lastDirect = q;
        lastQuoteEnd = qEnd;
        // Left open, it runs on into the next paragraph with the same speaker.
        if (span.close == null) open = { fact: q, pending: false };
        continue;
      }
      // "Kaine has adopted the stance of many Catholics: “…”" — a colon hands the quote to the subject.
      if (!attribution && /:\s*$/.test(text.slice(Math.max(s.start, qStart - 3), qStart))) {
        const subject = sentenceSubjectBefore(text, refs, s.start, qStart) ?? sourceBefore(text, refs, s.start, Math.max(s.start, (wordsIn(plain, s.start, qStart).find((w) => /(?:s|ed)$/.test(w.w) && w.start > s.start)?.start ?? s.start)));
        // "Berg's only response was a post: “…”": the owner of the words the sentence opens with.
        const owner = subject?.people.length ? null : refs.find((r) => r.people.length && !r.pronoun && r.start >= s.start && r.start - s.start < 60 && /^[’']s\s+(?:(?:only|first|latest|last|own|whole|brief|terse)\s+)?(?:response|reply|reaction|answer|message|verdict|comment|statement|words|post)\b/.test(text.slice(r.end, r.end + 40)));
        if (owner) attribution = { source: { people: owner.people, text: null }, cue: null };
        else if (named(subject)) attribution = { source: subject!, cue: null };
        // "Statement just in from the secretary's spokesman, Lt Col X: “…”": the name the colon follows.
        else {
          const label = refs.filter((r) => r.people.length && r.start >= s.start && /^(?:,[^,;“”"]{1,60})?:\s*$/.test(text.slice(r.end, qStart))).pop();
          if (label) attribution = { source: { people: label.people, text: null }, cue: null };
        }
      }
      // "For Lund, “the pressure must increase”": a French turn ("Pour X, « … »") that gives the words to X.
      if (!attribution) {
        const who = refs.find((r) => r.people.length && r.start > s.start && /^,\s*$/.test(text.slice(r.end, qStart)) && /^\s*(?:But\s+|And\s+)?For\s+(?:[\p{L}’'.-]+\s+){0,4}$/u.test(text.slice(s.start, r.start)));
        if (who) attribution = { source: { people: who.people, text: null }, cue: 'for' };
      }
      // A quote that is a sentence of its own, right after a sentence in which someone speaks:
      // "Berg distanced himself from the movement by saying he would help. “I am going to support him.”"
      if (!attribution && !turn) {
        const k = sentences.indexOf(s);
        const alone = k > 0 && plain.slice(s.start, s.end).replace(/[\s.,;:!?—–-]/g, '') === '';
        if (alone) attribution = speakerOfSentence(text, plain, refs, sentences[k - 1]);
      }
      // "Berg “drew quite well from them” in 2008, said Anna Lund, an analyst.": the attribution that
      // closes the sentence, with no other quotation before it.
      if (!attribution && !turn && span.close != null) {
        const tail = closingAttribution(text, plain, refs, s);
        // (Another quotation before it may share it — "will carry “weight” and bring “firepower”, X said" —
        // unless a verb of saying between gives that one a speaker of its own.)
        const shared = (at: number) => !spans.some((o) => o.open > qEnd && o.open < at) || speechVerbs(plain, qEnd, at).length === 0;
        if (tail && tail.at >= qEnd && named(tail.source) && shared(tail.at)) attribution = { source: tail.source!, cue: tail.cue };
      }
      // "The vice-president spent most of it rebuking Europe. “…,” he said.": a "he" no name stands
      // for, after a sentence whose subject is a description, is that description (the base may
      // know who holds it).
      const he = !attribution && span.close != null ? UNRESOLVED_HE.exec(text.slice(qEnd + 1, s.end)) : null;
      if (he && !refs.some((r) => r.pronoun && r.people.length && r.start > qEnd && r.start < qEnd + 12)) {
        const k = sentences.indexOf(s);
        const prev = k > 0 ? sentences[k - 1] : null;
        const opening = prev && prev.end <= qStart ? describedOpening(text.slice(prev.start, prev.end)) : null;
        if (opening) attribution = { source: opening, cue: he[1] };
      }
      // "Q: You said the council “is not where this gets solved”": in a question, what "you" said is the
      // interviewee's (who answers next), whatever the verb's object seems to name.
      const you = turn ? YOU_SAID.exec(text.slice(s.start, Math.max(s.start, qStart))) : null;
      if (turn && you) {
        const answer = [...turns].find(([n, t]) => n > p.n && (t.people.join() !== turn.people.join() || t.source !== turn.source))?.[1];
        if (answer?.people.length) attribution = { source: { people: answer.people, text: null }, cue: you[1] };
      }
      if (!attribution && turn) attribution = null;
      else if (!attribution && allQuote && carried && span === spans[0]) attribution = carried;
      const f = fact(body, attribution?.source ?? noOne, attribution?.cue ?? null, 'direct', p.n, Math.max(qStart, 0));
      spoken.push({ start: qStart, end: qEnd, fact: f });
      if (span.close == null) {
        open = { fact: f, pending: !named(attribution?.source) };
        quotes.push(f);
        continue;
      }
      placed.push({ fact: f, start: qStart, end: qEnd });
      // Unattributed short phrases in quotation marks are titles or scare quotes, not quotes.
      if (!named(attribution?.source) && !attribution?.cue && wordCount(body) < 4) continue;
      quotes.push(f);
      lastDirect = f;
      lastQuoteEnd = qEnd;
    }

    const reported = reportedSpeech(text, raw, plain, refs, sentences, ranges);
    for (const r of reported) quotes.push(fact(r.text, r.source, r.cue, 'reported', p.n));
    // "Rubio said the aim was to finish “as soon as possible”": words quoted inside what a named
    // person is reported to say are theirs, whatever cue comes after them.
    for (const d of placed) {
      if (d.fact.speakers.length) continue;
      const holder = reported.find((r) => r.source.people.length && d.start >= r.from && d.end <= r.to);
      if (!holder) continue;
      const given = fact(d.fact.text, holder.source, holder.cue, 'direct', p.n);
      if (!quotes.includes(d.fact)) quotes.push(d.fact);
      Object.assign(d.fact, { speakers: given.speakers, cue: given.cue });
      delete d.fact.source;
    }

    if (turn) {
      const pieces = turnWords(raw, sentences, turn.from, spoken.filter((q) => (q.fact.speakers.length || q.fact.source || wordCount(q.fact.text) >= 4) && !sameSpeakers(q.fact, turn.people.map((i) => people[i].name))));
      quotes.splice(turnAt, 0, ...pieces.map((body) => fact(body, { people: turn.people, text: turn.source }, null, 'direct', p.n)));
    }

    // What this paragraph hands on: the speaker of its last sentence's speech verb ("… Berg said:").
    const last = sentences[sentences.length - 1];
    if (last && !open) {
      const colon = /:\s*$/.test(plain.slice(last.start, last.end));
      // "Berg said that for years critics had been predicting …": the sentence's first speaker hands on,
      // not the verb of the clause they report.
      for (const v of turn ? [] : speechVerbs(plain, last.start, last.end)) {
        let src = sourceBefore(text, refs, last.start, v.start) ?? sourceAfter(text, refs, v.end, last.end);
        // "X used to support Y, but now said …": the verb after "but" or "and" is the sentence subject's.
        if (!named(src) && /\b(?:and|but)\s+(?:now\s+|then\s+|also\s+|later\s+)?$/.test(text.slice(Math.max(last.start, v.start - 14), v.start))) src = sentenceSubjectBefore(text, refs, last.start, v.start);
        // A person hands on what they say next; an outlet or a body only with a colon ("The paper responded:").
        if (named(src) && (src!.people.length || colon)) {
          carry = { source: src!, cue: v.w };
          break;
        }
      }
      // "X released the following statement:": no verb of saying, but what follows is X's.
      const issued = !carry && !turn && colon ? ISSUED_STATEMENT.exec(plain.slice(last.start, last.end)) : null;
      if (issued) {
        const src = sourceBefore(text, refs, last.start, last.start + issued.index);
        if (src?.people.length) carry = { source: src, cue: issued[1] };
      }
    }
  }
  return quotes;
}

const GROUP_DESCRIPTION = /^the\s+(?:[\p{Ll}-]+\s+)?(?:leaders|signatories|ministers|heads of (?:state|government)(?: and government)?|presidents|allies)$/iu;

const YOU_SAID = /\b[Yy]ou\s+(?:have\s+|had\s+|also\s+|just\s+|once\s+)?(said|told|wrote|called|described|warned|argued|claimed|promised|put it)\b[^“”"]*[“"]?\s*$/;

const ISSUED_STATEMENT = /\b(released|issued|put out|published|sent|read out|delivered)\s+(?:a|an|the|this|his|her|their)\s+(?:following\s+|brief\s+|short\s+|written\s+|joint\s+)?(?:statement|message|letter|note|response|reply|remarks)\s*:\s*$/;

/** Who speaks in a sentence: the source of its first speech verb (or of a participle's subject). */
function speakerOfSentence(text: string, plain: string, refs: Ref[], s: Sentence): Attribution | null {
  for (const v of speechVerbs(plain, s.start, s.end)) {
    let src = sourceBefore(text, refs, s.start, v.start) ?? sourceAfter(text, refs, v.end, s.end);
    if (!named(src) && /ing$/.test(v.w)) src = sentenceSubjectBefore(text, refs, s.start, v.start);
    if (named(src) && src!.people.length) return { source: src!, cue: v.w };
  }
  return null;
}

interface Reported {
  text: string;
  source: Source;
  cue: string;
  sentence: Sentence;
  /** Where the statement's clause lies in the paragraph, [from, to). */
  from: number;
  to: number;
}


/** A clause's opening: a pronoun or determiner, or a name with an auxiliary ("Russia had …"). */
const CLAUSE_AUXILIARIES = 'had|has|was|were|would|will|could|is|are|should|must|might|did|does|may|can';

/** "said it was possible", "said this would take time", "said no deal had been reached", "said Nordland, as a sovereign country, could not …": "it" opens a clause when a verb follows, not "said it" (so), nor "said no to". */
const IT_CLAUSE = new RegExp(String.raw`^\s+(?:it|this)\s+(?:was|is|were|would|will|had|has|could|should|might|must|may|did|does|seemed|seems|remained|remains|wanted|wants|needed|needs|looked|looks|made|makes|took|takes|appeared|appears|sent|gave|saw|knew|found|got|came|went|kept|held|brought|meant|showed|shows|hopes|plans|expects|believes|intends|considers|regards|sees|supports|rejects|opposes|welcomes|stands|continues|\p{Ll}{2,}ed)\b|^\s+no\s+(?!to\b)(?:(?!(?:and|but|or)\b)[\p{Ll}\p{N}-]+\s+){1,5}?(?:${CLAUSE_AUXILIARIES}|\p{Ll}{2,}ed)\b|^\s+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)?,\s+[^,;“”"]{2,60},\s+(?:${CLAUSE_AUXILIARIES})\b`, 'u');
const CLAUSE_SUBJECT = String.raw`(?=(?:he|she|they|it|we|I|there|the|a|an|his|her|their|its|this|these|those|no|both|all|some|one|any)\s|\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*\s+(?:${CLAUSE_AUXILIARIES})\b)`;
/**
 * "told him Kyiv was ready", "told reporters the talks had been useful": a telling verb's hearer,
 * then a clause without "that" (a subject, and a verb within a few words).
 */
const TOLD_BARE_CLAUSE = new RegExp(
  String.raw`^\s+(?:him|her|them|us|me|reporters|journalists|the press|lawmakers|parliament|\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)?)\s+${CLAUSE_SUBJECT}(?=(?:[\p{L}’'-]+\s+){1,5}?(?:${CLAUSE_AUXILIARIES}|\p{Ll}+ed)\b)`,
  'u',
);
const WEEKDAY_NAMES = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
/**
 * A say-verb's time or medium before a clause without "that": "on Wednesday", "late on Friday", "last
 * week", "in a statement", "on Telegram". The clause must open with a subject: a pronoun or
 * determiner, or a name with an auxiliary ("Russia had …"), so "said on Wednesday in Paris" is none.
 */
const TIMED_BARE_CLAUSE = new RegExp(
  String.raw`^\s+(?:(?:late|early|earlier)\s+)?(?:on\s+(?:${WEEKDAY_NAMES})(?:\s+(?:morning|afternoon|evening|night))?|(?:last|this)\s+(?:week|month|night|weekend)|in\s+an?\s+(?:[\p{Ll}-]+\s+)?(?:statement|interview|video|post|speech|address|message|briefing)|on\s+(?:Telegram|social media|television))(?:\s+(?:on\s+)?(?:${WEEKDAY_NAMES}))?\s+(?!the\s+(?:following|next|previous|same|day|other)\b|this\s+(?:morning|afternoon|evening|week)\b)${CLAUSE_SUBJECT}`,
  'u',
);

const CLAUSE_BREAK = /,?\s+(?:and|but)\s+(?:said|says|added|adds|warned|noted|stressed|insisted|argued|complained|conceded|admitted|acknowledged|claimed|explained)\b|,\s+(?:and|but|while|although|though|even though|whereas)\s+(?:[\p{L}’'-]+\s+){1,6}?(?:said|says|added|described|called|warned|noted|insisted|argued|told|confirmed|announced|denied|wrote|stated)\b|,\s+(?:and|but|while|whereas)\s+(?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+,\s+[^,;“”"]{2,60},\s+(?:said|says|added|warned|noted|insisted|argued|told|confirmed|announced|denied|wrote|stated)\b|,\s+(?:\p{Lu}[\p{L}’'.-]*\s+){1,3}(?:reported|reports|said|says)\s*,/u;

/**
 * A clause stops at the end of its sentence, at a second speech verb ("…, and said …"), where
 * another subject's statement starts ("…, and officials described the date as flexible"), or at
 * the outlet that carried it ("…, Reuters reported, and …"). "X said
 * that A and that B" is one statement: what a reader quotes as what X said, and what gold holds.
 */
function clauseEnd(plain: string, from: number, sentenceEnd: number): number {
  const m = CLAUSE_BREAK.exec(plain.slice(from, sentenceEnd));
  return m ? from + m.index : sentenceEnd;
}

/** The unnamed source of the statement in the sentence right before `s`, if it agrees in number. */
function unnamedBefore(found: Reported[], sentences: Sentence[], s: Sentence, plural: boolean): Source | null {
  const before = sentences[sentences.indexOf(s) - 1];
  const prior = before && [...found].reverse().find((r) => r.sentence === before);
  const text = prior && !prior.source.people.length ? prior.source.text : null;
  if (!text) return null;
  const isPlural = /(?:s|people)$/i.test(text.replace(/\s+(?:familiar|close|briefed|with|in|from|at|of|who)\b.*$/i, ''));
  return isPlural === plural ? { people: [], text } : null;
}

/**
 * "According to X, the government spokesman, the capital has …": the description of X after the comma is no
 * part of what X said. Only a description with a role noun and no verb counts, so that a subject
 * followed by a comma ("the talks, which …") stays.
 */
function appositiveLength(after: string): number {
  const m = /^\s*(?:the|a|an|his|her|its|their)\s+([^,;.“”"«»]{1,60}),/u.exec(after);
  if (!m) return 0;
  const words = m[1].toLowerCase().split(/\s+/);
  return words.some((w) => ROLE_NOUNS.has(w)) && !words.some((w) => /^(?:is|are|was|were|has|have|had|will|would|who|which|that)$/.test(w)) ? m[0].length : 0;
}

/**
 * Reported speech: "X noted that …", "He warned that …", "X accused Y of …", "According to X, …",
 * "…, X added, …". One statement per subject and verb; a second verb of the same subject ("and
 * said that …") is a statement of its own.
 */
function reportedSpeech(text: string, raw: string, plain: string, refs: Ref[], sentences: Sentence[], quoted: [number, number][]): Reported[] {
  const out: Reported[] = [];
  for (const s of sentences) {
    const ws = wordsIn(plain, s.start, s.end);
    let subject: Source | null = null;
    /** The end of the last statement found: a verb inside what someone is reported to have said is theirs to report. */
    let covered = -1;
    for (let i = 0; i < ws.length; i++) {
      const v = ws[i];
      let src: Source | null = null;
      let from: number;
      let cue: string;
      if (v.w === 'according' && ws[i + 1]?.w === 'to') {
        // "According to X, the talks failed."
        const comma = plain.indexOf(',', ws[i + 1].end);
        if (comma < 0 || comma > s.end) continue;
        src = sourceAfter(text, refs, ws[i + 1].end, comma);
        from = comma + 1 + appositiveLength(plain.slice(comma + 1, s.end));
        cue = 'according to';
        if (!named(src)) continue;
        // "According to X, the president told him that …": the one X reports speaks; their own verb
        // below gives the statement.
        const inner = /^\s*((?:the\s+)?[^,;“”"]{2,50}?)\s+(?:told|tells|said|says|assured|informed)\s+(?:(?:him|her|them|me|us)\s+)?that\b/u.exec(plain.slice(from, s.end));
        if (inner && named(sourceBefore(text, refs, from, from + inner[0].indexOf(inner[1]) + inner[1].length + 1))) continue;
      } else {
        if (!isSpeechVerbAt(text, v) || v.start < covered) continue;
        const participle = participleAfterComma(plain, s.start, v);
        src = participle ? null : sourceBefore(text, refs, s.start, v.start);
        // "…, and said that …", "thanked them, but said …": the subject of the sentence's first verb
        // (a speech verb's, else the sentence's) says this one too.
        if (!named(src) && /\b(?:and|but)\s+(?:also\s+|then\s+)?$/.test(plain.slice(Math.max(s.start, v.start - 12), v.start))) src = subject ?? sentenceSubjectBefore(text, refs, s.start, v.start);
        // "Trump announced the date, saying further details would follow": a participle's speaker is the subject.
        if (!named(src) && participle) src = sentenceSubjectBefore(text, refs, s.start, v.start) ?? subject;
        // "Berg used his first trip abroad to tell the allies that …": an infinitive of saying is the
        // subject's, when no one else is named before it ("Berg asked Lund to tell …" is Lund's errand).
        if (!named(src) && /\bto\s+$/.test(plain.slice(Math.max(s.start, v.start - 4), v.start))) {
          const subj = sentenceSubjectBefore(text, refs, s.start, v.start);
          const others = refs.some((r) => r.start >= s.start && r.end <= v.start && r.people.some((x) => !subj?.people.includes(x)));
          if (subj && !others) src = subj;
        }
        // "X was quoted by the agency as saying that …": the one quoted says it, not the agency.
        if (/\bquoted\s+(?:by\s+[^,;.“”"]{1,50}?\s+)?as\s+$/.test(plain.slice(Math.max(s.start, v.start - 70), v.start))) src = sentenceSubjectBefore(text, refs, s.start, v.start) ?? src;
        if (!named(src)) continue;
        // "he would say the United States had other priorities", "declined to say": not a report of what was said.
        if (v.w === 'say' && /\b(?:would|could|might|will|should|may|must|can|to|not)\s+$/.test(plain.slice(Math.max(s.start, v.start - 8), v.start))) continue;
        const verbEnd = v.end;
        const particle = /^\s+(out|up)\b/.exec(plain.slice(verbEnd, s.end));
        const verb = particle ? `${v.w} ${particle[1]}` : v.w;
        const after = verbEnd + (particle ? particle[0].length : 0);
        const rest = plain.slice(after, s.end);
        const that =
          // ("answered today that", "said repeatedly that", "judged for his part that", "said that, for humanitarian reasons, …")
          /^\s+(?:(?:(?:on|in|to|at|during|after|before)\s+[^,.;]{1,40}?|for\s+(?:his|her|its|their)\s+part|today|yesterday|again|later|earlier|afterwards?|then|also|now|\p{Ll}+ly)\s+)?that(?:\s*,\s*|\s+)/u.exec(rest) ??
          // (The hearers may have a relative clause: "told lawmakers who demand more diplomacy that …".)
          (TELL_VERBS.has(v.w) ? /^\s+(?:(?:[^,.;“”"]{1,40}?|[\p{L}-]+\s+who\s+[^,.;“”"]{1,60}?)\s+)?that\s+/u.exec(rest) : null) ??
          (/^(?:told|tells|assured|assures)$/.test(v.w) ? TOLD_BARE_CLAUSE.exec(rest) : null) ??
          // "X said on Wednesday he had …", "said in a statement the talks …": a time or a medium, then the clause.
          (BARE_CLAUSE_VERBS.has(v.w) ? TIMED_BARE_CLAUSE.exec(rest) : null) ??
          // "X said the talks had failed": say-verbs take a clause without "that".
          (BARE_CLAUSE_VERBS.has(v.w) && (/^\s+(?!(?:in|on|at|to|with|for|after|before|during|from|by|of|as|so|it|this|nothing|yes|no)\b|(?:little|much|more)\s+(?:about|than|on|of|in|to|at|for|with|and|but|or|after|before|during|today|yesterday|later|here|there)\b|(?:little|much|more)\s+the\s+same\b|(?:little|much|more)\s*[,.;]|(?:little|much|more)$)[\p{L}\p{N}][\p{L}\p{N}’'%-]*\s+[\p{L}\p{N}][\p{L}\p{N}’'%-]*/u.test(rest) || IT_CLAUSE.test(rest)) ? /^\s+/.exec(rest) : null);
        const judged = !that && JUDGEMENT.test(`${verb}${rest.slice(0, 120)}`);
        const bare = judged || REPORTING_WITHOUT_THAT.test(`${verb}${rest.slice(0, 10)}`.trim());
        if (!that && !bare) {
          subject = src;
          continue;
        }
        if (WEAK_CUES.has(v.w) && !that && !judged) continue;
        from = that ? after + that[0].length : v.start;
        cue = `${verb}${that && /that[\s,]+$/.test(that[0]) ? ' that' : ''}`;
      }
      subject = src;
      const end = clauseEnd(plain, from, s.end);
      // A statement whose words are a direct quote is reported above, once…
      const firstQuote = quoted.find(([a, b]) => a >= from && a < end && b > a);
      // …unless the words before the quotation make a statement of their own: four words or more, six
      // or more when they end in a copula ("talks were “productive”" do not).
      if (firstQuote) {
        const lead = text.slice(from, firstQuote[0]);
        if (wordCount(lead) < 4 || (wordCount(lead) < 6 && /\b(is|are|was|were|be|been|being|considered|called|seen as|as|remained|remains|seemed|sounded|looked)\s*$/i.test(lead))) continue;
      }
      const clause = raw.slice(from, end).replace(/[.\s]+$/, '').trim();
      if (wordCount(clause) < 3) continue;
      out.push({ text: clause, source: src!, cue, sentence: s, from, to: end });
      covered = end;
    }
    // The attribution after the clause: "At least two people were killed, city officials said." /
    // "…, said a senior official." / "…, according to the air force."
    if (!out.some((r) => r.sentence === s) && !quoted.some(([a, b]) => a >= s.start && b <= s.end)) {
      const tail = closingAttribution(text, plain, refs, s);
      if (tail) {
        let src = tail.source;
        // "People familiar with the talks said … . Washington was looking for ideas, they said.": the
        // pronoun is the unnamed source of the sentence before.
        if (!named(src) && /^(?:they|he|she)$/i.test(tail.phrase)) src = unnamedBefore(out, sentences, s, /^they$/i.test(tail.phrase));
        // ("PARIS, April 18 (Wire) — …, X said.": the dateline is no part of what X said.)
        const from = s.start + (s.start === 0 ? datelineEnd(raw) : 0);
        const clause = raw.slice(from, tail.at).trim();
        // ("…, the fighting continued.": a verb that is also one of going on needs a person.)
        if (/^(?:continued|went on)$/.test(tail.cue) && !src?.people.length) src = null;
        if (named(src) && wordCount(clause) >= 3) out.push({ text: clause, source: src!, cue: tail.cue, sentence: s, from, to: tail.at });
      }
    }
    // The attribution in the middle: "The talks, he said, had lasted more than two hours." The
    // statement is the sentence as written, its attribution inside.
    // (Or the last clause after a semicolon: "…; Berg, he said, was prolonging the war.")
    const clauseStarts = [s.start, ...[...plain.slice(s.start, s.end).matchAll(/;\s*/g)].map((m) => s.start + m.index + m[0].length)];
    for (const start of out.some((r) => r.sentence === s) ? [] : clauseStarts) {
      if (quoted.some(([a, b]) => a < s.end && b > start)) continue;
      const mid = MIDDLE_ATTRIBUTION.exec(plain.slice(start, s.end));
      // "The situation is under control, assured Berg, and the generators supply the site": the verb
      // first, as translations keep it.
      const inverted = mid ? null : MIDDLE_INVERTED.exec(plain.slice(start, s.end));
      if (!mid && !inverted) continue;
      let src: Source | null;
      let cue: string;
      if (mid) {
        const phraseAt = start + mid[1].length + mid[0].slice(mid[1].length).indexOf(mid[2]);
        src = sourceBefore(text, refs, phraseAt, phraseAt + mid[2].length + 1);
        cue = mid[3].split(/\s+/)[0];
      } else {
        const verbEnd = start + inverted![1].length + inverted![0].slice(inverted![1].length).indexOf(inverted![2]) + inverted![2].length;
        src = sourceAfter(text, refs, verbEnd, verbEnd + inverted![3].length + 2);
        cue = inverted![2];
      }
      const lead = (mid ?? inverted)![1];
      const clause = raw.slice(start, s.end).replace(/[.\s]+$/, '').trim();
      // "President X, she said, had asked her …": X is whom the statement is about, never its speaker.
      const spokenOf = new Set(refs.filter((r) => !r.pronoun && r.start >= start && r.end <= start + lead.length).flatMap((r) => r.people));
      const aboutOnly = !!src && src.people.length > 0 && src.people.every((x) => spokenOf.has(x));
      if (named(src) && !aboutOnly && wordCount(clause) >= 6) out.push({ text: clause, source: src!, cue, sentence: s, from: start, to: s.end });
      break;
    }
  }
  return out;
}
