import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { ask, events } from '../src/answers/index.ts';
import { expectedAnswer } from '../src/answers/ask.ts';
import { tempKnowledge } from './helpers.ts';

const article = (title: string, published: string, ...paragraphs: string[]) => `---\ntitle: ${title}\npublished: ${published}\n---\n\n${paragraphs.join('\n\n')}\n`;

describe('events <topic> ranks paragraphs as ask does', () => {
  it('prefers the report of the time the topic names', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'may.md': article('Prisoners come home', '2025-05-25', 'KYIV — Ukraine and Russia exchanged 303 prisoners of war each on Sunday, officials said.'),
        'october.md': article('Swap at the border', '2025-10-03', 'KYIV — Ukraine and Russia swapped 185 prisoners of war each on Thursday, officials said.'),
      }),
    );
    const top = events(kb, 'prisoner exchange in October').results[0];
    expect(top.citation.article).toBe('october');
  });
});

/** Paragraphs about nothing asked: they give the asked words their weight, as a real base does. */
const filler = article('Grain and weather', '2025-11-20',
  'Wheat prices rose on Monday as traders weighed the harvest.',
  'Heavy rain flooded roads in the north of the country.',
  'The central bank kept its interest rate unchanged.',
  'A new bridge over the river opened to traffic on Friday.');

describe('ask "who …"', () => {
  it('prefers the paragraph that lists the people to one that names a single person', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'geneva.md': article('Talks', '2025-11-24',
          'Anna Berg, a spokeswoman, said the meeting in Geneva had been useful.',
          'At the meeting in Geneva sat Olaf Read, the foreign minister, Maria Lind, the defence minister, and Jonas Falk, the envoy.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Who was at the meeting in Geneva?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "what did X say …"', () => {
  it('prefers the paragraph where the one named speaks to one that names them', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'geneva.md': article('Geneva', '2025-11-24',
          'The talks between Olaf Read and Anna Berg ran late, and the talks resume on Monday.',
          '"The talks made progress," Olaf Read told reporters afterwards in a long briefing at the hotel near the lake after midnight on Sunday.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'What did Read say about the talks?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: the question frame is not its topic', () => {
  it('does not count "many" of "how many" as a word the answer must hold', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'swap.md': article('Swap', '2025-05-23',
          'Many prisoners and their families waited at the border for many hours before the exchange.',
          'In the exchange, 390 prisoners crossed back into Ukraine on Friday.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'How many prisoners came home in the exchange?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: fillers are dropped as the index stems them', () => {
  it('does not search for "please" ("pleas", as in "pleased")', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'a.md': article('Exchange', '2025-12-16', 'The prisoner exchange went ahead on Friday at the border.', 'Officials were pleased, and the mood was pleasant.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Please, what happened at the exchange?').results[0];
    expect(top.citation.paragraph).toBe(1);
  });
});

describe('ask: the time a question names', () => {
  it('does not lift a paragraph of an article of that time that dates what it tells at another time', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'swap.md': article('Independence Day', '2025-08-24',
          'Russia and Ukraine swapped 146 prisoners each on Sunday, with the Emirates mediating.',
          'A year ago, on August 24, 2024, the two countries also swapped 115 prisoners each.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Who mediated the prisoner swap on August 24?').results[0];
    expect(top.citation.paragraph).toBe(1);
  });
});

describe('ask: a question about what is to come', () => {
  it('prefers the passage that looks ahead ("will meet") to one that reports a meeting held', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'visit.md': article('A visit', '2025-10-20',
          'Olaf Read and Anna Berg held a meeting on Friday.',
          'Olaf Read will meet Anna Berg again in the capital next month, aides said.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Will Read meet Berg again?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: an interview', () => {
  it('answers with the paragraph after the interviewer question that holds the words asked', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'interview.md': article('An interview on the fund', '2025-05-07',
          'Olaf Read runs the Lindholm reconstruction fund. We asked him about it.',
          'Q: What does Lindholm put into the reconstruction fund?',
          'A: Half of the royalties from new licences, paid every quarter, and nothing from existing ones.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'What does Lindholm put into the reconstruction fund?').results[0];
    expect(top.citation.paragraph).toBe(3);
  });

  it('reads a dash and a question as the interviewer\'s, as French interviews set it', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'interview.md': article('An interview on the fund', '2025-05-07',
          'Olaf Read runs the Lindholm reconstruction fund. We asked him about it.',
          '— What does Lindholm put into the reconstruction fund?',
          'Half of the royalties from new licences, paid every quarter, and nothing from existing ones.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'What does Lindholm put into the reconstruction fund?').results[0];
    expect(top.citation.paragraph).toBe(3);
  });
});

describe('ask: a correctly spelled word the base lacks', () => {
  it('is not read as a misspelling of a common word ("serious" as "previous")', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks', '2025-11-24',
          'Olaf Read spoke of the previous round of talks in Lindholm.',
          'Read called Moscow committed.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Is Read serious?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: the irregular forms of a verb', () => {
  it('finds "met" for "meet" and "led" for "lead", which the stemmer does not join', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks in Lindholm', '2025-05-16',
          'Anna Berg praised Olaf Read and the delegation.',
          'On Thursday, before the session began in the old palace by the river, Olaf Read met Anna Berg for an hour.',
          'Jonas Falk and the delegation arrived on Friday.',
          'On Friday, after a long night of work in the old palace by the river, the delegation was led by Jonas Falk.'),
        'other.md': filler,
      }),
    );
    expect(ask(kb, 'Did Read meet Berg?').results[0].citation.paragraph).toBe(2);
    expect(ask(kb, 'Who will lead the delegation, Falk?').results[0].citation.paragraph).toBe(4);
  });
});

describe('ask: talk and speak', () => {
  it('finds "spoke" for "talk" (the verbs of speaking stand in for each other)', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'leaders.md': article('Leaders in Nordhaven', '2025-02-12',
          'Olaf Berg and Anna Lund were in Nordhaven.',
          'Olaf Berg and Anna Lund spoke at length on Monday evening, in the old palace by the harbour, about trade and farming.'),
        'other.md': filler,
      }),
    );
    expect(ask(kb, 'Did Olaf Berg and Anna Lund talk?').results[0].citation.paragraph).toBe(2);
  });
});

describe('ask: a country and its adjective', () => {
  it('finds "Norway\'s delegation" for "the Norwegian delegation"', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks in Lindholm', '2025-05-16',
          'The delegation arrived in Lindholm on Friday.',
          'On Friday, after a long night of work in the old palace by the river, Norway’s delegation included Olaf Read, Anna Berg, Maria Lind and Jonas Falk.'),
        'other.md': filler,
      }),
    );
    expect(ask(kb, 'Who was in the Norwegian delegation in Lindholm?').results[0].citation.paragraph).toBe(2);
  });
});

describe('events <topic>: the words of the event\'s own sentence', () => {
  it('count by their rarity: the rare word of the topic says more than the common one', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'a.md': article('Calm', '2025-04-20', 'Anna Berg said on Monday that the truce would hold. Lindholm stayed calm.'),
        'b.md': article('Talks', '2025-04-20', 'Olaf Read said on Monday that the Lindholm talks would go on next week. The truce held.'),
        'other.md': article('Elsewhere', '2025-04-19',
          'The truce was broken in the south, residents said on Sunday.',
          'Jonas Falk said the truce was fragile.',
          'A truce in the east was announced by the army on Saturday.',
          'Wheat prices rose on Monday as traders weighed the harvest.'),
      }),
    );
    const top = events(kb, 'Lindholm truce').results[0];
    expect(top.citation.article).toBe('b');
  });
});

describe('ask: a later article retelling news the base holds the report of', () => {
  it('ranks the retelling below the original report', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'report.md': article('Talks in Nordhaven', '2025-11-30',
          'Delegations from Nordland and Westmark met on Sunday for a first session of talks.',
          'In Nordhaven the two sides agreed on a framework for a prisoner exchange, a statement said.'),
        'recap.md': article('A month of diplomacy', '2025-12-29',
          'Nordland sent its foreign minister to the capital on Monday for a summit on trade.',
          'Nordland and Westmark negotiators have met repeatedly in Nordhaven, first on November 30, when the delegations agreed to keep talking.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'What did the delegations agree in Nordhaven?').results[0];
    expect(`${top.citation.article} ${top.citation.paragraph}`).toBe('report 2');
  });
});

describe('ask: how someone described something', () => {
  it('reads "describe" as the frame of the question: the answer is what they said, not a passage with the verb', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks in Nordhaven', '2025-11-30',
          'Olaf Berg had described the venue of the talks to senators as far too small, an aide said.',
          '“These talks were the most productive we have had,” Olaf Berg told reporters after the session.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'How did Olaf Berg describe the talks?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask: a calendar day the question names', () => {
  it('is matched by the dates of articles, not by its words ("18" in a later tally is not March 18)', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'report.md': article('Leaders talk by phone', '2025-03-19',
          'The leaders of Nordland and Westmark agreed in a call on Tuesday to stop strikes on power plants for a month.'),
        'tally.md': article('Power plants under fire', '2025-04-30',
          'Westmark counts 18 power plants hit since March, when it agreed in a call with Nordland to meet again, the ministry said.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'What did Nordland and Westmark agree in the call on March 18?').results[0];
    expect(top.citation.article).toBe('report');
  });
});

describe('ask "how long …": a duration that qualifies a word of the question', () => {
  it('counts the words before the duration too ("the call lasted forty minutes"), not only those after it ("three-day talks")', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'call.md': article('Leaders talk', '2025-03-19',
          'Westmark and Olaf Berg spoke of the call; ministers later met at the old palace for two hours on trade and farming.',
          'Olaf Berg said the call had lasted forty minutes.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'How long did the call between Olaf Berg and Westmark last?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "how long …": words that hedge the duration', () => {
  it('do not count among the three words between it and the word it measures ("the meeting has ended after roughly four hours")', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'meeting.md': article('Ministers gather', '2025-11-30',
          'The meeting in Nordhaven opened at the old palace on the harbour, under a grey sky, with guards at every door and flags on the roof.',
          'The meeting has ended after roughly four hours.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'How long did the meeting in Nordhaven go on?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "how long …": a bound that counts a length', () => {
  it('answers as a duration does ("settled within 100 days")', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'envoy.md': article('The envoy speaks', '2025-01-10',
          'Olaf Berg thinks the war must end, and he said so again on Wednesday at the old palace by the harbour.',
          'Olaf Berg wants the war settled within 100 days.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'How long does Olaf Berg think it will take to end the war?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "who …": a longer list of people', () => {
  it('answers better than a paragraph that names two of them in passing', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'meeting.md': article('Ministers gather in Nordhaven', '2025-02-18',
          'Olaf Berg and Anna Lund spoke to reporters on Monday about the meeting in Nordhaven, the weather, the harbour, the old palace, the new bridge and the long road home through the hills and the dark forest.',
          'At the meeting sat Olaf Berg, Anna Lund, Maria Lind and Jonas Falk; the meeting went on late.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Who was at the meeting in Nordhaven?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "who took over …"', () => {
  it('prefers the paragraph where someone takes the role up to one that names people in passing', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'cabinet.md': article('Cabinet changes in Nordland', '2025-07-18',
          'Olaf Berg and Jonas Falk spoke about the job.',
          'On Thursday parliament appointed Anna Lund defence minister, replacing Olaf Berg in the job.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, "Who took over Olaf Berg's job?").results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "which leaders …"', () => {
  it('asks for people as "who" does, when the noun is one for people', () => {
    expect(expectedAnswer('Which leaders attended the meeting in Nordhaven?')).toBe('person');
    expect(expectedAnswer('Which senior officers were arrested?')).toBe('person');
    expect(expectedAnswer('Which Europeans joined the talks?')).toBe('person');
    expect(expectedAnswer('Which plans did Olaf Berg reject?')).toBe(null);
    expect(expectedAnswer('Which villages did the army retake?')).toBe(null);
  });

  it('ranks the paragraph that names them first', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'summit.md': article('Summit in Nordhaven', '2025-02-18',
          'The leaders were in Nordhaven on Monday evening for a dinner at the old palace by the harbour, under a grey sky.',
          'Olaf Berg, Anna Lund, Maria Lind and Jonas Falk came to the meeting.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Which leaders attended the meeting in Nordhaven?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "what post did X get …"', () => {
  it('asks for a role the text gives X, not for a post X wrote', () => {
    expect(expectedAnswer('What post did Olaf Berg get in the new government?')).toBe('role');
    expect(expectedAnswer("What is Anna Lund's job?")).toBe('role');
    expect(expectedAnswer('What does Olaf Berg do now?')).toBe('role');
    expect(expectedAnswer('What did Olaf Berg post online?')).toBe(null);
  });

  it('ranks the paragraph that gives X the role first', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'cabinet.md': article('A new government in Nordland', '2025-07-18',
          'Olaf Berg left the old government on Tuesday, and the new government of Nordland met for the first time on Thursday.',
          'On Thursday parliament appointed Olaf Berg defence minister.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'What post did Olaf Berg get in the new government?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "how large …"', () => {
  it('asks for a number as "how many" does', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'army.md': article('Army plans', '2025-03-19',
          'After the war, the Nordland army should be modern, generals said.',
          'After the war, leaders backed a Nordland army of 800,000 soldiers in peacetime.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'How large should the Nordland army be after the war?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "why …"', () => {
  it('asks for a reason', () => {
    expect(expectedAnswer('Why did Olaf Berg resign?')).toBe('reason');
    expect(expectedAnswer('What was the reason for the delay?')).toBe('reason');
  });
  it('prefers the paragraph that gives a reason to one that only tells what happened', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'berg.md': article('Berg goes', '2025-11-29',
          'Olaf Berg, the chief negotiator of Nordland, resigned on Friday, the government said.',
          'Olaf Berg resigned on Friday hours after investigators searched his flat in the capital.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Why did Olaf Berg resign?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "what did X pledge / agree / announce …"', () => {
  it('asks for the deed, whatever the verb', () => {
    expect(expectedAnswer('What did Olaf Berg pledge in Nordland?')).toBe('deed');
    expect(expectedAnswer('What did Nordland agree to in Talvik?')).toBe('deed');
    expect(expectedAnswer('What did Berg say in Talvik?')).toBe('statement');
    expect(expectedAnswer('What does Berg do now?')).toBe('role');
  });
  it('prefers the paragraph where the deed is done in other words ("promised") to one that names the visit', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'berg.md': article('Berg in Talvik', '2025-12-03',
          'Olaf Berg arrived in Talvik on Monday for a visit.',
          'During the visit Olaf Berg promised further deliveries of trucks worth 650 million euros before the end of the year.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'What did Olaf Berg pledge during his visit to Talvik?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});

describe('ask "how long …": a length that places a time', () => {
  it('is no answer ("two weeks after the first round" says when, not how long)', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talks.md': article('Talks in Talvik', '2025-08-06',
          'TALVIK — Olaf Berg spent close to three hours with Anna Lund on Wednesday, officials said.',
          'Berg and Lund last met in Talvik two weeks after a first round in Nordland.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'How long did Berg and Lund talk in Talvik?').results[0];
    expect(top.citation.paragraph).toBe(1);
  });
});

describe('ask: a yes / no question', () => {
  it('finds its verb in another form ("met" for "Did … meet …?") before a paragraph that only names the people', async () => {
    const kb = await buildKnowledgeBase(
      tempKnowledge({
        'talvik.md': article('Talks in Talvik', '2025-05-16',
          'Lund and Berg were both at the conference in Talvik, which opened on Monday.',
          'Berg met Lund on Monday, officials of both sides said.'),
        'other.md': filler,
      }),
    );
    const top = ask(kb, 'Did Berg meet Lund in Talvik?').results[0];
    expect(top.citation.paragraph).toBe(2);
  });
});
