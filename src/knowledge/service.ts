import { watch, type FSWatcher } from 'node:fs';
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { tidyCacheDir } from './cache-dir.ts';
import { EventEmitter } from 'node:events';
import { KnowledgeBase } from './base.ts';
import { loadKnowledge, type LoadedKnowledge } from './load.ts';
import { FactsCache } from './facts-cache.ts';
import { loadSnapshot, saveSnapshot } from './snapshot.ts';
import { formatProblem, type Article, type LoadProblem } from './types.ts';
import type { Derived } from './derived.ts';
import { runInBackground, type Background } from '../steps.ts';
import { warmUpFirstArticle, warmUpSample } from './warm-up.ts';

export interface ReloadReport {
  /** How the base was made: restored from the cache, extended by added articles, rebuilt, or unchanged. */
  mode: 'cache' | 'added' | 'rebuilt' | 'unchanged';
  articles: number;
  paragraphs: number;
  people: number;
  added: string[];
  removed: string[];
  problems: LoadProblem[];
  ms: number;
}

export interface KnowledgeServiceOptions {
  debounceMs?: number;
  /** Swap in a different builder (tests make it slow to prove deferral). */
  build?: (articles: Article[], problems: LoadProblem[]) => KnowledgeBase | Promise<KnowledgeBase>;
  /** Where the built base is kept between runs; null for none. */
  cacheFile?: string | null;
  /** Read the cache but never write it (several processes serve one directory; one of them writes). */
  readOnlyCache?: boolean;
  /** How long after an incremental change the cache is rewritten. */
  saveDelayMs?: number;
  /** Derived values every base computes before it serves (a bot passes what its answers read). */
  derived?: Derived<unknown>[];
  /** A file modified more recently than this is still being written: read it on a later reload (default 0). */
  settleMs?: number;
  /**
   * After a start from the cache, read the name tagger's models and compile the loader and the
   * extractor in the background (src/knowledge/warm-up.ts), so the first article added does not pay
   * for them inside its reload. For a process that serves and reloads; a one-shot one never extracts.
   */
  warmUp?: boolean;
}

/** How the background warm-up went: `done` false when the service was closed first or it failed (`error`). */
export interface WarmUpReport {
  done: boolean;
  ms: number;
  /** A failure leaves the work to the first extraction, which meets it again and reports it there. */
  error?: string;
}

/** Problems that appeared and went away since the last reload: what a log reports, once each. */
export interface ProblemChanges {
  fresh: LoadProblem[];
  fixed: LoadProblem[];
}

/**
 * The knowledge base a running bot serves: loaded once, reloaded when files change (debounced) or
 * on request. Queries always see a whole base, old or new, never one half built. A file that
 * breaks keeps its last good version serving; a new bad file is reported and left out.
 */
export class KnowledgeService extends EventEmitter {
  private kb: KnowledgeBase | null = null;
  private readonly lastGood = new Map<string, Article>();
  private lastLoad: LoadedKnowledge | undefined;
  private facts = new FactsCache();
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReloadReport> | null = null;
  private again = false;
  private reported = new Map<string, LoadProblem>();
  private settleTimer: NodeJS.Timeout | null = null;
  private warming: Background | null = null;
  readonly ready: Promise<KnowledgeBase>;
  private resolveReady!: (kb: KnowledgeBase) => void;

  constructor(readonly dir: string, private readonly opts: KnowledgeServiceOptions = {}) {
    super();
    this.ready = new Promise((r) => (this.resolveReady = r));
  }

  get current(): KnowledgeBase | null {
    return this.kb;
  }

  /** Reload now; concurrent calls share one run, and a change during a run triggers one more. */
  reload(): Promise<ReloadReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.running;
  }

  private async run(): Promise<ReloadReport> {
    const t0 = performance.now();
    const before = this.kb;
    const cacheFile = this.opts.cacheFile ?? null;
    if (!before && cacheFile && !this.opts.build) {
      const tidied = await tidyCacheDir(path.dirname(cacheFile), { current: cacheFile });
      if (tidied.removed.length) this.emit('tidied', tidied);
      const restored = await loadSnapshot(cacheFile, this.dir).catch(() => null);
      if (restored) {
        // Used now: the least recently used caches are the ones tidying drops.
        const t = new Date();
        await utimes(cacheFile, t, t).catch(() => undefined);
        this.lastLoad = restored.loaded;
        this.facts = restored.facts;
        for (const a of restored.loaded.articles) this.lastGood.set(a.file, a);
        await restored.kb.warm(this.opts.derived ?? []);
        const report = this.install(restored.kb, 'cache', before, t0, restored.kb.problems);
        if (this.opts.warmUp) this.warmUpInBackground(restored.kb);
        // Written by other code: once rewritten, the next start does not make its people and stories again.
        if (restored.remade && !this.opts.readOnlyCache) this.scheduleSave(0);
        return report;
      }
    }
    // Settling protects a serving base from half a file; at the first load there is none, and waiting would serve nothing.
    const settleMs = this.lastLoad ? this.opts.settleMs ?? 0 : 0;
    const loaded = await loadKnowledge(this.dir, this.lastLoad, { settleMs });
    this.lastLoad = loaded;
    if (loaded.unsettled.length) this.reloadWhenSettled(settleMs);
    const articles = [...loaded.articles];
    // Problems are copied, not amended: a file's result is reused by later loads while it is unchanged.
    const problems = [...loaded.problems];
    const ids = new Set(articles.map((a) => a.id));
    problems.forEach((p, i) => {
      const keep = this.lastGood.get(p.file);
      if (p.severity === 'error' && keep && !ids.has(keep.id)) {
        articles.push(keep);
        ids.add(keep.id);
        problems[i] = { ...p, message: `${p.message} (serving its last good version until it is fixed)` };
      }
    });
    const stillThere = new Set([...loaded.articles.map((a) => a.file), ...problems.map((p) => p.file)]);
    for (const f of this.lastGood.keys()) if (!stillThere.has(f)) this.lastGood.delete(f);
    for (const a of loaded.articles) this.lastGood.set(a.file, a);

    let kb: KnowledgeBase;
    let mode: ReloadReport['mode'];
    const present = new Set(articles);
    if (this.opts.build) {
      kb = await this.opts.build(articles, problems);
      mode = 'rebuilt';
    } else if (before && before.buildOrder.every((a) => present.has(a))) {
      // Nothing changed or removed, only files added: extend the serving base (work ∝ what was added).
      const known = new Set(before.buildOrder);
      const added = articles.filter((a) => !known.has(a));
      const changed = added.length > 0 || problems.length !== before.problems.length;
      kb = changed ? await before.withAdded(added, problems, this.facts) : before;
      mode = added.length ? 'added' : 'unchanged';
    } else {
      kb = await KnowledgeBase.build(articles, problems, { facts: this.facts });
      mode = 'rebuilt';
    }
    // What the serving base had computed, and what every base should have, before the new one serves.
    await kb.warm(new Set([...(before?.derivedSoFar() ?? []), ...(this.opts.derived ?? [])]));
    const report = this.install(kb, mode, before, t0, problems);
    if (cacheFile && !this.opts.readOnlyCache && mode !== 'unchanged') this.scheduleSave(mode === 'rebuilt' ? 0 : this.opts.saveDelayMs ?? 60_000);
    return report;
  }

  private install(kb: KnowledgeBase, mode: ReloadReport['mode'], before: KnowledgeBase | null, t0: number, problems: LoadProblem[]): ReloadReport {
    this.kb = kb;
    this.resolveReady(kb);
    const beforeIds = new Set(before?.articles.map((a) => a.id) ?? []);
    const afterIds = new Set(kb.articles.map((a) => a.id));
    const report: ReloadReport = {
      mode,
      articles: kb.articles.length,
      paragraphs: kb.paragraphs.length,
      people: kb.people.length,
      added: kb.articles.filter((a) => !beforeIds.has(a.id)).map((a) => a.id),
      removed: [...beforeIds].filter((id) => !afterIds.has(id)),
      problems,
      ms: Math.round(performance.now() - t0),
    };
    this.emit('reload', report);
    this.reportProblems(problems);
    return report;
  }

  /** Starts after the base serves, in slices between queries: being ready never waits for it. */
  private warmUpInBackground(kb: KnowledgeBase): void {
    const sample = warmUpSample(kb.articles);
    if (!sample || this.warming) return;
    const t0 = performance.now();
    const warming = runInBackground(warmUpFirstArticle(sample));
    this.warming = warming;
    void warming.done.then(({ finished, error }) => {
      if (this.warming === warming) this.warming = null;
      const report: WarmUpReport = { done: finished, ms: Math.round(performance.now() - t0) };
      if (error !== undefined) report.error = error instanceof Error ? error.message : String(error);
      this.emit('warmed', report);
    });
  }

  /** Each problem is told once, when it appears, and once more when it is gone: not at every reload. */
  private reportProblems(problems: LoadProblem[]): void {
    const now = new Map(problems.map((p) => [formatProblem(p), p]));
    const fresh = [...now].filter(([k]) => !this.reported.has(k)).map(([, p]) => p);
    const fixed = [...this.reported].filter(([k]) => !now.has(k)).map(([, p]) => p);
    this.reported = now;
    if (fresh.length || fixed.length) this.emit('problems', { fresh, fixed } satisfies ProblemChanges);
  }

  private reloadWhenSettled(settleMs: number): void {
    if (this.settleTimer) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.reload().catch((e) => this.emit('error', e));
    }, settleMs);
    this.settleTimer.unref();
  }

  /** Writes the cache later: serialising a big base blocks for a moment, so not on every change. */
  private scheduleSave(delayMs: number): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), delayMs);
    this.saveTimer.unref();
  }

  /** Writes the cache now (one write at a time); a failure is reported, never thrown: the cache is optional. */
  saveNow(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.saving = (this.saving ?? Promise.resolve()).then(async () => {
      const file = this.opts.cacheFile;
      if (!file || this.opts.readOnlyCache || !this.kb || !this.lastLoad) return;
      try {
        const bytes = await saveSnapshot(file, this.kb, this.lastLoad, this.facts, this.dir);
        this.emit('saved', { file, bytes });
        // A new cache was written: the ones of folders that are gone, and the oldest past the bound, go.
        const tidied = await tidyCacheDir(path.dirname(file), { current: file, caches: true });
        if (tidied.removed.length) this.emit('tidied', tidied);
      } catch (e) {
        if (this.listenerCount('error')) this.emit('error', e);
      }
    });
    return this.saving;
  }

  /** Watch the directory; a burst of changes becomes one reload. */
  watch(): void {
    if (this.watcher) return;
    const schedule = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.reload().catch((e) => this.emit('error', e));
      }, this.opts.debounceMs ?? 300);
    };
    try {
      this.watcher = watch(this.dir, { recursive: true }, (_event, name) => {
        if (!name || /\.(md|markdown|txt)$/i.test(String(name)) || !String(name).includes('.')) schedule();
      });
      this.watcher.on('error', (e) => this.emit('error', e));
    } catch (e) {
      this.emit('error', e);
    }
  }

  close(): void {
    this.warming?.stop();
    this.warming = null;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export function describeReload(r: ReloadReport, opts: { problems?: boolean } = {}): string {
  const how = { cache: 'from the cache', added: 'added to the index', rebuilt: 'rebuilt', unchanged: 'unchanged' }[r.mode];
  const parts = [`${r.articles} article(s), ${r.paragraphs} paragraphs, ${r.people} people (${how}) in ${r.ms} ms`];
  if (r.added.length) parts.push(`added: ${r.added.join(', ')}`);
  if (r.removed.length) parts.push(`removed: ${r.removed.join(', ')}`);
  if (r.problems.length) parts.push(opts.problems === false ? `${r.problems.length} problem(s)` : `problems: ${r.problems.map(formatProblem).join('; ')}`);
  return parts.join('; ');
}
