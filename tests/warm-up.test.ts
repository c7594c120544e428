import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeService } from '../src/knowledge/service.ts';
import { runInBackground, type Steps } from '../src/steps.ts';
import { MODEL_FILE, parseModel, parseModelSteps } from '../src/extract/ner/tagger.ts';
import { warmUpSample } from '../src/knowledge/warm-up.ts';
import { findTimes, mayHoldDate, warmDateReader } from '../src/extract/dates.ts';
import { generateCorpus } from '../bench/lib/synthetic.ts';
import { readFileSync } from 'node:fs';
import { ROOT } from './helpers.ts';

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function* busySteps(n: number, ms: number, ran: { steps: number }): Steps<void> {
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    while (performance.now() - t0 < ms);
    ran.steps++;
    yield;
  }
}

describe('work in the background', () => {
  it('runs in slices with turns of the event loop between them, and ends', async () => {
    const ran = { steps: 0 };
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const bg = runInBackground(busySteps(40, 1, ran), 5);
    expect(ran.steps).toBe(0); // nothing runs before the caller's turn is over
    expect(await bg.done).toEqual({ finished: true });
    ticking = false;
    expect(ran.steps).toBe(40);
    // 40 ms of work in slices of ~5 ms: the loop turned between them.
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('runs while the loop otherwise only waits, as in an idle bot (in a fresh process: the test runner keeps waking this one)', () => {
    const out = execFileSync(process.execPath, [TSX, 'tests/support/idle-background-child.ts'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(out).toBe('finished');
  });

  it('stops between slices when told to', async () => {
    const ran = { steps: 0 };
    const bg = runInBackground(busySteps(1000, 1, ran), 2);
    await new Promise((r) => setImmediate(r));
    bg.stop();
    expect(await bg.done).toEqual({ finished: false });
    expect(ran.steps).toBeLessThan(1000);
  });

  it('ends at an error of the steps, and says which', async () => {
    function* failing(): Steps<void> {
      yield;
      throw new Error('broken');
    }
    const how = await runInBackground(failing()).done;
    expect(how.finished).toBe(false);
    expect((how.error as Error).message).toBe('broken');
  });
});

describe('the name model read in steps', () => {
  it('is the model read at once', () => {
    const text = readFileSync(MODEL_FILE, 'utf8');
    const steps = parseModelSteps(text);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    const whole = parseModel(text);
    expect(yields).toBeGreaterThan(5);
    expect([...r.value.trans]).toEqual([...whole.trans]);
    expect(r.value.weights.size).toBe(whole.weights.size);
    for (const [f, w] of whole.weights) expect([...r.value.weights.get(f)!]).toEqual([...w]);
  });
});

describe("chrono's patterns compiled ahead of need", () => {
  it('is done a parser at a time and changes no reading', () => {
    const text = 'The envoys met on Friday, Dec. 5, and will meet again next week.';
    const before = findTimes(text, '2025-12-06');
    let steps = 0;
    for (const _ of warmDateReader(text)) steps++;
    expect(steps).toBeGreaterThanOrEqual(20);
    expect(findTimes(text, '2025-12-06')).toEqual(before);
  });
});

describe('the warm-up after a start from the cache', () => {
  it("takes the first article's paragraphs, with a date and a quotation among them", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-warm-sample-'));
    generateCorpus(dir, 100, 3);
    const svc = new KnowledgeService(dir, { cacheFile: null });
    return svc.reload().then(() => {
      const sample = warmUpSample(svc.current!.articles)!;
      expect(sample.paragraphs.length).toBeGreaterThanOrEqual(svc.current!.articles[0].paragraphs.length);
      expect(sample.paragraphs.some((p) => mayHoldDate(p.text))).toBe(true);
      expect(sample.paragraphs.map((p) => p.n)).toEqual(sample.paragraphs.map((_, i) => i + 1));
      expect(sample.paragraphs.some((p) => p.text.includes('“'))).toBe(true);
      expect(warmUpSample([])).toBeNull();
    });
  });

  // A fresh process, as a bot restarting: this one has extracted already, so its models are loaded.
  const child = (dir: string, cacheFile: string, mode: 'warm' | 'cold') =>
    JSON.parse(execFileSync(process.execPath, [TSX, 'tests/support/warm-up-child.ts', dir, cacheFile, mode], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!);

  it('loads the models after the base serves, between turns of the event loop, and not without being asked', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keystone-warm-kb-'));
    const cacheFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'keystone-warm-cache-')), 'knowledge-0123456789abcdef.v8');
    generateCorpus(dir, 100, 5);
    const svc = new KnowledgeService(dir, { cacheFile });
    await svc.reload();
    await svc.saveNow();
    svc.close();

    const warm = child(dir, cacheFile, 'warm');
    expect(warm.mode).toBe('cache');
    expect(warm.loadedAtReady).toBe(false); // ready did not wait for the models
    expect(warm.warmed).toMatchObject({ done: true });
    expect(warm.warmed.error).toBeUndefined();
    expect(warm.loadedAfter).toBe(true);
    expect(warm.turns).toBeGreaterThanOrEqual(10); // it left the loop free between its slices
    expect(warm.addedMode).toBe('added');

    const cold = child(dir, cacheFile, 'cold');
    expect(cold.mode).toBe('cache');
    expect(cold.warmed).toBeNull();
    expect(cold.loadedAfter).toBe(false);
  }, 60_000);
});
