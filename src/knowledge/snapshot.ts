import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { KnowledgeBase, type IndexSegments, type MergedPeople, type Person } from './base.ts';
import type { SegmentState } from '../search/text-index.ts';
import type { Derived } from './derived.ts';
import { STORIES } from './event-stories.ts';
import { assemblyDigest } from './code-digest.ts';
import { EXTRACTION_VERSION, FactsCache, articleDigest, primeDigest } from './facts-cache.ts';
import { fingerprintOf, scanKnowledge, type FileResult, type LoadedKnowledge } from './load.ts';
import type { Article, LoadProblem, Paragraph } from './types.ts';
import { StoredParagraph, reviveParagraph, toBuffer, type PackedParagraphs } from './paragraph-store.ts';

/**
 * A built knowledge base on disk, so a large base is ready in a second or two instead of being
 * read, extracted and indexed again. Valid only for the exact files it was built from (path, size,
 * modification time) and for the same code version; anything else is stale and rebuilt, never served.
 * Besides the articles, facts and indexes it keeps what is costly to make from them (the people as
 * merged, with their roles over time; the events as stories), valid for the code that made them
 * (assemblyDigest): a snapshot of other code makes them again from its facts.
 */
const SNAPSHOT_VERSION = 9;

/**
 * Derived values a snapshot keeps when the base has computed them: those slow to make (see
 * Derived.store). Each one's module must be among the roots of assemblyDigest, so that a change to
 * it is never served a value kept by the code before.
 */
const KEPT: Derived<unknown>[] = [STORIES];

/**
 * On disk: frames, each a 4-byte length and one v8-serialised value, written with a pause between
 * them. One serialisation of a whole base blocked the event loop for half a second at 100,000
 * paragraphs; a frame takes a few milliseconds.
 */
export interface Header {
  version: number;
  /** The knowledge directory it was built from, so caches of directories that are gone can be dropped. */
  dir?: string;
  extraction: number;
  fingerprint: string;
  problems: LoadProblem[];
  /** Digest of each article, in build order. */
  digests: string[];
  /** assemblyDigest() of the code that wrote the people and derived values: other code makes them anew. */
  assembly: string;
  /** How many frames of each part follow, in this order. */
  frames: {
    articles: number;
    facts: number;
    segments: { paragraphs: string[][]; quotes: string[][] };
    files: number;
    /** The people as merged: frames of people, of articles' person ids, then of the merger's indexes. */
    people: { people: number; personIds: number; byFull: number; bySurname: number; successions: number };
    /** Each kept derived value's name and number of frames. */
    derived: [name: string, frames: number][];
  };
}

/** A file's result with its article given by position in the build order when it is one of them. */
type StoredFile = Omit<FileResult, 'article'> & { article: Article | number | null };

/** An article with its paragraphs packed when they are stored in one buffer (as parsed articles are). */
type StoredArticle = Omit<Article, 'paragraphs'> & { paragraphs: Paragraph[] | PackedParagraphs };

function packed(a: Article): StoredArticle {
  const paragraphs = StoredParagraph.pack(a.paragraphs);
  return paragraphs ? { ...a, paragraphs } : a;
}

/** The article, its paragraphs made objects again. */
function unpacked(a: StoredArticle): Article {
  const ps = a.paragraphs;
  return Object.assign(a, { paragraphs: Array.isArray(ps) ? ps.map(reviveParagraph) : StoredParagraph.unpack(ps) });
}

const PER_FRAME = 250;
const pause = () => new Promise((r) => setImmediate(r));
const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

export async function saveSnapshot(file: string, kb: KnowledgeBase, loaded: LoadedKnowledge, facts: FactsCache, dir?: string): Promise<number> {
  facts.retain(kb.articles);
  const articles = kb.buildOrder;
  const position = new Map(articles.map((a, i) => [a, i]));
  const segments = kb.segments();
  const fields = (st: SegmentState) => Object.keys(st) as (keyof SegmentState)[];
  const files: [string, StoredFile][] = [...loaded.files.entries()].map(([rel, f]) => [rel, { ...f, article: f.article && position.has(f.article) ? position.get(f.article)! : f.article }]);
  const merged = kb.mergedPeople();
  const parts = {
    articles: chunks(articles, PER_FRAME),
    facts: chunks(facts.entries(), PER_FRAME),
    files: chunks(files, PER_FRAME * 4),
    people: {
      people: chunks(merged.people, PER_FRAME),
      personIds: chunks(merged.personIds, PER_FRAME * 4),
      byFull: chunks(merged.merger.byFull, PER_FRAME * 20),
      bySurname: chunks(merged.merger.bySurname, PER_FRAME * 20),
      successions: chunks(merged.merger.successions, PER_FRAME * 20),
    },
  };
  const derived = KEPT.flatMap((def) => {
    const value = kb.computed(def);
    return value !== undefined && def.store ? [[def.name, def.store.save(value)] as const] : [];
  });
  const header: Header = {
    version: SNAPSHOT_VERSION,
    dir: dir && path.resolve(dir),
    extraction: EXTRACTION_VERSION,
    fingerprint: loaded.fingerprint,
    problems: kb.problems,
    digests: articles.map(articleDigest),
    assembly: assemblyDigest(),
    frames: {
      articles: parts.articles.length,
      facts: parts.facts.length,
      segments: { paragraphs: segments.paragraphs.map(fields), quotes: segments.quotes.map(fields) },
      files: parts.files.length,
      people: { people: parts.people.people.length, personIds: parts.people.personIds.length, byFull: parts.people.byFull.length, bySurname: parts.people.bySurname.length, successions: parts.people.successions.length },
      derived: derived.map(([name, frames]) => [name, frames.length]),
    },
  };
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = tempFileFor(file);
  const out = await open(tmp, 'w');
  let bytes = 0;
  const frame = async (value: unknown) => {
    const body = serialize(value);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(body.length);
    await out.write(len);
    await out.write(body);
    bytes += 4 + body.length;
    await pause();
  };
  try {
    await frame(header);
    for (const x of parts.articles) await frame(x.map(packed));
    for (const x of parts.facts) await frame(x);
    for (const st of [...segments.paragraphs, ...segments.quotes]) for (const k of fields(st)) await frame(st[k]);
    for (const x of parts.files) await frame(x);
    for (const list of Object.values(parts.people)) for (const x of list) await frame(x);
    for (const [, frames] of derived) for (const x of frames) await frame(x);
    // On disk before it takes the name: a crash after the rename must not leave a name over missing data.
    await out.sync();
  } catch (e) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  await out.close();
  await rename(tmp, file); // readers see the old snapshot or the new one, never half of one
  return bytes;
}

/** `<cache>.<pid>.<random>.tmp`: the writer's pid in the name tells a stale file from one being written. */
export function tempFileFor(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** The header of a snapshot, read without the rest of the file; null if it is not one. */
export async function readHeader(file: string): Promise<Header | null> {
  const fh = await open(file, 'r').catch(() => null);
  if (!fh) return null;
  try {
    const len = Buffer.alloc(4);
    if ((await fh.read(len, 0, 4, 0)).bytesRead < 4) return null;
    const n = len.readUInt32LE(0);
    if (n > 64 * 1024 * 1024) return null;
    const body = Buffer.alloc(n);
    if ((await fh.read(body, 0, n, 4)).bytesRead < n) return null;
    const h = deserialize(body) as Header;
    return h && typeof h === 'object' && typeof h.version === 'number' ? h : null;
  } catch {
    return null;
  } finally {
    await fh.close();
  }
}

export interface Restored {
  kb: KnowledgeBase;
  loaded: LoadedKnowledge;
  facts: FactsCache;
  /** Written by other code: people and stories were made anew from the facts, and a new snapshot would keep them. */
  remade: boolean;
}

/** Reads frames from a buffer, one at a time. */
function frames(buf: Buffer): () => unknown {
  let at = 0;
  return () => {
    if (at + 4 > buf.length) throw new Error('snapshot ends early');
    const len = buf.readUInt32LE(at);
    if (at + 4 + len > buf.length) throw new Error('snapshot ends early');
    const value = deserialize(buf.subarray(at + 4, at + 4 + len));
    at += 4 + len;
    return value;
  };
}

/** The snapshot's base if it matches the directory as it is now; null if missing, stale or unreadable. */
export async function loadSnapshot(file: string, dir: string): Promise<Restored | null> {
  let next: () => unknown;
  let header: Header;
  // The directory is listed while the file is read: both mostly wait.
  const [buf, listed] = await Promise.all([readFile(file).catch(() => null), scanKnowledge(dir).catch(() => [])]);
  if (!buf) return null;
  try {
    next = frames(buf);
    header = next() as Header;
  } catch {
    return null;
  }
  if (header?.version !== SNAPSHOT_VERSION || header.extraction !== EXTRACTION_VERSION) return null;
  if (fingerprintOf(listed) !== header.fingerprint) return null;
  try {
    const list = <T>(frameCount: number): T[] => {
      const out: T[] = [];
      for (let i = 0; i < frameCount; i++) for (const x of next() as T[]) out.push(x);
      return out;
    };
    const articles = list<StoredArticle>(header.frames.articles).map(unpacked);
    const entries = list<[string, Uint8Array]>(header.frames.facts).map(([k, v]): [string, Buffer] => [k, toBuffer(v)]);
    const segment = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, next()])) as unknown as SegmentState;
    const segments: IndexSegments = { paragraphs: header.frames.segments.paragraphs.map(segment), quotes: header.frames.segments.quotes.map(segment) };
    const files = new Map<string, FileResult>();
    for (const [rel, f] of list<[string, StoredFile]>(header.frames.files)) files.set(rel, { ...f, article: typeof f.article === 'number' ? articles[f.article] : f.article && unpacked(f.article) });
    // People and derived values hold for the code that made them; other code makes them again from the facts.
    const sameCode = header.assembly === assemblyDigest();
    const n = header.frames.people;
    const people: MergedPeople | undefined = sameCode
      ? { people: list<Person>(n.people), personIds: list<string[]>(n.personIds), merger: { byFull: list(n.byFull), bySurname: list(n.bySurname), successions: list(n.successions) } }
      : undefined;
    const derived: [Derived<unknown>, unknown][] = [];
    for (const [name, count] of sameCode ? header.frames.derived : []) {
      const def = KEPT.find((d) => d.name === name);
      const frames = Array.from({ length: count }, next);
      if (def?.store) derived.push([def, def.store.load(frames)]);
    }
    articles.forEach((a, i) => primeDigest(a, header.digests[i]));
    const facts = new FactsCache(entries);
    const kb = new KnowledgeBase(articles, header.problems, { facts, segments, keepOrder: true, people, derived });
    const loaded: LoadedKnowledge = { articles, problems: header.problems, fingerprint: header.fingerprint, files, unsettled: [] };
    return { kb, loaded, facts, remade: !sameCode };
  } catch {
    return null;
  }
}
