import { Routes, type REST } from 'discord.js';
import { mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { KnowledgeService } from '../knowledge/service.ts';
import { brief } from '../answers/brief.ts';
import { briefPayload } from '../render/discord.ts';
import { logger } from '../log.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { Scheduler, systemClock, type Clock, type Schedule } from '../schedule.ts';

/**
 * Where a knowledge directory's briefing state lives by default: beside the knowledge cache
 * (KEYSTONE_CACHE_DIR, else .cache/ in the checkout), so replicas that share the cache share it.
 */
export function defaultBriefingStateFile(knowledgeDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const setting = (env.KEYSTONE_CACHE_DIR ?? '').trim();
  const dir = setting && setting !== 'off' ? setting : path.join(PROJECT_ROOT, '.cache');
  return path.join(dir, `briefing-state-${Buffer.from(knowledgeDir).toString('base64url').slice(-40)}.json`);
}

/** Articles already briefed, so a scheduled briefing posts only what is new. Read afresh each time: another replica may have posted. */
export class BriefingState {
  constructor(private readonly file: string) {}

  load(): Set<string> | null {
    try {
      return new Set(JSON.parse(readFileSync(this.file, 'utf8')).briefed as string[]);
    } catch {
      return null;
    }
  }

  save(ids: Set<string>): void {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ briefed: [...ids].sort() }, null, 1));
    } catch (error) {
      logger.warn('could not save the briefing state; new articles may be briefed twice after a restart', { file: this.file, error });
    }
  }

  /**
   * Claims the briefing of one scheduled time for this process: the first process to create the
   * claim file posts it, the others do not (replicas sharing the state directory post it once).
   * Claims older than a week are swept.
   */
  claim(at: Date): boolean {
    const dir = path.dirname(this.file);
    const prefix = `${path.basename(this.file)}.`;
    const claim = path.join(dir, `${prefix}${at.getTime()}.claim`);
    try {
      mkdirSync(dir, { recursive: true });
      closeSync(openSync(claim, 'wx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      logger.warn('could not claim the briefing; posting it anyway', { file: claim, error });
      return true;
    }
    try {
      const weekAgo = at.getTime() - 7 * 86_400_000;
      for (const f of readdirSync(dir)) {
        const t = f.startsWith(prefix) && f.endsWith('.claim') ? Number(f.slice(prefix.length, -'.claim'.length)) : NaN;
        if (t < weekAgo) rmSync(path.join(dir, f), { force: true });
      }
    } catch {
      // Sweeping is tidiness only.
    }
    return true;
  }
}

/** The same briefing (channel and articles) gets the same nonce, so every retry of it is one message. Discord allows 25 characters. */
export function briefingNonce(channelId: string, ids: string[]): string {
  return createHash('sha256').update(`${channelId}\n${[...ids].sort().join('\n')}`).digest('base64url').slice(0, 25);
}

export interface Briefer {
  /**
   * Posts a briefing of what is new since the last one; says what it did. `at`, the scheduled time
   * it is for, makes it post at most once for that time across processes sharing the state.
   */
  post(at?: Date): Promise<string>;
  /** Whether the state is still unseeded (nothing was ever briefed from this directory). */
  readonly firstRun: boolean;
}

/** Briefings of one knowledge directory to one channel, through a REST client that holds the bot token. */
export function briefer(opts: { rest: REST; channelId: string; knowledge: KnowledgeService; stateFile: string; note?: () => string | null }): Briefer {
  const state = new BriefingState(opts.stateFile);
  return {
    get firstRun() {
      return !state.load();
    },
    async post(at?: Date): Promise<string> {
      const kb = opts.knowledge.current ?? (await opts.knowledge.ready);
      if (at && !state.claim(at)) {
        logger.info('briefing: another process posts this one', { at: at.toISOString() });
        return 'another process posts this briefing';
      }
      const briefed = state.load();
      if (!briefed) {
        // First run: what is already there counts as known; briefings cover what arrives from now on.
        state.save(new Set(kb.articles.map((a) => a.id)));
        logger.info('briefing: first run, current articles marked as known', { articles: kb.articles.length });
        return 'nothing new';
      }
      const fresh = kb.articles.filter((a) => !briefed.has(a.id)).map((a) => a.id);
      if (fresh.length === 0) {
        logger.info('briefing: nothing new, nothing posted');
        return 'nothing new';
      }
      const payload = briefPayload(brief(kb, '', { ids: fresh }));
      // A line above the briefing (what the news feeds brought), asked for only when one is posted.
      const note = opts.note?.();
      if (note) payload.content = note;
      // A retry after a lost answer (a 500 once Discord had posted it, a timeout) must not post it twice:
      // with the same nonce and enforce_nonce, Discord returns the message it already made.
      await opts.rest.post(Routes.channelMessages(opts.channelId), { body: { ...payload, nonce: briefingNonce(opts.channelId, fresh), enforce_nonce: true } });
      state.save(new Set([...briefed, ...fresh]));
      logger.info('briefing posted', { channel: opts.channelId, articles: fresh });
      return `posted a briefing of ${fresh.length} new article(s)`;
    },
  };
}

/** Posts the briefing at each time of the schedule; a failed run is logged and the next one still comes. */
export function scheduleBriefings(schedule: Schedule | null, b: Pick<Briefer, 'post'> | null, clock: Clock = systemClock): Scheduler | null {
  if (!schedule || !b) return null;
  return new Scheduler(schedule, async (at) => {
    try {
      await b.post(at);
    } catch (error) {
      logger.error('scheduled briefing failed', { error });
    }
  }, clock);
}
