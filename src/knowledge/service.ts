import { watch, type FSWatcher } from 'node:fs';
import { EventEmitter } from 'node:events';
import { KnowledgeBase } from './base.ts';
import { loadKnowledge } from './load.ts';
import { formatProblem, type Article, type LoadProblem } from './types.ts';

export interface ReloadReport {
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
}

/**
 * The knowledge base a running bot serves: loaded once, reloaded when files change (debounced) or
 * on request. Queries always see a whole base, old or new, never one half built. A file that
 * breaks keeps its last good version serving; a new bad file is reported and left out.
 */
export class KnowledgeService extends EventEmitter {
  private kb: KnowledgeBase | null = null;
  private readonly lastGood = new Map<string, Article>();
  /** When each article was first loaded: what a briefing calls "new". */
  readonly firstSeen = new Map<string, Date>();
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReloadReport> | null = null;
  private again = false;
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
    const loaded = await loadKnowledge(this.dir);
    const articles = [...loaded.articles];
    const problems = [...loaded.problems];
    const ids = new Set(articles.map((a) => a.id));
    for (const p of loaded.problems) {
      const keep = this.lastGood.get(p.file);
      if (p.severity === 'error' && keep && !ids.has(keep.id)) {
        articles.push(keep);
        ids.add(keep.id);
        p.message += ' (serving its last good version until it is fixed)';
      }
    }
    for (const a of loaded.articles) this.lastGood.set(a.file, a);
    const before = new Set(this.kb?.articles.map((a) => a.id) ?? []);
    const kb = await (this.opts.build ?? ((a, p) => new KnowledgeBase(a, p)))(articles, problems);
    const now = new Date();
    for (const a of kb.articles) if (!this.firstSeen.has(a.id)) this.firstSeen.set(a.id, now);
    this.kb = kb;
    this.resolveReady(kb);
    const report: ReloadReport = {
      articles: kb.articles.length,
      paragraphs: kb.paragraphs.length,
      people: kb.people.length,
      added: kb.articles.filter((a) => !before.has(a.id)).map((a) => a.id),
      removed: [...before].filter((id) => !ids.has(id)),
      problems,
      ms: Math.round(performance.now() - t0),
    };
    this.emit('reload', report);
    return report;
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
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export function describeReload(r: ReloadReport): string {
  const parts = [`${r.articles} article(s), ${r.paragraphs} paragraphs, ${r.people} people in ${r.ms} ms`];
  if (r.added.length) parts.push(`added: ${r.added.join(', ')}`);
  if (r.removed.length) parts.push(`removed: ${r.removed.join(', ')}`);
  if (r.problems.length) parts.push(`problems: ${r.problems.map(formatProblem).join('; ')}`);
  return parts.join('; ');
}
