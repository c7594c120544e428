import { describe, expect, it } from 'vitest';
import { kindsOf } from '../src/extract/events.ts';
import { buildKnowledgeBase } from '../src/knowledge/build.ts';
import { tempKnowledge } from './helpers.ts';

// Session 14 of issue 10: trigger kinds (invented names and places only).
describe('event kinds: triggers', () => {
  it('a diplomat summoned is a meeting, not a statement', () => {
    expect(kindsOf('Nordland summoned the Westmark ambassador on Saturday.')).toEqual(['meeting']);
    expect(kindsOf("Olaf Berg, Westmark's chargé d'affaires in Ostby, was summoned to the foreign ministry on Wednesday.")).toEqual(['meeting']);
  });

  it('someone expected in a city or the capital is a visit', () => {
    expect(kindsOf('Anna Lund, who is expected in the capital next week, will bring the draft.')).toEqual(['meeting']);
    expect(kindsOf('The Nordland delegation is expected in Ostby later this month.')).toEqual(['meeting']);
  });
});

describe('event kinds: more triggers', () => {
  it('talks that have begun are talks', () => {
    expect(kindsOf('The talks have begun, a little later than planned.')).toEqual(['talks']);
  });

  it('a parliament voting to dismiss a minister is a dismissal, not a plain decision', () => {
    expect(kindsOf('Nordland’s parliament voted on Wednesday to dismiss the justice minister, Olaf Berg.')).toEqual(['resignation']);
  });

  it('an office taken up or confirmed by a chamber is an appointment', () => {
    expect(kindsOf('Anna Lund was confirmed by the Senate on January 24.')).toEqual(['appointment']);
    expect(kindsOf('Olaf Berg, who took charge of the army in February, is a veteran.')).toEqual(['appointment']);
  });

  it('the call that lasted an hour is a call, whoever tells of it', () => {
    expect(kindsOf('The Nordland spokesman says the call lasted about an hour and a half.')).toEqual(['call']);
  });

  it('a country invoking a treaty article is a decision', () => {
    expect(kindsOf('Nordland invoked Article 4 on Wednesday.')).toEqual(['decision']);
  });
});

describe('event kinds: a weapon fired is no dismissal', () => {
  it('missiles fired are an attack or nothing, never a resignation', () => {
    expect(kindsOf('That night Nordland fired a ballistic missile at a depot in the Ostby region.')).toEqual(['attack']);
    expect(kindsOf('A decoy costs little; the missiles fired at them cost many times more.')).not.toContain('resignation');
    expect(kindsOf('It was the first time allied forces had fired on Nordland aircraft.')).not.toContain('resignation');
  });

  it('a person fired from an office still is', () => {
    expect(kindsOf('Olaf Berg fired his defence minister on Monday.')).toEqual(['resignation']);
    expect(kindsOf('The defence minister was fired on Monday.')).toEqual(['resignation']);
  });
});

describe('event kinds: talks with a leader', () => {
  it('talks with the Nordland president are a meeting, whatever adjective names him', async () => {
    const story = `---
title: Berg in Ostby
published: 2026-03-12
source: Test Wire
---

Olaf Berg, who was in Ostby on Wednesday for talks with the Nordland president, Anna Lund, said the plan was ready.
`;
    const kinds = (await buildKnowledgeBase(tempKnowledge({ 'visit.md': story }))).events.map((e) => e.kind);
    expect(kinds).toContain('meeting');
    expect(kinds).not.toContain('talks');
  });
});

describe('event kinds: offices given, guests greeted', () => {
  it('someone made an envoy or put at the head of a body is appointed', () => {
    expect(kindsOf('On March 15 Olaf Berg made him special envoy to Nordland alone.')).toEqual(['appointment']);
    expect(kindsOf('Olaf Berg makes Lund head of the presidential office.')).toEqual(['appointment']);
    expect(kindsOf('Olaf Berg created a maritime board and put Anna Lund at its head.')).toEqual(['appointment']);
    // Making something clear is no appointment.
    expect(kindsOf('He made clear the minister would stay.')).toEqual([]);
  });

  it('a guest greeted at a place, leaders one gathers, a candidate who withdraws', () => {
    expect(kindsOf('Olaf Berg greeted Anna Lund at the palace on Tuesday.')).toEqual(['meeting']);
    expect(kindsOf('Olaf Berg gathers the army chiefs of Nordland in Ostby.')).toEqual(['meeting']);
    expect(kindsOf('Anna Lund withdraws from the race for secretary general.')).toEqual(['decision']);
  });
});

describe('event kinds: sanctions, borders, officials suspended, airspace', () => {
  it('reads sanctions imposed, consultations requested under a treaty article and a border closed as decisions', () => {
    expect(kindsOf('Nordland put both him and the fund under sanctions.')).toEqual(['decision']);
    expect(kindsOf("Nordland's government asked for consultations under Article 4 on Friday.")).toEqual(['decision']);
    expect(kindsOf('Nordland closed its border with Westmark on Friday.')).toEqual(['decision']);
  });

  it('reads a party pulled out of the coalition and a minister suspended as a resignation', () => {
    expect(kindsOf('Olaf Berg pulled his party out of the coalition in June.')).toEqual(['resignation']);
    expect(kindsOf('On Wednesday the government suspended Berg, the justice minister.')).toEqual(['resignation']);
  });

  it('reads someone who speaks with a leader for half an hour as a call', () => {
    expect(kindsOf('Anna Lund speaks with Berg for about half an hour.')).toEqual(['call']);
  });

  it('reads a town retaken, airspace violated and a plant occupied by troops as attacks', () => {
    expect(kindsOf('Nordland retakes Ostby.')).toEqual(['attack']);
    expect(kindsOf('It was the fourth violation of our airspace this year.')).toEqual(['attack']);
    expect(kindsOf('Westmark troops occupied the plant in March.')).toEqual(['attack']);
  });
});

describe('event kinds: arrivals, receptions, emergency meetings', () => {
  it('reads visits told in the present and emergency meetings as meetings', () => {
    expect(kindsOf('Army Secretary Olaf Berg and General Lund arrive in Ostby.')).toEqual(['meeting']);
    expect(kindsOf('King Olaf receives Lund at Nordhall.')).toEqual(['meeting']);
    expect(kindsOf('An emergency Security Council meeting was held on Monday.')).toEqual(['meeting']);
    expect(kindsOf('Berg and Lund meet at the Villa Nord after the funeral.')).toEqual(['meeting']);
    expect(kindsOf('Anna Lund is to travel to the United Nations in New York.')).toEqual(['meeting']);
  });
});

describe('event kinds: the dead and wounded of an exchange', () => {
  it('reads soldiers handed over, bodies to hand over and exchanges of the dead as the exchange, not a toll', () => {
    expect(kindsOf('Nordland got back 246 of its soldiers, and a further 31 wounded Ostbians were handed over on Sunday.')).toEqual(['exchange']);
    expect(kindsOf('Westmark would hand over the bodies of 6,000 fallen Nordland soldiers.')).toEqual(['exchange']);
    expect(kindsOf('The exchanges of the dead have also continued.')).toEqual(['exchange']);
  });

  it('a power line gone dead is no casualty; people killed are', () => {
    expect(kindsOf('Its last external connection, the 750-kilovolt line, went dead at 16:56.')).toEqual([]);
    expect(kindsOf('Seven people were killed.')).toEqual(['casualties']);
  });
});

describe('event kinds: a loan talked about is no aid', () => {
  it('a loan given, agreed or lent is aid; the loan named in passing is not', () => {
    expect(kindsOf('The leaders agreed a 90-billion-euro loan for Nordland on Friday.')).toEqual(['aid']);
    expect(kindsOf('Westmark lent Nordland the money in a loan of 2 billion.')).toEqual(['aid']);
    expect(kindsOf('The backing of its allies, including the 90 billion loan promised by Westmark, gives Nordland leverage.')).toEqual(['aid']);
    expect(kindsOf('The loan was interest-free for Nordland, and the frozen assets remained frozen.')).toEqual([]);
    expect(kindsOf('Three outcomes are possible: a loan with guarantees, joint debt, or nothing.')).toEqual([]);
  });
});
