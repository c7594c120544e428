import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/knowledge/parse.ts';
import { extractFacts } from '../src/extract/facts.ts';
import { joinSplitNames } from '../src/extract/people.ts';
import { nerTokens } from '../src/extract/ner/features.ts';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { who } from '../src/answers/who.ts';
import { tempKnowledge } from './helpers.ts';

function people(text: string, published = '2026-03-12') {
  const r = parseArticle('t.md', 't', `---\ntitle: T\npublished: ${published}\n---\n${text}`);
  if (!r.ok) throw new Error(r.problem.message);
  return extractFacts(r.article).people;
}
const person = (text: string, name: string) => people(text).find((p) => p.name === name);

describe('roles as a reader would give them', () => {
  it('reads a title glued to "then-" or "ex-" as a role behind them', () => {
    const p = person('The meeting took place in Geneva in 2022, when then-Secretary of State Olaf Berg met Anna Lund.', 'Olaf Berg')!;
    expect(p.roles.map((r) => [r.text, r.former])).toEqual([['Secretary of State', true]]);
    expect(p.role).toBeNull();
    const q = person('It was the first encounter since ex-President Olaf Berg met Anna Lund.', 'Olaf Berg')!;
    expect(q.roles.map((r) => [r.text, r.former])).toEqual([['President', true]]);
  });

  it('gives each name of a list whose items put the role first the role before it', () => {
    const text = 'Around the table sat Olaf Berg, the president of the Nordish Council, Anna Lund, the Danish chancellor, Piotr Nowak, and the Finnish prime minister, Tomas Wolf, who arrived late.';
    expect(people(text).map((p) => [p.name, p.role])).toEqual([['Olaf Berg', null], ['Anna Lund', 'president of the Nordish Council'], ['Piotr Nowak', 'Danish chancellor'], ['Tomas Wolf', 'Finnish prime minister']]);
    // A list that closes "and NAME, the role" puts each role after its name.
    expect(person('Leaders met. Olaf Berg, the Nordish president, Anna Lund, the Danish chancellor, and Piotr Nowak, the Finnish prime minister, posed.', 'Olaf Berg')?.role).toBe('Nordish president');
  });

  it('reads the role before the comma from its own determiner, past the verb before it', () => {
    expect(person('Mr Nowak is expected in Nordland on Monday to see the crown prince, Olaf Berg, but he will not sit in the room.', 'Olaf Berg')?.role).toBe('crown prince');
    // A role that is the clause's ("became the …") is still not the name's.
    expect(person('Lund and the defence minister, Olaf Berg, met on Monday.', 'Olaf Berg')?.role).toBe('defence minister');
  });

  it('keeps "now styled the secretary of war" as another name of the office, after the office itself', () => {
    const p = person('The defence secretary, Olaf Berg, now styled the secretary of war, stayed at home.', 'Olaf Berg')!;
    expect(p.role).toBe('defence secretary');
    expect(p.roles.map((r) => r.text)).toContain('styled secretary of war');
    // Any other participle and its object is a clause, not a role.
    expect(person('Olaf Berg, now renamed the envoy, flew home.', 'Olaf Berg')?.role ?? null).toBeNull();
  });

  it('keeps a role that serves someone named with their title in lower case ("deputy to special envoy X")', () => {
    const p = person('A delegation led by Olaf Berg, the deputy to special envoy Piotr Nowak, was in Minsk on Thursday.', 'Olaf Berg')!;
    expect(p.role).toBe('deputy to special envoy Piotr Nowak');
  });

  it('does not make a post someone is to take up ("next ambassador") their role now', () => {
    const p = person("The Nordish side was led by Olaf Berg, who heads the America department of Nordland's foreign ministry and has been named as Nordland's next ambassador in Sudland.", 'Olaf Berg')!;
    expect(p.role).toBe("head of the America department of Nordland's foreign ministry");
    expect(p.roles.find((r) => /next ambassador/.test(r.text))?.fresh).toBeUndefined();
  });
});

describe('names the tagger cut in two', () => {
  it('joins a one-word person span right after another, with a plain space between', () => {
    const toks = nerTokens('The leader, Pak Song Un, spoke.');
    const at = (w: string) => toks.findIndex((t) => t.text === w);
    const spans = [{ paragraph: 1, type: 'PER', from: at('Pak'), to: at('Un') }, { paragraph: 1, type: 'PER', from: at('Un'), to: at('Un') + 1 }];
    expect(joinSplitNames(spans, [toks])).toEqual([{ paragraph: 1, type: 'PER', from: at('Pak'), to: at('Un') + 1 }]);
    // Two people run together, the second a given name, stay two.
    const two = nerTokens('Berg Anna spoke.');
    expect(joinSplitNames([{ paragraph: 1, type: 'PER', from: 0, to: 1 }, { paragraph: 1, type: 'PER', from: 1, to: 2 }], [two])).toHaveLength(2);
  });
});

describe('a bare "deputy minister" in an article about one ministry', () => {
  it('is that ministry’s deputy minister, and stays bare when the article names several', () => {
    const one = people('By decree the president dismissed four deputy defence ministers.\n\nThe appointment that draws most notice is that of Anna Lund as deputy minister.\n\nOlaf Berg had already replaced Piotr Nowak as deputy minister.');
    expect(one.find((p) => p.name === 'Anna Lund')?.role).toBe('deputy defence minister');
    expect(one.find((p) => p.name === 'Piotr Nowak')?.roles.map((r) => [r.text, r.former])).toEqual([['deputy defence minister', true]]);
    const several = people('The defence ministry and the foreign ministry both spoke.\n\nThe appointment that draws most notice is that of Anna Lund as deputy minister.');
    expect(several.find((p) => p.name === 'Anna Lund')?.role).toBe('deputy minister');
  });
});

describe('titles with the body they serve', () => {
  it('keeps a body word in lower case inside a title ("Foreign ministry spokeswoman X")', () => {
    expect(person('Foreign ministry spokeswoman Anna Lund said Nordland did not rule out contacts.', 'Anna Lund')?.role).toBe('Foreign ministry spokeswoman');
    // A body word before no role word is no title.
    expect(person('He met defence ministry officials and Olaf Berg.', 'Olaf Berg')?.role ?? null).toBeNull();
  });
});

describe('a post given by "naming X, …, as …"', () => {
  it('reads the post after an appositive that holds a name with "and" in it', () => {
    const p = person('On Saturday Anna Lund signed a decree naming Olaf Berg, the secretary of the National Security and Defence Council, as head of the delegation for talks with Nordland.', 'Olaf Berg')!;
    expect(p.roles.map((r) => r.text)).toEqual(['secretary of the National Security and Defence Council', 'head of the delegation for talks']);
    // An "and" that starts another clause still ends it.
    expect(person('The president appointed Olaf Berg, and Anna Lund became the new defence minister.', 'Olaf Berg')?.role ?? null).toBeNull();
  });
});

describe('who, asked by a function someone holds beside an office', () => {
  it('shows the office they hold now with the function asked for', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-11-29\n---\n\nOn Saturday Anna Lund signed a decree naming Olaf Berg, the secretary of the Security Council, as head of the delegation for talks with Nordland.\n',
    }));
    const top = who(kb, 'head of the delegation').results[0].person!;
    expect([top.name, top.role]).toEqual(['Olaf Berg', 'secretary of the Security Council, head of the delegation for talks']);
    // Asked by the office itself, the office alone.
    expect(who(kb, 'secretary of the Security Council').results[0].person!.role).toBe('secretary of the Security Council');
  });
});

describe('leaving office', () => {
  it('reads the whole office resigned from, and what they led while in it as behind them too', () => {
    const p = person('Olaf Berg, who led the Nordish side at the talks, resigned as head of the presidential office on Friday after investigators searched his flat.', 'Olaf Berg')!;
    expect(p.roles.map((r) => [r.text, r.former])).toEqual([['head of the Nordish side at the talks', true], ['head of the presidential office', true]]);
    expect(p.role).toBeNull();
    // Without a departure, what they led stays theirs.
    expect(person('Olaf Berg, who led the Nordish side at the talks, said on Friday that the plan was dead.', 'Olaf Berg')?.role).toBe('head of the Nordish side at the talks');
  });
});

describe('a post taken at a body ("joined X as a …")', () => {
  it('reads the post with the body it is at', () => {
    expect(person('Olaf Berg spent eleven years planning missile defence at the ministry before joining the Harbour Strategy Institute as a senior fellow in 2019.', 'Olaf Berg')?.role).toBe('senior fellow at the Harbour Strategy Institute');
    expect(person('Anna Lund joined Nordic Radio as a correspondent in May.', 'Anna Lund')?.role).toBe('correspondent at Nordic Radio');
    // Not across another name: who joined is unsaid.
    expect(person('Olaf Berg met Anna Lund before joining the Nordic Institute as an observer.', 'Olaf Berg')?.role ?? null).toBeNull();
  });
});

describe('a role given to "him" or "her"', () => {
  it('gives it to neither the subject of the participle before the pronoun nor someone of the other gender', () => {
    const text = 'Tomas Wolf served as a general for years.\n\nIn March Olaf Berg made the change official, naming him special envoy.\n\nAnna Lund spoke later. The council then appointed her deputy minister.';
    expect(person(text, 'Olaf Berg')?.roles.map((r) => r.text) ?? []).toEqual([]);
    expect(person(text, 'Tomas Wolf')?.roles.map((r) => r.text)).toContain('special envoy');
    expect(person(text, 'Anna Lund')?.roles.map((r) => r.text)).toContain('deputy minister');
  });
});
