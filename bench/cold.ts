/** One cold start in a fresh process: prints {"ms": …, "mode": …, "heapMB": …}. Used by bench/run.ts. */
import { KnowledgeService } from '../src/knowledge/service.ts';

const [dir, cacheFile] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
const svc = new KnowledgeService(dir, { cacheFile });
const report = await svc.reload();
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (report.mode !== 'cache') await svc.saveNow();
svc.close();
(globalThis as { gc?: () => void }).gc?.();
console.log(JSON.stringify({ ms, mode: report.mode, heapMB: process.memoryUsage().heapUsed / 1e6, rssMB: process.memoryUsage().rss / 1e6 }));
