import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { events } from '../src/answers/events.ts';
import { brief } from '../src/answers/brief.ts';
import { kindsOf } from '../src/extract/events.ts';
import { toJson } from '../src/render/json.ts';
import { renderText } from '../src/render/text.ts';
import { formatEventDate } from '../src/render/dates.ts';
import { TextIndex } from '../src/search/text-index.ts';
import { stem } from '../src/text/tokenize.ts';
import { tempKnowledge } from './helpers.ts';
import { KnowledgeBase } from '../src/knowledge/base.ts';
import { FactsCache } from '../src/knowledge/facts-cache.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { STORIES } from '../src/knowledge/event-stories.ts';

// Three outlets on one round of talks (made up for the test, in the styles real feeds use), and one recalling history.
const wire = `---
title: Envoys open a second round in Geneva
published: 2026-03-10
source: Test Wire
---

GENEVA, March 10 (Test Wire) — Ukrainian and American delegations met in Geneva on Tuesday for a second round of talks, even as Russian drones struck Kharkiv overnight.

The delegations are due in Abu Dhabi on Friday for a further round, officials said.

The war began with the full-scale invasion in 2022.
`;
const live = `---
title: "Live: the Geneva round"
published: 2026-03-11
source: Test Live Desk
---

10:05 — The delegations met in Geneva on March 10 for the second round of talks, both sides confirmed.

10:20 — Negotiators discussed a halt to strikes on energy infrastructure.
`;
const analysis = `---
title: What the Geneva round changed
published: 2026-03-14
source: Test Review
---

Talks in Geneva on December 19–21 last year had ended without a text. The round on March 10 in Geneva produced a framework.
`;

const kbOf = () => buildKnowledgeBase(tempKnowledge({ 'a-wire.md': wire, 'b-live.md': live, 'c-analysis.md': analysis }));

describe('the timeline across articles', () => {
  it('shows one entry for a round reported by several articles, citing each', async () => {
    const kb = await kbOf();
    const timeline = events(kb, '', { limit: 50 }).results;
    const round = timeline.filter((r) => r.event!.kind === 'talks' && r.event!.date?.value === '2026-03-10');
    expect(round).toHaveLength(1);
    const cited = [round[0].citation.article, ...(round[0].event!.alsoReported ?? []).map((c) => c.article)];
    expect(new Set(cited)).toEqual(new Set(['a-wire', 'b-live', 'c-analysis']));
  });

  it('dates a round forward when the text speaks of the future, and keeps a range whole', async () => {
    const kb = await kbOf();
    const timeline = events(kb, '', { limit: 50 }).results.map((r) => r.event!);
    expect(timeline.some((e) => e.kind === 'talks' && e.date?.value === '2026-03-13' && e.date.precision === 'day' && e.place === 'Abu Dhabi')).toBe(true);
    const december = timeline.find((e) => e.date?.value === '2025-12-19');
    expect(december?.date).toEqual({ value: '2025-12-19', precision: 'day', source: 'text', end: { value: '2025-12-21', precision: 'day' } });
  });

  it('leads with the news in the order it happened and marks the history it recalls', async () => {
    const kb = await kbOf();
    const timeline = events(kb, '', { limit: 50 }).results.map((r) => r.event!);
    const firstBackground = timeline.findIndex((e) => e.background);
    expect(firstBackground).toBeGreaterThan(0);
    expect(timeline.slice(firstBackground).every((e) => e.background)).toBe(true);
    const news = timeline.slice(0, firstBackground).map((e) => e.date!.value);
    expect(news).toEqual([...news].sort());
    expect(timeline.find((e) => e.date?.value === '2022')?.background).toBe(true);
  });

  it('keeps two-word places one actor, and talks about strikes no attack', async () => {
    const kb = await kbOf();
    const all = events(kb, '', { limit: 50 }).results.map((r) => r.event!);
    expect(all.flatMap((e) => e.actors)).not.toContain('Abu');
    expect(kindsOf('Negotiators discussed a halt to strikes on energy infrastructure.')).not.toContain('attack');
    expect(kindsOf('Russian drones struck Kharkiv overnight.')).toEqual(['attack']);
    expect(kindsOf('The foreign minister struck a more hopeful tone.')).toEqual([]);
  });

  it('reads a meeting with negotiators, envoys or a delegation as talks, a meeting with a leader as a meeting', () => {
    expect(kindsOf('On Thursday Olaf Berg met Anna Lund, Nordland\'s chief negotiator, in Oslo.')).toEqual(['talks']);
    expect(kindsOf('The security advisers were due to meet the American envoys again in Oslo on Wednesday.')).toEqual(['talks']);
    expect(kindsOf('The army secretary met members of a Nordic delegation in Oslo.')).toEqual(['talks']);
    expect(kindsOf('Olaf Berg met the prime minister in Oslo on Thursday.')).toEqual(['meeting']);
    expect(kindsOf('Anna Lund is due in Oslo on Monday for talks with President Olaf Berg.')).toEqual(['meeting']);
    expect(kindsOf('The two sides held talks with Nordland in Oslo on Monday.')).toEqual(['talks']);
  });

  it('reads someone picked or chosen as an office holder, and one who becomes an aide, as appointments', () => {
    expect(kindsOf('Conspicuously absent was the general whom the president picked in November as special envoy for the region.')).toEqual(['appointment']);
    expect(kindsOf('The former presenter chosen as defence secretary goes before the committee.')).toContain('appointment');
    expect(kindsOf('The governor becomes a presidential aide responsible for industry.')).toEqual(['appointment']);
    // Picking a side is no appointment.
    expect(kindsOf('He picked his words carefully as the talks went on.')).not.toContain('appointment');
  });

  it('reads what the sides agreed, as someone tells it, as a decision; what one person says he agreed stays a statement', () => {
    expect(kindsOf('The ministry said the two sides had agreed on three goals for the talks.')).toEqual(['decision']);
    expect(kindsOf('Olaf Berg said the two leaders had agreed that their teams would start work at once.')).toEqual(['decision']);
    expect(kindsOf('Olaf Berg said he had agreed to a short pause.')).toEqual(['statement']);
  });

  it('reads an official who will leave the administration, the post or in a month as a resignation, not one who left a building', () => {
    expect(kindsOf('Olaf Berg, the special envoy, has told associates that he plans to leave the administration in January.')).toEqual(['resignation']);
    expect(kindsOf('The president announced that Anna Lund, his adviser, would leave the White House.')).toEqual(['resignation']);
    expect(kindsOf('Olaf Berg is leaving in March.')).toEqual(['resignation']);
    expect(kindsOf('Olaf Berg left the White House early on Friday.')).not.toContain('resignation');
    expect(kindsOf('He said he was leaving the alliance in good hands.')).not.toContain('resignation');
  });

  it('reads an office holder removed, or dismissed in passing, as a resignation beside the appointment', () => {
    expect(kindsOf('The president has removed Olaf Berg as his national security adviser.')).toEqual(['resignation']);
    expect(kindsOf('The president has removed Olaf Berg from the defence ministry after twelve years.')).toEqual(['resignation']);
    expect(kindsOf('On Friday he appointed Anna Lund secretary of the council, dismissing Olaf Berg.')).toEqual(['resignation', 'appointment']);
    // Troops moved, and warnings or ideas waved away, are nobody leaving a post.
    expect(kindsOf('The army removed its troops from the region.')).not.toContain('resignation');
    expect(kindsOf('The minister spoke on Monday, dismissing Western warnings.')).not.toContain('resignation');
  });

  it('reads a truce declared, announced or ordered as a decision, also when the announcing is reported', () => {
    expect(kindsOf('Both sides are marking the holiday under a truce that Olaf Berg declared unilaterally on Saturday.')).toEqual(['decision']);
    expect(kindsOf('Olaf Berg has announced a unilateral three-day ceasefire from May 8.')).toEqual(['decision']);
    expect(kindsOf('The ministry announced that Olaf Berg had ordered a ceasefire for three days.')).toEqual(['decision']);
    // Anything else announced stays what was said.
    expect(kindsOf('The ministry announced that Olaf Berg would not attend.')).not.toContain('decision');
  });

  it('reads prisoners exchanged by the thousand, and exchanges of the wounded, as exchanges', () => {
    expect(kindsOf('After the first round on 16 May the two sides exchanged 1,000 prisoners each over three days.')).toContain('exchange');
    expect(kindsOf('After the second round came the exchanges of the seriously wounded and the very young.')).toContain('exchange');
  });

  it('reads arrests by investigators and deadlines given or shortened as decisions', () => {
    expect(kindsOf('Investigators have arrested the head of the personnel directorate.')).toEqual(['decision']);
    expect(kindsOf('The general was detained in April.')).toEqual(['decision']);
    expect(kindsOf('The president gave Moscow 50 days to reach a deal.')).toEqual(['decision']);
    expect(kindsOf('He then shortened the deadline to ten days.')).toEqual(['decision']);
  });

  it('reads a proposal presented somewhere, and a meeting or truce proposed, as a plan', () => {
    expect(kindsOf('Kyiv and Washington are at odds over a proposal presented to European officials in Paris on April 17.')).toEqual(['plan']);
    expect(kindsOf('The negotiator proposed a meeting between the two presidents before the end of August.')).toEqual(['plan']);
  });

  it('tells a decision apart from the strike the same sentence reports', () => {
    expect(kindsOf('Parliament approved the budget on Monday as Russian missiles struck Kharkiv.')).toEqual(['attack', 'decision']);
  });

  it('reads soldiers coming home as an exchange, not casualties, and an envoy received abroad as a meeting', () => {
    expect(kindsOf('The first group, young soldiers and the wounded, crossed back on Monday.')).toEqual(['exchange']);
    expect(kindsOf('A group of severely wounded soldiers came home from captivity on Thursday.')).toEqual(['exchange']);
    expect(kindsOf('The security council secretary was received by the country’s supreme leader in the capital on Friday, officials said.')).toEqual(['meeting']);
    expect(kindsOf('The negotiator is meeting Envoy Smith in Lisbon on Friday.')).toContain('meeting');
    expect(kindsOf('The chancellor flew to Kyiv on Monday.')).toEqual(['meeting']);
    expect(kindsOf('She will fly to Washington on Monday.')).toEqual(['meeting']);
    expect(kindsOf('On Tuesday a court remanded the general in custody.')).toEqual(['decision']);
    // Saying goodbye is no statement.
    expect(kindsOf('The minister said goodbye on Thursday to the coalition he built.')).toEqual([]);
  });

  it('gives the date as data in JSON and as precise as known in text, never a guessed day', async () => {
    const kb = await kbOf();
    const a = events(kb, 'Geneva second round', { limit: 3 });
    const json = JSON.parse(JSON.stringify(toJson(a)));
    expect(json.results[0].event.date).toMatchObject({ value: expect.any(String), precision: expect.stringMatching(/^(day|month|year)$/), source: expect.stringMatching(/^(text|published)$/) });
    expect(formatEventDate({ value: '2025-12-19', precision: 'day', source: 'text', end: { value: '2025-12-21', precision: 'day' } })).toBe('19–21 Dec 2025');
    expect(formatEventDate({ value: '2025-12', precision: 'month', source: 'text' })).toBe('Dec 2025');
    expect(formatEventDate({ value: '2025-11-30', precision: 'day', source: 'text', end: { value: '2025-12-02', precision: 'day' } })).toBe('30 Nov – 2 Dec 2025');
    expect(formatEventDate({ value: '2026-03-11', precision: 'day', source: 'published' })).toBe('reported 11 Mar 2026');
    expect(renderText(events(kb, '', { limit: 50 }))).toContain('19–21 Dec 2025');
  });

  it('briefs since a date without the history its articles recall, talks first', async () => {
    const kb = await kbOf();
    const b = brief(kb, '', { since: '2026-03-01' }).brief;
    expect(b.events.length).toBeGreaterThan(0);
    expect(b.events.every((r) => !r.event!.date || r.event!.date.value >= '2026')).toBe(true);
    expect(b.events[0].event!.kind).toBe('talks');
  });
});

describe('ranking words', () => {
  it('stems inflections and derivations together', () => {
    expect(stem('occupied')).toBe(stem('occupy'));
    expect(stem('negotiations')).toBe(stem('negotiators'));
    expect(stem('tourism')).toBe(stem('tourist'));
    expect(stem('news')).not.toBe(stem('new'));
  });

  it('corrects only words the index does not know, and reads no ordinary word as a transliteration', () => {
    const index = new TextIndex(['The supper was served late.', 'A super majority voted for it.', 'The supper ended.', 'Supper again.']);
    expect(index.search('super', { limit: 5 }).map((h) => h.doc)).toEqual([1]);
    expect(index.search('supr', { limit: 5 }).length).toBeGreaterThan(0);
    // A name is looked up by its key: Kovalenko finds Kowalenko.
    const names = new TextIndex(['Kowalenko spoke.', 'Nobody else did.']);
    expect(names.search('kovalenko', { limit: 5 }).map((h) => h.doc)).toEqual([0]);
  });

  it('weighs a very common word matched as little evidence', () => {
    const texts = ['talks talks Ukraine', 'Ukraine talks', 'talks on the grain corridor in Ukraine', 'Ukraine talks again', 'the grain corridor'];
    const index = new TextIndex(texts);
    const top = index.search('grain corridor talks Ukraine', { limit: 5, rank: 'coverage' })[0];
    expect(texts[top.doc]).toContain('grain corridor');
  });
});

describe('events of one article', () => {
  const week = `---
title: A week of diplomacy
published: 2026-03-12
source: Test Wire
---

OSLO, March 12 (Test Wire) — The envoys met in Lisbon on March 2 and then in Oslo on March 5, officials said.

The foreign ministers issued a joint statement on Monday after a call. The next day, the delegations held talks in Vienna.

The new defence minister was sworn in on Tuesday, days after the war in Ukraine entered its fifth year.

The prime minister spoke with the chancellor for an hour on Saturday and said he would fly to Rome on Monday.

The foreign ministers followed with a statement of their own the same day.

The envoy arrived in Kyiv on Wednesday and met the president the next day. At a press conference the next day he said the talks had gone well.
`;
  const eventsOf = async () => (await buildKnowledgeBase(tempKnowledge({ 'week.md': week }))).events;

  it('tells two happenings a sentence gives two dates, each with its own place', async () => {
    const talks = (await eventsOf()).filter((e) => e.kind === 'talks' && e.paragraph === 0);
    expect(talks.map((e) => [e.date?.value, e.place])).toEqual([
      ['2026-03-02', 'Lisbon'],
      ['2026-03-05', 'Oslo'],
    ]);
  });

  it('counts "the next day" from the day the text gave last, and reads a joint statement and a swearing-in', async () => {
    const all = await eventsOf();
    expect(all.find((e) => e.kind === 'statement')?.date).toMatchObject({ value: '2026-03-09', source: 'text' });
    expect(all.find((e) => e.place === 'Vienna')?.date).toMatchObject({ value: '2026-03-10', source: 'text' });
    const sworn = all.find((e) => e.kind === 'appointment');
    expect(sworn?.date).toMatchObject({ value: '2026-03-10', source: 'text' });
    // "the war in Ukraine" names the war, not where the swearing-in was.
    expect(sworn?.place).toBeNull();
  });

  it('counts "the same day" from the day of what was reported, not a day looked ahead to, and "the next day" from its own sentence', async () => {
    const all = await eventsOf();
    const text = (e: { paragraph: number }) => e.paragraph;
    const byParagraph = (n: number) => all.filter((e) => text(e) === n).map((e) => [e.kind, e.date?.value]);
    expect(byParagraph(4)).toEqual([['statement', '2026-03-07']]);
    // Wednesday 2026-03-11, the meeting on Thursday; the press conference the day after the meeting.
    expect(byParagraph(5)).toContainEqual(['meeting', '2026-03-12']);
    expect(byParagraph(5)).toContainEqual(['meeting', '2026-03-13']);
  });

  it('dates "earlier in the day" and "later in the day" by the day the text gave last', async () => {
    const story = `---
title: A day in Oslo
published: 2026-03-16
source: Test Wire
---

Olaf Berg met Anna Lund in Oslo on Thursday.

Anna Lund said earlier in the day that a deal was close.

Olaf Berg told reporters later in the day that nothing was agreed.
`;
    const all = (await buildKnowledgeBase(tempKnowledge({ 'day.md': story }))).events;
    // Monday 2026-03-16: the meeting was Thursday the 12th, and so were both statements.
    expect(all.filter((e) => e.kind === 'statement').map((e) => [e.paragraph, e.date?.value, e.date?.source])).toEqual([
      [1, '2026-03-12', 'text'],
      [2, '2026-03-12', 'text'],
    ]);
  });

  it('leaves a time before an "and" to the clause it closes when the trigger\'s own clause gives one', async () => {
    const story = `---
title: Envoy in Oslo
published: 2026-03-16
source: Test Wire
---

Olaf Berg landed in Oslo on Thursday afternoon and will meet Anna Lund at the palace on Friday.

He arrived on Wednesday and met Anna Lund the next day.
`;
    const all = (await buildKnowledgeBase(tempKnowledge({ 'oslo.md': story }))).events.filter((e) => e.kind === 'meeting');
    // Monday 2026-03-16: the landing was Thursday the 12th, the meeting is Friday the 20th.
    expect(all.filter((e) => e.paragraph === 0).map((e) => e.date?.value)).toEqual(['2026-03-20']);
    expect(all.filter((e) => e.paragraph === 1).map((e) => e.date?.value)).toEqual(['2026-03-12']);
  });

  it('dates a journey and the meeting it led to by the meeting', async () => {
    const all = await eventsOf();
    // Arrived on Wednesday, met the president on Thursday: one meeting, on Thursday.
    expect(all.filter((e) => e.paragraph === 5).map((e) => e.date?.value)).not.toContain('2026-03-11');
  });
});

describe('an office held since a date', () => {
  const office = `---
title: The new cabinet at work
published: 2026-03-12
source: Test Wire
---

Olaf Berg, defence minister since January 9, flew to Vienna on Tuesday.

Anna Lund has been secretary of the security council since February 2 and chairs its weekly session.

Erik Dahl, foreign minister since 2004, kept his post. Delegations have held three rounds of talks in Oslo since January.
`;
  it('is the appointment, dated by when the office was taken up, when that is news', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({ 'office.md': office }));
    const taken = kb.events.filter((e) => e.kind === 'appointment').map((e) => [kb.actorNames(e).join(), e.date?.value, e.date?.precision]);
    expect(taken).toEqual([
      ['Olaf Berg', '2026-01-09', 'day'],
      ['Anna Lund', '2026-02-02', 'day'],
    ]);
  });
});

describe('a happening recalled in passing with a date of its own', () => {
  const recall = `---
title: Another swap
published: 2026-03-12
source: Test Wire
---

Ukraine and Russia exchanged 300 prisoners each, following the talks in Istanbul on March 2.

The envoys flew home after the talks in Oslo on Tuesday.

The post followed a three-hour meeting in Vienna on Monday.
`;
  const eventsOf = async () => (await buildKnowledgeBase(tempKnowledge({ 'recall.md': recall }))).events;

  it('is an event of its own, and its date is not that of what the sentence reports', async () => {
    const first = (await eventsOf()).filter((e) => e.paragraph === 0);
    expect(first.find((e) => e.kind === 'exchange')?.date).toMatchObject({ value: '2026-03-12', source: 'published' });
    expect(first.filter((e) => e.kind === 'talks').map((e) => [e.date?.value, e.place])).toEqual([['2026-03-02', 'Istanbul']]);
  });

  it('is read after "followed" too', async () => {
    const third = (await eventsOf()).filter((e) => e.paragraph === 2);
    expect(third.map((e) => [e.kind, e.date?.value, e.place])).toEqual([['meeting', '2026-03-09', 'Vienna']]);
  });

  it('is not told twice when it is what the sentence reports', async () => {
    const second = (await eventsOf()).filter((e) => e.paragraph === 1);
    expect(second.map((e) => [e.kind, e.date?.value])).toEqual([['talks', '2026-03-10']]);
  });
});

describe('a paragraph with no date of its own', () => {
  const story = (published: string, day: string) => `---
title: A new cabinet
published: ${published}
source: Test Wire
---

Parliament voted on ${day} to approve the new cabinet of the prime minister, Anna Berg.

The foreign minister, Piet Vos, was reappointed in a separate vote.
`;
  const appointment = async (published: string, day: string) =>
    (await buildKnowledgeBase(tempKnowledge({ 'cabinet.md': story(published, day) }))).events.find((e) => e.paragraph === 1 && e.kind === 'appointment');

  it('takes the day the story reported last when it was the day before publication', async () => {
    // 2026-03-13 is a Friday: the vote was on Thursday, and so was the reappointment told after it.
    expect((await appointment('2026-03-13', 'Thursday'))?.date).toMatchObject({ value: '2026-03-12', source: 'text' });
  });

  it('keeps the publication date when the day reported lies further back', async () => {
    expect((await appointment('2026-03-13', 'Monday'))?.date).toMatchObject({ value: '2026-03-13', source: 'published' });
  });
});

describe('one timeline entry per happening', () => {
  const port = `---
title: Strike on the port
published: 2026-03-12
source: Test Wire
---

Russian missiles struck the port on Tuesday. Four people were killed and nine wounded.

The delegations met in Lisbon on March 2. They met again in Oslo on March 5.
`;
  const timeline = async () => events(await buildKnowledgeBase(tempKnowledge({ 'port.md': port })), '', { limit: 20 }).results.map((r) => r.event!);

  it('shows the toll of a strike told in the same passage as the strike', async () => {
    const all = await timeline();
    expect(all.filter((e) => e.kind === 'attack' || e.kind === 'casualties').map((e) => e.kind)).toEqual(['attack']);
  });

  it('keeps two meetings of one passage apart when each gives its own day and place', async () => {
    const all = await timeline();
    expect(all.filter((e) => e.kind === 'talks' || e.kind === 'meeting').map((e) => [e.date?.value, e.place])).toEqual([
      ['2026-03-02', 'Lisbon'],
      ['2026-03-05', 'Oslo'],
    ]);
  });
});

describe('one round of talks told by two outlets, one naming no one', () => {
  const named = `---
title: Talks in Istanbul
published: 2026-03-14
source: Test Wire
---

Anna Berg and Piet Vos held talks in Istanbul on Friday.
`;
  const bare = `---
title: Another day of diplomacy
published: 2026-03-15
source: Other Wire
---

The delegations met again on Friday, officials said.
`;
  const rounds = async () => events(await buildKnowledgeBase(tempKnowledge({ 'a-named.md': named, 'b-bare.md': bare })), '', { limit: 20 }).results.filter((r) => r.event!.kind === 'talks');

  it('is one entry citing both when both give the same day', async () => {
    const all = await rounds();
    expect(all).toHaveLength(1);
    expect(new Set([all[0].citation.article, ...(all[0].event!.alsoReported ?? []).map((c) => c.article)])).toEqual(new Set(['a-named', 'b-bare']));
  });
});

describe('a happening told as so many days before or after another', () => {
  const story = `---
title: Envoy in the capital
published: 2026-03-16
source: Test Wire
---

The envoy met the president in the capital on Friday, a day after the missile strike on the port of Varnek.

On March 5, two days after taking office, the new defence minister, Ilse Marand, visited the front.

The delegations met in Oslo less than a day after the missile strike on Kelmar.

The incursion came nine days after some nineteen drones crossed into Varnekland during a long attack on the western regions of the country on the night of 4 March.
`;
  const eventsOf = async () => (await buildKnowledgeBase(tempKnowledge({ 'envoy.md': story }))).events;

  it('is dated that many days from the day the rest of the sentence gives', async () => {
    const all = await eventsOf();
    // Friday 2026-03-13: the strike was on the Thursday.
    expect(all.filter((e) => e.paragraph === 0 && e.kind === 'attack').map((e) => e.date?.value)).toEqual(['2026-03-12']);
    expect(all.filter((e) => e.paragraph === 1 && e.kind === 'appointment').map((e) => e.date?.value)).toEqual(['2026-03-03']);
  });

  it('keeps the day of what the sentence reports, and moves nothing by a count it does not give', async () => {
    const all = await eventsOf();
    expect(all.filter((e) => e.paragraph === 0 && e.kind === 'meeting').map((e) => e.date?.value)).toEqual(['2026-03-13']);
    expect(all.filter((e) => e.paragraph === 2 && e.kind === 'attack').map((e) => e.date?.value)).not.toContain('2026-03-15');
  });

  it('keeps the date a stretch gives anywhere in its clause, however long', async () => {
    const all = await eventsOf();
    expect(all.filter((e) => e.paragraph === 3 && e.kind === 'attack').map((e) => e.date?.value)).toEqual(['2026-03-04']);
  });
});

describe('a happening told as lasting several days up to the day given', () => {
  const story = `---
title: Third day in Porto
published: 2026-03-14
source: Test Wire
---

Negotiators wrapped up a third straight day of talks in Porto on Saturday.

After the first round on March 2 the two sides exchanged 500 prisoners each over three days, from 5 to 7 March.
`;
  const eventsOf = async () => (await buildKnowledgeBase(tempKnowledge({ 'porto.md': story }))).events;

  it('spans the days that led up to it', async () => {
    const talks = (await eventsOf()).find((e) => e.paragraph === 0 && e.kind === 'talks');
    expect([talks?.date?.value, talks?.date?.end?.value]).toEqual(['2026-03-12', '2026-03-14']);
  });

  it('spans only the happening beside the words, not another the sentence dates', async () => {
    const second = (await eventsOf()).filter((e) => e.paragraph === 1);
    expect(second.filter((e) => e.kind === 'talks').map((e) => [e.date?.value, e.date?.end?.value])).toEqual([['2026-03-02', undefined]]);
  });

  it('dates each of two happenings in one sentence by the time nearer its own words', async () => {
    const second = (await eventsOf()).filter((e) => e.paragraph === 1);
    expect(second.filter((e) => e.kind === 'exchange').map((e) => [e.date?.value, e.date?.end?.value])).toEqual([['2026-03-05', '2026-03-07']]);
  });
});

describe('a happening another article names without reporting it', () => {
  // Invented: a round in Tallinn, told by a wire; later articles name it ("after the Tallinn talks", "since Tallinn").
  const report = `---
title: Envoys meet in Tallinn
published: 2026-05-04
source: Test Wire
---

TALLINN, May 4 (Test Wire) — Envoys of Ukraine and the United States held talks in Tallinn on Monday on a ceasefire framework.
`;
  const after = `---
title: Reactions in Kyiv
published: 2026-05-07
source: Test Daily
---

Officials spent the days after the Tallinn talks trying to contain a row between the two capitals.

Nothing new had been agreed since Tallinn, an aide to the president said.
`;
  const unrelated = `---
title: A summit long ago
published: 2026-05-08
source: Test Review
---

Historians still argue about the Vilnius summit, which ended without a text.
`;
  const kbOfNamed = () => buildKnowledgeBase(tempKnowledge({ 'a-report.md': report, 'b-after.md': after, 'c-unrelated.md': unrelated }));

  it('is one timeline entry citing the passages that name it', async () => {
    const kb = await kbOfNamed();
    const timeline = events(kb, '', { limit: 50 }).results;
    const round = timeline.filter((r) => r.event!.kind === 'talks' && r.event!.date?.value === '2026-05-04');
    expect(round).toHaveLength(1);
    expect(round[0].citation.article).toBe('a-report');
    expect(round[0].event!.recalledIn?.map((c) => `${c.article}#${c.paragraph}`)).toEqual(['b-after#1', 'b-after#2']);
    // The passages that name it are no events of their own.
    expect(timeline.filter((r) => r.citation.article === 'b-after' && r.event!.kind === 'talks')).toHaveLength(0);
    // Named only, it is no report: alsoReported keeps its meaning, and the JSON adds the citations.
    expect(round[0].event!.alsoReported).toBeUndefined();
    const json = toJson(events(kb, '', { limit: 50 })) as { results: { event?: { recalledIn?: unknown[]; kind: string; date: unknown } }[] };
    const entry = json.results.find((r) => r.event?.recalledIn);
    expect(entry?.event).toMatchObject({ kind: 'talks', date: { value: '2026-05-04', precision: 'day', source: 'text' } });
    expect(renderText(events(kb, 'talks', { limit: 5 }))).toMatch(/also named in .*Reactions in Kyiv/);
  });

  it('is cited in the brief as one happening', async () => {
    const kb = await kbOfNamed();
    const b = brief(kb).brief;
    const round = b.events.find((r) => r.event!.kind === 'talks');
    expect(round?.event!.recalledIn?.map((c) => c.article)).toEqual(['b-after', 'b-after']);
  });

  it('names nothing no story of its kind was held at, and nothing after its article', async () => {
    const kb = await kbOfNamed();
    const timeline = events(kb, '', { limit: 50 }).results;
    expect(timeline.flatMap((r) => r.event!.recalledIn ?? []).some((c) => c.article === 'c-unrelated')).toBe(false);
    // An earlier article cannot name a round held after it was published.
    const early = `---
title: Before anything
published: 2026-04-01
source: Test Daily
---

Nothing had moved since the Tallinn talks, an aide said.
`;
    const kb2 = await buildKnowledgeBase(tempKnowledge({ 'a-report.md': report, 'd-early.md': early }));
    expect(events(kb2, '', { limit: 50 }).results.flatMap((r) => r.event!.recalledIn ?? [])).toEqual([]);
  });

  it('names the latest of the rounds held there before its article', async () => {
    const again = `---
title: A second meeting in Tallinn
published: 2026-06-02
source: Test Wire
---

TALLINN, June 2 (Test Wire) — Envoys of Ukraine and the United States held a second round of talks in Tallinn on Tuesday.
`;
    const later = `---
title: What comes next
published: 2026-06-05
source: Test Daily
---

Officials said the Tallinn talks had narrowed the gaps.
`;
    const kb = await buildKnowledgeBase(tempKnowledge({ 'a-report.md': report, 'e-again.md': again, 'f-later.md': later }));
    const timeline = events(kb, '', { limit: 50 }).results;
    const june = timeline.find((r) => r.event!.kind === 'talks' && r.event!.date?.value === '2026-06-02');
    const may = timeline.find((r) => r.event!.kind === 'talks' && r.event!.date?.value === '2026-05-04');
    expect(june?.event!.recalledIn?.map((c) => c.article)).toEqual(['f-later']);
    expect(may?.event!.recalledIn).toBeUndefined();
  });

  it('is named the same when the report arrives after the passage that names it', async () => {
    const { articles } = await loadKnowledge(tempKnowledge({ 'a-report.md': report, 'b-after.md': after }));
    const byId = (id: string) => articles.find((a) => a.id === id)!;
    const facts = new FactsCache();
    const first = new KnowledgeBase([byId('b-after')], [], { facts });
    expect(first.derive(STORIES).recalledIn.size).toBe(0);
    const extended = await first.withAdded([byId('a-report')], [], facts);
    const scratch = new KnowledgeBase([byId('b-after'), byId('a-report')], [], { facts, keepOrder: true });
    expect(extended.derive(STORIES)).toEqual(scratch.derive(STORIES));
    expect(extended.derive(STORIES).recalledIn.size).toBe(1);
  });
});
