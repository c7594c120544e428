/** Structured logs: one JSON line per event on stderr. Secrets registered here never reach a line. */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const secrets = new Set<string>();
let threshold: Level = 'info';
let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

export function setLogLevel(level: Level): void {
  threshold = level;
}
export function setLogSink(fn: (line: string) => void): void {
  sink = fn;
}
/** Fields every line of this process carries (a shard's lines name the shard). */
let context: Record<string, unknown> = {};
export function setLogContext(fields: Record<string, unknown>): void {
  context = { ...fields };
}

/** A line another process already wrote as JSON (a shard's), passed on through this one's sink, redacted. */
export function forwardLogLine(line: string): void {
  sink(redact(line));
}

export function addSecret(s: string | undefined | null): void {
  if (s && s.length >= 8) secrets.add(s);
}

export function redact(s: string): string {
  let out = s;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[threshold]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...context, ...fields }, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v));
  sink(redact(line));
}

export const logger = {
  debug: (m: string, f?: Record<string, unknown>) => log('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => log('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => log('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => log('error', m, f),
};
