/**
 * Long work written as steps: a generator that yields between pieces of a few milliseconds. Run
 * straight through (runSync) where nothing waits, or with pauses (runAsync) where queries must keep
 * being answered while a base is built or extended.
 */
export type Steps<T> = Generator<void, T>;

export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, yielding to the event loop whenever a slice of about 5 ms is used up: a query waits for at most that and one step. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let slice = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - slice > 5) {
      await new Promise((res) => setImmediate(res));
      slice = performance.now();
    }
  }
}
