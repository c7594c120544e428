import { splitSentences, type Sentence } from '../text/sentences.ts';
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, Mention, QuoteFact } from './types.ts';
import { lastSubjectGroup, refsOf, subjectsIn, type Ref } from './coref.ts';
import { BARE_CLAUSE_VERBS, CUE_PARTICLES, REPORTING_WITHOUT_THAT, SPEECH_VERBS, TELL_VERBS, WEAK_CUES } from './lexicon/verbs.ts';

interface Span {
  open: number;
  close: number | null; // index of the closing mark, null when the quote runs on to the next paragraph
  text: string;
}

const NOT_SPEECH_BEFORE = /\b(so-called|dubbed|known as|titled|entitled|headlined|headline|the words?|the term|the phrase|nicknamed|called it|labelled|labeled|branded|slogan)\s*$/i;

/** Quotation spans of a paragraph: curly pairs, and straight quotes taken in pairs. */
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

const wordsIn = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Words before a position, as lower-case tokens with their offsets. */
function wordTokens(text: string, from: number, to: number): { w: string; start: number; end: number }[] {
  const out = [];
  const re = /[\p{L}’'-]+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    out.push({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface Cue {
  cue: string;
  start: number;
  end: number;
}

/** The speech verb nearest before `to`: "said", "pointed out", "described … as". */
function lastCue(text: string, from: number, to: number): Cue | null {
  const toks = wordTokens(text, from, to);
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i];
    if (!SPEECH_VERBS.has(t.w)) {
      if (t.w === 'to' && toks[i - 1]?.w === 'according') return { cue: 'according to', start: toks[i - 1].start, end: t.end };
      continue;
    }
    let cue = t.w;
    if (CUE_PARTICLES.has(toks[i + 1]?.w ?? '')) cue += ` ${toks[i + 1].w}`;
    const tail = text.slice(t.end, to);
    if (/^\s.*\bas\s*$/.test(tail) && /^describ|^call|^hail|^brand/.test(t.w)) cue += ' … as';
    else if (/^\s+that\b/.test(tail) || /^\s+(?:out|up)\s+that\b/.test(tail)) cue += ' that';
    return { cue, start: t.start, end: t.end };
  }
  return null;
}

const AFTER_VERB_FIRST = /^\s*[,—-]?\s*(?:also\s+)?([\p{Ll}]+)\s+/u;
const AFTER_SUBJECT_FIRST = /^\s*[,—-]?\s*/u;

/** "…,” said X" / "…,” X said" / "…,” X, a Y, said" / "…,” he said". */
function attributionAfter(text: string, refs: Ref[], from: number, sentenceEnd: number): { people: number[]; cue: string } | null {
  const rest = text.slice(from, sentenceEnd);
  const vf = AFTER_VERB_FIRST.exec(rest);
  if (vf && SPEECH_VERBS.has(vf[1])) {
    const at = from + vf[0].length;
    const r = refs.find((x) => x.start >= at && x.start <= at + 40 && !/[.;]/.test(text.slice(at, x.start)));
    if (r) return { people: r.people, cue: vf[1] };
  }
  const sf = AFTER_SUBJECT_FIRST.exec(rest)!;
  const at = from + sf[0].length;
  // "…,” Polish Foreign Minister Anna Berg told …": title words may stand before the name.
  const r = refs.find((x) => x.start >= at && x.start <= at + 60 && /^(?:[\p{L}’'-]+\.?\s+){0,5}$/u.test(text.slice(at, x.start)) && (x.start === at || /^\p{Lu}/u.test(text.slice(at))));
  if (r) {
    const after = text.slice(r.end, sentenceEnd);
    const m = /^(?:,[^,.;]{1,90},)?\s+(?:also\s+|later\s+)?([\p{Ll}]+)/u.exec(after);
    if (m && SPEECH_VERBS.has(m[1])) return { people: r.people, cue: m[1] };
  }
  return null;
}

/**
 * Direct and reported quotations of one article, each with its speakers. `article` is read with its
 * quotation marks made canonical; `original` gives the words as written. Speakers come only from
 * the text: a subject before a speech verb, a name after one, or a pronoun resolved to the person
 * last spoken of. Quotation marks without any of these are not speech and get no speaker.
 */
export function extractQuotes(article: Article, people: ArticlePerson[], mentions: Mention[], original: Article = article): QuoteFact[] {
  const quotes: QuoteFact[] = [];
  let open: { fact: QuoteFact; pending: boolean } | null = null;

  for (const p of article.paragraphs) {
    // `text` has its quotation marks in one style (text/quote-marks.ts); the words quoted come from `raw`.
    const text = p.text;
    const raw = original.paragraphs[p.n - 1]?.text ?? text;
    const refs = refsOf(p.n, mentions);
    const sentences = splitSentences(text);
    const sentenceAt = (pos: number): Sentence => sentences.find((s) => pos >= s.start && pos < s.end) ?? sentences[sentences.length - 1];

    const spans = quoteSpans(text, !!open, raw);
    let lastQuoteEnd = -1;
    const quotedRanges: [number, number][] = [];
    for (const span of spans) {
      const qStart = span.open;
      const qEnd = span.close ?? text.length;
      quotedRanges.push([qStart, qEnd]);
      const body = cleanQuote(span.text);
      if (!body) continue;
      // Continuation of a quote from the previous paragraph.
      if (qStart === -1 || (open && span === spans[0] && /^\s*[“"]/.test(text))) {
        if (open) {
          open.fact.text += ` ${body}`;
          open.fact.lastParagraph = p.n;
          if (span.close != null) {
            const s = sentenceAt(Math.max(0, qEnd));
            const after = attributionAfter(text, refs, qEnd + 1, s.end);
            if (after && open.pending) {
              open.fact.speakers = after.people.map((i) => people[i].name);
              open.fact.cue = after.cue;
              open.pending = false;
            }
            if (open.pending && open.fact.speakers.length === 0) quotes.pop();
            open = null;
          }
          continue;
        }
      }
      open = null;
      const s = sentenceAt(Math.max(0, qStart));
      const prefix = text.slice(s.start, qStart);
      if (NOT_SPEECH_BEFORE.test(prefix)) continue;
      let speakers: number[] = [];
      let cue: string | null = null;
      const after = span.close != null ? attributionAfter(text, refs, qEnd + 1, s.end) : null;
      if (after) {
        speakers = after.people;
        cue = after.cue;
      } else {
        const c = lastCue(text, s.start, qStart);
        if (c) {
          const gap = text.slice(c.end, qStart);
          // A short quote far from its verb is more likely a scare quote than speech.
          const shortQuote = wordsIn(body) <= 3;
          const farApart = /;|,\s+(and|but|while|whereas)\s/.test(gap) || gap.length > 160;
          if (!(shortQuote && farApart)) {
            // "According to X, …" names the speaker after the cue, not before it.
            speakers = c.cue === 'according to' ? refs.find((r) => r.start >= c.end && r.start <= c.end + 3)?.people ?? [] : lastSubjectGroup(text, refs, s.start, c.start);
            cue = c.cue;
          }
        }
      }
      // A quote that follows an attributed one, with no attribution of its own, continues it:
      // “Europe must be ready,” he said. “If we are not, others will decide for us.”
      const prev = quotes[quotes.length - 1];
      if (!cue && speakers.length === 0 && prev && prev.kind === 'direct' && prev.lastParagraph === p.n && prev.speakers.length && lastQuoteEnd >= 0 && !/[“"]/.test(text.slice(lastQuoteEnd + 1, qStart)) && text.slice(lastQuoteEnd + 1, qStart).length < 200) {
        lastQuoteEnd = qEnd;
        quotes.push({ ...prev, text: body, paragraph: p.n, lastParagraph: p.n });
        continue;
      }
      const fact: QuoteFact = {
        text: body,
        speakers: [...new Set(speakers)].map((i) => people[i].name),
        cue,
        kind: 'direct',
        paragraph: p.n,
        lastParagraph: p.n,
      };
      if (span.close == null) {
        open = { fact, pending: fact.speakers.length === 0 };
        quotes.push(fact);
        continue;
      }
      // Unattributed short phrases in quotation marks are titles or scare quotes, not quotes.
      if (fact.speakers.length === 0 && (!cue && wordsIn(body) < 4)) continue;
      quotes.push(fact);
      lastQuoteEnd = qEnd;
    }

    // Reported speech: "X noted that …", "He warned that …", "X accused Y of …".
    for (const s of sentences) {
      for (const r of subjectsIn(text, refs, s.start, s.end)) {
        if (r.people.length === 0) continue;
        const after = text.slice(r.end, s.end);
        const m = /^(?:,[^,.;“”"]{1,100},|,)?\s+(?:(?:also|later|then|further|repeatedly|again|publicly)\s+)?([\p{Ll}]+)(?:\s+(out|up))?\b/u.exec(after);
        if (!m || !SPEECH_VERBS.has(m[1])) continue;
        const verb = m[2] ? `${m[1]} ${m[2]}` : m[1];
        const verbEnd = r.end + m[0].length;
        const rest = text.slice(verbEnd, s.end);
        const that =
          /^\s+(?:(?:on|in|to|at|during|after|before)\s+[^,.;]{1,40}?\s+)?that\s+/.exec(rest) ??
          (TELL_VERBS.has(m[1]) ? /^\s+(?:[^,.;“”"]{1,40}?\s+)?that\s+/.exec(rest) : null) ??
          // "X said the talks had failed": say-verbs take a clause without "that".
          (BARE_CLAUSE_VERBS.has(m[1]) && /^\s+(?!(?:in|on|at|to|with|for|after|before|during|from|by|of|as|so|it|this|nothing|little|much|more|yes|no)\b)[\p{L}’']+\s+[\p{L}’']+/u.test(rest) ? /^\s+/.exec(rest) : null);
        const bare = REPORTING_WITHOUT_THAT.test(`${verb}${rest.slice(0, 10)}`.trim());
        if (!that && !bare) continue;
        if (WEAK_CUES.has(m[1]) && !that) continue;
        // A sentence whose speech is a direct quote is reported above, once.
        const from = that ? verbEnd + that[0].length : verbEnd - verb.length;
        // Unless the words before the quotation make a statement of their own.
        const firstQuote = quotedRanges.find(([a, b]) => a >= from && a < s.end && b > a);
        // …and the quotation is not what completes them ("talks were considered “productive”").
        if (firstQuote) {
          const lead = text.slice(from, firstQuote[0]);
          if (wordsIn(lead) < 4 || /\b(is|are|was|were|be|been|being|considered|called|seen as|as|remained|remains|seemed|sounded|looked)\s*$/i.test(lead)) continue;
        }
        const clause = raw.slice(from, s.end).replace(/[.\s]+$/, '').trim();
        if (wordsIn(clause) < 3) continue;
        const group = lastSubjectGroup(text, refs, s.start, r.end);
        const who = (group.includes(r.people[0]) ? group : r.people).map((i) => people[i].name);
        quotes.push({
          text: clause,
          speakers: [...new Set(who)],
          cue: `${verb}${that && /that\s+$/.test(that[0]) ? ' that' : ''}`,
          kind: 'reported',
          paragraph: p.n,
          lastParagraph: p.n,
        });
        break; // one reported statement per sentence: its main speaker
      }
    }
  }
  return quotes;
}
