/**
 * A publication date as YYYY-MM-DD, from what a page or a flag says, or null when it says no
 * clear date. ISO timestamps keep the date as written (the publisher's own day), not UTC's.
 */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(s);
  if (iso) return validDay(+iso[1], +iso[2], +iso[3]);
  // RFC 822 (feeds) and other spelled-out forms that name a four-digit year.
  if (!/\b\d{4}\b/.test(s)) return null;
  const zoned = /([+-]\d{2}:?\d{2}|\b(?:GMT|UTC|Z))\s*$/i.test(s);
  // Without a zone, read the day as written, whatever the machine's time zone.
  const t = zoned ? Date.parse(s) : Date.parse(`${s} UTC`);
  if (Number.isNaN(t)) return null;
  const zone = /([+-])(\d{2}):?(\d{2})\s*$/.exec(s);
  // Keep the writer's calendar day when the text carries its offset.
  const offsetMin = zone ? (zone[1] === '-' ? -1 : 1) * (+zone[2] * 60 + +zone[3]) : 0;
  return new Date(t + offsetMin * 60_000).toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}
