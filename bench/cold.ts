/** One cold start in a fresh process: prints {"ms": …, "mode": …, "heapMB": …}. Used by bench/run.ts. */
import { KnowledgeService } from '../src/knowledge/service.ts';
import { ANSWER_DERIVED } from '../src/answers/index.ts';
import { TOPICS } from '../src/discord/suggest.ts';

const [dir, cacheFile] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
// As the bot opens it: ready means ready to answer, derived orders and groupings included.
const svc = new KnowledgeService(dir, { cacheFile, derived: [...ANSWER_DERIVED, TOPICS], warmUp: true });
const report = await svc.reload();
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (report.mode !== 'cache') await svc.saveNow();
svc.close();
(globalThis as { gc?: () => void }).gc?.();
console.log(JSON.stringify({ ms, mode: report.mode, heapMB: process.memoryUsage().heapUsed / 1e6, rssMB: process.memoryUsage().rss / 1e6 }));
