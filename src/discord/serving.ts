import { KnowledgeService, describeReload, type ProblemChanges, type ReloadReport } from '../knowledge/service.ts';
import { knowledgeService } from '../knowledge/open.ts';
import { ANSWER_DERIVED } from '../answers/index.ts';
import { TOPICS } from './suggest.ts';
import { logger } from '../log.ts';

export interface ServedKnowledge {
  knowledge: KnowledgeService;
  /** Settles when the first load is done (it is logged, never thrown). */
  firstLoad: Promise<unknown>;
}

/**
 * The knowledge a serving process (gateway bot, shard or HTTP endpoint) answers from: loaded in the
 * background, watched, every reload logged. Requests that arrive before it is loaded are deferred.
 */
export function serveKnowledge(dir: string, given?: KnowledgeService, opts: { readOnlyCache?: boolean } = {}): ServedKnowledge {
  // A file changed in the last quarter second may be half written: it is read on the next reload.
  const knowledge = given ?? knowledgeService(dir, { derived: [...ANSWER_DERIVED, TOPICS], settleMs: 250, readOnlyCache: opts.readOnlyCache, warmUp: true });
  knowledge.on('reload', (r: ReloadReport) => {
    logger.info('knowledge loaded', { summary: describeReload(r, { problems: false }), articles: r.articles, paragraphs: r.paragraphs, ms: r.ms, problems: r.problems.length });
  });
  // Each problem once, with its file and reason, when it appears; and once when it is gone.
  knowledge.on('problems', ({ fresh, fixed }: ProblemChanges) => {
    for (const p of fresh) (p.severity === 'error' ? logger.warn : logger.info)('knowledge problem', { file: p.file, line: p.line, severity: p.severity, reason: p.message });
    for (const p of fixed) logger.info('knowledge problem gone', { file: p.file, line: p.line, reason: p.message });
  });
  knowledge.on('error', (error) => logger.error('knowledge reload failed; the last good knowledge base keeps serving', { error }));
  const firstLoad: Promise<unknown> = knowledge.current ? Promise.resolve() : given ? knowledge.ready : knowledge.reload();
  firstLoad.catch((error) => logger.error('loading the knowledge base failed', { error }));
  knowledge.watch();
  return { knowledge, firstLoad: firstLoad.catch(() => undefined) };
}
