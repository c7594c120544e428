import { buildKnowledgeBase } from '../../src/knowledge/build.ts';
import { factsReport } from '../../src/facts-report.ts';
const kb = await buildKnowledgeBase(process.argv[2]);
for (const a of factsReport(kb).articles) { if (process.argv[3] && a.id !== process.argv[3]) continue; console.log('#', a.id); for (const e of a.events) console.log(`  ¶${e.citation.paragraph} ${e.kind} ${e.date ?? ''}${e.end ? '–' + e.end : ''}/${e.precision ?? ''}${e.dateSource === 'published' ? '(pub)' : ''}${e.background ? ' BG' : ''} [${e.when ?? ''}] {${e.actors.join(', ')}} @${e.place ?? ''} :: ${e.summary.slice(0, 110)}`); }
