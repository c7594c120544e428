import { Cron } from 'croner';

/** When briefings go out: a daily time in a time zone, or a cron expression. */
export interface Schedule {
  text: string;
  /** The first run strictly after `from`. */
  next(from: Date): Date | null;
}

/** "08:00", "08:00 Europe/Berlin", or five-field cron ("0 8 * * 1-5", optionally followed by a zone). */
export function parseSchedule(text: string): Schedule {
  const t = text.trim();
  let pattern: string;
  let zone: string | undefined;
  const daily = /^(\d{1,2}):(\d{2})(?:\s+(\S+))?$/.exec(t);
  if (daily) {
    const h = Number(daily[1]);
    const m = Number(daily[2]);
    if (h > 23 || m > 59) throw new Error(`has no such time of day: "${t}" (use 00:00–23:59)`);
    pattern = `${m} ${h} * * *`;
    zone = daily[3];
  } else {
    const parts = t.split(/\s+/);
    if (parts.length === 6 && /[A-Za-z_]+\/[A-Za-z_]+|^UTC$/.test(parts[5])) {
      zone = parts.pop();
    }
    if (parts.length !== 5) throw new Error(`must be a daily time like "08:00 Europe/Berlin" or a five-field cron expression; got "${t}"`);
    pattern = parts.join(' ');
  }
  let cron: Cron;
  try {
    cron = new Cron(pattern, { timezone: zone ?? 'UTC', paused: true });
    cron.nextRun(new Date());
  } catch (e) {
    throw new Error(`is not a valid schedule ("${t}"): ${(e as Error).message}`);
  }
  return { text: `${t}${zone ? '' : ' (UTC)'}`, next: (from) => cron.nextRun(from) };
}

/** Time as the scheduler sees it: real in production, driven by hand in tests. */
export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => {
    const h = setTimeout(fn, ms);
    h.unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Runs `job` at every time of the schedule. Long waits are taken in steps so clock changes are noticed. */
export class Scheduler {
  private handle: unknown = null;
  private stopped = false;
  private nextAt: Date | null = null;

  /** `job` is told which scheduled time it runs for (replicas use it to agree that one of them posts). */
  constructor(private readonly schedule: Schedule, private readonly job: (at: Date) => Promise<void>, private readonly clock: Clock = systemClock) {}

  start(): void {
    this.stopped = false;
    this.nextAt = this.schedule.next(this.clock.now());
    this.arm();
  }

  get next(): Date | null {
    return this.nextAt;
  }

  private arm(): void {
    if (this.stopped || !this.nextAt) return;
    const wait = Math.max(0, Math.min(this.nextAt.getTime() - this.clock.now().getTime(), 60_000));
    this.handle = this.clock.setTimeout(() => void this.tick(), wait);
  }

  private async tick(): Promise<void> {
    if (this.stopped || !this.nextAt) return;
    if (this.clock.now().getTime() >= this.nextAt.getTime()) {
      const at = this.nextAt;
      this.nextAt = this.schedule.next(this.clock.now());
      try {
        await this.job(at);
      } catch {
        // The job reports its own failures; a bad run must not stop the next one.
      }
    }
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle != null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }
}
