import type { Person } from '../knowledge/base.ts';
import { codePointOrder, fold, fullNameKey, keyNeighbourhood, nameKey, similarKeys } from '../text/normalize.ts';
import { TextIndex } from './text-index.ts';
import { FuzzyVocabulary } from './vocabulary.ts';
import { runSync } from '../steps.ts';
import { LEFT_OFFICE } from '../extract/roles.ts';
import { CAPITAL_OF, COUNTRIES, NATIONALITIES } from '../extract/lexicon/places.ts';

export type NameTier = 'exact' | 'name-word' | 'prefix' | 'fuzzy';
const TIER_RANK: Record<NameTier, number> = { exact: 0, 'name-word': 1, prefix: 2, fuzzy: 3 };

export interface PersonMatch {
  person: Person;
  tier: NameTier;
  /** 0 best … 1 worst, within the tier. */
  score: number;
}

interface NameEntry {
  person: number;
  folded: string;
  key: string;
  words: string[];
}

/** How far apart layers may grow before they are folded together (see PeopleIndex.withChanged). */
const MAX_LAYERS = 6;
const DELTA_SHARE = 0.25;

/** The names and aliases of some people (all of them, or those a reload added or changed), indexed. */
class NameLayer {
  readonly entries: NameEntry[] = [];
  /** A word of a name, or its transliteration key -> people (positions in the base's list). */
  readonly wordIndex = new Map<string, number[]>();
  readonly byFolded = new Map<string, number[]>();
  readonly byKey = new Map<string, number[]>();
  /** A name word's key under itself and its one-letter-shorter forms: how "Sobianin" finds "Sobyanin". */
  readonly nearKeys = new Map<string, string[]>();
  /** Names and name words in sorted order: the prefix matches of a query are one contiguous run. */
  readonly sortedWords: { word: string; entry: number }[] = [];
  private vocabulary: FuzzyVocabulary | null = null;

  private constructor(readonly persons: readonly number[]) {}

  static of(people: readonly Person[], persons: readonly number[]): NameLayer {
    return runSync(NameLayer.building(people, persons));
  }

  /** The same layer, built in steps of a few hundred people (a whole base's people take ~150 ms). */
  static *building(people: readonly Person[], persons: readonly number[]): Generator<void, NameLayer> {
    const layer = new NameLayer(persons);
    for (let k = 0; k < persons.length; k++) {
      layer.add(people, persons[k]);
      if (k % 400 === 399) yield;
    }
    layer.finish();
    return layer;
  }

  get fuzzy(): FuzzyVocabulary {
    return this.vocabulary!;
  }

  private add(people: readonly Person[], i: number): void {
    const map = (m: Map<string, number[]>, k: string, v: number) => {
      const list = m.get(k);
      if (!list) m.set(k, [v]);
      else if (list[list.length - 1] !== v) list.push(v);
    };
    const p = people[i];
    for (const n of new Set([p.name, ...p.aliases])) {
      const folded = fold(n).replace(/['’]/g, '');
      const words = folded.split(/[\s-]+/);
      const e = this.entries.length;
      this.entries.push({ person: i, folded, key: fullNameKey(n), words });
      map(this.byFolded, folded, e);
      map(this.byKey, fullNameKey(n), e);
      for (const w of words) {
        if (w) map(this.wordIndex, w, i);
        const k = nameKey(w);
        if (k && k !== w) map(this.wordIndex, k, i);
        if (k.length >= 4) {
          for (const n of keyNeighbourhood(k)) {
            const keys = this.nearKeys.get(n);
            if (!keys) this.nearKeys.set(n, [k]);
            else if (!keys.includes(k)) keys.push(k);
          }
        }
      }
      for (const w of new Set([folded, ...words])) this.sortedWords.push({ word: w, entry: e });
    }
  }

  private finish(): void {
    this.sortedWords.sort((a, b) => codePointOrder(a.word, b.word));
    this.vocabulary = new FuzzyVocabulary(this.entries.map((e) => e.folded), 0.4);
  }

  /** Entries whose name or a word of it starts with `q`. */
  *withPrefix(q: string): Generator<NameEntry> {
    const sw = this.sortedWords;
    let lo = 0;
    let hi = sw.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sw[mid].word < q) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < sw.length && sw[k].word.startsWith(q); k++) yield this.entries[sw[k].entry];
  }
}

/**
 * Words news uses for an office by its seat: "the Pentagon chief" is the defence secretary, "the
 * spy chief" the head of intelligence, "the premier" the prime minister.
 */
const ROLE_SYNONYMS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  pentagon: 'defence defense secretary', spy: 'intelligence', premier: 'prime minister', chancellery: 'chancellor',
});

/** A person a role query finds: how many of its words one role of theirs matches, and whether they hold it now. */
export interface RoleMatch {
  person: Person;
  matched: number;
  words: number;
  score: number;
  /** Query words a role they hold now matches. */
  now: number;
  /** Every office word in a role held now, with no country known for them to contradict the query's. */
  holdsOfficeNow: boolean;
  /** The role held now that matches the query best, when it is not the one shown as theirs. */
  asked?: string;
}

let countryStemSet: Set<string> | null = null;
/** Countries and nationalities as query words come (stemmed: "ukrain"). */
const countryStems = () => (countryStemSet ??= new Set([...COUNTRIES, ...Object.keys(NATIONALITIES)].flatMap((w) => TextIndex.queryWords(w))));

/** Role texts of people, one document each; a changed person's document is deleted and a new one added. */
interface Roles {
  index: TextIndex;
  /** Document -> person. */
  docPerson: number[];
  /** Person -> their current document. */
  docOf: number[];
}

/**
 * Offices news words by their function: "head of the Estonian government" is the prime minister,
 * "head of state" the president, "the country's top diplomat" the foreign minister. Indexed beside
 * the words as written, so a question in either wording finds them.
 */
const OFFICE_BY_FUNCTION: [RegExp, string][] = [
  [/\bhead of (?:the )?(?:[\p{L}-]+ )?government\b|\bgovernment (?:chief|leader)\b/iu, 'prime minister'],
  [/\bhead of state\b/i, 'president'],
  [/\b(?:human rights commissioner|commissioner for human rights|rights commissioner|ombudswoman|ombudsperson)\b/i, 'ombudsman'],
  [/\btop diplomat\b|\bhead of (?:[\p{L}-]+ )?diplomacy\b|\bchief diplomat\b/iu, 'foreign minister'],
];
const functionOffices = (text: string) => OFFICE_BY_FUNCTION.filter(([re]) => re.test(text)).map(([, office]) => office);

const roleText = (p: Person) => {
  const texts = [...new Set(p.roleMentions.filter((r) => r.text !== LEFT_OFFICE).map((r) => r.text))];
  return [...texts, ...new Set(texts.flatMap(functionOffices)), p.affiliation ?? ''].join('. ');
};

function rolesOf(people: readonly Person[]): Roles {
  return { index: new TextIndex(people.map(roleText)), docPerson: people.map((_, i) => i), docOf: people.map((_, i) => i) };
}

/** Words that make a role the one below the office named after them (a deputy prime minister). */
const LOWER_RANKS = ['deputy', 'vice', 'assistant', 'acting', 'junior', 'under'];

/**
 * Finding people: by name in tiers (exact, a word of the name or its transliteration key, prefix,
 * then fuse.js fuzzy over the short list of names and aliases), and by role through a small
 * text index over what the articles call them.
 *
 * Immutable, in layers: a reload that adds articles indexes only the people it added or changed
 * (withChanged) in a new layer over the old ones. A person's newest layer has all their names; an
 * older layer may know fewer of them, never others, since a person's names only grow.
 */
export class PeopleIndex {
  constructor(
    readonly people: readonly Person[],
    private readonly layers: readonly NameLayer[] = [NameLayer.of(people, people.map((_, i) => i))],
    private readonly roles: Roles = rolesOf(people),
  ) {}

  /** The index of a whole base's people, in steps. */
  static *building(people: readonly Person[]): Generator<void, PeopleIndex> {
    const layer = yield* NameLayer.building(people, people.map((_, i) => i));
    yield;
    return new PeopleIndex(people, [layer]);
  }

  /** An index for `people`, which are these people with those at positions `changed` added or changed. */
  withChanged(people: readonly Person[], changed: readonly number[]): PeopleIndex {
    if (changed.length === 0) return new PeopleIndex(people, this.layers, this.roles);
    let layers = [...this.layers, NameLayer.of(people, changed)];
    const deltas = layers.slice(1);
    const covered = new Set(deltas.flatMap((l) => l.persons));
    if (covered.size > people.length * DELTA_SHARE * 2) layers = [NameLayer.of(people, people.map((_, i) => i))];
    else if (deltas.length > MAX_LAYERS || covered.size > people.length * DELTA_SHARE) layers = [layers[0], NameLayer.of(people, [...covered].sort((a, b) => a - b))];
    // Deleted role documents cost a little on every search; past as many as there are people, start over.
    let roles: Roles;
    if (this.roles.index.deletedCount + changed.length > people.length) roles = rolesOf(people);
    else {
      const docOf = [...this.roles.docOf];
      const docPerson = [...this.roles.docPerson];
      const old = changed.filter((i) => i < this.people.length).map((i) => ({ doc: docOf[i], text: roleText(this.people[i]) }));
      changed.forEach((i, k) => (docOf[i] = docPerson.length + k));
      for (const i of changed) docPerson.push(i);
      roles = { index: this.roles.index.withRemoved(old).withAdded(changed.map((i) => roleText(people[i]))), docPerson, docOf };
    }
    return new PeopleIndex(people, layers, roles);
  }

  /** People with this word in a name, in any layer. */
  private withWord(w: string): Set<number> {
    const out = new Set<number>();
    const k = nameKey(w);
    for (const l of this.layers) {
      for (const i of l.wordIndex.get(w) ?? []) out.add(i);
      if (k !== w) for (const i of l.wordIndex.get(k) ?? []) out.add(i);
    }
    return out;
  }

  /** People with a name word that is this one spelled another way (a letter added, dropped or changed). */
  private withNearWord(w: string): Set<number> {
    const out = new Set<number>();
    const k = nameKey(w);
    // Short names one letter apart are as often two names as one misspelt (Umarov, Umerov).
    if (k.length < 7) return out;
    for (const l of this.layers) {
      for (const n of keyNeighbourhood(k)) for (const near of l.nearKeys.get(n) ?? []) if (near !== k && similarKeys(k, near)) for (const i of l.wordIndex.get(near) ?? []) out.add(i);
    }
    return out;
  }

  /** fuse.js corrections of `q` over every layer's names, best first: [person, score]. */
  private fuzzyNames(q: string, limit: number, opts: { lengthSlack: number; minShare?: number; threshold?: number }): [number, number][] {
    const out: [number, number][] = [];
    for (const l of this.layers) for (const r of l.fuzzy.correct(q, limit, opts)) out.push([l.entries[r.index].person, r.score]);
    return out.sort((a, b) => a[1] - b[1]);
  }


  /** People whose name matches, best tier first. */
  byName(query: string, limit = 10, fill = false): PersonMatch[] {
    return this.matchName(query, limit, fill, true);
  }

  /** byName without close spellings: the people a query names as written, by a word of the name, or a prefix. */
  namedAs(query: string, limit = 10): PersonMatch[] {
    return this.matchName(query, limit, false, false);
  }

  private matchName(query: string, limit: number, fill: boolean, fuzzy: boolean): PersonMatch[] {
    // Operators and punctuation are text to strip, never syntax: "!Berg" is a name.
    const q = fold(query).replace(/['’]s\b/g, '').replace(/['’]/g, '').replace(/[^\p{L}\p{N}\s-]+/gu, ' ').replace(/\s+/g, ' ').trim();
    if (!q) return [];
    const best = new Map<number, PersonMatch>();
    const offer = (i: number, tier: NameTier, score: number) => {
      const cur = best.get(i);
      if (!cur || TIER_RANK[tier] < TIER_RANK[cur.tier] || (cur.tier === tier && score < cur.score)) best.set(i, { person: this.people[i], tier, score });
    };
    const qKey = fullNameKey(q);
    for (const l of this.layers) {
      for (const i of l.byFolded.get(q) ?? []) offer(l.entries[i].person, 'exact', 0);
      if (qKey) for (const i of l.byKey.get(qKey) ?? []) offer(l.entries[i].person, 'exact', 0.1);
    }
    const qWords = q.split(' ');
    if (qWords.length <= 3) {
      // Every query word must be a word of the name (or sound like one): "Berg", "Anna Berg".
      let hit: Set<number> | null = null;
      for (const w of qWords) {
        const set = this.withWord(w);
        hit = hit === null ? set : new Set([...(hit as Set<number>)].filter((x) => set.has(x)));
      }
      for (const i of hit ?? []) offer(i, 'name-word', 0.2);
      // The same with one word spelled another way ("Sobianin", "Kyslytsia"): after exact words, before prefixes.
      if (best.size === 0) {
        let near: Set<number> | null = null;
        for (const w of qWords) {
          const set = new Set([...this.withWord(w), ...this.withNearWord(w)]);
          near = near === null ? set : new Set([...(near as Set<number>)].filter((x) => set.has(x)));
        }
        for (const i of near ?? []) offer(i, 'name-word', 0.25);
      }
    }
    if (q.length >= 2) for (const l of this.layers) for (const e of l.withPrefix(q)) offer(e.person, 'prefix', 0.3 + (e.folded.length - q.length) / 200);
    // Fuzzy only when nothing better was found, or to fill a suggestion list.
    if (fuzzy && q.length >= 3 && (best.size === 0 || (fill && best.size < limit))) {
      for (const [i, score] of this.fuzzyNames(q, limit * 2, { lengthSlack: Math.max(3, q.length * 0.5), minShare: 0.3 })) offer(i, 'fuzzy', score);
    }
    return [...best.values()]
      .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.score - b.score || b.person.paragraphs.length - a.person.paragraphs.length)
      .slice(0, limit);
  }

  /** People whose role or affiliation matches the words: "special envoy", "the president's advisor". */
  byRole(query: string, limit = 10): RoleMatch[] {
    const original = TextIndex.queryWords(query);
    if (!original.length) return [];
    // "the Polish president" is also "Poland's president", "President of Poland". A query word is
    // matched by a role when the role holds it, or the country or office the word stands for.
    const expansions = original.map((w) => [w, ...(NATIONALITIES[w] ? TextIndex.queryWords(NATIONALITIES[w]) : ROLE_SYNONYMS[w] ? TextIndex.queryWords(ROLE_SYNONYMS[w]) : [])]);
    const words = [...original, ...expansions.flatMap((ws) => ws.slice(1)).filter((w) => !original.includes(w))];
    const { index, docPerson } = this.roles;
    const askedFormer = /\b(?:former|ex|previous|onetime|one-time|then)\b/i.test(query);
    const holds = (text: string, w: string) => text.includes(w.slice(0, Math.max(4, w.length - 2)));
    // A country is the person's, said in any of their roles; the other words must be one role's.
    const isCountry = (ws: string[]) => ws.some((w) => countryStems().has(w));
    const countryWords = expansions.filter(isCountry);
    const officeWords = expansions.filter((ws) => !isCountry(ws));
    /** How many query words their best role matches, and the best of the roles they hold now. */
    const fitOf = (p: Person) => {
      const saidRaw = [p.affiliation ?? '', ...p.roles.map((r) => r.role)].join(' ');
      const said = fold(saidRaw);
      // ("Kyiv's delegation": a capital stands for its country.)
      const everything = [said, ...said.split(/[^\p{L}]+/u).map((w) => CAPITAL_OF[w] ?? '')].join(' ').toLowerCase();
      const countries = countryWords.filter((ws) => ws.some((w) => holds(everything, w))).length;
      // Office words count within one role, never across two: "defence minister" until May and
      // "secretary of the Security Council" now do not make them the defence minister now.
      const roles = p.roles.filter((r) => r.role !== LEFT_OFFICE).map((r) => {
        const text = fold([r.role, ...functionOffices(r.role)].join(' '));
        const offices = officeWords.filter((ws) => ws.some((w) => holds(text, w))).length;
        // "head of the American delegation" is no answer to "head of the Ukrainian delegation".
        const otherCountry = countryWords.length > 0 && !countries && TextIndex.queryWords(r.role).some((w) => countryStems().has(w));
        return { role: r, matched: otherCountry ? 0 : offices + countries, allOffices: offices === officeWords.length };
      });
      const held = (r: Person['roles'][number]) => r.current || !r.ended;
      // Someone who holds the role now comes before someone who held it: every role they hold now,
      // the current one and those beside it (not those that ended, nor the one shown as "former …").
      const formerShown = /^former\b/i.test(p.role ?? '');
      const heldNow = roles.filter((x) => held(x.role) && !(formerShown && x.role.role === p.role));
      const now = Math.max(0, ...heldNow.map((x) => x.matched));
      // "head of the investment fund" asked of one shown as "envoy for investment": the role that answers.
      const shown = heldNow.find((x) => x.role.role === p.role);
      const best = heldNow.find((x) => x.matched === now);
      const asked = now > 0 && best && (!shown || shown.matched < now) ? best.role.role : undefined;
      const any = Math.max(0, ...roles.map((x) => x.matched));
      // Every office word in a role held now, by someone whose country no role or affiliation says:
      // "Russia's defence minister" may be the defence minister whose article never said "Russian".
      const holdsOfficeNow = officeWords.length > 0 && countryWords.length > 0 &&
        !TextIndex.queryWords(saidRaw).some((w) => countryStems().has(w)) && roles.some((x) => held(x.role) && x.allOffices);
      return { now, any, holdsOfficeNow, asked };
    };
    // "prime minister" asks for the prime minister, not a deputy prime minister: a rank below the one
    // asked counts against, as a word not matched would.
    const lower = (p: Person) => {
      const mine = fold(p.role ?? '').split(/[\s-]+/);
      return LOWER_RANKS.filter((r) => mine.includes(r) && !words.includes(r)).length > 0 ? 1 : 0;
    };
    return index
      .search(words, { limit: limit * 2, synonyms: 0.8, order: (d) => docPerson[d] })
      .map((h) => {
        const person = this.people[docPerson[h.doc]];
        const fit = fitOf(person);
        return { person, matched: Math.min(h.matched, original.length, Math.max(fit.any, fit.now)) - lower(person), words: original.length, score: h.score, now: fit.now, holdsOfficeNow: fit.holdsOfficeNow, ...(fit.asked ? { asked: fit.asked } : {}) };
      })
      // Words matched in a role held now count twice, or against when the question asks for a former
      // one: "Estonia's prime minister" is the head of government now, not the one who was it until July.
      .sort((a, b) => (askedFormer ? a.now - b.now : b.now - a.now) + b.matched - a.matched || (askedFormer ? a.now - b.now : b.now - a.now) || b.score - a.score)
      .slice(0, limit);
  }

  /** Names that look somewhat like the query, for "did you mean" after a miss. */
  near(query: string, limit = 3): Person[] {
    const q = fold(query).trim();
    if (q.length < 2) return [];
    const seen = new Set<number>();
    for (const [i] of this.fuzzyNames(q, limit * 3, { lengthSlack: q.length })) seen.add(i);
    if (seen.size < limit) for (const [i] of this.fuzzyNames(q, limit * 3, { lengthSlack: q.length, minShare: 0.2, threshold: 0.6 })) seen.add(i);
    return [...seen].slice(0, limit).map((i) => this.people[i]);
  }

  /**
   * Suggestions for an autocomplete box: tiers of byName, filled with close spellings. Nothing for an
   * empty box: the most mentioned people are an order the base keeps (BY_MENTIONS in answers/who.ts).
   */
  suggest(query: string, limit = 25): Person[] {
    return this.byName(query, limit, true).map((m) => m.person);
  }
}
