import { stem } from '../text/tokenize.ts';

/**
 * Words news uses interchangeably, stemmed as the index stems them (text/tokenize.stem). General vocabulary of
 * diplomacy and war reporting: a query word finds its siblings at a lower weight.
 */
const GROUPS: string[][] = [
  ['talk', 'negotiation', 'discussion', 'meeting', 'summit', 'consultation'],
  ['strike', 'airstrike', 'attack', 'bombing', 'shelling'],
  ['drone', 'uav'],
  ['loan', 'aid', 'funding', 'assistance', 'pledge'],
  ['call', 'conversation', 'phone'],
  ['ceasefire', 'truce', 'armistice'],
  ['killed', 'casualty', 'death', 'dead'],
  ['advisor', 'adviser', 'aide'],
  ['led', 'lead', 'leader', 'head', 'headed', 'chief'],
  ['envoy', 'emissary', 'representative'],
  ['president', 'leader'],
  ['deal', 'agreement', 'accord'],
  ['peace', 'settlement'],
  ['port', 'harbor', 'harbour'],
  ['say', 'said', 'statement', 'message'],
  ['team', 'delegation', 'negotiators'],
  ['successful', 'productive', 'positive', 'constructive'],
  ['retaliate', 'retaliation', 'retaliatory'],
  ['talk', 'speak', 'spoke', 'spoken', 'conversation'],
  ['plan', 'proposal', 'framework', 'draft'],
  ['freed', 'released', 'exchange', 'swap'],
];

export const SYNONYMS = new Map<string, string[]>();
for (const words of GROUPS) {
  const g = [...new Set(words.map(stem))];
  for (const w of g) SYNONYMS.set(w, [...new Set([...(SYNONYMS.get(w) ?? []), ...g.filter((x) => x !== w)])]);
}

