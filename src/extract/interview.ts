/**
 * Interviews in question-and-answer form: paragraphs that open with a speaker label ("Q:", "A:",
 * "Haddad:", "Frage:"). Each turn is the words of the one the label stands for: questions the
 * interviewer's, answers the interviewee's, as the introduction presents them ("Our correspondent X
 * spoke to Y", "She spoke to X"). Pure.
 */
import type { Article } from '../knowledge/types.ts';
import type { ArticlePerson, Mention } from './types.ts';
import { fullNameKey } from '../text/normalize.ts';

export interface Turn {
  /** Where the words start, after the label. */
  from: number;
  /** The people the label stands for (none when the text does not name them). */
  people: number[];
  /** The label's speaker as written, when no person is named ("the interviewer"). */
  source: string | null;
}

const LABEL = /^\s*(Q|A|Question|Answer|Frage|Antwort|Réponse|Interviewer|\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,2})\s*[:：]\s+(?=\S)/u;
/** A transcript's "Lund — words" (a dash after the speaker's name). */
const DASH_LABEL = /^\s*(\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,2})\s+[—–]\s+(?=\S)/u;
const isPersonName = (label: string, people: ArticlePerson[]) => {
  const key = fullNameKey(label);
  return people.some((p) => [p.name, ...p.aliases].some((n) => fullNameKey(n) === key || fullNameKey(n).split(' ').pop() === key.split(' ').pop()));
};
const QUESTION = /^(?:q|question|frage|interviewer)$/i;
const ANSWER = /^(?:a|answer|antwort|réponse)$/i;
/** Labels that introduce something other than a speaker's words. */
const NOT_SPEAKERS = /^(?:update|updated|note|editor|photo|video|source|sources|details|quote|background|read|watch|listen|correction|context|analysis|why|what|how|when|where|who|timeline|key|live|breaking|warning|summary|latest|also|more|opinion|subscribe|share)$/i;
const JOURNALIST = /\b(?:correspondent|reporter|journalist|editor|interviewer|host|presenter|anchor|our)\b/i;

/** The turns of an interview, by paragraph number; empty when the article is not one. */
export function interviewTurns(article: Article, people: ArticlePerson[], mentions: Mention[]): Map<number, Turn> {
  const labelled: { n: number; label: string; from: number }[] = [];
  for (const p of article.paragraphs) {
    const m = LABEL.exec(p.text) ?? DASH_LABEL.exec(p.text);
    if (!m || NOT_SPEAKERS.test(m[1].split(/\s+/)[0])) continue;
    // "NAME — words" (a transcript) only when NAME is a person of the article: "KYIV — …" is a dateline.
    if (m.index === undefined || (DASH_LABEL.test(p.text) && !LABEL.test(p.text) && !isPersonName(m[1], people))) continue;
    labelled.push({ n: p.n, label: m[1], from: m[0].length });
  }
  const labels = new Set(labelled.map((l) => l.label));
  // Only the answers labelled, with the interviewee's name ("Berg: …"), the questions in bold (which
  // the loader strips): the paragraph right before each answer, after the introduction, is a question.
  if (labelled.length >= 3 && labels.size === 1 && !QUESTION.test(labelled[0].label) && !ANSWER.test(labelled[0].label) && isPersonName(labelled[0].label, people)) {
    const answers = new Set(labelled.map((l) => l.n));
    const questions = labelled.map((l) => l.n - 1).filter((n) => n > 1 && !answers.has(n));
    if (questions.length >= 3) {
      labelled.push(...questions.map((n) => ({ n, label: 'Q', from: 0 })));
      labelled.sort((a, b) => a.n - b.n);
      labels.add('Q');
    }
  }
  if (labelled.length < 3 || labels.size < 2) {
    const unlabelled = questionTurns(article);
    if (!unlabelled) return new Map();
    labelled.splice(0, labelled.length, ...unlabelled);
  }
  // An answer that runs over several paragraphs labels only its first: the paragraphs up to the next
  // label are the same speaker's (not after the last label, where a closing note may stand).
  const continued = labelled.flatMap((l, i) => {
    const next = labelled[i + 1];
    if (!next) return [];
    return article.paragraphs.filter((p) => p.n > l.n && p.n < next.n && !/[“”"«»„]/.test(p.text)).map((p) => ({ n: p.n, label: l.label, from: 0 }));
  });
  labelled.push(...continued);
  const first = labelled[0].n;
  const { interviewer, interviewee } = roles(article, people, mentions, first);
  const byName = (label: string): number[] => {
    const key = fullNameKey(label);
    const last = key.split(' ').pop()!;
    const hits = people.map((p, i) => [p, i] as const).filter(([p]) => [p.name, ...p.aliases].some((n) => fullNameKey(n) === key || fullNameKey(n).split(' ').pop() === last));
    return hits.length === 1 ? [hits[0][1]] : [];
  };
  const out = new Map<number, Turn>();
  for (const l of labelled) {
    if (QUESTION.test(l.label)) out.set(l.n, { from: l.from, people: interviewer === null ? [] : [interviewer], source: interviewer === null ? 'the interviewer' : null });
    else if (ANSWER.test(l.label)) out.set(l.n, { from: l.from, people: interviewee === null ? [] : [interviewee], source: interviewee === null ? 'the interviewee' : null });
    else {
      const who = byName(l.label);
      out.set(l.n, { from: l.from, people: who, source: who.length ? null : l.label });
    }
  }
  return out;
}

/** Words that say an article is an interview, in its title or its introduction. */
const INTERVIEW_TITLE = /\binterview|\bQ\s*&\s*A\b/i;
/** ("said in an interview" is where a quote came from, not what this article is.) */
const INTERVIEW_INTRO = /\b(?:spoke|talked|speaks|talks) (?:to|with)\b|\binterviewed\b|\b(?:this|the following|our) interview\b|\bQ\s*&\s*A\b|\banswer(?:ed|s)? (?:the |our |some )?questions\b/i;
/** "— Et les territoires ?": a French interview opens each question with a dash. */
const DASH_OPENED = /^\s*[—–]\s*\S/;

/**
 * An interview whose questions carry no label, only their own paragraph (printed in bold, which the
 * loader strips): "What about the territories?" then the answer. At least three such questions,
 * each followed by an answer, in an article that says it is an interview. Every paragraph between
 * two questions, and after the last one, is the answer's.
 */
function questionTurns(article: Article): { n: number; label: string; from: number }[] | null {
  const paragraphs = article.paragraphs;
  // When the dash marks the questions only (the answers run without one), a dash is a question,
  // with or without its question mark ("— On Tuesday the delegations meet in Jeddah.").
  const dashes = paragraphs.filter((p) => DASH_OPENED.test(p.text));
  const dashQuestions = dashes.length >= 3 && dashes.every((p) => p.n < paragraphs.length && !DASH_OPENED.test(paragraphs[p.n].text));
  const isQuestion = (t: string) => t.length <= 600 && (dashQuestions ? DASH_OPENED.test(t) : /\?\s*$/.test(t) && t.length <= 400 && !/[“”"«»„]/.test(t));
  const questions = paragraphs.filter((p, i) => isQuestion(p.text) && i + 1 < paragraphs.length && !isQuestion(paragraphs[i + 1].text));
  if (questions.length < 3) return null;
  const first = paragraphs.indexOf(questions[0]);
  if (first === 0 || !(INTERVIEW_TITLE.test(article.title) || INTERVIEW_TITLE.test(article.source ?? '') || INTERVIEW_INTRO.test(paragraphs.slice(0, first).map((p) => p.text).join(' ')))) return null;
  // Questions must be what the article is made of from the first on, not a rhetorical one now and then.
  const rest = paragraphs.slice(first);
  if (questions.length * 3 < rest.length) return null;
  // French interviews open each turn with a dash: "— Et les territoires ?"
  return rest.map((p) => ({ n: p.n, label: isQuestion(p.text) ? 'Q' : 'A', from: /^\s*(?:[—–]\s*)?/.exec(p.text)![0].length }));
}

/**
 * Who asks and who answers, from the introduction: in "X spoke to Y" the journalist is the one the
 * text calls a correspondent or reporter, else the one named; the other is the interviewee.
 */
function roles(article: Article, people: ArticlePerson[], mentions: Mention[], firstTurn: number): { interviewer: number | null; interviewee: number | null } {
  const intro = mentions.filter((m) => m.paragraph < firstTurn);
  let interviewer: number | null = null;
  let interviewee: number | null = null;
  for (const p of article.paragraphs.filter((x) => x.n < firstTurn)) {
    const m = /\b(?:spoke|talked|speaks|talks)\s+(?:(?:about|on|of)\s+(?:it|this|that|them)\s+|at length\s+)?(?:to|with)\s+|\binterviewed\s+|\bin an interview with\s+/.exec(p.text);
    if (!m) continue;
    const here = intro.filter((x) => x.paragraph === p.n);
    // The one spoken to stands right after the verb, past a title ("spoke to our correspondent X"):
    // not a name further on ("spoke to us about the talks with President X").
    const object = here.find((x) => x.start >= m.index + m[0].length && x.start <= m.index + m[0].length + 40 && !/[,.;:]|\b(?:us|me|him|her|them|about|on|with|of|after|before|in|at|for|and)\b/i.test(p.text.slice(m.index + m[0].length, x.start)));
    // The clause's subject: the first name of the sentence before the verb that is neither an owner
    // ("Berg's team") nor a preposition's object ("the hearings of Berg").
    const sentenceStart = sentenceStartBefore(p.text, m.index);
    const subject = here.find((x) => x.start >= sentenceStart && x.end <= m.index && !/^[’']s\b/.test(p.text.slice(x.end, x.end + 2)) && !/\b(?:of|with|to|by|for|from|about|on|at|in)\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}$/u.test(p.text.slice(Math.max(sentenceStart, x.start - 40), x.start))) ?? [...here].reverse().find((x) => x.end <= m.index);
    // (The title before the one spoken to stands after the verb: "Our correspondent X spoke to Y" calls X one, not Y.)
    const isJournalist = (x: Mention | undefined) => !!x && (JOURNALIST.test(p.text.slice(Math.max(x.start >= m.index + m[0].length ? m.index + m[0].length : sentenceStart, x.start - 40), x.start)) || people[x.person].roles.some((r) => JOURNALIST.test(r.text)));
    if (/in an interview with/.test(m[0])) {
      if (object) interviewee = object.person;
    } else if (object && subject) {
      // The journalist is the one the text calls one; else the one the introduction is not about
      // ("She spoke to X": she is the first person presented, X asks).
      const presented = intro.find((x) => !x.pronoun)?.person;
      const subjectAnswers = isJournalist(object) || (!isJournalist(subject) && (subject.pronoun || subject.person === presented));
      [interviewer, interviewee] = subjectAnswers ? [object.person, subject.person] : [subject.person, object.person];
    } else if (object) {
      interviewee = object.person;
    } else if (subject && !subject.pronoun && /^(?:her|him)\b/.test(p.text.slice(m.index + m[0].length))) {
      // "X spoke to her on Monday": X asks; she is the one the introduction presented.
      const presented = intro.find((x) => !x.pronoun && x.person !== subject.person)?.person;
      if (presented !== undefined) [interviewer, interviewee] = [subject.person, presented];
    }
    if (interviewee !== null) break;
  }
  // "She answered the questions of X": X asks.
  if (interviewer === null) {
    for (const p of article.paragraphs.filter((x) => x.n < firstTurn)) {
      const m = /\banswer(?:ed|s)? (?:the |our |some )?questions (?:of|from|put by)\s+/.exec(p.text);
      const asker = m && intro.find((x) => x.paragraph === p.n && !x.pronoun && x.start >= m.index + m[0].length && x.start <= m.index + m[0].length + 40);
      if (!asker || asker.person === interviewee) continue;
      interviewer = asker.person;
      break;
    }
  }
  // "X asked him what …", "X put the questions to Y": X asks; the one asked (a name, or the person
  // presented before the pronoun) answers.
  if (interviewer === null) {
    for (const p of article.paragraphs.filter((x) => x.n < firstTurn)) {
      const m = /\b(?:asked|questioned|quizzed|put (?:the |our |these )?questions to)\s+(?:(him|her)\b|(?=\p{Lu}))/u.exec(p.text);
      if (!m) continue;
      const sentenceStart = sentenceStartBefore(p.text, m.index);
      const here = intro.filter((x) => x.paragraph === p.n && !x.pronoun);
      // The asker opens the clause: the name right before the verb ("Anna Lund asked him").
      const asker = here.find((x) => x.start >= sentenceStart && x.end <= m.index && /^\s*$/.test(p.text.slice(x.end, m.index)));
      const asked = m[1] ? (interviewee ?? intro.find((x) => !x.pronoun && x.person !== asker?.person)?.person ?? null) : here.find((x) => x.start === m.index + m[0].length)?.person ?? null;
      if (!asker || asked === null || asked === asker.person) continue;
      interviewer = asker.person;
      interviewee ??= asked;
      break;
    }
  }
  // No "spoke to": the person the introduction presents first is the one interviewed.
  if (interviewee === null) interviewee = intro.find((m) => !m.pronoun && !(interviewer !== null && m.person === interviewer))?.person ?? null;
  if (interviewer === interviewee) interviewer = null;
  return { interviewer, interviewee };
}

/** Where the sentence holding `at` starts: after the last stop before it. */
function sentenceStartBefore(text: string, at: number): number {
  return Math.max(0, ...[...text.slice(0, at).matchAll(/[.!?]["”’]?\s+/g)].map((x) => x.index! + x[0].length));
}
