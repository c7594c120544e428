/**
 * The development corpus (tests/fixtures/dev/<set>/): its gold format and how to read it.
 * The format is described in tests/fixtures/dev/README.md.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const DEV_ROOT = path.resolve(import.meta.dirname, '../../tests/fixtures/dev');

export interface Cite {
  article: string;
  paragraph: number;
}
export interface GoldDate {
  value: string;
  precision: 'day' | 'month' | 'year';
}
export interface GoldPerson {
  name: string;
  variants?: string[];
  roles: (Cite & { role: string })[];
  current: string | null;
}
export interface GoldQuote extends Cite {
  lastParagraph?: number;
  kind: 'direct' | 'reported';
  text: string;
  speakers: string[];
  source?: string;
}
export interface GoldEvent {
  id: string;
  kind: string;
  what: string;
  date: GoldDate | null;
  end?: GoldDate;
  actors: string[];
  place: string | null;
  background: boolean;
  citations: Cite[];
}
export interface DevGold {
  set: string;
  split: 'dev' | 'aside';
  styles: string[];
  about: string;
  people: GoldPerson[];
  notPeople: string[];
  quotes: GoldQuote[];
  notQuotes?: string[];
  events: GoldEvent[];
  queries: {
    who?: { query: string; name: string; role: string | null }[];
    quote?: ({ query?: string; words?: string; speaker: string | null; text: string } & Cite)[];
    events?: ({ query: string } & Cite)[];
    ask?: ({ question: string; also?: Cite[] } & Cite)[];
  };
}

export interface DevSet {
  dir: string;
  articlesDir: string;
  gold: DevGold;
}

export const EVENT_KINDS = ['talks', 'meeting', 'call', 'statement', 'plan', 'attack', 'exchange', 'appointment', 'resignation', 'aid', 'decision', 'casualties'];

/** Every set with a gold.json, in name order; `only` picks sets by name or split. */
export function loadDevSets(root = DEV_ROOT, only?: string): DevSet[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(root, e.name, 'gold.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      return { dir, articlesDir: path.join(dir, 'articles'), gold: JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as DevGold };
    })
    .filter((s) => !only || s.gold.set === only || s.gold.split === only);
}
