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

/** Steps run in the background: nobody awaits them, and they can be stopped between slices. */
export interface Background {
  /** How the run ended: to the steps' end, stopped first, or thrown out by an error. */
  readonly done: Promise<{ finished: boolean; error?: unknown }>;
  stop(): void;
}

/**
 * Runs the steps in slices of about `sliceMs`, each on a turn of the event loop of its own, so a
 * query that arrives meanwhile waits for one slice at most. The turns are unref'd timers, not
 * immediates: an unref'd immediate does not wake a loop that waits for I/O, so in an idle process the
 * work would stall, while a timer wakes it whether or not it keeps it alive. Background work is
 * never a reason not to exit.
 */
export function runInBackground(steps: Steps<unknown>, sliceMs = 5): Background {
  let stopped = false;
  let finish!: (how: { finished: boolean; error?: unknown }) => void;
  const done = new Promise<{ finished: boolean; error?: unknown }>((r) => (finish = r));
  const slice = () => {
    if (stopped) return finish({ finished: false });
    const t0 = performance.now();
    try {
      while (performance.now() - t0 < sliceMs) if (steps.next().done) return finish({ finished: true });
    } catch (error) {
      return finish({ finished: false, error });
    }
    setTimeout(slice, 0).unref();
  };
  setTimeout(slice, 0).unref();
  return { done, stop: () => void (stopped = true) };
}
