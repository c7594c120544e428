import { describe, expect, it } from 'vitest';
import { kindsOf } from '../src/extract/events.ts';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { STORIES } from '../src/knowledge/event-stories.ts';
import { tempKnowledge } from './helpers.ts';

// Session 16 of issue 10: events and the timeline (invented names and places only).
const article = (body: string, published = '2026-03-12') => `---
title: Test story
published: ${published}
source: Test Wire
---

${body}
`;

/** Each event's kind and the story it is in, in reading order. */
async function stories(files: Record<string, string>) {
  const kb = await buildKnowledgeBase(tempKnowledge(files));
  const { storyOf } = kb.derive(STORIES);
  return kb.events.map((e) => ({ kind: e.kind, story: storyOf[e.id], summary: e.summary }));
}

describe('stories: a statement that follows on in its passage', () => {
  it('is the statement before it, when it names no one the first does not', async () => {
    const evs = await stories({
      'a.md': article('In a joint statement on Monday, Olaf Berg and Anna Lund said Piotr Nowak had suggested a truce. The statement said Nowak had agreed to send air defence systems to Nordland.'),
    });
    const statements = evs.filter((e) => e.kind === 'statement');
    expect(statements).toHaveLength(2);
    expect(statements[1].story).toBe(statements[0].story);
  });

  it('is a statement of its own when it names someone else (reactions told one after another)', async () => {
    const evs = await stories({
      'a.md': article('17:30 — Olaf Berg said on Monday that Nordland had agreed to a truce. Anna Lund, the Vesterby mayor, said the city had agreed to send air defence systems.'),
    });
    const statements = evs.filter((e) => e.kind === 'statement');
    expect(statements).toHaveLength(2);
    expect(statements[1].story).not.toBe(statements[0].story);
  });
});

describe('event dates: a statement about what lies ahead', () => {
  it('has no time of its own from the time it speaks of', async () => {
    const kb = await buildKnowledgeBase(tempKnowledge({ 'a.md': article('Olaf Berg told reporters he would gather the army chiefs of Nordland in Vesterby next week.') }));
    const statement = kb.events.find((e) => e.kind === 'statement');
    expect(statement).toBeDefined();
    expect(statement!.when).toBeNull();
  });
});

describe('event kinds: more verbs of saying', () => {
  it('someone who answers, replies, condemns, judges or sums up makes a statement', () => {
    expect(kindsOf('Olaf Berg answered on Saturday.')).toEqual(['statement']);
    expect(kindsOf('Anna Lund, the Nordland foreign minister, replied the same day.')).toEqual(['statement']);
    expect(kindsOf('Piotr Nowak condemned the decision on Monday and welcomed the talks.')).toEqual(['statement']);
    expect(kindsOf('The next day, Tomas Wolf judged that the documents were ready.')).toEqual(['statement']);
    expect(kindsOf('On Truth Social, Olaf Berg summed up the meeting as very cordial.')).toEqual(['statement']);
  });

  it('so does someone who affirms, assures, acknowledges or admits something', () => {
    expect(kindsOf('The Nordland foreign minister, Anna Lund, affirmed on Thursday that Vesterby had cut the power deliberately.')).toEqual(['statement']);
    expect(kindsOf('Piotr Nowak assured on Monday that Nordland remained ready to negotiate.')).toEqual(['statement']);
    expect(kindsOf('In March Tomas Wolf acknowledged that he had added a journalist to the group chat.')).toEqual(['statement']);
    expect(kindsOf('Olaf Berg admitted on Friday that the deadline would slip.')).toEqual(['statement']);
  });

  it('answering questions (an interview) or having argued for weeks is no statement of the day', () => {
    expect(kindsOf('Anna Lund answered the questions of a Vesterby newspaper on Sunday.')).toEqual([]);
    expect(kindsOf("Nordland's government has argued for weeks that the risks are real.")).toEqual([]);
  });
});

describe('event kinds: calls told other ways', () => {
  it('a call someone had or held, a call between two people, a long talk with a titled person', () => {
    expect(kindsOf('Olaf Berg and Anna Lund had had a productive call on Monday.')).toEqual(['call']);
    expect(kindsOf('Anna Lund had a long call with Olaf Berg on Friday.')).toEqual(['call']);
    expect(kindsOf('Bloomberg also has a recording of an October 29 call between Piotr Nowak and Tomas Wolf.')).toEqual(['call']);
    expect(kindsOf('He also spoke with Vice President Tomas Wolf for about half an hour, his office said.')).toEqual(['call']);
  });
});

describe('event kinds: summoned, greeted, signed, endorsed', () => {
  it('reads an ambassador someone had summoned and a guest greeted (present tense) as meetings', () => {
    expect(kindsOf('Foreign Minister Anna Lund had the Nordland ambassador summoned.')).toEqual(['meeting']);
    expect(kindsOf('Olaf Berg greets him in the Reception Room.')).toEqual(['meeting']);
  });

  it('reads a text that was signed as a decision and a minister endorsed by a chamber as an appointment', () => {
    expect(kindsOf('Thursday was also the day the charter of the Vesterby board was signed, at a ceremony.')).toEqual(['decision']);
    expect(kindsOf('Piotr Nowak, foreign minister since 2004, was endorsed again by the Federation Council on Tuesday.')).toEqual(['appointment']);
  });
});

describe('event kinds: measures dropped or lifted, visits cancelled', () => {
  it('reads tariffs dropped, sanctions lifted and an attendance cancelled as decisions', () => {
    expect(kindsOf('Later, after a meeting with Anna Lund, he dropped the tariffs he had threatened to impose on Nordland.')).toEqual(['decision']);
    expect(kindsOf('Washington lifted its sanctions on Piotr Nowak on Friday.')).toEqual(['decision']);
    expect(kindsOf('Olaf Berg cancelled his attendance on Tuesday evening.')).toEqual(['decision']);
  });
});

describe('event kinds: confirmed by a chamber, sworn in by someone', () => {
  it('reads a chamber that confirmed someone and someone who swore another in as appointments', () => {
    expect(kindsOf('The Rada confirmed Lund on Tuesday.')).toEqual(['appointment']);
    expect(kindsOf('Olaf Berg swore Anna Lund in on Monday.')).toEqual(['appointment']);
    expect(kindsOf('The Senate confirmed that the vote would be held on Monday.')).toEqual([]);
  });
});

describe('event kinds: speeches', () => {
  it('reads a speech given or delivered, and what someone said in a speech, as a statement', () => {
    expect(kindsOf('On Thursday Olaf Berg delivered a speech of rare severity towards Nordland.')).toEqual(['statement']);
    expect(kindsOf('In his speech to the General Assembly on Tuesday, Anna Lund accused Vesterby of lying.')).toEqual(['statement']);
  });
});
