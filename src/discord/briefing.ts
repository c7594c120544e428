import { Routes, type REST } from 'discord.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { KnowledgeService } from '../knowledge/service.ts';
import { brief } from '../answers/brief.ts';
import { briefPayload } from '../render/discord.ts';
import { logger } from '../log.ts';
import { PROJECT_ROOT } from '../paths.ts';

/** Where a knowledge directory's briefing state lives by default: in the checkout's .cache/. */
export function defaultBriefingStateFile(knowledgeDir: string): string {
  return path.join(PROJECT_ROOT, '.cache', `briefing-state-${Buffer.from(knowledgeDir).toString('base64url').slice(-40)}.json`);
}

/** Articles already briefed, so a scheduled briefing posts only what is new. */
export class BriefingState {
  private ids: Set<string> | null = null;
  constructor(private readonly file: string) {}

  load(): Set<string> | null {
    if (this.ids) return this.ids;
    try {
      this.ids = new Set(JSON.parse(readFileSync(this.file, 'utf8')).briefed as string[]);
    } catch {
      this.ids = null;
    }
    return this.ids;
  }

  save(ids: Set<string>): void {
    this.ids = ids;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ briefed: [...ids].sort() }, null, 1));
    } catch (error) {
      logger.warn('could not save the briefing state; new articles may be briefed twice after a restart', { file: this.file, error });
    }
  }
}

/** The same briefing (channel and articles) gets the same nonce, so every retry of it is one message. Discord allows 25 characters. */
export function briefingNonce(channelId: string, ids: string[]): string {
  return createHash('sha256').update(`${channelId}\n${[...ids].sort().join('\n')}`).digest('base64url').slice(0, 25);
}

export interface Briefer {
  /** Posts a briefing of what is new since the last one; says what it did. */
  post(): Promise<string>;
  /** Whether the state is still unseeded (nothing was ever briefed from this directory). */
  readonly firstRun: boolean;
}

/** Briefings of one knowledge directory to one channel, through a REST client that holds the bot token. */
export function briefer(opts: { rest: REST; channelId: string; knowledge: KnowledgeService; stateFile: string }): Briefer {
  const state = new BriefingState(opts.stateFile);
  return {
    get firstRun() {
      return !state.load();
    },
    async post(): Promise<string> {
      const kb = opts.knowledge.current ?? (await opts.knowledge.ready);
      let briefed = state.load();
      if (!briefed) {
        // First run: what is already there counts as known; briefings cover what arrives from now on.
        state.save(new Set(kb.articles.map((a) => a.id)));
        logger.info('briefing: first run, current articles marked as known', { articles: kb.articles.length });
        return 'nothing new';
      }
      const fresh = kb.articles.filter((a) => !briefed!.has(a.id)).map((a) => a.id);
      if (fresh.length === 0) {
        logger.info('briefing: nothing new, nothing posted');
        return 'nothing new';
      }
      const payload = briefPayload(brief(kb, '', { ids: fresh }));
      // A retry after a lost answer (a 500 once Discord had posted it, a timeout) must not post it twice:
      // with the same nonce and enforce_nonce, Discord returns the message it already made.
      await opts.rest.post(Routes.channelMessages(opts.channelId), { body: { ...payload, nonce: briefingNonce(opts.channelId, fresh), enforce_nonce: true } });
      state.save(new Set([...briefed, ...fresh]));
      logger.info('briefing posted', { channel: opts.channelId, articles: fresh });
      return `posted a briefing of ${fresh.length} new article(s)`;
    },
  };
}
