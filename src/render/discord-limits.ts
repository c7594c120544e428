/** Discord's hard numbers (../shared/docs/discord-limits.md). A payload over any of them is refused with 50035. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  buttonsPerRow: 5,
  rows: 5,
  label: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** A string cut to a limit with an ellipsis (titles, labels, choices: where a word boundary matters less than fitting). */
export const cap = (s: string, n: number): string => (s.length <= n ? s : `${cutAt(s, n - 1)}…`);

/** The first n UTF-16 units, one fewer when the cut would split a surrogate pair (half an emoji is invalid text). */
export function cutAt(s: string, n: number): string {
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

/** Every limit a message payload breaks, as readable strings; empty when it is valid. */
export function limitViolations(payload: { content?: string | null; embeds?: EmbedLike[]; components?: { components: { label?: string; custom_id?: string }[] }[] }): string[] {
  const v: string[] = [];
  if ((payload.content ?? '').length > LIMITS.content) v.push(`content ${payload.content!.length} > ${LIMITS.content}`);
  const embeds = payload.embeds ?? [];
  if (embeds.length > LIMITS.embeds) v.push(`${embeds.length} embeds > ${LIMITS.embeds}`);
  let total = 0;
  embeds.forEach((e, i) => {
    const t = e.title?.length ?? 0;
    const d = e.description?.length ?? 0;
    if (t > LIMITS.title) v.push(`embed ${i} title ${t} > ${LIMITS.title}`);
    if (d > LIMITS.description) v.push(`embed ${i} description ${d} > ${LIMITS.description}`);
    if ((e.fields?.length ?? 0) > LIMITS.fields) v.push(`embed ${i} has ${e.fields!.length} fields`);
    total += t + d + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) {
      if (f.name.length > LIMITS.fieldName || f.name.length === 0) v.push(`embed ${i} field name ${f.name.length}`);
      if (f.value.length > LIMITS.fieldValue || f.value.length === 0) v.push(`embed ${i} field value ${f.value.length}`);
      total += f.name.length + f.value.length;
    }
    if ((e.footer?.text.length ?? 0) > LIMITS.footer) v.push(`embed ${i} footer too long`);
    if ((e.author?.name.length ?? 0) > LIMITS.author) v.push(`embed ${i} author too long`);
  });
  if (total > LIMITS.embedTotal) v.push(`embeds total ${total} > ${LIMITS.embedTotal}`);
  const rows = payload.components ?? [];
  if (rows.length > LIMITS.rows) v.push(`${rows.length} rows > ${LIMITS.rows}`);
  rows.forEach((r, i) => {
    if (r.components.length > LIMITS.buttonsPerRow) v.push(`row ${i} has ${r.components.length} components`);
    for (const c of r.components) {
      if ((c.label?.length ?? 0) > LIMITS.label) v.push(`button label ${c.label!.length} > ${LIMITS.label}`);
      if ((c.custom_id?.length ?? 0) > LIMITS.customId) v.push(`custom_id ${c.custom_id!.length} > ${LIMITS.customId}`);
    }
  });
  return v;
}
