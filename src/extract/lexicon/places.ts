/** Countries, their adjectives and a few world capitals: general knowledge, folded. */

/** Adjective or short form -> country name. */
// A prototype-less object: a word like "constructor" must never look like a nationality.
export const NATIONALITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  american: 'United States', us: 'United States', 'u.s': 'United States', 'u.s.': 'United States', usa: 'United States',
  ukrainian: 'Ukraine', russian: 'Russia', norwegian: 'Norway', german: 'Germany', french: 'France',
  british: 'United Kingdom', uk: 'United Kingdom', 'u.k.': 'United Kingdom', english: 'United Kingdom',
  polish: 'Poland', turkish: 'Turkey', chinese: 'China', finnish: 'Finland', swedish: 'Sweden', danish: 'Denmark',
  dutch: 'Netherlands', belgian: 'Belgium', italian: 'Italy', spanish: 'Spain', portuguese: 'Portugal',
  hungarian: 'Hungary', slovak: 'Slovakia', czech: 'Czech Republic', romanian: 'Romania', moldovan: 'Moldova',
  belarusian: 'Belarus', georgian: 'Georgia', estonian: 'Estonia', latvian: 'Latvia', lithuanian: 'Lithuania',
  israeli: 'Israel', saudi: 'Saudi Arabia', emirati: 'United Arab Emirates', qatari: 'Qatar', indian: 'India',
  japanese: 'Japan', korean: 'South Korea', 'north korean': 'North Korea', canadian: 'Canada', austrian: 'Austria',
  swiss: 'Switzerland', irish: 'Ireland', greek: 'Greece', bulgarian: 'Bulgaria', serbian: 'Serbia',
  croatian: 'Croatia', iranian: 'Iran', iraqi: 'Iraq', syrian: 'Syria', egyptian: 'Egypt', brazilian: 'Brazil',
  mexican: 'Mexico', australian: 'Australia', kazakh: 'Kazakhstan', azerbaijani: 'Azerbaijan', armenian: 'Armenia',
  european: 'European Union', eu: 'European Union',
});

export const COUNTRIES = new Set(
  `ukraine, russia, united states, america, usa, norway, germany, france, united kingdom, britain, england, poland, turkey,
  turkiye, china, finland, sweden, denmark, netherlands, belgium, italy, spain, portugal, hungary, slovakia, czechia,
  czech republic, romania, moldova, belarus, georgia, estonia, latvia, lithuania, israel, saudi arabia,
  united arab emirates, uae, qatar, india, japan, korea, north korea, south korea, canada, austria, switzerland, ireland,
  greece, bulgaria, serbia, croatia, iran, iraq, syria, egypt, brazil, mexico, australia, kazakhstan, azerbaijan, armenia,
  europe, crimea, donbas, donbass, vatican, gaza, africa, asia`.split(/\s*,\s*/),
);

/** Capitals and seats of government that news names as actors ("Moscow said", "Kyiv rejected"). */
export const CAPITALS = new Set(
  `kyiv, kiev, moscow, washington, berlin, paris, london, brussels, geneva, istanbul, ankara, riyadh, jeddah, doha, abu dhabi,
  minsk, warsaw, oslo, stockholm, helsinki, copenhagen, rome, vienna, budapest, bratislava, prague, bucharest, chisinau,
  tbilisi, tallinn, riga, vilnius, beijing, tokyo, ottawa, madrid, lisbon, amsterdam, bern, dublin, athens, sofia, belgrade,
  zagreb, tehran, baghdad, damascus, cairo, anchorage, new york, the hague, vatican city, new delhi, kuala lumpur,
  kyjiw, kiew, moskau, moscou, warschau, brüssel, bruxelles, genf, genève, riad, wien, prag, varsovie, pékin, peking`.split(/\s*,\s*/),
);

/** The country a capital is the seat of ("the government in Tallinn" is Estonia's). */
export const CAPITAL_OF: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  // (German and French spellings: translated reports keep them.)
  kyjiw: 'Ukraine', kiew: 'Ukraine', moskau: 'Russia', moscou: 'Russia', warschau: 'Poland', varsovie: 'Poland', wien: 'Austria', prag: 'Czech Republic',
  kyiv: 'Ukraine', kiev: 'Ukraine', moscow: 'Russia', washington: 'United States', berlin: 'Germany', paris: 'France',
  london: 'United Kingdom', ankara: 'Turkey', riyadh: 'Saudi Arabia', doha: 'Qatar', 'abu dhabi': 'United Arab Emirates',
  minsk: 'Belarus', warsaw: 'Poland', oslo: 'Norway', stockholm: 'Sweden', helsinki: 'Finland', copenhagen: 'Denmark',
  rome: 'Italy', vienna: 'Austria', budapest: 'Hungary', bratislava: 'Slovakia', prague: 'Czech Republic',
  bucharest: 'Romania', chisinau: 'Moldova', tbilisi: 'Georgia', tallinn: 'Estonia', riga: 'Latvia', vilnius: 'Lithuania',
  beijing: 'China', tokyo: 'Japan', ottawa: 'Canada', madrid: 'Spain', lisbon: 'Portugal', amsterdam: 'Netherlands',
  'the hague': 'Netherlands', bern: 'Switzerland', dublin: 'Ireland', athens: 'Greece', sofia: 'Bulgaria',
  belgrade: 'Serbia', zagreb: 'Croatia', tehran: 'Iran', baghdad: 'Iraq', damascus: 'Syria', cairo: 'Egypt',
  'new delhi': 'India',
});
