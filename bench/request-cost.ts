/**
 * npx tsx bench/request-cost.ts [paragraphs, default 10000]
 *
 * What one signed /ask costs the HTTP endpoint, stage by stage, in CPU time (process.cpuUsage, so a
 * busy shared machine disturbs it less than wall time): the Ed25519 check, JSON parse and the shape
 * check, the handler (answer, render, log line), and the response's JSON; then the answer alone.
 * In one process, without sockets: Node's HTTP work comes on top. Uses bench:load's corpus and cache.
 */
import { readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './lib/synthetic.ts';
import { queriesFor } from './lib/queries.ts';
import { knowledgeService } from '../src/knowledge/open.ts';
import { ANSWER_DERIVED, runCommand } from '../src/answers/index.ts';
import { parseInteraction, requestOf } from '../src/discord/api-request.ts';
import { commandSchemas } from '../src/discord/gateway.ts';
import { handleInteraction } from '../src/discord/handler.ts';
import { DISCORD_RESULTS } from '../src/discord/answer-command.ts';
import type { Responder } from '../src/discord/request.ts';
import { publicKeyFromHex, verifyRequest } from '../src/http/verify.ts';
import { setLogSink } from '../src/log.ts';
import { APP_ID, GUILD_ID, USER } from '../tests/support/fake-discord.ts';
import { signatureHeaders, signingKeys } from '../tests/support/signed-http.ts';

const N = Number(process.argv[2] ?? 10000);
const ROOT = path.resolve(import.meta.dirname, '..');
const corpus = generateCorpus(path.join(ROOT, 'bench', 'out', `load-kb-${N}`), N);
const FIXED = new Date('2026-01-01T00:00:00Z'); // as bench:load sets it, so its cache is valid
for (const f of readdirSync(corpus.dir)) utimesSync(path.join(corpus.dir, f), FIXED, FIXED);
process.env.KEYSTONE_CACHE_DIR = path.join(ROOT, 'bench', 'out', `load-cache-${N}`);
const svc = knowledgeService(corpus.dir, { derived: ANSWER_DERIVED });
await svc.reload();

const keys = signingKeys();
const key = publicKeyFromHex(keys.publicKeyHex)!;
const questions = queriesFor(corpus).filter((q) => q.command === 'ask').map((q) => q.q);
const requests = questions.map((q, k) => {
  const body = JSON.stringify({ id: String(1600000000000000000n + BigInt(k)), application_id: APP_ID, token: `t${k}`, type: 2, guild_id: GUILD_ID, member: { user: USER, permissions: '8' }, data: { name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: q }] } });
  return { body: Buffer.from(body), headers: signatureHeaders(keys, body) };
});
const schemas = commandSchemas();
// The log line is written as in production, to a sink that discards it (its writing is Node's cost, not ours).
setLogSink(() => undefined);
const ctx = { knowledge: svc, postBriefing: null };
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const ROUNDS = 3;
const PER_ROUND = 3000;
for (let round = 1; round <= ROUNDS; round++) {
  const stage = { verify: 0, parse: 0, handler: 0, responseJson: 0, answerAlone: 0 };
  for (let i = 0; i < PER_ROUND; i++) {
    const r = requests[i % requests.length];
    let t = cpuMs();
    await verifyRequest(key, r.headers['x-signature-ed25519'], r.headers['x-signature-timestamp'], r.body, Math.floor(Date.now() / 1000));
    stage.verify += cpuMs() - t;
    t = cpuMs();
    const parsed = parseInteraction(JSON.parse(r.body.toString('utf8')), schemas);
    stage.parse += cpuMs() - t;
    if (!parsed.ok) throw new Error(parsed.problem);
    let sent: unknown;
    const responder: Responder = { callback: async (body) => void (sent = body), editOriginal: async () => {}, deleteOriginal: async () => {}, followUp: async () => {} };
    t = cpuMs();
    await handleInteraction(ctx, requestOf(parsed.interaction, responder)!);
    stage.handler += cpuMs() - t;
    t = cpuMs();
    JSON.stringify(sent);
    stage.responseJson += cpuMs() - t;
    t = cpuMs();
    runCommand(svc.current!, 'ask', questions[i % questions.length], { limit: DISCORD_RESULTS });
    stage.answerAlone += cpuMs() - t;
  }
  const us = (ms: number) => `${Math.round((1000 * ms) / PER_ROUND)} µs`;
  console.log(`round ${round}: verify ${us(stage.verify)}, parse+check ${us(stage.parse)}, handler ${us(stage.handler)} (of which the answer alone ${us(stage.answerAlone)}), response JSON ${us(stage.responseJson)}`);
}
svc.close();
