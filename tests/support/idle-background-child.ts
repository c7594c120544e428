/**
 * A process whose event loop has nothing to do but wait for one timer, as an idle bot's: prints
 * whether background steps finished before it (they must not wait for something to wake the loop).
 */
import { runInBackground, type Steps } from '../../src/steps.ts';

function* steps(): Steps<void> {
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    while (performance.now() - t0 < 1);
    yield;
  }
}
const bg = runInBackground(steps(), 2);
const how = await Promise.race([bg.done.then(() => 'finished'), new Promise((r) => setTimeout(() => r('stalled'), 3000))]);
console.log(how);
process.exit(0);
