/**
 * Dates and periods in news text, resolved against the article's publication date where
 * the text is relative ("on Monday", "last week"). Pure: the reference date is an argument.
 */
export type TimeKind = 'date' | 'month' | 'year' | 'relative' | 'duration';

export interface TimeExpression {
  text: string;
  start: number;
  end: number;
  kind: TimeKind;
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) when it could be resolved; null when not. */
  iso: string | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, hundred: 100, a: 1, an: 1, several: 3, few: 3,
};

const MONTH_RE = `(${MONTHS.join('|')}|${Object.keys(MONTH_ABBR).join('|')})\\.?`;
const NUM_RE = `(\\d+|${Object.keys(NUMBER_WORDS).filter((w) => w.length > 2).join('|')})`;

function monthIndex(s: string): number {
  const k = s.toLowerCase().replace('.', '');
  const i = MONTHS.indexOf(k);
  return i >= 0 ? i : MONTH_ABBR[k] ?? -1;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function parseIsoDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
}

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray, ref: Date | null) => { kind: TimeKind; iso: string | null } | null;
}

const RULES: Rule[] = [
  {
    // 2025-12-02
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    make: (m) => ({ kind: 'date', iso: `${m[1]}-${m[2]}-${m[3]}` }),
  },
  {
    // December 2, 2025 / December 2 / Dec. 2nd
    re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'gi'),
    make: (m, ref) => {
      const mo = monthIndex(m[1]);
      const day = +m[2];
      if (mo < 0 || day < 1 || day > 31) return null;
      const year = m[3] ? +m[3] : inferYear(mo, ref);
      return { kind: 'date', iso: year ? `${year}-${pad(mo + 1)}-${pad(day)}` : null };
    },
  },
  {
    // 2 December 2025 / 2 December
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`, 'gi'),
    make: (m, ref) => {
      const mo = monthIndex(m[2]);
      const day = +m[1];
      if (mo < 0 || day < 1 || day > 31) return null;
      const year = m[3] ? +m[3] : inferYear(mo, ref);
      return { kind: 'date', iso: year ? `${year}-${pad(mo + 1)}-${pad(day)}` : null };
    },
  },
  {
    // in December 2025 / December 2025 / in December
    re: new RegExp(`\\b(?:in|since|until|by|early|late|mid-?)?\\s*${MONTH_RE}(?:\\s+(\\d{4}))?\\b`, 'gi'),
    make: (m, ref) => {
      const mo = monthIndex(m[1]);
      if (mo < 0) return null;
      // "may" alone is far more often the verb than the month.
      if (!m[2] && m[1].toLowerCase() === 'may' && !/^(in|since|until|by|early|late|mid)/i.test(m[0].trim())) return null;
      const year = m[2] ? +m[2] : inferYear(mo, ref);
      return { kind: 'month', iso: year ? `${year}-${pad(mo + 1)}` : null };
    },
  },
  {
    // in 2025 / since 2014 / by 2030
    re: /\b(?:in|since|until|by|during|of|from|before|after)\s+((?:19|20)\d{2})\b/gi,
    make: (m) => ({ kind: 'year', iso: m[1] }),
  },
  {
    // three-day, four years, 48 hours: a length of time, not a point on the timeline
    re: new RegExp(`\\b${NUM_RE}[- ](day|week|month|year|hour)s?(?:[- ]long)?\\b`, 'gi'),
    make: () => ({ kind: 'duration', iso: null }),
  },
  {
    re: /\b(yesterday|today|tonight|this morning|this week|last week|last month|last year|this year|earlier this (?:week|month|year))\b/gi,
    make: (m, ref) => ({ kind: 'relative', iso: ref ? relative(m[1].toLowerCase(), ref) : null }),
  },
  {
    re: new RegExp(`\\b(?:on|last|this|next|since|by)\\s+(${WEEKDAYS.join('|')})\\b`, 'gi'),
    make: (m, ref) => {
      if (!ref) return { kind: 'relative', iso: null };
      const target = WEEKDAYS.indexOf(m[1].toLowerCase());
      const d = new Date(ref);
      const future = /^next/i.test(m[0]);
      let diff = future ? (target - d.getUTCDay() + 7) % 7 || 7 : -((d.getUTCDay() - target + 7) % 7);
      d.setUTCDate(d.getUTCDate() + diff);
      return { kind: 'relative', iso: isoDay(d) };
    },
  },
  {
    re: new RegExp(`\\b${NUM_RE}\\s+(day|week|month|year)s?\\s+ago\\b`, 'gi'),
    make: (m, ref) => {
      if (!ref) return { kind: 'relative', iso: null };
      const n = /\d/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1].toLowerCase()] ?? 1;
      const d = new Date(ref);
      const unit = m[2].toLowerCase();
      if (unit === 'day') d.setUTCDate(d.getUTCDate() - n);
      else if (unit === 'week') d.setUTCDate(d.getUTCDate() - 7 * n);
      else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - n);
      else d.setUTCFullYear(d.getUTCFullYear() - n);
      return { kind: 'relative', iso: unit === 'year' ? String(d.getUTCFullYear()) : unit === 'month' ? isoDay(d).slice(0, 7) : isoDay(d) };
    },
  },
];

/** A month without a year: the latest such month not after the reference date. */
function inferYear(month: number, ref: Date | null): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  return month > ref.getUTCMonth() + 1 ? y - 1 : y;
}

function relative(expr: string, ref: Date): string {
  const d = new Date(ref);
  switch (expr) {
    case 'yesterday':
      d.setUTCDate(d.getUTCDate() - 1);
      return isoDay(d);
    case 'today':
    case 'tonight':
    case 'this morning':
      return isoDay(d);
    case 'last week':
      d.setUTCDate(d.getUTCDate() - 7);
      return isoDay(d);
    case 'this week':
    case 'earlier this week':
      return isoDay(d);
    case 'last month':
      d.setUTCMonth(d.getUTCMonth() - 1);
      return isoDay(d).slice(0, 7);
    case 'this month':
    case 'earlier this month':
      return isoDay(d).slice(0, 7);
    case 'last year':
      return String(d.getUTCFullYear() - 1);
    default:
      return String(d.getUTCFullYear());
  }
}

/** Every time expression in text, earliest first, overlapping matches resolved to the longest. */
export function findTimes(text: string, published: string | null): TimeExpression[] {
  const ref = parseIsoDate(published);
  const found: TimeExpression[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const r = rule.make(m, ref);
      if (!r) continue;
      const lead = m[0].length - m[0].trimStart().length;
      found.push({ text: m[0].trim(), start: m.index + lead, end: m.index + m[0].length, ...r });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: TimeExpression[] = [];
  for (const t of found) {
    const last = out[out.length - 1];
    if (last && t.start < last.end) continue;
    out.push(t);
  }
  return out;
}
