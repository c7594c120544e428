/** Kinds each line of stdin reports (kindsAt), for trying trigger changes: `echo "…" | npx tsx bench/dev/kinds-of.ts`. */
import { readFileSync } from 'node:fs';
import { kindsAt } from '../../src/extract/events.ts';
import { splitSentences } from '../../src/text/sentences.ts';
for (const line of readFileSync(0, 'utf8').split('\n').filter(Boolean)) {
  for (const s of splitSentences(line)) console.log(JSON.stringify(kindsAt(s.text).map((k) => `${k.kind}@${s.text.slice(k.at, k.end)}${k.spoken ? '(spoken)' : ''}`)), '::', s.text.slice(0, 120));
}
