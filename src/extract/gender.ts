/**
 * Whom "he" and "she" can stand for. A pronoun that disagrees with its nearest antecedent is the
 * most visible kind of wrong speaker ("she said" given to a man), so the gender a person is known
 * by comes first from the article (an honorific before the name, a gendered role noun), then from
 * a given name that the name lists give to one sex only. Unknown is no veto.
 */
import type { Article } from '../knowledge/types.ts';
import { fold } from '../text/normalize.ts';
import type { ArticlePerson, Mention } from './types.ts';
import { givenGender } from './lexicon/gazetteers.ts';

export type Gender = 'm' | 'f';

const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss|Mme|Madame|Herr|Frau|Sir|Dame|Lord|Lady|Monsieur|Signor|Señor|Señora)\.?\s+$/;
const FEMALE_HONORIFICS = new Set(['mrs', 'ms', 'miss', 'mme', 'madame', 'frau', 'dame', 'lady', 'señora']);
const FEMALE_ROLE = /\b(?:\p{L}*woman|queen|princess|empress|duchess|wife|widow|daughter|sister|mother|grandmother|actress|kanzlerin|ministerin|präsidentin|prasidentin|sprecherin|chanceliere|chancelière)\b/iu;
const MALE_ROLE = /\b(?:(?:spokes|chair|congress|business|country|fisher|police|sports|anchor|camera)man|king|prince|emperor|duke|husband|widower|son|brother|father|grandfather)\b/i;

/** Each person's gender as far as the article and the name lists tell (else null), and whether only a name list says it (a weaker word than the article's). */
export function knownGenders(article: Article, people: ArticlePerson[], mentions: Mention[]): { gender: Gender | null; byNameOnly: boolean }[] {
  const fromText: (Gender | null)[] = people.map(() => null);
  for (const m of mentions) {
    if (m.pronoun) continue;
    const text = article.paragraphs[m.paragraph - 1]?.text ?? '';
    const h = HONORIFIC_BEFORE.exec(text.slice(Math.max(0, m.start - 12), m.start));
    if (h) fromText[m.person] = FEMALE_HONORIFICS.has(h[1].toLowerCase()) ? 'f' : 'm';
  }
  return people.map((p, i) => {
    if (fromText[i]) return { gender: fromText[i], byNameOnly: false };
    const roles = p.roles.map((r) => r.text).join(' ; ');
    const f = FEMALE_ROLE.test(roles);
    const mm = MALE_ROLE.test(roles);
    if (f !== mm) return { gender: f ? 'f' : 'm', byNameOnly: false };
    for (const name of [p.name, ...p.aliases]) {
      const words = name.split(/\s+/);
      if (words.length < 2) continue;
      const g = givenGender(fold(words[0]));
      if (g) return { gender: g, byNameOnly: true };
    }
    return { gender: null, byNameOnly: false };
  });
}

/** The gender a singular pronoun asks for: "he" a man, "she" a woman. */
export function pronounGender(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  return p === 'he' ? 'm' : p === 'she' ? 'f' : null;
}
