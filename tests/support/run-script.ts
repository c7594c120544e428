import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers.ts';

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/**
 * Runs a script of the checkout (src/main.ts, src/discord/register-cli.ts…) through tsx in a child
 * process, without blocking this one: the loopback Discord in the test process must answer it.
 * With `during`, the child is stopped with SIGTERM once `during` is done (it sees the output so far).
 */
export function runScript(script: string, env: NodeJS.ProcessEnv, during?: (out: () => string) => Promise<void>): Promise<{ code: number | null; out: string; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let out = '';
    child.stdout.on('data', (d) => ((stdout += d), (out += d)));
    child.stderr.on('data', (d) => ((stderr += d), (out += d)));
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(kill);
      resolve({ code, out, stdout, stderr });
    });
    if (during) void during(() => out).finally(() => child.kill('SIGTERM'));
  });
}
