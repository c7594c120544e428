import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers.ts';

const BIN = path.join(ROOT, 'bin', 'keystone.js');

/**
 * Runs the keystone command in a child process without blocking this one, so a loopback server
 * in the test process can answer it. `input` is written to its stdin, which is then closed.
 */
export function keystone(args: string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, KNOWLEDGE_DIR: '', ...opts.env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
    child.stdin.end(opts.input ?? '');
  });
}
