import { main } from '../../src/cli.ts';

/**
 * Runs the keystone command in this process (no child to start: the same code, far cheaper),
 * with the given environment for the call and `answers` as the replies to its questions.
 */
export async function keystoneHere(args: string[], opts: { env?: Record<string, string>; answers?: string[] } = {}): Promise<{ code: number; out: string; err: string }> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  const out: string[] = [];
  const err: string[] = [];
  const answers = [...(opts.answers ?? [])];
  try {
    const code = await main(args, {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      ask: async (q) => {
        err.push(q);
        return answers.shift() ?? null;
      },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
