import { holdsOffice, readDescription } from '../src/extract/descriptions.ts';
import { isPlaceName } from '../src/extract/people.ts';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/knowledge/parse.ts';
import { extractFacts } from '../src/extract/facts.ts';
import { canonicalQuotes } from '../src/text/quote-marks.ts';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { quote, who } from '../src/answers/index.ts';
import { toJson } from '../src/render/json.ts';
import { renderText } from '../src/render/text.ts';
import { tempKnowledge } from './helpers.ts';
import { officeKey } from '../src/knowledge/roles.ts';

function facts(text: string, published = '2026-03-12') {
  const r = parseArticle('t.md', 't', `---\ntitle: T\npublished: ${published}\n---\n${text}`);
  if (!r.ok) throw new Error(r.problem.message);
  return extractFacts(r.article);
}
const direct = (f: ReturnType<typeof facts>) => f.quotes.filter((q) => q.kind === 'direct');

describe('quotation marks of every style', () => {
  it('makes German, French, British and straight single marks one style, keeping every offset', () => {
    const cases = [
      ['Er sagte: „Wir sagen ‚nein‘.“', 'Er sagte: “Wir sagen ‘nein’.”'],
      ['Il a dit : « La paix est possible ».', 'Il a dit : “ La paix est possible ”.'],
      ['Er sagte: »Nein«.', 'Er sagte: “Nein”.'],
      // English marks inside guillemets are the inner quotation.
      ['« There are no “paper bears”, and we are a real bear », he said.', '“ There are no ‘paper bears’, and we are a real bear ”, he said.'],
      ['She was ‘appalled’, and Russia’s leaders’ view did not change.', 'She was “appalled”, and Russia’s leaders’ view did not change.'],
      ["He called it 'a start' and didn't elaborate.", 'He called it “a start” and didn\'t elaborate.'],
      ['Plain “English” here’s fine', 'Plain “English” here’s fine'],
      // Curly and straight double marks mixed in one paragraph: each straight one by where it stands.
      ['“I heard it," he said. "We go on.”', '“I heard it,” he said. “We go on.”'],
    ];
    for (const [input, want] of cases) {
      expect(canonicalQuotes(input)).toBe(want);
      expect(canonicalQuotes(input)).toHaveLength(input.length);
    }
  });

  it('finds quotes in „…“, « … » and ‘…’ with their speakers, and keeps the words as written', () => {
    expect(direct(facts('Bundeskanzler Olaf Berg said: „The ball is in Moscow’s court.“ He added: „We will see.“'))[0]).toMatchObject({ text: 'The ball is in Moscow’s court.', speakers: ['Olaf Berg'] });
    expect(direct(facts('Bundeskanzler Olaf Berg sagte: „Der Ball liegt in Moskaus Feld.“'))[0]).toMatchObject({ text: 'Der Ball liegt in Moskaus Feld.', speakers: ['Olaf Berg'] });
    expect(direct(facts('« Nous ne céderons pas », a déclaré Anna Lund, la ministre des affaires étrangères. Lund said so.'))[0]).toMatchObject({ text: 'Nous ne céderons pas', speakers: ['Anna Lund'] });
    const british = direct(facts('The foreign secretary, Piotr Nowak, said he was appalled. ‘If they are serious about peace, they must agree to a “full ceasefire”,’ he said.'))[0];
    expect(british).toMatchObject({ speakers: ['Piotr Nowak'] });
    expect(british.text).toContain('“full ceasefire”');
  });
});

describe('who said it', () => {
  it('gives an unnamed source its words as written, never the nearest named person', () => {
    const f = facts('Envoy Anna Berg met the delegation on Sunday. “Nothing was agreed,” a source familiar with the talks said.');
    expect(direct(f)[0]).toMatchObject({ speakers: [], source: 'a source familiar with the talks' });
    const g = facts('Minister Piotr Nowak arrived late. Officials in Kyiv said the meeting had been postponed.');
    expect(g.quotes.find((q) => q.kind === 'reported')).toMatchObject({ speakers: [], source: 'Officials in Kyiv' });
  });

  it('gives a reported statement to its reporter, not to the person it is about', () => {
    const f = facts('Spokesman Olaf Berg said Anna Lund was ready to meet the delegation next week.');
    expect(f.quotes.find((q) => q.kind === 'reported')).toMatchObject({ speakers: ['Olaf Berg'], text: 'Anna Lund was ready to meet the delegation next week' });
  });

  it('resolves a pronoun to the subject of the sentence before, not the nearest name', () => {
    const f = facts('Standing next to the German chancellor, Olaf Berg, at a press conference, Minister Anna Lund said that territory had been discussed. “We have different positions,” she said.');
    expect(direct(f)[0]).toMatchObject({ text: 'We have different positions', speakers: ['Anna Lund'] });
  });

  it('takes the speaker named in the middle of a quote, and after it with an appositive', () => {
    const f = facts('“We are close,” Anna Lund, the foreign minister, told reporters, “but not there yet.”');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Anna Lund'], ['Anna Lund']]);
  });

  it('gives an all-quote paragraph to the speaker the paragraph before introduced', () => {
    const f = facts('Farmer Piotr Nowak, 61, echoed the mayor:\n\n“We have waited three years for this. Nobody asked us what we wanted.”');
    expect(direct(f)[0]).toMatchObject({ speakers: ['Piotr Nowak'] });
  });

  it('gives interview answers to the interviewee and questions to the interviewer', () => {
    const f = facts([
      'Anna Lund, a senior fellow at a research centre, followed the talks. She spoke to Olaf Berg on Monday.',
      '**Q:** Was the exchange a success?',
      '**A:** It was the only thing the talks delivered, and it is not small.',
      '**Q:** What comes next?',
      '**A:** Another round, if both sides want it.',
    ].join('\n\n'));
    const turns = direct(f).map((q) => [q.text.slice(0, 12), q.speakers]);
    expect(turns).toEqual([
      ['Was the exch', ['Olaf Berg']],
      ['It was the o', ['Anna Lund']],
      ['What comes n', ['Olaf Berg']],
      ['Another roun', ['Anna Lund']],
    ]);
  });

  it('takes no one named later in the introduction for the interviewer ("spoke to us about the talks with President X")', () => {
    const f = facts('Olaf Berg, the envoy, spoke to us about the talks with President Piotr Nowak and Anna Lund.\n\nQ: What did you offer?\n\nA: A ceasefire. We said that the lines would be frozen.\n\nQ: How did Nowak respond?\n\nA: On Thursday he called the sanctions an unfriendly act.');
    const question = f.quotes.find((q) => q.text.startsWith('What did you offer'))!;
    expect(question.speakers).toEqual([]);
    expect(question.source).toBe('the interviewer');
    expect(f.quotes.find((q) => q.text.startsWith('A ceasefire'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('gives the questions to X in "X spoke to her on Monday", the answers to the one presented', () => {
    const f = facts('Anna Lund is a senior fellow at the Nordland Policy Forum. Olaf Berg spoke to her on Monday about the talks.\n\nQ: What did you expect?\n\nA: A ceasefire. We said that the lines would be frozen.\n\nQ: And then?\n\nA: Nothing happened.');
    expect(f.quotes.find((q) => q.text.startsWith('What did you expect'))!.speakers).toEqual(['Olaf Berg']);
    expect(f.quotes.find((q) => q.text.startsWith('Nothing happened'))!.speakers).toEqual(['Anna Lund']);
  });

  it('gives the questions to "our correspondent X" who spoke to Y, and what "you said" in a question to Y', () => {
    const f = facts('Our correspondent Tomas Wolf spoke to Anna Lund, the energy adviser.\n\nQ: What happened on Tuesday?\n\nA: The line was cut again. Every day on diesel is a day closer to an accident.\n\nQ: You said a moment ago that "every day on diesel is a day closer to an accident". Is there a deadline?\n\nA: There is no deadline.');
    expect(f.quotes.find((q) => q.text.startsWith('What happened'))!.speakers).toEqual(['Tomas Wolf']);
    expect(f.quotes.find((q) => q.text.startsWith('There is no deadline'))!.speakers).toEqual(['Anna Lund']);
    const recalled = f.quotes.find((q) => q.text.startsWith('every day on diesel'))!;
    expect([recalled.speakers, recalled.cue]).toEqual([['Anna Lund'], 'said']);
  });

  it('reads an interview whose questions are bold paragraphs or open with a dash, and an answer that runs on', () => {
    const intro = 'Anna Lund, the foreign minister, spoke to our correspondent Olaf Berg on Monday.';
    const turns = (paragraphs: string[]) => direct(facts([intro, ...paragraphs].join('\n\n'))).map((q) => [q.text.slice(0, 12), q.speakers]);
    const want = [['Was the exch', ['Olaf Berg']], ['It was the o', ['Anna Lund']], ['What comes n', ['Olaf Berg']], ['Another roun', ['Anna Lund']], ['And the guar', ['Olaf Berg']], ['None yet, an', ['Anna Lund']]];
    const qa = ['Was the exchange a success?', 'It was the only thing the talks delivered.', 'What comes next?', 'Another round, if both sides want it.', 'And the guarantees?', 'None yet, and we say so.'];
    expect(turns(qa.map((t, i) => (i % 2 ? t : `**${t}**`)))).toEqual(want);
    expect(turns(qa.map((t) => `— ${t}`))).toEqual(want);
    // Questions now and then in an article that is no interview are nobody's words.
    expect(direct(facts(['Anna Lund, the foreign minister, said in an interview that talks went well.', ...qa].join('\n\n')))).toEqual([]);
    // A labelled answer's second paragraph is the same speaker's; a note after the last turn is no one's.
    const labelled = ['BERG: Was the exchange a success?', 'LUND: It was the only thing the talks delivered.', 'I said so to my colleagues.', 'BERG: What comes next?', 'LUND: Another round.', 'The interview was edited for length.'];
    expect(turns(labelled).map(([t, s]) => `${t}|${s}`)).toEqual(['Was the exch|Olaf Berg', 'It was the o|Anna Lund', 'I said so to|Anna Lund', 'What comes n|Olaf Berg', 'Another roun|Anna Lund']);
  });
});

  it('gives the questions of a Q/A interview to the one the introduction says asked them ("X asked him …")', () => {
    const f = facts([
      'Anna Lund spent eleven years at the defence ministry before joining a think tank. Olaf Berg asked her on Monday what the talks had achieved.',
      '**Q:** Was Friday a defeat for Nordland?',
      '**A:** It was the most likely outcome from the start.',
      '**Q:** What comes next?',
      '**A:** Another round, probably in Oslo.',
    ].join('\n\n'));
    expect(direct(f).map((q) => `${q.text.slice(0, 12)}|${q.speakers.join(',')}`)).toEqual([
      'Was Friday a|Olaf Berg',
      'It was the m|Anna Lund',
      'What comes n|Olaf Berg',
      'Another roun|Anna Lund',
    ]);
  });

  it('reads a French interview: questions opened by a dash, with or without a question mark, asked by the one whose questions were answered', () => {
    const f = facts([
      'Senator Anna Lund followed the summit from the capital. She answered the questions of Olaf Berg on Sunday evening.',
      '— Senator, what remains of the summit?',
      'An image no one will forget.',
      '— On Tuesday the delegations meet again.',
      'And nobody negotiates well with one eye closed.',
      '— A last word?',
      'Europe has learnt to stand on its own feet.',
    ].join('\n\n'));
    expect(direct(f).map((q) => `${q.text.slice(0, 12)}|${q.speakers.join(',')}`)).toEqual([
      'Senator, wha|Olaf Berg',
      'An image no |Anna Lund',
      'On Tuesday t|Olaf Berg',
      'And nobody n|Anna Lund',
      'A last word?|Olaf Berg',
      'Europe has l|Anna Lund',
    ]);
  });

  it('finds a name no list knows when a role is said of it, and gives the answers to her, not to the minister she advises', () => {
    const f = facts([
      'Liis Kask is a senior adviser to the foreign minister, Olaf Berg, and sat behind him at the meeting. She spoke to Anna Lund on Sunday.',
      'Q: What did you want from the meeting?',
      'A: A record of what happened.',
      'Q: How did the other side answer?',
      'A: As usual.',
    ].join('\n\n'));
    expect(f.people.map((p) => p.name)).toContain('Liis Kask');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Anna Lund'], ['Liis Kask'], ['Anna Lund'], ['Liis Kask']]);
    expect(facts('Talks went on. Kersti Tamm, the ministry’s spokeswoman, said so.').people.map((p) => p.name)).toEqual(['Kersti Tamm']);
  });

  it('reads an interview whose answers alone are labelled with the name, the questions in bold before each', () => {
    const f = facts([
      'Anna Lund has been foreign minister since last year. She talked to Olaf Berg on Thursday.',
      '**The president wrote that the country could win back its land. Did you expect that?**',
      'Lund: We prepared this meeting for weeks.',
      'I would not call it a surprise.',
      '**The other side says he simply heard one version.**',
      'Lund: Of course they say that.',
      '**Is there a deadline?**',
      'Lund: I will not invent a number.',
    ].join('\n\n'));
    expect(direct(f).map((q) => `${q.text.slice(0, 12)}|${q.speakers.join(',')}`)).toEqual([
      'The presiden|Olaf Berg',
      'We prepared |Anna Lund',
      'I would not |Anna Lund',
      'The other si|Olaf Berg',
      'Of course th|Anna Lund',
      'Is there a d|Olaf Berg',
      'I will not i|Anna Lund',
    ]);
  });

  it('leaves out of an answer the sentences that quote someone else, so quoted words keep their speaker', () => {
    const f = facts([
      'Anna Lund, a military analyst, spoke to our correspondent Olaf Berg on Friday.',
      'Q: Is the offensive over?',
      'A: Yes, and that is remarkable. General Piotr Nowak wrote on Monday: “There is no threat of encirclement of our units.” I see no evidence of a large encirclement either.',
      'Q: And the prisoners?',
      'A: No. Nowak said: “They will be treated according to the law.” That is his usual register, and it tells you a lot.',
      'Q: What is the offer worth?',
      'A: It is a “gesture” and nothing more. The word says little.',
    ].join('\n\n'));
    const got = direct(f).map((q) => `${q.text.slice(0, 24)}|${q.speakers.join(',')}`);
    expect(got.sort()).toEqual([
      'Is the offensive over?|Olaf Berg',
      'Yes, and that is remarka|Anna Lund',
      'There is no threat of en|Piotr Nowak',
      'I see no evidence of a l|Anna Lund',
      'And the prisoners?|Olaf Berg',
      'No.|Anna Lund',
      'They will be treated acc|Piotr Nowak',
      'That is his usual regist|Anna Lund',
      'What is the offer worth?|Olaf Berg',
      // A word in quotation marks that no one is given stays in the answer.
      'It is a “gesture” and no|Anna Lund',
    ].sort());
  });

describe('roles over time', () => {
  it('gives the latest role as current, the earlier one as history with its dates and passage', async () => {
    const dir = tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-05-16\n---\n\nDefence Minister Anna Lund led the delegation in the capital on Friday.\n',
      'b.md': '---\ntitle: B\npublished: 2025-07-18\n---\n\nThe parliament approved the new cabinet on Thursday.\n\nAnna Lund was appointed secretary of the security council, leaving the defence ministry.\n',
      'c.md': '---\ntitle: C\npublished: 2025-07-24\n---\n\nLund, the security council secretary, met her counterparts again on Wednesday.\n',
    });
    const kb = await buildKnowledgeBase(dir);
    const a = who(kb, 'Lund');
    const p = a.results[0].person!;
    expect(p.role).toMatch(/secretary/);
    expect(p.roles.map((r) => [r.role, r.current, r.citation.article])).toEqual([
      ['Defence Minister', false, 'a'],
      [expect.stringMatching(/secretary/), true, expect.stringMatching(/^[bc]$/)],
    ]);
    expect(p.roles[0]).toMatchObject({ since: '2025-05-16', until: '2025-07-18' });
    const json = toJson(a) as { results: { person: { roles: object[] } }[] };
    expect(json.results[0].person.roles[0]).toMatchObject({ role: 'Defence Minister', since: '2025-05-16', until: '2025-07-18', current: false, citation: { article: 'a', paragraph: 1 } });
    expect(renderText(a)).toMatch(/formerly Defence Minister, until 18 Jul 2025/);
  });

  it('reads a German compound title as the same office as its English words, so a later "former defence minister" ends it', async () => {
    const dir = tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-03-15\n---\n\nVerteidigungsminister Piotr Nowak reiste nach Nordstadt.\n',
      'b.md': '---\ntitle: B\npublished: 2025-08-24\n---\n\nPiotr Nowak, the former defence minister, met the envoys on Sunday.\n',
    });
    const p = who(await buildKnowledgeBase(dir), 'Nowak').results[0].person!;
    expect(p.role).toMatch(/^former/);
    expect(p.roles.some((r) => r.current && /^Verteidigungsminister$/.test(r.role))).toBe(false);
    // A Vizekanzler is the vice-chancellor, not the chancellor.
    expect(officeKey('Vizekanzler')).toBe(officeKey('vice-chancellor'));
    expect(officeKey('Vizekanzler')).not.toBe(officeKey('Bundeskanzler'));
  });

  it('calls someone known only by a past office "former …", and reads no role in a clause or a list', async () => {
    const f = facts('Former prime minister Olaf Berg, who was prime minister in 2005, criticised the deal. Envoy Anna Lund, Piotr Nowak and others arrived.');
    const berg = f.people.find((p) => p.name === 'Olaf Berg')!;
    expect(berg.role).toBeNull();
    expect(berg.roles.every((r) => r.former)).toBe(true);
    const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': '---\ntitle: X\npublished: 2025-01-02\n---\n\nFormer prime minister Olaf Berg criticised the deal.\n' }));
    expect(who(kb, 'Berg').results[0].person?.role).toBe('former prime minister');
  });

  it('gives a described speaker to the one near holder of the office whose country no text gives, and to no one when two hold it', async () => {
    const speakerOf = async (body: string) => {
      const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': `---\ntitle: X\npublished: 2025-09-24\n---\n\n${body}\n` }));
      const q = kb.quotes.find((x) => x.text.startsWith('We will not'))!;
      return kb.speakerNames(q);
    };
    expect(await speakerOf('President Olaf Berg spoke in New York on Wednesday. « We will not give up », launched the Estonian president.')).toEqual(['Olaf Berg']);
    expect(await speakerOf('President Olaf Berg met President Anna Lund in New York. « We will not give up », launched the Estonian president.')).toEqual([]);
    // Someone near with no role at all may be the one no text gave that title.
    expect(await speakerOf('President Olaf Berg met Piotr Nowak in New York. « We will not give up », launched the Estonian president.')).toEqual([]);
  });

  it('gives "…, the Estonian president said" paragraphs after the name to the article\'s one holder of that office whose country no text gives', async () => {
    const speakerOf = async (body: string) => {
      const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': `---\ntitle: X\npublished: 2025-09-24\n---\n\n${body}\n` }));
      const q = kb.quotes.find((x) => x.text.startsWith('No one'))!;
      return kb.speakerNames(q);
    };
    const between = '10:00 — The plant lost power again.\n\n11:00 — Repairs were halted by shelling.\n\n12:00 — The agency called for restraint.';
    expect(await speakerOf(`09:00 — President Olaf Berg met the inspectors.\n\n${between}\n\n13:00 — “No one has ever dared to do this,” the Estonian president said.`)).toEqual(['Olaf Berg']);
    expect(await speakerOf(`09:00 — President Olaf Berg met President Anna Lund.\n\n${between}\n\n13:00 — “No one has ever dared to do this,” the Estonian president said.`)).toEqual([]);
  });

  it('reads a leader named by the seat of the office, and leaves whom it was said to out of the source', async () => {
    const speakerOf = async (body: string, start: string) => {
      const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': `---\ntitle: X\npublished: 2025-09-24\n---\n\n${body}\n` }));
      const q = kb.quotes.find((x) => x.text.startsWith(start))!;
      return kb.speakerNames(q);
    };
    expect(await speakerOf('Olaf Berg, the American president, met the envoys. « We have a framework », wrote the head of the White House on his network.', 'We have')).toEqual(['Olaf Berg']);
    expect(await speakerOf('Olaf Berg, the American president, met the envoys. « The war has to end », launched the American president to the press afterwards.', 'The war')).toEqual(['Olaf Berg']);
  });

  it('gives "launched the Nordish president" paragraphs after the name to the one person of the article who holds that office', async () => {
    const speakerOf = async (body: string) => {
      const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': `---\ntitle: X\npublished: 2025-09-24\n---\n\n${body}\n` }));
      const q = kb.quotes.find((x) => x.text.startsWith('The war'))!;
      return kb.speakerNames(q);
    };
    const between = 'The envoys flew on to the capital.\n\nThe talks went on late into the night.\n\nNo one spoke to the press.';
    expect(await speakerOf(`Olaf Berg, the Estonian foreign minister, met Anna Lund in the morning.\n\n${between}\n\n« The war has to end », launched the Estonian minister afterwards.`)).toEqual(['Olaf Berg']);
    // Two people of the article hold it: no guess.
    expect(await speakerOf(`Olaf Berg, the Estonian foreign minister, met Piotr Nowak, the Estonian defence minister.\n\n${between}\n\n« The war has to end », launched the Estonian minister afterwards.`)).toEqual([]);
  });

  it('puts the quote that holds the typed words as a phrase first, whatever its single words score', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': '---\ntitle: X\npublished: 2025-06-20\n---\n\nOlaf Berg said the exchange would take place next week and the exchange lists were ready.\n\n“Who is exchanged, when and how cannot be decided by one side,” Olaf Berg wrote.\n' }));
    expect(quote(kb, '', { words: 'Who is exchanged, when and how', limit: 3 }).results[0].text).toContain('Who is exchanged');
  });

  it('puts the quote that holds two typed words as a phrase first, one of them a stopword ("US backstop")', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-02-17\n---\n\nOlaf Berg said the plan needed a “backstop”.\n\nAnna Lund wanted a “backstop” too, and a “backstop” soon.\n',
      'b.md': '---\ntitle: B\npublished: 2025-02-18\n---\n\n“A US backstop is the only way to deter an attack on the country again, and we will not stop asking for it,” Olaf Berg told reporters.\n',
    }));
    expect(quote(kb, '', { words: 'US backstop', limit: 3 }).results[0].text).toContain('A US backstop');
  });

  it('answers a role with whoever holds it now, in any wording, before one who held it', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-01-02\n---\n\nAnna Berg, Estonia\'s prime minister, met the envoy.\n',
      'b.md': '---\ntitle: B\npublished: 2025-09-02\n---\n\nAnna Berg, who was Estonia\'s prime minister until July, is now the EU foreign policy chief. Olaf Lund, the head of the government in Tallinn, said little.\n',
    }));
    expect(who(kb, "Estonia's prime minister").results[0].person?.name).toBe('Olaf Lund');
    expect(who(kb, "former Estonian prime minister").results[0].person?.name).toBe('Anna Berg');
  });

  it('reads a move between offices said in a relative clause, and keeps the office before a delegation it heads', async () => {
    const f = facts('The delegation was led by Olaf Lund, who since last week has no longer been defence minister but secretary of the Security Council.');
    expect(f.people[0].role).toBe('secretary of the Security Council');
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-05-02\n---\n\nThe talks were held in Lisbon, where Nordland\'s delegation was led by Defence Minister Olaf Lund.\n',
      'b.md': '---\ntitle: B\npublished: 2025-10-02\n---\n\nOlaf Lund, who moved from the defence ministry to become secretary of the Security Council in July, met the envoy.\n\nThe next round was held in Porto, where Nordland\'s delegation was again led by Olaf Lund.\n',
    }));
    const lund = who(kb, 'Lund').results[0].person!;
    expect(lund.role).toBe('secretary of the Security Council');
    expect(lund.roles.map((r) => r.role)).toContain("head of Nordland's delegation");
  });

  it('ends an office when the article that names someone else to it names its holder too', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-01-10\n---\n\nDefence Secretary Olaf Berg said goodbye to the coalition he built.\n',
      'b.md': '---\ntitle: B\npublished: 2025-01-25\n---\n\nAnna Lund was sworn in as defence secretary on Saturday. Olaf Berg left the building quietly.\n',
      'c.md': '---\ntitle: C\npublished: 2025-02-03\n---\n\nOlaf Berg, the defence secretary who built the coalition, gave a lecture. Piotr Nowak, Nordland\'s finance minister, met the envoy.\n',
      'd.md': '---\ntitle: D\npublished: 2025-02-04\n---\n\nEva Holm was appointed finance minister of Sudland on Monday.\n',
    }));
    const berg = who(kb, 'Olaf Berg').results[0].person!;
    expect(berg.role).toMatch(/^former defence secretary$/i);
    expect(berg.roles[0]).toMatchObject({ until: '2025-01-25', current: false });
    expect(who(kb, 'defence secretary').results[0].person?.name).toBe('Anna Lund');
    // Another country's finance minister, in an article that does not name him: his office goes on.
    expect(who(kb, 'Piotr Nowak').results[0].person?.role).toBe("Nordland's finance minister");
  });

  it('keeps an office before a calling or a kinship said of the person later', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-03-01\n---\n\nOlaf Berg was appointed defence minister on Friday.\n',
      'b.md': '---\ntitle: B\npublished: 2025-06-01\n---\n\nOlaf Berg, an economist, spoke to the cadets.\n',
    }));
    expect(who(kb, 'Berg').results[0].person?.role).toBe('defence minister');
  });

  it('reads a role that ends in an acronym, before the next person of a list, or with a long body name', () => {
    const role = (text: string, name: string) => facts(text).people.find((p) => p.name === name)?.role;
    expect(role('Rubio will lead it, with Mr Waltz and Olaf Berg, the director of the CIA.', 'Olaf Berg')).toBe('director of the CIA');
    expect(role('The president kept Olaf Berg as head of the FSB and Anna Lund as head of the foreign intelligence service.', 'Olaf Berg')).toBe('head of the FSB');
    expect(role('Anna Lund, a senior fellow at the Centre for Black Sea Studies in Istanbul, followed the talks.', 'Anna Lund')).toBe('senior fellow at the Centre for Black Sea Studies');
    expect(role('The talks went on. The American mediators, Olaf Berg and Anna Lund, arrived late.', 'Olaf Berg') ?? null).toBeNull();
    expect(role('He works alongside its deputy chairman, former president Olaf Berg.', 'Olaf Berg')).toBe('deputy chairman');
    expect(role('The North Korean leader, Olaf Berg, was quoted by state media.', 'Olaf Berg')).toBe('North Korean leader');
    expect(role('He is the son of Olaf Berg, who was prime minister under the old president from 2004 to 2007 and then headed the service.', 'Olaf Berg') ?? null).toBeNull();
    expect(facts('He is the son of Olaf Berg, who was prime minister under the old president from 2004 to 2007 and then headed the service.').people[0].roles.map((r) => [r.text, r.former])).toEqual([['prime minister', true]]);
    // The one replaced leaves the office named, whether after them or given to their successor.
    const replaced = (text: string) => facts(text).people.map((p) => [p.name, p.role, p.roles.map((r) => [r.text, r.former])]);
    expect(replaced('Anna Lund had already replaced Olaf Berg in May as deputy minister.')).toEqual([['Anna Lund', 'deputy minister', [['deputy minister', false]]], ['Olaf Berg', null, [['deputy minister', true]]]]);
    expect(replaced('Anna Lund was named secretary of the State Council by presidential decree, replacing Olaf Berg.')[1]).toEqual(['Olaf Berg', null, [['secretary of the State Council', true], ['(left office)', true]]]);
    // "nominated X for a second term as …" gives the role; "to succeed Y as …" takes it from Y.
    expect(role('The leaders nominated Anna Lund for a second term as president of the Nordic Commission.', 'Anna Lund')).toBe('president of the Nordic Commission');
    expect(replaced('They elected Piotr Nowak, a former prime minister of Nordland, to succeed Olaf Berg as president of the Nordic Council.')[1]).toEqual(['Olaf Berg', null, [['president of the Nordic Council', true]]]);
    expect(role('Olaf Berg moved to the council. His successor at the defence ministry is the former head of government Anna Lund, in office since 17 July.', 'Anna Lund')).toBe('defence minister');
    // A plural office of two countries before two names is each one's in turn, and no one's as a plural.
    expect(facts('The national security advisers of Nordland and Sudland, Olaf Berg and Anna Lund, joined the talks.').people.map((p) => [p.name, p.role])).toEqual([['Olaf Berg', "Nordland's national security adviser"], ['Anna Lund', "Sudland's national security adviser"]]);
    expect(role('The national security advisers of Nordland, Olaf Berg, joined the talks.', 'Olaf Berg') ?? null).toBeNull();
    // Plain nouns between a possessive owner and the role noun name its field.
    expect(role("In the capital, Nordland's human rights commissioner, Anna Lund, said the residents returned.", 'Anna Lund')).toBe("Nordland's human rights commissioner");
    expect(role("Nordland's long-serving foreign minister, Olaf Berg, left.", 'Olaf Berg')).toBe('foreign minister');
    expect(role('Olaf Berg, who heads the Centre for Countering Disinformation at the National Security and Defence Council, posted a message.', 'Olaf Berg')).toBe('head of the Centre for Countering Disinformation at the National Security and Defence Council');
  });

  it('matches a role query within one role and the person’s country, not across two roles', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': "---\ntitle: A\npublished: 2025-05-10\n---\n\nOlaf Berg, Norway's foreign policy adviser, met the envoy.\n\nThe head of the Danish delegation, Piotr Nowak, arrived. Eva Holm, the head of the delegation from Norway, arrived later.\n",
      'b.md': '---\ntitle: B\npublished: 2025-06-10\n---\n\nOlaf Berg was appointed defence minister on Sunday. Norwegian Foreign Minister Anna Lund welcomed him.\n',
    }));
    // Berg is Norway's, was a foreign policy adviser and is a minister, but never foreign minister.
    expect(who(kb, 'Norwegian foreign minister').results.map((r) => r.person?.name)).toEqual(['Anna Lund']);
    // Another country's delegation head is no answer, though "head" and "delegation" match.
    expect(who(kb, 'head of the Norwegian delegation').results.map((r) => r.person?.name)).toEqual(['Eva Holm']);
  });

  it('reads a relative role after an appositive, and shows the role asked for when it is not the one shown', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': "---\ntitle: A\npublished: 2025-12-03\n---\n\nOlaf Berg, the president's envoy for investment and economic cooperation, who also runs the Nordic Investment Fund, met the visitors.\n",
    }));
    const byName = who(kb, 'Olaf Berg').results[0].person!;
    expect(byName.role).toBe("president's envoy for investment and economic cooperation");
    const byRole = who(kb, 'head of the Nordic Investment Fund').results[0].person!;
    expect([byRole.name, byRole.role]).toEqual(['Olaf Berg', 'head of the Nordic Investment Fund']);
    // Not after an appositive that ends in someone else's name: "an adviser to Y, who heads …" may be Y's.
    expect(facts('Olaf Berg, an adviser to Anna Lund, who heads the Nordic Investment Fund, met the visitors.').people.find((p) => p.name === 'Olaf Berg')!.roles.map((r) => r.text)).not.toContain('head of the Nordic Investment Fund');
  });

  it('answers a country’s office with its holder now, whose country goes unsaid, before the one who held it', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-03-10\n---\n\nNorwegian Defence Minister Olaf Berg visited the troops.\n',
      'b.md': "---\ntitle: B\npublished: 2025-05-10\n---\n\nOlaf Berg was appointed secretary of Norway's Security Council on Monday. Anna Lund was appointed defence minister.\n",
    }));
    expect(who(kb, 'Norwegian defence minister').results[0].person?.name).toBe('Anna Lund');
    expect(who(kb, 'former Norwegian defence minister').results[0].person?.name).toBe('Olaf Berg');
  });

  it('answers "prime minister" with the prime minister, not a deputy prime minister', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-07-18\n---\n\nOlaf Berg, the deputy prime minister of Nordland, spoke first. Anna Lund, the long-serving prime minister of Nordland\'s coalition government, spoke after him.\n',
    }));
    expect(who(kb, 'prime minister of Nordland').results[0].person?.name).toBe('Anna Lund');
  });

  it('ends the office named as someone is dismissed from it', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2024-12-03\n---\n\nThe coalition broke apart on November 6, when the chancellor dismissed the finance minister, Olaf Berg.\n',
    }));
    expect(who(kb, 'Olaf Berg').results[0].person?.role).toBe('former finance minister');
    const later = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2024-06-18\n---\n\nInvestigators arrested a general who is not to be confused with the dismissed deputy minister Anna Lund.\n',
    }));
    expect(who(later, 'Anna Lund').results[0].person?.role).toBe('former deputy minister');
    // "replacing Y, who resigned" ends Y's offices, not those of the one who replaced Y.
    const replaced = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2026-01-09\n---\n\nThe new head of the presidential office, Olaf Berg, now leads the talks.\n',
      'b.md': '---\ntitle: B\npublished: 2026-01-15\n---\n\nOlaf Berg, the former intelligence chief, has headed it since January 2, replacing Piotr Nowak, who resigned in November.\n',
    }));
    expect(who(replaced, 'Olaf Berg').results[0].person?.role).toMatch(/^(?:new )?head of the presidential office$/);
  });

  it('shows a rank as what someone is, not as a former role, and a role before the comma over a rank', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({
      'a.md': '---\ntitle: A\npublished: 2025-07-18\n---\n\nGeneral Olaf Berg said the front held.\n\n12:05 — Statement just in from Nowak\'s spokesman, Lieutenant Colonel Anna Lund: “The talks are going well.”\n',
    }));
    expect(who(kb, 'Olaf Berg').results[0].person?.role).toBe('General');
    expect(who(kb, 'Anna Lund').results[0].person?.role).toBe("Nowak's spokesman");
  });

  it('reads "the retired general who has served as X" as X now, "his adviser" as the adviser, and no "head of it"', () => {
    const roles = (text: string) => facts(text).people.map((p) => [p.name, p.role]);
    expect(roles('In Washington, Olaf Berg, the retired general who has served as the special envoy for the region, plans to leave.')).toEqual([['Olaf Berg', 'special envoy for the region']]);
    expect(roles('The president announced that Olaf Berg, his national security adviser, would leave.')).toEqual([['Olaf Berg', 'national security adviser']]);
    expect(roles('The council met. Olaf Berg, the head of it last year, stayed away.')).toEqual([['Olaf Berg', null]]);
  });

  it('does not take a role someone is considered for as one they hold', () => {
    const f = facts('Defence Minister Anna Lund stayed on. The president said he was considering Lund as ambassador to Japan.');
    expect(f.people[0].roles.map((r) => r.text)).toEqual(['Defence Minister']);
  });
});

describe('speakers in the forms American politics reporting uses', () => {
  it('reads a party in brackets before an appositive, a long title before the name, and "pressed"', () => {
    const speakers = (text: string) => direct(facts(text)).map((q) => q.speakers);
    expect(speakers('Rep. Zoe Lofgren (D-Calif.), who introduced a bill this month, said in a statement that the announcements were “important preliminary steps to treating those escaping violence.”')).toEqual([['Zoe Lofgren']]);
    expect(speakers('“I don’t know what it’s going to take,” said Senate Minority Whip Dick Durbin in an interview.')).toEqual([['Dick Durbin']]);
    expect(speakers('“Would it be negotiable about the 11 million?” Sean Hannity pressed.')).toEqual([['Sean Hannity']]);
    expect(speakers('Senator Olaf Berg spoke in Iowa. "China is equally concerned," the Nordland senator and presidential candidate told reporters.')).toEqual([['Olaf Berg']]);
    // A subject after an introductory phrase the comma closes is the one "he" goes on with.
    expect(speakers('Olaf Berg proposed Piotr Nowak as defence minister.\n\nSpeaking to senators before the vote, Nowak promised better support for soldiers, and said he lived by one rule. “You can make mistakes, but you cannot lie,” he told them.')).toEqual([['Piotr Nowak']]);
    // A participle after "X said," is X's, not the sentence subject's.
    expect(speakers('Olaf Berg was made a presidential aide on Tuesday. He will oversee shipbuilding, Anna Lund said, describing it as "a strategic, huge and very complex industry" in which his experience would count.')).toEqual([['Anna Lund']]);
    // Words quoted inside what someone is reported to say are theirs, not the next clause's subject's.
    expect(speakers('Olaf Berg said the aim was to finish "as soon as possible", and officials described the date as flexible.')).toEqual([['Olaf Berg']]);
    expect(speakers('After speaking to the president, Sir Keir Starmer commended his ‘pursuit of an end to the killing’.')).toEqual([['Keir Starmer']]);
  });
});

describe('the forms articles translated from French use', () => {
  it('reads "the head of <body>, X" as a role, and a resignation submitted as leaving office', () => {
    const role = (text: string, name: string) => facts(text).people.find((p) => p.name === name)?.role ?? null;
    expect(role('Talks went on. The head of Nordish diplomacy, Olaf Berg, spoke to reporters.', 'Olaf Berg')).toBe('head of Nordish diplomacy');
    expect(role('Talks went on. Mr Nowak and the head of the state investment fund, Olaf Berg, flew in.', 'Olaf Berg')).toBe('head of the state investment fund');
    expect(role('Nordland sent the head of its delegation, Olaf Berg, to the talks.', 'Olaf Berg')).toBe('head of the delegation');
    // A verb before "the head of …" makes it that clause's: "became the head of the team, X" is no role of X.
    expect(role('Anna Lund became the head of the team, Olaf Berg said.', 'Olaf Berg')).toBeNull();
    const f = facts('Talks went on. “The head of the office, Olaf Berg, has submitted his resignation,” the president said.');
    expect(f.people.find((p) => p.name === 'Olaf Berg')?.roles.map((r) => [r.text, r.former]).sort()).toEqual([['(left office)', true], ['head of the office', false]]);
  });

  it('reads "declared the president in his address", "judged that" and "According to X, a role, …"', () => {
    const f = facts('Talks went on. President Olaf Berg spoke on Monday.\n\n« We are ready », declared the president during his evening address.\n\nFor her part, the foreign minister, Anna Lund, judged that the proposals were « not constructive ».\n\nAccording to Piotr Nowak, the spokesman of the council, the capital has not received the document.');
    expect(direct(f).map((q) => [q.text, q.speakers])).toEqual([['We are ready', ['Olaf Berg']], ['not constructive', ['Anna Lund']]]);
    expect(f.quotes.filter((q) => q.kind === 'reported' && q.speakers[0] === 'Piotr Nowak').map((q) => q.text)).toEqual(['the capital has not received the document']);
    // "M." and "Mme" are French forms of address, not initials; "For X, « … »" gives the words to X.
    const fr = facts('President Olaf Berg met Anna Lund on Monday.\n\n« We want a just peace », said M. Berg after the meeting.\n\nFor Mme Lund, « the pressure must increase ».\n\nFor the country, « guarantees » come first.');
    expect(fr.people.map((p) => p.name)).toEqual(['Olaf Berg', 'Anna Lund']);
    expect(direct(fr).map((q) => [q.text, q.speakers])).toEqual([['We want a just peace', ['Olaf Berg']], ['the pressure must increase', ['Anna Lund']]]);
    // A verb after the name's comma goes on with the sentence: "received his counterpart" is no role.
    const met = facts('The Finnish president, Olaf Berg, received his Danish counterpart, Anna Lund, on Monday.');
    expect(met.people.find((p) => p.name === 'Olaf Berg')?.roles.map((r) => r.text)).toEqual(['Finnish president']);
    expect(direct(facts('Talks went on. « Europe is no party to this », hammered Anna Lund, the ministry spokeswoman.\n\nFor the former ambassador Olaf Berg, « the Europeans want back into the game ».')).map((q) => q.speakers)).toEqual([['Anna Lund'], ['Olaf Berg']]);
    // A description is who holds that office for that country: never a president of another one.
    const described = facts('Finnish President Olaf Berg met the Danish prime minister, Anna Lund, on Tuesday.\n\n« We will not give up land », declared the Finnish head of state.\n\n« We are ready », said the Danish leader.\n\n« Nor are we », said the Swedish president.');
    expect(direct(described).map((q) => q.speakers)).toEqual([['Olaf Berg'], ['Anna Lund'], []]);
    // "The head of Finnish diplomacy" is Finland's foreign minister; an office of several words is
    // matched as a phrase: the role "Finnish head of state" is the head of state's.
    const office = facts('The Finnish foreign minister, Anna Lund, met Piotr Nowak, the head of the presidential office, on Monday.\n\n« We will not give up land », said the head of Finnish diplomacy.\n\n« Nor will we », said the Finnish head of state, Olaf Berg, in his address.');
    expect(direct(office).map((q) => q.speakers)).toEqual([['Anna Lund'], ['Olaf Berg']]);
    // A role after a preposition's determiner is still the appositive name's; "the prime minister"
    // is the prime minister, not the foreign minister named since.
    const pm = facts('Leaders gathered at the invitation of the Finnish prime minister, Olaf Berg. The Danish foreign minister, Anna Lund, arrived late.\n\n« Not every nation will contribute », declared the prime minister.');
    expect(pm.people.map((p) => [p.name, p.role])).toEqual([['Olaf Berg', 'Finnish prime minister'], ['Anna Lund', 'Danish foreign minister']]);
    expect(direct(pm).map((q) => q.speakers)).toEqual([['Olaf Berg']]);
    // Pairs of a role and the name after it: the role after the first name is the second's.
    const pairs = facts('Leaders met. The head of Nordish diplomacy, Olaf Berg, the secretary general of the alliance, Piotr Nowak, and Anna Lund completed the photograph.');
    expect(pairs.people.map((p) => [p.name, p.role])).toEqual([['Olaf Berg', 'head of Nordish diplomacy'], ['Piotr Nowak', 'secretary general of the alliance'], ['Anna Lund', null]]);
    // "The defence ministry went to X": X is the minister now.
    expect(facts('In the reshuffle the defence ministry went to Olaf Berg, until recently the prime minister.').people[0]?.role).toBe('defence minister');
    // A plural title before a list of names is each one's; alone, a plural is a group's word.
    const envoys = facts('On Wednesday the Nordish envoys Olaf Berg and Piotr Nowak met the delegation. The ministers arrived later.');
    expect(envoys.people.map((p) => [p.name, p.role])).toEqual([['Olaf Berg', 'Nordish envoy'], ['Piotr Nowak', 'Nordish envoy']]);
    // The body an office serves stays in the role: "the foreign ministry spokeswoman, X".
    expect(facts('On Monday the foreign ministry spokeswoman, Anna Lund, said so.').people[0]?.role).toBe('foreign ministry spokeswoman');
    // …and after a possessive owner: "an adviser to Finland's foreign minister, X".
    expect(facts('Anna Lund is a senior adviser to Finland’s foreign minister, Olaf Berg, and sat behind him.').people.find((p) => p.name === 'Olaf Berg')?.role).toBe('Finland’s foreign minister');
    // "Dear X" is how a letter or a post opens, not a name; a name in apposition to the role before it
    // is the subject a colon hands the quote to.
    const dear = facts('Anna Lund spoke in the morning. The Finnish prime minister, Olaf Berg, addressed Lund directly: “Dear Lund, dear friends, you are not alone.”');
    expect(dear.people.map((p) => p.name)).toEqual(['Anna Lund', 'Olaf Berg']);
    expect(direct(dear).map((q) => q.speakers)).toEqual([['Olaf Berg']]);
    // "The head of Finnish diplomacy, X," is a minister; "on the network X" is where, not who.
    const minister = facts('The head of Finnish diplomacy, Anna Lund, affirmed on Thursday that the plant had been cut off.\n\n« It was a manual disconnection », wrote the minister on the network X.');
    expect(direct(minister).map((q) => q.speakers)).toEqual([['Anna Lund']]);
    // Verbs a translation from French inverts after the quote report it there, and only there.
    const calques = facts('Talks went on. Anna Lund spoke on Monday.\n\n« It is a big shift », rejoiced Anna Lund before the journalists.\n\nThe army launched drones overnight. « They fund the war against themselves », launched Olaf Berg.');
    expect(direct(calques).map((q) => q.speakers)).toEqual([['Anna Lund'], ['Olaf Berg']]);
    expect(calques.quotes.filter((q) => q.kind === 'reported')).toEqual([]);
    // A live blog's stamp is no part of the statement that opens its entry.
    expect(facts('Update, 18:10: The delegation is led by Olaf Berg, according to the agency.').quotes.map((q) => q.text)).toEqual(['The delegation is led by Olaf Berg']);
    // An occasion after the source is cut off, but a place that says which officials is kept.
    expect(direct(facts('“We are not ready,” said officials in the capital.')).map((q) => q.source)).toEqual(['officials in the capital']);
    // A name inside a described source is not who speaks: "said one source who knew X", "a spokesman for X said".
    expect(direct(facts('Olaf Berg resigned. “I can only tell you that his account sent the emails,” said one source who identified Berg but spoke on condition of anonymity.'))[0]).toMatchObject({ speakers: [], source: 'one source' });
    expect(direct(facts('Anna Lund met the press. “We agree,” a spokesman for Olaf Berg said.'))[0]).toMatchObject({ speakers: [], source: 'a spokesman for Olaf Berg' });
    expect(direct(facts('Anna Lund met the press. “It is over,” one of the former prosecutors for Olaf Berg said.'))[0].speakers).toEqual([]);
    // A speaker after a quote is the quote's only when no clause of its own stands between.
    expect(direct(facts('Olaf Berg said he would make the desert “glow in the dark,” for instance, and Anna Lund vowed to fight on.'))[0].speakers).toEqual(['Olaf Berg']);
    // Words reported inside what someone else says are the reporter's ("X said Y called …")…
    expect(direct(facts('Rep. Olaf Berg said Anna Lund called on members to be “closely coordinated.”'))[0].speakers).toEqual(['Olaf Berg']);
    // …but not across a clause of its own ("When X suggested …, Y fired back: …").
    expect(direct(facts('When Olaf Berg suggested that the island would sue, Anna Lund fired back forcefully: “If they sue us, they are going to lose.”'))[0].speakers).toEqual(['Anna Lund']);
    // Words a "that" hands to the speech verb before them are that verb's.
    expect(direct(facts('Piotr Nowak met the press. But even as Olaf Berg claimed on Tuesday that “General Lund got in trouble for far less,” a lawyer for Anna Lund said the cases differed.'))[0].speakers).toEqual(['Olaf Berg']);
    // An adverb in -ly, or an occasion with a possessive, may stand between a subject and its verb.
    expect(direct(facts('Anna Lund has increasingly decried the issue of “systemic neglect” in the ministry.'))[0].speakers).toEqual(['Anna Lund']);
    expect(direct(facts('Olaf Berg in his announcement speech called the smugglers “criminals and worse than that.”'))[0].speakers).toEqual(['Olaf Berg']);
    // "read" gives a quote to the document after it, only in that inverted order.
    expect(direct(facts('Olaf Berg wrote to supporters. “Our movement has already changed the debate,” read the email.')).map((q) => q.source)).toEqual(['the email']);
    // A name after the sentence's own verb is its object, not the participle's speaker.
    expect(direct(facts('Piotr Nowak spoke first. Bush, Nordland’s former governor, also attacked billionaire Piotr Nowak, with whom he clashed at the debate over eminent domain, calling him a “loser.”'))[0].speakers).not.toContain('Piotr Nowak');
    // A noun that looks like a speech verb before a participle's comma hands it nothing ("campaign points, calling").
    expect(direct(facts('Olaf Berg spoke. Berg, the sitting governor, repeated accusations that Nowak recites the same campaign points, calling him a “talented guy” when required to.'))[0].speakers).toEqual(['Olaf Berg']);
    // A participle's described subject is who speaks, found as the description's person.
    expect(direct(facts('Olaf Berg, the Nordish senator, spoke in the hall.\n\nThe Nordish senator sought to calm his supporters, and took a heckler in stride, saying the person would “not get beat up” at his rally.'))[0].speakers).toEqual(['Olaf Berg']);
    // A dash and a name alone after a quote sign it.
    expect(direct(facts('Anna Lund spoke in the square.\n\n“Workers are worried about the future of their kids.” — Anna Lund'))[0].speakers).toEqual(['Anna Lund']);
    // The attribution that closes a sentence gives it a quote from its middle…
    expect(direct(facts('Olaf Berg “drew quite well from working-class voters” in the 2008 primary, said Ohio State University professor Anna Lund.'))[0].speakers).toEqual(['Anna Lund']);
    expect(direct(facts('“Many would consider that an embarrassment” if she did not win by more, said Anna Lund, an elections analyst at the institute.'))[0].speakers).toEqual(['Anna Lund']);
    // …but the name after "said when", "said of" is not who speaks.
    expect(direct(facts('Olaf Berg spoke first. “Very good reporter, this guy,” Berg, the party frontrunner and polling leader in the state by a wide margin after winning the primaries, said when Anna Lund asked him a question.'))[0].speakers).not.toContain('Anna Lund');
    expect(direct(facts('Olaf Berg spoke first. “He had a lot of supporters here,” Piotr Nowak, after a long pause, said of Berg.'))[0].speakers).not.toContain('Olaf Berg');
    // An organisation's word inside a name between a first name and a surname is the name's.
    expect(direct(facts('“It is really jarring,” said Kathleen Hall Jamieson, a professor of communication.'))[0].speakers).toEqual(['Kathleen Hall Jamieson']);
    expect(facts('She spoke at the Victoria Park Hotel.').people).toEqual([]);
    // A name ending in an accented letter and "a" ("García said") does not make its verb a noun after "a".
    expect(direct(facts('“Teachers are looking at it,” Lily Eskelsen García said.'))[0].speakers).toEqual(['Lily Eskelsen García']);
    // Groups, bodies and documents are sources as written: "critics say", "the court said", "the ad claims".
    expect(direct(facts('Olaf Berg rallied in the capital. Critics say the plan “cannot work.” “The filing is late,” the court said. The ad claims “Berg is the leader you can trust.”')).map((q) => [q.speakers, q.source])).toEqual([[[], 'Critics'], [[], 'the court'], [[], 'The ad']]);
    // A short description of any noun between the quote's comma and its verb is the source as written.
    expect(direct(facts('“What if the plan fails?” the 43-year-old asked in the video.')).map((q) => q.source)).toEqual(['the 43-year-old']);
    expect(direct(facts('“The candidate is eligible to run,” the board said.')).map((q) => q.source)).toEqual(['the board']);
    expect(direct(facts('Olaf Berg spoke on the network. “It is great fun watching the fight,” one user wrote.')).map((q) => [q.speakers, q.source])).toEqual([[[], 'one user']]);
    expect(direct(facts('Olaf Berg died in the crash. “He had wanted to be a pilot since he was five,” his childhood friend told reporters.')).map((q) => [q.speakers, q.source])).toEqual([[[], 'his childhood friend']]);
    // Not when the quote is a phrase inside a sentence that goes on: "… “placed in brackets” the hardest points, including …".
    expect(direct(facts('After hours of work the teams “placed in brackets” the most contentious points, including territory, for the leaders to settle.')).every((q) => !q.source)).toBe(true);
  });
});

describe('reported judgements and promises', () => {
  it('reads "called X useful", "described X as …", "promised to …", "said it was …" and "X, he said, …" as reported speech, not a phone call or a convened meeting', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('Olaf Berg called the conversation useful, constructive and substantive.')).toEqual([['called the conversation useful, constructive and substantive', ['Olaf Berg']]]);
    expect(reported('Olaf Berg described the talks with the envoys as constructive.')).toEqual([['described the talks with the envoys as constructive', ['Olaf Berg']]]);
    expect(reported('Olaf Berg promised to finance long-range weapons built in Nordland.')).toEqual([['promised to finance long-range weapons built in Nordland', ['Olaf Berg']]]);
    expect(reported('Olaf Berg called Anna Lund on Monday.')).toEqual([]);
    expect(reported('Olaf Berg said it seemed logical for the delegation to fly on.')).toEqual([['it seemed logical for the delegation to fly on', ['Olaf Berg']]]);
    expect(reported('Olaf Berg said it on Monday.')).toEqual([]);
    expect(reported('Olaf Berg thanked the allies for their signals, but said many of the details were still unclear.')).toEqual([['many of the details were still unclear', ['Olaf Berg']]]);
    expect(reported('Olaf Berg shortened the window to 10 days on July 29, saying he was disappointed with the Kremlin.')).toEqual([['he was disappointed with the Kremlin', ['Olaf Berg']]]);
    // What stands right before the participle's comma (a time, an object, an appositive name) is not its subject.
    expect(reported('Olaf Berg threw his support behind Sen. Piotr Nowak (R-Nord) Wednesday, saying it was time for a change.')).toEqual([['it was time for a change', ['Olaf Berg']]]);
    expect(direct(facts('Sen. Olaf Berg (D-Nord) visited the studio to discuss his rival, Anna Lund, saying she would be “a far better leader than any of them.”')).map((q) => q.speakers)).toEqual([['Olaf Berg']]);
    expect(reported('Olaf Berg travelled to Kyiv on Saturday with two other leaders and said Russia must accept a full ceasefire.')).toEqual([['Russia must accept a full ceasefire', ['Olaf Berg']]]);
    expect(reported('Olaf Berg met the chancellor. The talks, he said, had lasted more than two and a half hours.')).toEqual([['The talks, he said, had lasted more than two and a half hours', ['Olaf Berg']]]);
    // The one named before the attribution is whom it is about: not the speaker, whatever the pronoun resolves to.
    expect(reported('Tatjana Lund wrote to the council. President Wladimir Berg, she said, had asked her to free the prisoners.').some(([, who]) => (who as string[]).includes('Wladimir Berg'))).toBe(false);
    expect(reported('Olaf Berg called the meeting in the capital.')).toEqual([]);
  });

  it('reads a said-clause without "that" after a time or a medium, and no clause where a place follows', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('Olaf Berg said on Wednesday he had held a long call with the envoy.')).toEqual([['he had held a long call with the envoy', ['Olaf Berg']]]);
    expect(reported('Olaf Berg said in a statement the talks had gone well.')).toEqual([['the talks had gone well', ['Olaf Berg']]]);
    expect(reported('Olaf Berg said late on Sunday Nordland had agreed to the pause.')).toEqual([['Nordland had agreed to the pause', ['Olaf Berg']]]);
    expect(reported('Olaf Berg said on Wednesday at a news conference in the capital.')).toEqual([]);
  });

  it('reads a role before a comma after "and" when the role has its own determiner or owner', () => {
    const roleOf = (text: string, name: string) => facts(text).people.find((p) => p.name === name)?.role;
    expect(roleOf('Today the secretary of state, Olaf Berg, and the national security adviser, Anna Lund, meet the envoy.', 'Anna Lund')).toBe('national security adviser');
    expect(roleOf('The meeting brought together the heads of the European Commission and Nato\'s secretary general, Anna Lund.', 'Anna Lund')).toBe("Nato's secretary general");
    expect(roleOf('Olaf Berg became vice-chancellor and finance minister, Anna Lund said.', 'Anna Lund')).toBeNull();
  });

  it('reads a hyphenated office in a description ("the vice-president") and keeps an unresolved "he" after it as that description', () => {
    const f = facts('Vice-President Olaf Berg arrived in the capital. Anna Lund, the minister, met him at the airport. The vice-president spent most of his speech on migration. “We must talk about it,” he said.');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Olaf Berg']]);
    const g = facts('The vice-president spent most of his speech on migration. “We must talk about it,” he said.');
    expect(direct(g).map((q) => q.source)).toEqual(['The vice-president']);
  });

  it('reads a statement that holds a quoted phrase after a copula when the statement is long enough to be one', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => q.text);
    expect(reported('Olaf Berg added that thousands of soldiers in the east were “completely surrounded” by the army.')).toEqual(['thousands of soldiers in the east were “completely surrounded” by the army']);
    expect(reported('Olaf Berg said the talks were “productive”.')).toEqual([]);
  });

  it('reads a telling verb with its hearer and a clause without "that", a closing "went on", and a second verb of complaint', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.cue]);
    expect(reported('Olaf Berg met Anna Lund, the envoy, and told him Nordland was ready to work for a real peace.')).toEqual([['Nordland was ready to work for a real peace', 'told']]);
    expect(reported('Olaf Berg told reporters the talks had been useful.')).toEqual([['the talks had been useful', 'told']]);
    expect(reported('Olaf Berg told reporters the day before.')).toEqual([]);
    expect(reported('In his view the amendments do not improve the document, Olaf Berg went on.')).toEqual([['In his view the amendments do not improve the document', 'went on']]);
    expect(reported('Olaf Berg said it was for Europe to act, and complained that the capital had received little in return.')).toEqual([['it was for Europe to act', 'said'], ['the capital had received little in return', 'complained that']]);
  });

  it('reads blame as a reported judgement, and leaves who carried an unnamed source out of it', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers, q.source ?? null]);
    expect(reported('Its director, Anna Lund, blames the shelling for the outage.')).toEqual([['blames the shelling for the outage', ['Anna Lund'], null]]);
    expect(reported('Olaf Berg is also in the capital and is expected to see the envoy, according to two people familiar with the plans cited by the Daily Courier.')).toEqual([['Olaf Berg is also in the capital and is expected to see the envoy', [], 'two people familiar with the plans']]);
  });

  it('reads an appositive role that a parenthesis follows', () => {
    expect(facts('We asked Anna Lund, a security analyst at a research institute in the capital (she holds no government post), what it meant.').people.find((p) => p.name === 'Anna Lund')?.role).toBe('security analyst at a research institute in the capital');
  });

  it('lets the one who closes a quotation with "…,” the president said" go on as "he", not the last name before', () => {
    const f = facts('Olaf Berg and Piotr Nowak have met for forty minutes. “We want peace very much,” the Nordish president said afterwards. He called it a good conversation and replied: “Our first meeting, not last.”', '2025-02-14');
    const g = facts('President Olaf Berg of Nordland arrived. Olaf Berg and Piotr Nowak have met for forty minutes. “We want peace very much,” the Nordish president said afterwards. He called it a good conversation.', '2025-02-14');
    expect(g.quotes.filter((q) => q.kind === 'reported').map((q) => q.speakers)).toEqual([['Olaf Berg']]);
    expect(f.quotes.some((q) => q.speakers.includes('Piotr Nowak'))).toBe(false);
  });

  it('gives "the chancellor said" to the one titled Bundeskanzler', () => {
    const f = facts('Bundeskanzler Olaf Berg rejected the speech in sharp words. It was not appropriate to tell voters which parties to choose, the chancellor said, one week before the election.');
    expect(f.quotes.filter((q) => q.kind === 'reported' && q.text.startsWith('It was not')).map((q) => q.speakers)).toEqual([['Olaf Berg']]);
  });

  it('gives a quote inside a relative clause of saying to the name it hangs on, and reads "the then minister" as a source', () => {
    expect(direct(facts('Olaf Berg, who had said on Sunday that he was ready to send troops ‘on the ground if necessary’, said the country would lead.')).map((q) => q.speakers)).toEqual([['Olaf Berg']]);
    expect(direct(facts('“We will not sign,” said the then foreign minister of Nordland.')).map((q) => q.source)).toEqual(['the then foreign minister of Nordland']);
    expect(facts('The shelling went on all night, the fighting continued.').quotes).toEqual([]);
  });

  it('reads commentators as an unnamed source of a statement whose attribution stands in its middle', () => {
    const f = facts('The first casualty of the failed summit, several commentators argued, was the minister\'s standing.');
    expect(f.quotes.filter((q) => q.kind === 'reported').map((q) => [q.speakers, q.source])).toEqual([[[], 'several commentators']]);
  });

  it('reads "the following day" after a medium as a time, not a clause, and "…, accusing X of Y" as its own statement', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('Olaf Berg wrote on Telegram the following day, accusing propagandists of playing on people\'s grief.')).toEqual([["accusing propagandists of playing on people's grief", ['Olaf Berg']]]);
  });

  it('gives "X was quoted by the agency as saying that …" to X, not the agency', () => {
    const f = facts('The leader, Olaf Berg, was quoted by the state agency as saying that those who fought were all heroes.');
    expect(f.quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers])).toEqual([['those who fought were all heroes', ['Olaf Berg']]]);
  });

  it('reads a nationality of two words whole in a role ("North Korean leader")', () => {
    expect(facts('The North Korean leader, Olaf Berg, spoke on Monday.').people[0].affiliation).toBe('North Korea');
  });

  it('keeps "X said that A and that B" as one statement, and a second speech verb as another', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('Olaf Berg said that the talks had gone well and that a second round would follow in May.')).toEqual([['the talks had gone well and that a second round would follow in May', ['Olaf Berg']]]);
    expect(reported('Olaf Berg said that the talks had gone well, and said the envoys would return in May.').map(([t]) => t)).toEqual(['the talks had gone well', 'the envoys would return in May']);
  });

  it('reads a closing attribution followed by a time clause, and leaves the dateline out of the statement', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('LISBON, April 18 (Wire) — The talks could end within days, Olaf Berg said on Friday, a day after he met the envoys.')).toEqual([['The talks could end within days', ['Olaf Berg']]]);
    expect(reported('The talks will resume next week, Olaf Berg said, hours before the delegation left.')).toEqual([['The talks will resume next week', ['Olaf Berg']]]);
  });
});

describe('reported speech with its hearers, a long object, a closing pronoun or a concession', () => {
  it('reads "X, he told Russian journalists, would …" and "called the dismantling of … a serious step back"', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers, q.cue]);
    expect(reported('Adviser Olaf Berg was blunt. A temporary truce, he told Russian journalists, would be nothing but a breather for the army.')).toEqual([['A temporary truce, he told Russian journalists, would be nothing but a breather for the army', ['Olaf Berg'], 'told']]);
    expect(reported("Commissioner Anna Lund called the dismantling of key safeguards of the bureau's independence a serious step back.")).toEqual([["called the dismantling of key safeguards of the bureau's independence a serious step back", ['Anna Lund'], 'called']]);
    // A closing "they said" is the unnamed source of the sentence before, if it is a plural one.
    expect(reported('People familiar with the talks said the day had been hard going. Washington was looking for new ideas, they said.').map(([t]) => t)).toEqual(['the day had been hard going', 'Washington was looking for new ideas']);
    expect(facts('People familiar with the talks said the day had been hard going. Washington was looking for new ideas, they said.').quotes.map((q) => q.source)).toEqual(['People familiar with the talks', 'People familiar with the talks']);
    expect(reported('A senior official said the day had been hard going. Washington was looking for new ideas, they said.').length).toBe(1);
    // "…, although he said …" is a second statement, not part of the first.
    expect(reported('President Olaf Berg told the radio that Thursday was a fair deadline, although he said deadlines were usually extended.').map(([t]) => t)).toEqual(['Thursday was a fair deadline', 'deadlines were usually extended']);
    // "called X a day later" is a phone call, not a judgement.
    expect(reported('Commissioner Anna Lund called the head of the delegation a day later.')).toEqual([]);
    // A name called something, and judgements of more kinds ("critical", "baseless").
    expect(reported('Olaf Berg was not impressed. He called Piotr Nowak a propagandist on television.').map(([t, s]) => [t, s])).toEqual([['called Piotr Nowak a propagandist on television', ['Olaf Berg']]]);
    expect(reported('President Anna Lund had called the situation critical at the end of September.').length).toBe(1);
    expect(reported('Olaf Berg called Anna Lund a day later.')).toEqual([]);
    // (Not a quotation's blank: "called X a “dictator without elections”" is the quote's, not a statement "called X a".)
    expect(reported('Olaf Berg called Piotr Nowak a "dictator without elections" and warned that he had better move fast.').map(([t]) => t)).not.toContain('called Piotr Nowak a');
  });

  it('reads a clause after "said" that opens with "it" and a past verb, with "no" and a noun, or after "that,"', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('Anna Lund, the foreign policy chief, said it sent a clear message.')).toEqual([['it sent a clear message', ['Anna Lund']]]);
    expect(reported('Piotr Nowak said no compromise had yet been found on territory. Tomas Wolf said no, and left.')).toEqual([['no compromise had yet been found on territory', ['Piotr Nowak']]]);
    expect(reported('Olaf Berg said that, for humanitarian reasons, Nordland was declaring a truce.')).toEqual([['for humanitarian reasons, Nordland was declaring a truce', ['Olaf Berg']]]);
    expect(reported('Tomas Wolf answered today that Berg should end the war.')).toEqual([['Berg should end the war', ['Tomas Wolf']]]);
  });

  it('gives "X backs Y on a ceasefire and says …" to X, and reads "said no one expected …" and "said Nordland, as a …, could …"', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('Tomas Wolf backs Olaf Berg on a ceasefire and says a later summit should be a four-way meeting.')).toEqual([['a later summit should be a four-way meeting', ['Tomas Wolf']]]);
    expect(reported('Anna Lund said no one expected quick or easy decisions. Piotr Nowak said no summit between the two presidents was on the calendar.').map(([t]) => t)).toEqual(['no one expected quick or easy decisions', 'no summit between the two presidents was on the calendar']);
    expect(reported('Olaf Berg said no to the plan and walked out.')).toEqual([]);
    expect(reported('Olaf Berg spoke. Mr Berg said Nordland, as a sovereign country, could not accept any agreement made without it.')).toEqual([['Nordland, as a sovereign country, could not accept any agreement made without it', ['Olaf Berg']]]);
  });

  it('gives "according to Berg\'s office" to the office, "according to Berg\'s spokesman Piotr Nowak" to Nowak, and ends a clause at "…, Reuters reported, and …"', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers, q.source ?? null]);
    expect(reported('The plan was handed to Anna Lund on Thursday. According to Lund\'s office, the president set out the principles that mattered.')).toEqual([['the president set out the principles that mattered', [], "Lund's office"]]);
    expect(reported('The appearance was cancelled, according to Lund\'s spokesman Piotr Nowak, who said the format had been limited to filming.').find(([t]) => String(t).includes('format'))![1]).toEqual(['Piotr Nowak']);
    expect(reported('Olaf Berg is leaving. He told associates in November that a new law made it a natural moment to go, Reuters reported, and the ministry confirmed his departure.')[0]).toEqual(['a new law made it a natural moment to go', ['Olaf Berg'], null]);
  });

  it('reads "Berg, he said, needed a win" (a short subject) and a middle attribution after a semicolon', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('Tomas Wolf, an analyst, spoke on Monday. Berg, he said, needed a win at home.')).toEqual([['Berg, he said, needed a win at home', ['Tomas Wolf']]]);
    expect(reported('Tomas Wolf spoke on Monday. The war had cost "millions of lives"; the regime, he said, was prolonging it for nothing.')).toEqual([['the regime, he said, was prolonging it for nothing', ['Tomas Wolf']]]);
  });

  it('ends a statement where another speaker with an appositive starts ("…, and Nowak, the spokesman, said …")', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('His aide Olaf Berg said Nordland was open to dialogue, and Piotr Nowak, the spokesman, said there had been no preparations yet for a call.')).toEqual([
      ['Nordland was open to dialogue', ['Olaf Berg']],
      ['there had been no preparations yet for a call', ['Piotr Nowak']],
    ]);
  });

  it('reads "…, said X, Berg\'s spokesman.", "…, officials said, targeting …", "Oslo says it hopes …" and units as sources', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers, q.source ?? null]);
    expect(reported('A joint news conference planned for Thursday was cancelled at the other side\'s request, said Piotr Nowak, Berg\'s spokesman.')).toEqual([["A joint news conference planned for Thursday was cancelled at the other side's request", ['Piotr Nowak'], null]]);
    expect(reported('Nordland launched 14 missiles overnight, officials said, targeting gas production facilities.')[0].slice(1)).toEqual([[], 'officials']);
    expect(reported('The text has been reworked, and Oslo says it hopes to conclude soon.')).toEqual([['it hopes to conclude soon', [], 'Oslo']]);
    expect(reported('Nordish front-line units say the night was quieter than usual, but a unit commander in the east told a broadcaster that assaults had not stopped.').map(([t]) => t)).toEqual(['the night was quieter than usual', 'assaults had not stopped']);
  });

  it('reads "In a statement the fund said …", "said afterwards that …" and "judged for his part that …"', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers, q.source ?? null]);
    expect(reported('The decree took effect on signing. In a statement the fund said Berg would remain its chief executive.')).toEqual([['Berg would remain its chief executive', [], 'the fund']]);
    expect(reported('Anna Lund said afterwards that the two sides would each appoint a team.')).toEqual([['the two sides would each appoint a team', ['Anna Lund'], null]]);
    expect(reported('Tomas Wolf, deputy head of the council, judged for his part that Berg had slipped into an alternative reality.')).toEqual([['Berg had slipped into an alternative reality', ['Tomas Wolf'], null]]);
  });

  it('reads a closing inverted attribution translations keep ("…, declared the minister.", "…, judged Piotr Nowak.")', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('Anna Lund is the foreign minister. Nordland can share its experience of the interception of drones, declared the minister.')).toEqual([['Nordland can share its experience of the interception of drones', ['Anna Lund']]]);
    expect(reported('The talks were difficult but useful, judged Piotr Nowak.')).toEqual([['The talks were difficult but useful', ['Piotr Nowak']]]);
  });

  it('reads a middle attribution with the verb first ("…, assured Olaf Berg, and …")', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers]);
    expect(reported('The situation is under control, assured Olaf Berg, and the generators supply the site.')).toEqual([['The situation is under control, assured Olaf Berg, and the generators supply the site', ['Olaf Berg']]]);
  });

  it('reads a clause that opens with a number, hearers with a relative clause, and "…, officials say, …"', () => {
    const reported = (text: string) => facts(text).quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speakers, q.source ?? null]);
    expect(reported('Olaf Berg said the 20-point framework was 90% agreed.')).toEqual([['the 20-point framework was 90% agreed', ['Olaf Berg'], null]]);
    expect(reported('Nordland\'s defence ministry says 146 servicemen were returned.')).toEqual([['146 servicemen were returned', [], "Nordland's defence ministry"]]);
    expect(reported('Anna Lund told lawmakers who demand more diplomacy instead of weapons that there had seldom been more diplomacy.')).toEqual([['there had seldom been more diplomacy', ['Anna Lund'], null]]);
    expect(reported('For Nordish policy, officials say, little changes in the coming months.')).toEqual([['For Nordish policy, officials say, little changes in the coming months', [], 'officials']]);
  });
});

describe('speakers the tagger or the sentence hides', () => {
  it('reads an abbreviated title as its role, and a description of that role as the person', () => {
    const f = facts('Ohio Gov. Mark Tallis accused the senator of opportunism. “He went for the easy vote,” the Ohio governor said.');
    expect(f.people.find((p) => p.name === 'Mark Tallis')?.role).toBe('Ohio governor');
    expect(direct(f)[0]).toMatchObject({ speakers: ['Mark Tallis'] });
  });

  it('takes a surname that is also an English word after a given name, and alone later', () => {
    const f = facts('Pfizer chief executive Ian Read said leaders had paid attention.\n\n“We believe this deal is a great deal for shareholders,” Read said.');
    expect(f.people.map((p) => p.name)).toEqual(['Ian Read']);
    expect(direct(f)[0]).toMatchObject({ speakers: ['Ian Read'] });
  });

  it('gives a quote to a name no list knows when an inverted verb and a person’s appositive follow it', () => {
    const f = facts('“That is not a responsible thing to say,” said Khin Zaw Win, an activist and former political prisoner.');
    expect(direct(f)[0]).toMatchObject({ speakers: ['Khin Zaw Win'] });
    const agency = facts('“Talks resume on Monday,” said Ukrainska Pravda, a news site.');
    expect(direct(agency)[0].speakers).not.toContain('Ukrainska Pravda, a news site');
  });

  it('gives “she said” to the woman spoken of, not to the man named last, and a name of either sex to no one', () => {
    const f = facts('Hanna Kovalenko met Oleksandr Tkach in Lviv. Tkach spoke first. “We must hold the line,” she said. “I am proud of it,” he said.');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Hanna Kovalenko'], ['Oleksandr Tkach']]);
    const mr = facts('Mr Lund met Alex Berg. Berg spoke first. “We will see what comes of it,” she said.');
    expect(direct(mr)[0].speakers).not.toEqual(['Lund']);
  });

  it('keeps the main clause’s speaker after “Asked if X …, he answered”, and a role subject is no one we know', () => {
    const f = facts('Mr Berg and Mr Lund spoke in the basilica. The Danish minister left Rome at once. The same evening, he wondered whether the offer was “a trick to buy time”.\n\nOn Sunday Mr Berg was calmer. Asked if Mr Lund was ready to sign, he answered: “Oh, I think so, yes.”\n\nHe then added: “Do not talk to me about the border at all.”');
    const q = direct(f);
    expect(q.find((x) => x.text.startsWith('a trick'))?.speakers ?? []).toEqual([]);
    expect(q.filter((x) => !x.text.startsWith('a trick')).map((x) => x.speakers)).toEqual([['Berg'], ['Berg']]);
  });

  it('finds a surname no list knows by its form when it speaks and the article names it again', () => {
    const f = facts('Talks resumed. Kovalenko spoke with the envoy for an hour. On Monday Kovalenko wrote that he would come. Rosatom said the plant was safe.');
    expect(f.people.map((p) => p.name)).toEqual(['Kovalenko']);
    expect(f.quotes.map((q) => [q.text, q.speakers])).toEqual([['he would come', ['Kovalenko']], ['the plant was safe', []]]);
  });

  it('reads the Treasury, the Chancellery and the Élysée as institutions, not people', () => {
    const f = facts('The deal was signed by Treasury Secretary Olaf Berg.\n\nThe signing came after a scare. A Treasury spokesperson said: “We are moving with all deliberate speed toward this end.”');
    expect(f.people.map((p) => [p.name, p.role])).toEqual([['Olaf Berg', 'Treasury Secretary']]);
    // A church and a German institute by their words: "Basilica", "Institut".
    const places = facts('Anna Lund met Olaf Berg in St Peter’s Basilica on Saturday.\n\nHenrike Albers, an analyst at the Hamburger Institut für Sicherheitsstudien, said the meeting mattered.');
    expect(places.people.map((p) => p.name)).toEqual(['Anna Lund', 'Olaf Berg', 'Henrike Albers']);
  });

  it('trusts the text’s “she” over a name list when no one else could be meant', () => {
    // One name list gives "Kemi" to men; the article's "she" is the better word when she is the only one.
    expect(direct(facts('Kemi Badenoch, the party leader, urged caution. “The country needs clarity,” she said.')).map((q) => q.speakers)).toEqual([['Kemi Badenoch']]);
    // With a man and a woman spoken of, "she" still goes to the woman, never to the man named last.
    expect(direct(facts('Anna Lund met Olaf Berg. Berg urged caution. “The country needs clarity,” she said.')).map((q) => q.speakers)).toEqual([['Anna Lund']]);
  });

  it('gives no quote to the subject of a later clause: “…’ and that …, hours before X announced”', () => {
    const f = facts('Olaf Berg used his first trip abroad to tell the allies that a return to the old borders was ‘an unrealistic objective’ and that membership was not a realistic outcome, hours before Piotr Nowak announced that talks would begin.');
    expect(direct(f).flatMap((q) => q.speakers)).not.toContain('Piotr Nowak');
  });

  it('gives “…,’ one said” to an unnamed source, not to the person named before', () => {
    const f = facts('Olaf Berg wrote afterwards that ‘a lot of progress was made’. Officials briefing reporters went further. ‘We think we have resolved most of the issues,’ one said.');
    expect(direct(f).map((q) => [q.speakers, q.source ?? null])).toEqual([[['Olaf Berg'], null], [[], 'one']]);
  });

  it('reads "bemoaned", "decried" and "slammed" as speech', () => {
    expect(direct(facts('Talks went on. Olaf Berg bemoaned a climate in which people “literally hate each other” over politics.')).map((q) => q.speakers)).toEqual([['Olaf Berg']]);
    expect(direct(facts('Talks went on. Anna Lund has decried what she called “systemic neglect” of the region.')).map((q) => q.speakers)).toEqual([['Anna Lund']]);
  });

  it('gives the quote after “X asked him whether …” to the one asked', () => {
    const f = facts('Olaf Berg met Anna Lund. Berg has sat down with Piotr Nowak on television. The row, he said, was “not good for both sides”. Nowak asked him several times whether he owed an apology. “I respect the president and his people,” he said.');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Olaf Berg'], ['Olaf Berg']]);
  });

  it('takes the main clause’s subject after “Asked whether X …,” as who “he” is', () => {
    const f = facts('President Olaf Berg met Jan Holm.\n\nJan Holm is travelling with his chief of staff.\n\nAsked whether Piotr Nowak was playing for time, Berg said he did not think so, and that he had been played before. “I think he wants a deal,” he told reporters.');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Olaf Berg']]);
  });

  it('does not take the owner in another person’s appositive for who the sentence is about', () => {
    const f = facts('President Olaf Berg spoke to the envoy.\n\n18:20 — The palace’s version now, from Piotr Nowak, Berg’s foreign policy adviser. He told reporters that the call had been frank. The other side had proposed it, he said.');
    expect(f.quotes.map((q) => q.speakers)).toEqual([['Piotr Nowak'], ['Piotr Nowak']]);
  });

  it('runs a second quote of the paragraph, left open, on into the next with the same speaker', () => {
    const f = facts('“This is the first stage,” Olaf Berg said in his address. “Everything else is being blocked.\n\n“But bringing people home comes first.”');
    expect(direct(f).map((q) => [q.text, q.speakers, q.paragraph, q.lastParagraph])).toEqual([
      ['This is the first stage', ['Olaf Berg'], 1, 1],
      ['Everything else is being blocked. But bringing people home comes first.', ['Olaf Berg'], 1, 2],
    ]);
  });

  it('goes on with the one who speaks a sentence whose attribution closes it, not a name inside what they said', () => {
    const speakers = (text: string) => direct(facts(text)).map((q) => q.speakers);
    expect(speakers('President Olaf Berg flew home. Berg defended Piotr Nowak on the plane. Nowak had to sell the plan to both sides, the president told reporters. “That is what a dealmaker does,” he said.')).toEqual([['Olaf Berg']]);
    // The president is not named here: "he" is no one rather than Nowak.
    expect(speakers('Olaf Berg flew home. Berg defended Piotr Nowak on the plane. Nowak had to sell the plan to both sides, the president told reporters. “That is what a dealmaker does,” he said.')).toEqual([[]]);
  });

  it('takes the subject after an opening phrase (“In his statement Saturday, X did …”) as who “he” is next', () => {
    const f = facts('Olaf Berg met Anna Lund.\n\nIn his statement Saturday, Berg went further in trying to hold Lund to account.\n\n“There are no excuses,” he said.');
    expect(direct(f)[0].speakers).toEqual(['Olaf Berg']);
  });

  it('reads “state television” as no speech verb and “Sir Keir” as Keir Starmer', () => {
    const f = facts('On Sunday Yuri Ushakov, the president’s adviser, told Russian state television that Moscow would have ‘sharp objections’. In London, the prime minister, Keir Starmer, spoke of progress. Sir Keir told the BBC there had been ‘a real sense of unity’ among leaders.');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Yuri Ushakov'], ['Keir Starmer']]);
  });

  it('reads “said a compromise had …” as the said clause, not its source, and a name before a colon as the speaker', () => {
    const f = facts('Yury Lund spoke late. Lund spoke to reporters after midnight and said a compromise had not been found, although some proposals looked "more or less acceptable". 12:05 — Statement just in from the minister\'s spokesman, Colonel Olaf Berg: “The talks are going well and we remain optimistic.”');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Yury Lund'], ['Olaf Berg']]);
  });

  it('hands a quote paragraph to an outlet that introduces it with a colon, and reads “himself”, a party in brackets and “barked”', () => {
    const f = facts('The Courier made these claims in February, and Nordland News responded:\n\n"If there are people who are prone to attacks, the answer is not to punish millions of citizens."\n\nLund himself said on Tuesday that "the only way to win the region is to ask, one on one." Sen. Olaf Berg (D-N.L.), said after a lunch that it was a "starting point for our talks." "Start again," Berg barked at the aides in the hall.');
    const q = direct(f);
    expect(q[0]).toMatchObject({ speakers: [], source: 'Nordland News' });
    expect(q.slice(2).map((x) => x.speakers)).toEqual([['Olaf Berg'], ['Olaf Berg']]);
    expect(q[1].speakers).not.toContain('Olaf Berg');
  });

  it('reads “said X had …” as the said clause, and hands “but now said” and the next quote paragraph to the subject', () => {
    const f = facts('Olaf Berg used to support Anna Lund, but now said Lund had “the chance and the duty to unite us all.”\n\n“I think she can do that, but the biggest unifier we have is the crisis.”');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Olaf Berg'], ['Olaf Berg']]);
  });

  it('reads a sentence adverb, “went on to say” and a place before an appositive between a subject and its verb', () => {
    const f = facts('Anna Lund however said she would welcome a “principled security network” for the region. Olaf Berg went on to say he is “confident” about it. Rep. Piotr Nowak of Nordland, an ally of the leadership, said Thursday his worry is that the plan is “unpredictable.”');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Anna Lund'], ['Olaf Berg'], ['Piotr Nowak']]);
  });

  it('gives a quote to an unnamed source described by a relative or participle clause, never to a name inside that clause', () => {
    const f = facts('A Nordland official who spoke anonymously to discuss strategy said Wednesday, “There are talks.” An aide, speaking on the condition of anonymity, said that Berg “will meet any candidate.” An adviser who met Olaf Berg said the plan was “dead on arrival.” The parts of the network that were hit suggested a search for “economic intelligence.”');
    const q = direct(f);
    expect(q.map((x) => x.source ?? null)).toEqual(['A Nordland official', 'An aide', 'An adviser', null]);
    expect(q.every((x) => x.speakers.length === 0)).toBe(true);
  });

  it('gives a pronoun after an interview answer to the one who answered, not to a name inside the answer', () => {
    const f = facts('Our reporter spoke to the analyst Eva Sand.\n\nThe Courier: Did Olaf Berg brief the leaders?\n\nEva Sand: He did. He said he had spoken to Piotr Nowak and then to Anna Lund, Jan Hus, Maria Kowal and Lars Moe. Piotr Nowak said publicly that Nordland was ready.\n\n“The Europeans had hoped for more,” she added.');
    expect(direct(f).find((q) => q.text.startsWith('The Europeans'))?.speakers).toEqual(['Eva Sand']);
  });

  it('hands a quote paragraph to the first speaker of the sentence before it, and to one who “released the following statement:”', () => {
    const f = facts('Defence Minister Olaf Berg spoke in Lundby. Berg said that for years critics had been predicting a withdrawal from the region, but this would not happen.\n\n“That is because this region remains the most consequential for our security.”\n\nWhen Jan Hus died in 1998, President Anna Lund released the following statement:\n\n“We offer our condolences to the family and friends of Jan Hus.”');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Olaf Berg'], ['Anna Lund']]);
  });

  it('gives two quotations of one sentence to the attribution that closes it, unless a verb of saying between speaks for the first', () => {
    const f = facts('Given the results, the endorsements will carry “a great deal of weight” and bring the “grass-roots firepower” the candidates need, party spokesman Olaf Berg said. The move was “a blunder,” Anna Lund said, and the party was “in disarray,” an aide said.');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Olaf Berg'], ['Olaf Berg'], ['Anna Lund'], []]);
  });

  it('reads an appositive between dashes, a participle after an inverted “said X”, and a subject after an opening phrase with a verb in it', () => {
    const f = facts('On Friday, Olaf Berg — named by the paper as the likely choice for the post — told the host that “you have to look at it very seriously.” “It is not new here,” said Rep. Anna Lund (D-N.L.) at the time, adding that “we have been electing them for a long time.” Amid calls to list those blacklisted, the Courier’s Piotr Nowak offered a justification, saying it is necessary to “remember their names.”');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Olaf Berg'], ['Anna Lund'], ['Anna Lund'], ['Piotr Nowak']]);
  });

  it('reads a surname with its particle (“De Berg told”) as the person named in full, and keeps the “and” inside a body’s name in a long role', () => {
    const f = facts('Nordish Prime Minister Olaf De Berg spoke first. “There must be transparency,” De Berg told reporters.\n\nAnna Lund, the secretary of Nordland’s National Security and Defence Council and one of the lead negotiators with the other side, left on Tuesday. Piotr Nowak, the head of the Nordish Direct Investment Fund and Berg’s envoy for economic cooperation with foreign countries, stayed.');
    expect(f.people.map((p) => p.name)).toEqual(['Olaf De Berg', 'Anna Lund', 'Piotr Nowak']);
    expect(direct(f)[0].speakers).toEqual(['Olaf De Berg']);
    expect(f.people.map((p) => p.role)).toEqual(['Nordish Prime Minister', 'secretary of Nordland’s National Security and Defence Council', 'head of the Nordish Direct Investment Fund']);
  });

  it('reads “Officials say the …” and “said more suspects could …” as statements, but not “said much the same” or “would say the …”', () => {
    const f = facts('Investigators say the group used code names. A source close to the investigation said more suspects could be named. Nordish leaders said much the same. If not, Olaf Berg added, the president would say the country had other priorities.');
    expect(f.quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.source ?? q.speakers[0]])).toEqual([
      ['the group used code names', 'Investigators'],
      ['more suspects could be named', 'A source close to the investigation'],
      ['If not, Olaf Berg added, the president would say the country had other priorities', 'Olaf Berg'],
    ]);
  });

  it('does not take the object of “an interview with journalist X” for the subject who goes on speaking', () => {
    const f = facts('In a wide-ranging interview with journalist Olaf Berg last year, Anna Lund said she welcomed the ruling and added, “I will plead guilty, no problem.”');
    expect(direct(f)[0].speakers).toEqual(['Anna Lund']);
  });

  it('never takes an infinitive or a phrase ending in “while” for an unnamed source', () => {
    const f = facts('In a 2014 interview, Olaf Berg insisted it was “premature” to back Lund’s campaign for president while adding on climate matters, “I don’t have any doubt that her heart is in the right place.”');
    expect(direct(f).map((q) => [q.speakers, q.source ?? null])).toEqual([[['Olaf Berg'], null], [['Olaf Berg'], null]]);
  });

  it('gives "« … », launched the Nordish president" to the one speaker named before it when no one here holds that office', () => {
    const f = facts(
      [
        'Olaf Berg met Anna Lund in Geneva. « We will talk again », rejoiced M. Berg.',
        'M. Berg then addressed the assembly. « Weapons decide who wins », launched the Nordish president.',
        // Two people named before: no telling which one the description means.
        'M. Berg met Anna Lund again, who had spoken first. « Enough », launched the Nordish president.',
        // A senior diplomat introduced first: "the diplomat" is that source, not the speaker named before.
        'M. Berg left. A senior Nordish diplomat was blunt. « It failed », estimated the diplomat.',
        // English order brings in someone else as often: left unnamed.
        'M. Berg spoke at length. « Allies must stay the course », the Nordish president said.',
      ].join('\n\n'),
    );
    const by = (t: string) => direct(f).find((q) => q.text.startsWith(t));
    expect(by('Weapons decide who wins')?.speakers).toEqual(['Olaf Berg']);
    expect(by('Enough')?.speakers).toEqual([]);
    expect(by('It failed')?.speakers).toEqual([]);
    expect(by('Allies must')?.speakers).toEqual([]);
  });

  it('reads a closing or middle attribution with when and where it was said, never a relative clause', () => {
    const f = facts(
      [
        'Olaf Berg met Anna Lund in Oslo on Monday.',
        'Nordland was testing the alliance, Berg said on the sidelines of the meeting.',
        'The damage, Lund suggested, would be political rather than military.',
        'Nordland was testing the alliance, Lund said in a post, and the north would read any hesitation as weakness.',
        'The report said early this month the call, in which the minister insisted on hard terms, had angered many.',
      ].join('\n\n'),
    );
    const reported = f.quotes.filter((q) => q.kind === 'reported');
    const at = (n: number) => reported.filter((q) => q.paragraph === n).map((q) => [q.text.slice(0, 30), q.speakers.join(',')]);
    expect(at(2)).toEqual([['Nordland was testing the allia', 'Olaf Berg']]);
    expect(at(3)).toEqual([['The damage, Lund suggested, wo', 'Anna Lund']]);
    expect(at(4)).toEqual([['Nordland was testing the allia', 'Anna Lund']]);
    expect(reported.some((q) => q.speakers.length && q.paragraph === 5)).toBe(false);
  });

  it('takes "Ukraine\'s chief negotiator says" as a described subject: a "he" after it is not the last name', () => {
    const f = facts(
      [
        'Olaf Berg met Piotr Nowak in Oslo on Monday.',
        "13:20 — Ukraine's chief negotiator says the talks will be hard. The agenda, he said in a post, is security and prisoners.",
        // The sentence's own opening "he" and its closing "he" are one person.
        'Berg says the plan is fine. He has told Lund to meet Nowak in Oslo, while Jan Hus meets the others, he wrote on social media.',
      ].join('\n\n'),
    );
    const agenda = f.quotes.find((q) => q.text.startsWith('The agenda'));
    expect(agenda?.speakers ?? []).toEqual([]);
    expect(f.quotes.find((q) => q.text.startsWith('He has told Lund'))?.speakers).toEqual(['Olaf Berg']);
  });

  it('reads "the secretary general said" as that office, not a general, and a described subject past an opening adverbial', () => {
    const f = facts(
      [
        'NATO Secretary General Olaf Berg met General Piotr Nowak in Oslo on Monday.',
        'The mission will start "in the coming days", the secretary general said.',
        'Piotr Nowak spoke first. On leaving the palace, the Nordish president was more reserved. He said that the two delegations had agreed not to talk.',
      ].join('\n\n'),
    );
    expect(f.quotes.find((q) => q.text === 'in the coming days')?.speakers).toEqual(['Olaf Berg']);
    expect(f.quotes.find((q) => q.text.startsWith('the two delegations'))?.speakers ?? []).toEqual([]);
  });

  it('gives "According to X, the president told him that …" to the one X reports, not to X', () => {
    const f = facts('Olaf Berg met Anna Lund in Oslo on Monday.\n\nAccording to the adviser Piotr Nowak, the Nordish president told him that the missiles would not change the war.\n\nAccording to Piotr Nowak, the talks failed.');
    const reported = f.quotes.filter((q) => q.kind === 'reported');
    expect(reported.find((q) => q.text.startsWith('the missiles'))?.speakers).not.toContain('Piotr Nowak');
    expect(reported.find((q) => q.text.includes('missiles'))?.source).toBe('the Nordish president');
    expect(reported.find((q) => q.text === 'the talks failed')?.speakers).toEqual(['Piotr Nowak']);
  });

  it('gives "Berg\'s “could have been a mistake” remark" to Berg, not to whoever rejected it', () => {
    const f = facts('Olaf Berg met Anna Lund in Oslo on Monday.\n\nWarsaw rejected Olaf Berg\'s "could have been a mistake" remark on Friday.');
    expect(direct(f).find((q) => q.text === 'could have been a mistake')?.speakers).toEqual(['Olaf Berg']);
  });

  it('gives a quotation after a colon to the owner of the response the sentence opens with', () => {
    const f = facts('Olaf Berg met Anna Lund in Oslo on Monday.\n\nPresident Olaf Berg\'s only response by late afternoon was a post on social media: "What is going on with Nordland? Here we go!"');
    expect(direct(f)[0]?.speakers).toEqual(['Olaf Berg']);
  });

  it('never gives a "he" after an unnamed source to a name inside what that source said', () => {
    const f = facts(
      [
        'Olaf Berg met Anna Lund in Oslo on Monday.',
        'Berg would lose the vote, a European diplomat said. "A threat withdrawn after one call is no threat," he added.',
        'The threat had served its purpose, said one of them: it brought Berg back to the table. "But a threat withdrawn is no threat," he observed.',
        // An appositive's "told a … story" is no unnamed source: the "he" after it is the commander.
        'Nordland\'s commander, Piotr Nowak, told a very different story. Briefing allies, he said the troops had pushed back.',
      ].join('\n\n'),
    );
    expect(direct(f).map((q) => q.speakers)).toEqual([[], []]);
    expect(f.quotes.find((q) => q.text.startsWith('the troops'))?.speakers).toEqual(['Piotr Nowak']);
  });

  it('leaves a "he" after "Lund says …" unknown when the article never names Lund in full, rather than the last person it named', () => {
    const body = 'Tomas Wolf said on Monday the talks would resume, with Lund in the room.\n\n15:10 — Lund says the plan has been "fine-tuned". He has told Nowak to fly to the capital, while Tomas Wolf meets the others, he wrote. He would meet both leaders only once a deal was final, he added.';
    const f = facts(body);
    const told = f.quotes.find((q) => q.text.includes('told Nowak'));
    const meet = f.quotes.find((q) => q.text.includes('both leaders'));
    expect(told?.speakers ?? []).not.toContain('Tomas Wolf');
    expect(meet?.speakers ?? []).not.toContain('Tomas Wolf');
    // A sentence opening with a "they" for things ("They had been offered help, he claimed") does not end the chain.
    const g = facts('Olaf Berg, the envoy, spoke on Telegram. He said the bargaining over the civilians was agonising. They had been offered help to leave, he claimed. He also said the stock of prisoners to exchange was close to zero.');
    expect(g.quotes.find((q) => q.text.includes('close to zero'))?.speakers).toEqual(['Olaf Berg']);
  });

  it('keeps the protagonist for a "he" after an opening phrase that names others ("Standing between X and Y, he …")', () => {
    const f = facts('“It paves the way for a legal framework,” Olaf Berg said. Standing between Anna Lund and Piotr Nowak, he then turned to the capital: “We can only get to a peace deal if the other side is ready.”');
    expect(f.quotes.find((q) => q.text.startsWith('We can only'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('lets the one a sentence is "according to" go on as its protagonist', () => {
    const f = facts('According to Olaf Berg, the delegation would be led by Foreign Minister Anna Lund, intelligence chief Piotr Nowak and Tomas Wolf, his envoy. He said the two presidents had agreed to work “very closely” from now on.');
    expect(f.quotes.find((q) => q.text.includes('very closely'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('gives a "he" after an unnamed source\'s statement to no named person', () => {
    const f = facts('President Olaf Berg visited the front on Monday.\n\nA Nordish officer serving near the town, who asked not to be named because he was not authorised to speak, said the claim was aimed at the allies.\n\n“They want the allies to think the front is collapsing,” he said.');
    expect(f.quotes.find((q) => q.text.startsWith('They want'))!.speakers).toEqual([]);
  });

  it('reads "The president\'s tone has hardened" as a sentence about the president', () => {
    const f = facts('President Olaf Berg met his envoy, Tomas Wolf, on Monday. Wolf has just closed another deal.\n\nThe president\'s tone towards the neighbours has hardened. On Wednesday he told them to “settle now”.');
    expect(f.quotes.find((q) => q.text.startsWith('settle now'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('gives "X used the trip to tell the allies that …" to X, but not an errand X gave someone else', () => {
    const f = facts('Olaf Berg used his first trip abroad as defence secretary to tell the allies that a return to the old borders was ‘an unrealistic objective’.');
    expect(f.quotes.find((q) => q.text === 'an unrealistic objective')!.speakers).toEqual(['Olaf Berg']);
    const g = facts('Olaf Berg asked Anna Lund to tell the allies that a return to the old borders was ‘an unrealistic objective’.');
    expect(g.quotes.find((q) => q.text === 'an unrealistic objective')?.speakers ?? []).not.toContain('Olaf Berg');
  });

  it('gives "Lund, he assured, is « very respected »" to the one speaking, not to the name his aside follows', () => {
    const f = facts('Olaf Berg nonetheless spared his guest. Piotr Nowak, he assured, is « very respected » by both sides.');
    expect(f.quotes.find((q) => q.text === 'very respected')!.speakers).toEqual(['Olaf Berg']);
  });

  it('follows "officials say the prime minister used his time with X" with the prime minister, not X', () => {
    const f = facts('Prime Minister Olaf Berg flew to the parade.\n\nNordish officials say the prime minister used his time with Mr Nowak to argue for a ceasefire. He told reporters afterwards that his country wanted normal relations once the war ended.');
    expect(f.quotes.find((q) => q.text.includes('normal relations'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('gives the words someone "called it" or "labelled" to them, as a title stays no quote', () => {
    const f = facts('Olaf Berg called it “a coalition of the willing”. Anna Lund labelled the plan “a surrender in slow motion”. The operation, dubbed “Spiderweb”, was secret.');
    expect(f.quotes.find((q) => q.text.includes('surrender'))?.speakers).toEqual(['Anna Lund']);
    expect(f.quotes.find((q) => q.text.includes('coalition of the willing'))?.speakers).toEqual(['Olaf Berg']);
    expect(f.quotes.some((q) => q.text.includes('Spiderweb'))).toBe(false);
  });

  it('reads "X later Thursday told the channel: “…”" as X speaking', () => {
    const f = facts('Olaf Berg later Thursday told the channel: “Both of them are meeting next week to talk about these things.”');
    expect(f.quotes.find((q) => q.text.startsWith('Both of them'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('reads past an appositive to adverbs or "verb to" ("X, who led the talks, interjected to say: …"), not to a passive', () => {
    const f = facts('Olaf Berg, who signed the laws as governor, interjected to say: “They have both been inconsistent on this issue.” Anna Lund, exasperated, famously responded: “What difference does it make?”');
    expect(f.quotes.find((q) => q.text.startsWith('They have'))!.speakers).toEqual(['Olaf Berg']);
    expect(f.quotes.find((q) => q.text.startsWith('What difference'))!.speakers).toEqual(['Anna Lund']);
    const g = facts('Piotr Nowak, defence minister since 2012, had been criticised since the failures of the first months of the war.');
    expect(g.quotes.filter((q) => q.speakers.includes('Piotr Nowak'))).toEqual([]);
  });

  it('gives no role to the subject after "According to the Nordish president," (an apposition after it keeps its role)', () => {
    const f = facts('According to the Nordish president, Olaf Berg reaffirmed during their meeting that his country supports the plan.\n\nAccording to the Kremlin spokesman, Piotr Nowak, the talks went well.');
    expect(f.people.find((p) => p.name === 'Olaf Berg')!.roles).toEqual([]);
    expect(f.people.find((p) => p.name === 'Piotr Nowak')!.roles.map((r) => r.text)).toEqual(['Kremlin spokesman']);
  });

  it('gives "the former president said" to one who held the office, not to the one who holds it', () => {
    const f = facts('President Barack Nowak spoke first. Former president Olaf Berg got in on the game, bashing the rivals at a rally.\n\nMr Nowak left early. “Sometimes I get the feeling that he is running against me,” the former president said.');
    expect(f.quotes.find((q) => q.text.startsWith('Sometimes'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('reads a German title in a description as the office it names ("the Hungarian Ministerpräsident")', () => {
    expect(readDescription('the Hungarian Ministerpräsident')).toEqual({ head: 'minister', mods: ['hungarian', 'prime'] });
    expect(readDescription('the German Außenminister')).toEqual({ head: 'minister', mods: ['german', 'foreign'] });
    expect(holdsOffice(['Ministerpräsident'], readDescription('the prime minister')!)).toBe(true);
  });

  it('takes no sentence opener into a title before an honorific ("Afterwards Mr Berg" has no role "Afterwards Mr")', () => {
    const f = facts('Olaf Berg, the aide, attended the talks. Afterwards Mr Berg told reporters the meeting had been useful. Treasury Secretary Anna Lund agreed.');
    expect(f.people.find((p) => p.name === 'Olaf Berg')!.roles.map((r) => r.text)).toEqual(['aide']);
    expect(f.people.find((p) => p.name === 'Anna Lund')!.roles.map((r) => r.text)).toEqual(['Treasury Secretary']);
  });

  it('reads "their own delegation, led by X" as "head of the delegation"', () => {
    const f = facts('Officials said that their own delegation, led by Foreign Minister Olaf Berg, would also take part.');
    expect(f.people.find((p) => p.name === 'Olaf Berg')!.roles.map((r) => r.text)).toContain('head of the delegation');
  });

  it('gives "X, who was there for talks with the Nordish president, Y, said …" to X, not to Y', () => {
    const f = facts('Olaf Berg, who was in the capital for talks with the Nordish president, Piotr Nowak, said Nordland would support a halt to strikes.');
    expect(f.quotes.find((q) => q.text.startsWith('Nordland would'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('reads German and French spellings of capitals as places, not people ("Kyjiw said …")', () => {
    expect(isPlaceName('Kyjiw') && isPlaceName('Moskau') && isPlaceName('Warschau')).toBe(true);
    const f = facts('Kyjiw said it had taken hundreds of soldiers captive. Moskau denied it, and Olaf Berg said Kyjiw was right.');
    expect(f.people.map((p) => p.name)).toEqual(['Olaf Berg']);
    expect(f.quotes.find((q) => q.text.startsWith('it had taken'))!.speakers).toEqual([]);
  });

  it('reads a month before a sentence subject as no title ("In March Berg made …, calling him “…”" is Berg\'s)', () => {
    const f = facts('In March Anna Lund made the change official and called him "a highly respected military expert". \n\n"We had good talks with President Olaf Berg yesterday," Piotr Nowak wrote on his network, saying there was "a very good chance" of peace.');
    expect(direct(f).find((q) => q.text.startsWith('a highly'))!.speakers).toEqual(['Anna Lund']);
    // (A title after the preposition still makes the name its object.)
    expect(direct(f).find((q) => q.text.startsWith('a very good'))!.speakers).toEqual(['Piotr Nowak']);
  });

  it('gives a participle after "…, declared X on the radio," to X ("assuring that “…”")', () => {
    const f = facts('Nordland is strong, declared Olaf Berg on the radio station RBK, assuring that the economy keeps its "macroeconomic stability" despite the war.');
    expect(direct(f).find((q) => q.text.startsWith('macroeconomic'))!.speakers).toEqual(['Olaf Berg']);
  });

  it('gives "…, declared the spokeswoman, who added that “…”" to whom the description stands for', () => {
    const f = facts('Anna Lund, the foreign ministry spokeswoman, spoke on Monday.\n\n"The strikes are legitimate," declared the spokeswoman, who added that the warnings had been "voiced more than once at the highest level".');
    expect(direct(f).find((q) => q.text.startsWith('voiced'))!.speakers).toEqual(['Anna Lund']);
  });

  it('gives a joint statement to all who made it ("X and leaders, among them A, B and C, said", "Signed by A, B and C, it said", "the leaders wrote")', () => {
    const f = facts('In a joint statement on Tuesday, President Olaf Berg and European leaders, among them Anna Lund, Piotr Nowak and Tomas Wolf, said they supported a halt to the fighting.\n\n"We remain committed to the principle that borders must not be changed by force," the leaders wrote.\n\nThe ministers followed with a text of their own. Signed by Anna Lund and Piotr Nowak, it said Nordland needed "ironclad security guarantees".');
    const all = ['Olaf Berg', 'Anna Lund', 'Piotr Nowak', 'Tomas Wolf'];
    expect(f.quotes.find((q) => q.text.startsWith('they supported'))!.speakers).toEqual(all);
    expect(f.quotes.find((q) => q.text.startsWith('We remain'))!.speakers).toEqual(all);
    expect(f.quotes.find((q) => q.text.startsWith('ironclad'))!.speakers).toEqual(['Anna Lund', 'Piotr Nowak']);
    // A list that is no subject of its own stays as it was: "Lund met Nowak and Wolf, and said …".
    expect(facts('Anna Lund met Piotr Nowak and Tomas Wolf on Monday and said the talks were useful.').quotes[0].speakers).toEqual(['Anna Lund']);
  });

  it('gives a question to the sentence that follows it when that sentence opens with its speaker', () => {
    const f = facts('Senator Rita Lowe spoke in Dover. “Do I think the dealer should be sued?” Lowe asked rhetorically, shaking her head no. “But I do believe in the law.”');
    expect(direct(f).map((q) => q.speakers)).toEqual([['Rita Lowe'], ['Rita Lowe']]);
  });
});

describe('quote answers', () => {
  it('finds what an unnamed source said by its words and shows it as not named', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({ 'x.md': '---\ntitle: X\npublished: 2025-01-02\n---\n\nEnvoy Anna Lund met the delegation. “Nothing was agreed,” a source familiar with the talks said.\n' }));
    const a = quote(kb, 'source familiar');
    expect(a.results[0].quote).toMatchObject({ speaker: 'a source familiar with the talks', speakers: [], source: 'a source familiar with the talks' });
    expect(renderText(a)).toMatch(/a source familiar with the talks \(not named\)/);
    expect((toJson(a) as { results: { quote: object }[] }).results[0].quote).toMatchObject({ unnamed: true });
  });
});
