import type { KnowledgeBase, Person } from '../knowledge/base.ts';
import { codePointOrder, fold } from '../text/normalize.ts';
import type { Answer, AnswerOptions, Result } from './types.ts';
import { clampLimit, cleanQuery, stripQuestion } from './query.ts';
import { paragraphResult, personView } from './views.ts';
import { mergeSorted, type Derived } from '../knowledge/derived.ts';
import { HONORIFICS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_STOP } from '../extract/lexicon/names.ts';
import { NATIONALITIES } from '../extract/lexicon/places.ts';
import { rolePriority } from '../extract/roles.ts';

const byMentions = (a: Person, b: Person) => b.paragraphs.length - a.paragraphs.length || codePointOrder(a.name, b.name);

/** Everyone, the most mentioned first. */
export const BY_MENTIONS: Derived<Person[]> = {
  name: 'people by mentions',
  make: (kb) => [...kb.people].sort(byMentions),
  extend: (prev, _kb, added) => {
    // The people an article mentioned have moved (and are new objects): take them out, merge them back in.
    const changed = new Set(added.people.map((p) => p.id));
    return mergeSorted(prev.filter((p) => !changed.has(p.id)), [...added.people].sort(byMentions), byMentions);
  },
};

/** The paragraph that says what someone is, else their first mention. */
function introduction(kb: KnowledgeBase, p: Person, asked?: string): number {
  const shown = asked ?? p.role;
  const role = shown ? fold(shown) : null;
  const hit = role ? p.paragraphs.find((id) => fold(kb.paragraphs[id].text).includes(role)) : undefined;
  return hit ?? p.paragraphs[0];
}

/**
 * One result a person, cited where it says what they are. Asked by a role they hold beside the one
 * shown ("head of the fund" of the fund's head who is also an envoy), the result shows that role.
 */
function oneEach(kb: KnowledgeBase, people: { person: Person; score: number; asked?: string }[]): Result[] {
  return people
    .filter(({ person }) => person.paragraphs.length > 0)
    .map(({ person, score, asked }) => {
      const view = personView(kb, person);
      // A function asked for ("head of the delegation") is shown with the office they hold now
      // ("secretary of the Council, head of the delegation"); an office asked for, alone.
      if (asked) view.role = person.role && !/^former\b/i.test(person.role) && rolePriority(asked, 'appositive') >= 2 && rolePriority(person.role, 'appositive') < 2 ? `${person.role}, ${asked}` : asked;
      return paragraphResult(kb, kb.paragraphs[introduction(kb, person, asked)], score, { person: view });
    });
}

/** The query without the honorifics and title words that open it: "Sir Olaf" -> "Olaf". */
function withoutTitle(q: string): string {
  const words = q.split(/\s+/);
  let k = 0;
  while (k < words.length - 1 && isTitleWord(fold(words[k]).replace(/\.$/, ''))) k++;
  return words.slice(k).join(' ');
}
const isTitleWord = (w: string) => HONORIFICS.has(w) || ROLE_NOUNS.has(w) || ROLE_MODIFIERS.has(w) || w in NATIONALITIES || TITLE_STOP.has(w);

export function titleOf(p: Person): string {
  return p.role ? `${p.name} — ${p.role}` : p.name;
}

/**
 * who: a name (any spelling, a surname, a typo), a role ("special envoy", "the president's advisor"),
 * or nothing (everyone, with their role).
 */
export function who(kb: KnowledgeBase, rawQuery: string, opts: AnswerOptions = {}): Answer {
  const limit = clampLimit(opts.limit);
  const query = cleanQuery(rawQuery);
  const q = stripQuestion(query);
  const answer = (results: Result[], extra: Partial<Answer> = {}): Answer => ({ command: 'who', query, results: results.slice(0, limit), total: results.length, ...extra });
  const passagesOf = (p: Person, score: number): Result[] => {
    // The first `limit` passages are shown; the total still counts them all.
    const view = personView(kb, p);
    return p.paragraphs.slice(0, limit).map((id, i) => paragraphResult(kb, kb.paragraphs[id], score - i * 0.001, { person: view }));
  };

  if (!q) {
    const everyone = kb.derive(BY_MENTIONS);
    // Introductions for the page shown only: a big base has thousands of people.
    const shown = everyone.slice(0, limit).map((person, i) => ({ person, score: 1 - i / (everyone.length + 1) }));
    return answer(oneEach(kb, shown), {
      total: everyone.length,
      title: `${kb.people.length} people in the knowledge base`,
      message: kb.people.length ? undefined : 'No people have been found in the knowledge base yet.',
    });
  }

  // A name match wins; then a role that covers every word; then a close misspelling; then part of a role.
  // "Sir Olaf", "Mr Berg", "President Berg": the title before a name is not part of it.
  let names = kb.peopleIndex.byName(q, 10);
  const untitled = withoutTitle(q);
  if (untitled !== q && !names.some((m) => m.tier !== 'fuzzy')) {
    const plain = kb.peopleIndex.byName(untitled, 10).filter((m) => m.tier !== 'fuzzy');
    if (plain.length) names = plain;
  }
  let matched = names.filter((m) => m.tier !== 'fuzzy');
  if (!matched.length) {
    const roles = kb.peopleIndex.byRole(q, 10);
    // Every word matched, by a role held now when someone holds it now: "Estonia's prime minister" is
    // the head of government, not the one who was prime minister until July.
    const full = roles.filter((r) => r.matched === r.words);
    const askedFormer = /\b(?:former|ex|previous|onetime|one-time)\b/i.test(q);
    const fullNow = full.filter((r) => r.now >= r.words);
    // Nobody known to hold all of it now: one who holds the office now, of no known country, comes
    // before those who held it ("Russia's defence minister" when the new one's country goes unsaid).
    const officeNow = fullNow.length || askedFormer ? [] : roles.filter((r) => r.holdsOfficeNow);
    const fullRoles = fullNow.length && !askedFormer ? fullNow : [...officeNow, ...full.filter((r) => !officeNow.includes(r))];
    if (fullRoles.length) return roleAnswer(fullRoles);
    if (names.length && names[0].score <= 0.4) matched = names;
    else return roleAnswer(roles.filter((r) => r.matched >= Math.ceil(r.words / 2)));
  }
  const chosen = matched.map((m) => ({ person: m.person, score: 1 - m.score }));

  const top = chosen[0];
  const tied = chosen.filter((c) => c.score === top.score);
  if (tied.length === 1) {
    const others = chosen.slice(1).map((c) => c.person.name);
    return answer(passagesOf(top.person, top.score), {
      total: top.person.paragraphs.length,
      title: titleOf(top.person),
      message: others.length ? `Also matching: ${others.slice(0, 5).join(', ')}` : undefined,
    });
  }
  return answer(oneEach(kb, chosen), { title: `${chosen.length} people match “${q}”` });

  function roleAnswer(rs: { person: Person; score: number; asked?: string }[]): Answer {
    if (!rs.length) return miss();
    return answer(oneEach(kb, rs.map((r) => ({ person: r.person, score: r.score, asked: r.asked }))), { title: `People matching “${q}”` });
  }

  function miss(): Answer {
    const near = kb.peopleIndex.near(q, 3).map((p) => p.name);
    const suggestions = near.length ? near : kb.derive(BY_MENTIONS).slice(0, 5).map((p) => p.name);
    return answer([], { message: `No one called “${q}” in the knowledge base.`, suggestions });
  }
}
