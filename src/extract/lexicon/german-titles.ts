/** German compound titles and the English office words they are: "Verteidigungsministerin" a defence minister. */
const GERMAN_FIELD: Record<string, string> = { verteidigungs: 'defence', aussen: 'foreign', innen: 'interior', finanz: 'finance', wirtschafts: 'economy', justiz: 'justice', energie: 'energy', gesundheits: 'health', regierungs: 'government' };
const GERMAN_HEAD: Record<string, string> = { minister: 'minister', kanzler: 'chancellor', prasident: 'president', sprecher: 'spokesperson', berater: 'adviser', botschafter: 'ambassador', chef: 'head' };
const GERMAN_OFFICE = /^(?:(verteidigungs|aussen|innen|finanz|wirtschafts|justiz|energie|gesundheits|regierungs)|(vize)|bundes|us-|kreml|staats)?(minister|kanzler|prasident|sprecher|berater|botschafter|chef)(?:in)?$/;
export function germanOffice(w: string): string[] | null {
  // ("Ministerpräsident" is the prime minister.)
  if (/^ministerprasident(?:in)?$/.test(w)) return ['prime', 'minister'];
  const m = GERMAN_OFFICE.exec(w);
  if (!m) return null;
  // ("Vizekanzler" is the vice-chancellor, another office than the chancellor's.)
  if (m[2]) return [`vice-${GERMAN_HEAD[m[3]]}`];
  return [...(m[1] ? [GERMAN_FIELD[m[1]]] : []), GERMAN_HEAD[m[3]]];
}
