/**
 * npm run bench:load [-- --sizes 10000,100000 --duration 20 --connections 50 --workers 1,2 --quiet-wait 600 --no-gateway --no-http]
 *
 * Load on the two transports, each serving in its own process as in production:
 * - the HTTP endpoint (`keystone serve`) on 127.0.0.1, driven by autocannon with signed /ask
 *   requests (a real Ed25519 key made here), N connections for D seconds: requests a second,
 *   p50/p99 latency, errors, answers deferred, the server's peak memory (VmHWM), with one worker
 *   and with `--workers 2` (one process per core, one port);
 * - the gateway bot (`npm start`) against the loopback Discord in this process: interactions
 *   dispatched at 100 a second (p50/p99 from dispatch to the answer's arrival), then with 50 in
 *   flight at all times (interactions answered a second).
 * Each HTTP run also says what one request cost in CPU, the server's (all its processes) and the load
 * generator's: a figure other work on a shared machine disturbs far less than requests a second.
 * Each server starts from the knowledge cache, as a restart would. Each window waits for the rest of
 * the machine to be idle first (--quiet-wait S, default 600) and reports the CPU others took during it.
 * Writes bench/out/load.json.
 * Not a test: CI does not run it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { generateCorpus, type Corpus } from './lib/synthetic.ts';
import { queriesFor } from './lib/queries.ts';
import { pct } from './lib/timing.ts';
import { APP_ID, FakeDiscord, GUILD_ID, TOKEN, USER } from '../tests/support/fake-discord.ts';
import { signatureHeaders, signingKeys, type SigningKeys } from '../tests/support/signed-http.ts';
import { arg, flag } from './lib/args.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
// node itself with tsx's loader (not the tsx command, which would put a second process between): signals and memory are the server's.
const TSX = ['--import', 'tsx'];
const SIZES = arg('sizes', '10000,100000').split(',').map(Number);
const DURATION = Number(arg('duration', '20'));
const CONNECTIONS = Number(arg('connections', '50'));
const GATEWAY = !flag('no-gateway');
// --no-http: the gateway alone (to measure it again in a quieter minute).
const WORKERS = flag('no-http') ? [] : arg('workers', '1,2').split(',').map(Number);
const QUIET_WAIT_S = Number(arg('quiet-wait', '600'));
const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A serving child process, with its output kept for readiness checks. */
function child(argv: string[], env: Record<string, string>): { proc: ChildProcess; out: () => string } {
  let out = '';
  const proc = spawn(process.execPath, [...TSX, ...argv], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Keep the tail only: a line per interaction adds up over a run.
  const keep = (d: Buffer) => (out = (out + d).slice(-200_000));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  return { proc, out: () => out };
}

async function until(probe: () => unknown, what: string, ms = 600_000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * CPU time (ms) the whole machine has spent running processes, all cores, plus what the host stole
 * (Linux /proc/stat: user, nice, system, steal; ticks are 10 ms). Interrupt time is left out: the
 * loopback traffic of the benchmark itself is counted there and no process is charged for it.
 */
function machineBusyMs(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (f[0] + f[1] + f[2] + f[7]) * 10;
}

/** CPU time (ms) of a process and its children (workers) so far. */
function treeCpuMs(pid: number): number {
  const one = (p: number) => {
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return one(pid) + children.reduce((a, c) => a + one(c), 0);
}

/**
 * On a shared machine, waits (at most --quiet-wait seconds) until the rest of it has been idle for
 * two seconds, so a window starts when nothing else runs; what others still take during it is reported.
 */
async function quiet(): Promise<void> {
  const end = Date.now() + QUIET_WAIT_S * 1000;
  while (Date.now() < end) {
    const b0 = machineBusyMs();
    const own0 = process.cpuUsage();
    await sleep(2_000);
    const own = process.cpuUsage(own0);
    // Our server is idle between windows: what is busy is someone else (10 % of one core or less counts as quiet).
    if (machineBusyMs() - b0 - (own.user + own.system) / 1000 < 200) return;
  }
  console.log('  (the machine did not become quiet; measuring anyway)');
}

/**
 * Times a measured window, and how much CPU the rest of the machine took meanwhile (other people's
 * work on a shared machine): busy time of all cores minus this process's and the server's.
 */
async function measured<T>(serverPid: number, run: () => Promise<T>): Promise<{ result: T; othersCpuPct: number; serverCpuMs: number; selfCpuMs: number }> {
  await quiet();
  const t0 = performance.now();
  const [m0, s0, b0] = [machineBusyMs(), treeCpuMs(serverPid), process.cpuUsage()];
  const result = await run();
  const wall = performance.now() - t0;
  const self = process.cpuUsage(b0);
  const selfCpuMs = (self.user + self.system) / 1000;
  const serverCpuMs = treeCpuMs(serverPid) - s0;
  const others = machineBusyMs() - m0 - serverCpuMs - selfCpuMs;
  return { result, othersCpuPct: Math.max(0, (100 * others) / wall), serverCpuMs, selfCpuMs };
}

/** Peak resident memory so far of a process and its children (workers), MB each (Linux). */
function peakRssMB(pid: number): number[] {
  const one = (p: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [one(pid), ...children.map(one)];
}

async function stopChild(p: ChildProcess): Promise<void> {
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  p.kill('SIGKILL');
}

/** Signed /ask bodies, made before the run so the load generator only sends. */
function signedAsks(keys: SigningKeys, questions: string[], n: number) {
  return Array.from({ length: n }, (_, k) => {
    const body = JSON.stringify({
      id: String(1600000000000000000n + BigInt(k)), application_id: APP_ID, token: `load-${k}`, type: 2, version: 1, guild_id: GUILD_ID,
      member: { user: USER, permissions: '2147483647' },
      data: { id: '1', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: questions[k % questions.length] }] },
    });
    return { body, headers: { 'content-type': 'application/json', ...signatureHeaders(keys, body) } };
  });
}

async function httpLoad(corpus: Corpus, cacheDir: string, fake: FakeDiscord, workers: number) {
  const keys = signingKeys();
  const server = child(['src/cli.ts', 'serve', '--port', '0', '--workers', String(workers)], { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: corpus.dir, KEYSTONE_CACHE_DIR: cacheDir, HOST: '127.0.0.1' });
  try {
    await until(() => /"url":"http:\/\/127\.0\.0\.1:\d+\/interactions"/.test(server.out()) && server.out().split('"msg":"knowledge loaded"').length - 1 >= workers, 'the HTTP endpoint');
    if (!server.out().includes('(from the cache)')) console.log('  (the endpoint did not start from the cache)');
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/interactions"/.exec(server.out())![1];
    const questions = queriesFor(corpus).filter((q) => q.command === 'ask').map((q) => q.q);
    const pool = signedAsks(keys, questions, 4000);
    const run = async (seconds: number) => {
      let k = 0;
      let inline = 0;
      let deferred = 0;
      const result = await autocannon({
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{
          method: 'POST',
          path: '/interactions',
          setupRequest: (req) => {
            const b = pool[k++ % pool.length];
            return { ...req, body: b.body, headers: b.headers };
          },
          onResponse: (status, body) => {
            if (status !== 200) return;
            if (body.startsWith('{"type":4')) inline++;
            else if (body.startsWith('{"type":5')) deferred++;
          },
        }],
      });
      return { result, inline, deferred };
    };
    await run(3); // warm-up: JIT, connections
    const { result: { result: r, inline, deferred }, othersCpuPct, serverCpuMs, selfCpuMs } = await measured(server.proc.pid!, () => run(DURATION));
    const errors = r.errors + r.timeouts + r.non2xx;
    return {
      requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max,
      total: r.requests.total, answeredInline: inline, deferred, errors, non2xx: r.non2xx, timeouts: r.timeouts,
      workers,
      othersCpuPct,
      // What a request costs, whatever else the machine runs: capacity is about cores / (server + load generator).
      serverCpuMsPerRequest: serverCpuMs / r.requests.total,
      loadGeneratorCpuMsPerRequest: selfCpuMs / r.requests.total,
      peakRssMB: peakRssMB(server.proc.pid!),
    };
  } finally {
    await stopChild(server.proc);
  }
}

async function gatewayLoad(corpus: Corpus, cacheDir: string) {
  const fake = await new FakeDiscord().start();
  const bot = child(['src/main.ts'], { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: corpus.dir, KEYSTONE_CACHE_DIR: cacheDir, KEYSTONE_SHARDS: '' });
  try {
    await until(() => bot.out().includes('"msg":"ready"') && bot.out().includes('knowledge loaded'), 'the gateway bot');
    const names = corpus.people.slice(0, 100).map((p) => p.last);
    const questions = queriesFor(corpus).filter((q) => q.command === 'ask').map((q) => q.q);
    let k = 0;
    const next = () => {
      const i = k++;
      switch (i % 4) {
        case 0: return fake.slash('who', { person: names[i % names.length] });
        case 1: return fake.slash('quote', { speaker: names[i % names.length] });
        case 2: return fake.slash('events', { topic: 'drones' });
        default: return fake.slash('ask', { question: questions[i % questions.length] });
      }
    };
    // Every first response, as the loopback Discord receives it (it times each from dispatch).
    const waiting = new Map<string, () => void>();
    fake.on('request', (r: { path: string }) => {
      const id = /^\/interactions\/(\d+)\//.exec(r.path)?.[1];
      if (id) waiting.get(id)?.();
    });
    const answered = (id: string) => new Promise<void>((res) => waiting.set(id, res));
    const latencyOf = (ids: Set<string>) => fake.callbacks.filter((c) => ids.has(c.interactionId)).map((c) => c.latency);

    for (let i = 0; i < 300; i++) await answered(next()); // warm-up
    // Paced: 100 a second, the burst the issue names, for the duration.
    const paced = new Set<string>();
    const { othersCpuPct: pacedOthers } = await measured(bot.proc.pid!, async () => {
      const t0 = performance.now();
      const pending: Promise<void>[] = [];
      for (let i = 0; i < DURATION * 100; i++) {
        const wait = t0 + i * 10 - performance.now();
        if (wait > 1) await sleep(wait);
        const id = next();
        paced.add(id);
        pending.push(answered(id));
      }
      await Promise.all(pending);
    });
    const pacedLat = latencyOf(paced);
    // Saturated: 50 in flight at all times.
    const saturated = new Set<string>();
    const { othersCpuPct: satOthers } = await measured(bot.proc.pid!, async () => {
      const end = performance.now() + DURATION * 1000;
      await Promise.all(Array.from({ length: 50 }, async () => {
        while (performance.now() < end) {
          const id = next();
          saturated.add(id);
          await answered(id);
        }
      }));
    });
    const satLat = latencyOf(saturated);
    const callbacks = fake.callbacks.filter((c) => paced.has(c.interactionId) || saturated.has(c.interactionId));
    return {
      paced: { rate: 100, interactions: paced.size, p50: pct(pacedLat, 0.5), p99: pct(pacedLat, 0.99), max: Math.max(...pacedLat), othersCpuPct: pacedOthers },
      saturated: { inFlight: 50, perSecond: saturated.size / DURATION, p50: pct(satLat, 0.5), p99: pct(satLat, 0.99), othersCpuPct: satOthers },
      deferred: callbacks.filter((c) => c.type !== 4).length,
      violations: fake.violations.length,
      peakRssMB: peakRssMB(bot.proc.pid!)[0],
    };
  } finally {
    await stopChild(bot.proc);
    await fake.stop();
  }
}

mkdirSync(OUT, { recursive: true });
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
console.log(`Keystone load benchmark · ${machine.cpus} cores (${machine.cpu}) · Node ${machine.node} · ${CONNECTIONS} connections × ${DURATION} s`);
const results: Record<string, unknown>[] = [];
const fake = await new FakeDiscord().start();
for (const size of SIZES) {
  const corpus = generateCorpus(path.join(OUT, `load-kb-${size}`), size);
  // Same seed, same bytes: a fixed modification time keeps the cache of an earlier run valid.
  for (const file of readdirSync(corpus.dir)) utimesSync(path.join(corpus.dir, file), FIXED_MTIME, FIXED_MTIME);
  const cacheDir = path.join(OUT, `load-cache-${size}`);
  // Build the cache once (the CLI writes it), so both servers start as a restart would.
  execFileSync(process.execPath, [...TSX, 'src/cli.ts', 'sources', '--knowledge', corpus.dir, '--limit', '1'], { cwd: ROOT, env: { ...process.env, KEYSTONE_CACHE_DIR: cacheDir }, stdio: 'ignore' });
  console.log(`\n== ${size} paragraphs`);
  const http = [];
  for (const workers of WORKERS) {
    const h = await httpLoad(corpus, cacheDir, fake, workers);
    http.push(h);
    console.log(`HTTP endpoint, ${workers} worker(s), signed /ask: ${f(h.requestsPerSecond)} requests/s, p50 ${f(h.p50)} ms, p99 ${f(h.p99)} ms (max ${f(h.max)}), ${h.total} requests, ${h.errors} errors, ${h.deferred} deferred; peak RSS ${h.peakRssMB.map(f).join(' + ')} MB; CPU a request: server ${h.serverCpuMsPerRequest.toFixed(2)} ms, autocannon ${h.loadGeneratorCpuMsPerRequest.toFixed(2)} ms; other work on the machine meanwhile ${f(h.othersCpuPct)}% of a core`);
  }
  const gateway = GATEWAY ? await gatewayLoad(corpus, cacheDir) : null;
  if (gateway) {
    console.log(`gateway, 100 interactions/s: p50 ${f(gateway.paced.p50)} ms, p99 ${f(gateway.paced.p99)} ms (max ${f(gateway.paced.max)}) over ${gateway.paced.interactions}, dispatch to answer; other work ${f(gateway.paced.othersCpuPct)}% of a core`);
    console.log(`gateway, 50 in flight: ${f(gateway.saturated.perSecond)} interactions answered/s, p50 ${f(gateway.saturated.p50)} ms, p99 ${f(gateway.saturated.p99)} ms; ${gateway.deferred} deferred, ${gateway.violations} limit violations; bot peak RSS ${f(gateway.peakRssMB)} MB; other work ${f(gateway.saturated.othersCpuPct)}% of a core`);
  }
  results.push({ size, http, gateway });
}
await fake.stop();
const full = SIZES.join(',') === '10000,100000' && DURATION === 20 && CONNECTIONS === 50 && WORKERS.join(',') === '1,2' && GATEWAY;
const name = full ? 'load.json' : `load-${SIZES.join('-')}-${CONNECTIONS}x${DURATION}.json`;
writeFileSync(path.join(OUT, name), JSON.stringify({ machine, duration: DURATION, connections: CONNECTIONS, results }, null, 2));
console.log(`\nwrote ${path.relative(ROOT, path.join(OUT, name))}`);
process.exit(0);
