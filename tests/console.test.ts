import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './helpers.ts';

/** Runs `npm start`'s entry point with no token, types lines at it, and collects what it prints. */
function session(lines: string[], endInput = true): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DISCORD_TOKEN;
    env.KNOWLEDGE_DIR = '';
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ out, code }));
    for (const l of lines) child.stdin.write(`${l}\n`);
    if (endInput) child.stdin.end();
    setTimeout(() => child.kill('SIGKILL'), 50_000);
  });
}

describe('local console (npm start without a token)', () => {
  it('says it is answering locally, answers every command, and leaves on Ctrl-D', async () => {
    const { out, code } = await session(['/who Witkoff', '/quote Dmitriev', '/events airstrikes', '/ask How long did the talks last?', '/sources', '/help', 'nonsense']);
    expect(code).toBe(0);
    expect(out).toMatch(/No DISCORD_TOKEN is set/);
    expect(out).toMatch(/Connecting to Discord/);
    expect(out).toMatch(/Steve Witkoff — US special envoy/);
    expect(out).toMatch(/“Thank you, Miami\. Next time: Moscow\.”/);
    expect(out).toMatch(/attack/);
    expect(out).toMatch(/Recent three-day negotiations/);
    expect(out).toMatch(/15 paragraphs/);
    expect(out).toMatch(/\/who \[name or role\]/);
    expect(out).toMatch(/Unknown command “nonsense”/);
    expect(out).toMatch(/¶2/); // citations included
  });

  it('leaves cleanly on /exit even with input still open', async () => {
    const { out, code } = await session(['/who Hardt', '/exit'], false);
    expect(code).toBe(0);
    expect(out).toMatch(/Jürgen Hardt/);
    expect(out).toMatch(/Bye\./);
  });
});
