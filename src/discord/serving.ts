import { KnowledgeService, describeReload } from '../knowledge/service.ts';
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
  const knowledge = given ?? knowledgeService(dir, { derived: [...ANSWER_DERIVED, TOPICS], readOnlyCache: opts.readOnlyCache });
  knowledge.on('reload', (r) => {
    const bad = r.problems.filter((p: { severity: string }) => p.severity === 'error');
    (bad.length ? logger.warn : logger.info)('knowledge loaded', { summary: describeReload(r), articles: r.articles, paragraphs: r.paragraphs, ms: r.ms, problems: r.problems.length });
  });
  knowledge.on('error', (error) => logger.error('knowledge reload failed; the last good knowledge base keeps serving', { error }));
  const firstLoad: Promise<unknown> = knowledge.current ? Promise.resolve() : given ? knowledge.ready : knowledge.reload();
  firstLoad.catch((error) => logger.error('loading the knowledge base failed', { error }));
  knowledge.watch();
  return { knowledge, firstLoad: firstLoad.catch(() => undefined) };
}
