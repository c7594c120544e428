import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBot, type BotHandle, type BotOptions } from '../../src/discord/bot.ts';
import { setLogSink } from '../../src/log.ts';
import { APP_ID, FakeDiscord, TOKEN } from './fake-discord.ts';
import { KNOWLEDGE } from '../helpers.ts';
import type { Clock } from '../../src/schedule.ts';

export const logLines: string[] = [];
setLogSink((l) => {
  logLines.push(l);
  if (process.env.KEYSTONE_TEST_LOG) process.stderr.write(`${l}\n`);
});

export function copyKnowledge(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-kb-'));
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return dir;
}

export async function botAgainst(fake: FakeDiscord, env: Record<string, string> = {}, opts: BotOptions = {}): Promise<BotHandle> {
  return startBot({
    env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: KNOWLEDGE, LOG_LEVEL: 'debug', ...env },
    stateFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'keystone-state-')), 'state.json'),
    ...opts,
  });
}

/** A clock the test moves by hand; timers fire in order as it passes them. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  /** Moves time forward, running every timer due on the way (and those they set). */
  async advanceTo(when: Date): Promise<void> {
    const end = when.getTime();
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
      await new Promise((r) => setTimeout(r, 5));
    }
    this.t = end;
  }
}
