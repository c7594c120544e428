import { describe, expect, it } from 'vitest';
import { kindsOf } from '../src/extract/events.ts';

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
