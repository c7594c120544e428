/**
 * A reproducible synthetic news corpus about negotiations: articles with people (first mention with
 * a role), quotes, places, dates, strikes, talks, pledges; written as real knowledge files so they
 * load through the bot's own code path. Same seed, same corpus, byte for byte.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = 'Anna Olena Piotr Marek Ivan Sergei Oksana Lukas Jonas Maria Elena Tomas Andrii Dmytro Katarina Henrik Lars Ingrid Pavel Viktor Sofia Daniel Michael Sarah Laura Omar Yusuf Leila Hannah Felix Rustem Kirill Yulia Taras Mikhail Natalia Ewa Agnieszka Jan Karel'.split(' ');
const SYL = 'ko va len ber nik ov ska rin dor mat tsch wen hol gar mir sta lev bor zan pol kra vin dre sen lot mun fel rach gor tan'.split(' ');
const ENDS = ['enko', 'ov', 'ski', 'berg', 'sen', 'ova', 'ic', 'mann', 'escu', 'yan', 'ek', 'uk', 'ich', 'off'];
const ROLES = ['special envoy', 'foreign minister', 'defence minister', 'prime minister', 'national security adviser', 'chief negotiator', 'spokeswoman for the foreign ministry', 'deputy foreign minister', 'presidential aide', 'ambassador to the United Nations'];
const NATIONS = [['Ukrainian', 'Ukraine'], ['Russian', 'Russia'], ['American', 'the United States'], ['Polish', 'Poland'], ['German', 'Germany'], ['French', 'France'], ['Turkish', 'Turkey'], ['Norwegian', 'Norway'], ['British', 'Britain'], ['Finnish', 'Finland']];
export const CITIES = 'Geneva Istanbul Riyadh Vienna Helsinki Oslo Warsaw Kharkiv Odesa Dnipro Zaporizhzhia Kherson Sumy Poltava Lviv Bratislava Budapest Ankara Doha Jeddah Belgrade Tallinn Riga Vilnius Prague'.split(' ');
export const TOPICS = ['grain corridor', 'prisoner exchange', 'energy infrastructure', 'ceasefire monitoring', 'security guarantees', 'sanctions relief', 'reconstruction fund', 'nuclear plant safety', 'humanitarian corridor', 'maritime security', 'frozen assets', 'border demarcation'];
const FILLER = 'officials diplomats analysts observers delegation proposal framework document agenda round session draft discussion position demand concession compromise timetable process dialogue pressure support partners allies leverage outcome sides envoys statement signal reports sources conditions guarantees withdrawal monitoring mission territory frontline region infrastructure economy recovery investment aid package parliament vote government cabinet coalition'.split(' ');
const VERBS = 'said noted warned stressed argued insisted added explained indicated suggested'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

export interface Person {
  first: string;
  last: string;
  role: string;
  nation: string[];
}

export interface Corpus {
  dir: string;
  paragraphs: number;
  articles: number;
  people: Person[];
  /** Paragraph texts, per article id, in order: the ground truth for quality. */
  texts: Map<string, string[]>;
  titles: Map<string, string>;
  /** Publication date (YYYY-MM-DD) per article id. */
  published: Map<string, string>;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function makePeople(r: () => number, n: number): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  while (out.length < n) {
    const last = (pick(r, SYL) + pick(r, SYL) + pick(r, ENDS)).replace(/^./, (c) => c.toUpperCase());
    if (seen.has(last)) continue;
    seen.add(last);
    out.push({ first: pick(r, FIRST), last, role: pick(r, ROLES), nation: pick(r, NATIONS) });
  }
  return out;
}

function filler(r: () => number, words: number): string {
  const ws: string[] = [];
  for (let i = 0; i < words; i++) ws.push(pick(r, FILLER));
  ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
  return `${ws.join(' ')}.`;
}

function paragraph(r: () => number, cast: Person[], introduced: Set<Person>, date: string): string {
  const p = pick(r, cast);
  const name = introduced.has(p) ? p.last : `${p.nation[0]} ${p.role} ${p.first} ${p.last}`;
  introduced.add(p);
  const city = pick(r, CITIES);
  const topic = pick(r, TOPICS);
  const other = pick(r, cast);
  const otherName = introduced.has(other) ? other.last : `${other.first} ${other.last}, the ${other.nation[0]} ${other.role},`;
  introduced.add(other);
  const kind = Math.floor(r() * 5);
  const lead = [
    `${name} met ${otherName} in ${city} on ${date} to discuss the ${topic}.`,
    `“We will not accept a deal on the ${topic} that rewards pressure,” ${name} said in ${city}.`,
    `Russian drones struck ${city} overnight, damaging ${topic.split(' ')[0]} facilities, ${name} ${pick(r, VERBS)}.`,
    `${name} ${pick(r, VERBS)} that talks on the ${topic} would resume in ${city} after ${MONTHS[Math.floor(r() * 12)]}.`,
    `Partners pledged new funding for the ${topic}, ${name} told reporters in ${city}.`,
  ][kind];
  return `${lead} ${filler(r, 12 + Math.floor(r() * 10))} ${filler(r, 10 + Math.floor(r() * 10))} ${filler(r, 8 + Math.floor(r() * 8))}`;
}

/** Writes `paragraphs` paragraphs as knowledge files (20 per article) into dir, replacing what was there. */
export function generateCorpus(dir: string, paragraphs: number, seed = 7): Corpus {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = prng(seed);
  const people = makePeople(r, Math.max(40, Math.round(paragraphs / 25)));
  const perArticle = Math.min(20, paragraphs);
  const articles = Math.ceil(paragraphs / perArticle);
  const texts = new Map<string, string[]>();
  const titles = new Map<string, string>();
  const published = new Map<string, string>();
  let left = paragraphs;
  for (let a = 0; a < articles; a++) {
    const n = Math.min(perArticle, left);
    left -= n;
    const day = new Date(Date.UTC(2025, 0, 1) + a * 3_600_000 * 6);
    const iso = day.toISOString().slice(0, 10);
    const dateText = `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}`;
    const cast = Array.from({ length: 5 }, () => pick(r, people));
    const introduced = new Set<Person>();
    const body: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % 6 === 0) body.push(`## ${pick(r, TOPICS).replace(/^./, (c) => c.toUpperCase())} in ${pick(r, CITIES)}`);
      body.push(paragraph(r, cast, introduced, dateText));
    }
    const id = `a${String(a).padStart(6, '0')}`;
    texts.set(id, body.filter((b) => !b.startsWith('## ')));
    titles.set(id, `Talks update ${a}`);
    published.set(id, iso);
    writeFileSync(path.join(dir, `${id}.md`), `---\ntitle: Talks update ${a}\npublished: ${iso}\nsource: Synthetic Wire\n---\n\n${body.join('\n\n')}\n`);
  }
  return { dir, paragraphs, articles, people, texts, titles, published };
}
