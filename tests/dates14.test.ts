import { describe, expect, it } from 'vitest';
import { findTimes } from '../src/extract/dates.ts';

describe('weekdays of a present tense that tells the schedule', () => {
  it('"the Nordlanders meet in Ostby on Tuesday" in a Monday interview is tomorrow, not last week', () => {
    // 2025-03-10 is a Monday.
    const [t] = findTimes('— On Tuesday, the Westmarkers and the Nordlanders meet in Ostby.', '2025-03-10');
    expect(t.date).toEqual({ value: '2025-03-11', precision: 'day' });
    expect(t.ahead).toBe(true);
  });

  it('a plural subject that met is still the past', () => {
    const [t] = findTimes('On Tuesday, the Westmarkers and the Nordlanders met in Ostby.', '2025-03-10');
    expect(t.date).toEqual({ value: '2025-03-04', precision: 'day' });
  });
});
