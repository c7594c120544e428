/** Event kinds and the words that signal them: general vocabulary of diplomacy and war reporting. */
export type EventKind = 'talks' | 'meeting' | 'call' | 'statement' | 'plan' | 'attack' | 'exchange' | 'appointment' | 'resignation' | 'aid' | 'decision' | 'casualties';

export const EVENT_KINDS: readonly EventKind[] = ['talks', 'meeting', 'call', 'statement', 'plan', 'attack', 'exchange', 'appointment', 'resignation', 'aid', 'decision', 'casualties'];

const DOC_NOUN = String.raw`(?:plan|plans|proposal|proposals|framework|draft|drafts|memorandum|memorandums|memoranda|document|documents|roadmap|blueprint|points|counter-proposal|counterproposal|peace formula|text)`;
/** Offices a person is fired from: "fired the defence minister", "fired his deputy". */
const PERSON_OFFICE = String.raw`(?:minister|chief|head|commander|director|adviser|advisor|secretary|aide|envoy|ambassador|prosecutor|governor|spokesman|spokeswoman|general|deputy|deputies|ministers|officials?)`;
const ATTACK_NOUN = String.raw`(?:strikes?|airstrikes?|air strikes?|attacks?|assaults?|barrages?|bombardments?|shelling|bombing|offensive|missiles?|drones?|rockets?|ballistic)`;

/**
 * The triggers. Each looks for the happening itself, not the topic: "a halt to energy strikes"
 * is talked about, not carried out, and is filtered by NOT_HAPPENING below.
 */
export const EVENT_TRIGGERS: Record<EventKind, RegExp> = {
  talks: new RegExp(
    [
      String.raw`\b(?:round|rounds)\s+of\s+(?:[\w-]+\s+){0,2}(?:talks|negotiations|consultations|discussions)\b`,
      String.raw`\b(?:held|hold|holds|holding|engaged in|began|begin|opened|resumed|resume|concluded|wrapped up|attended|hosted|host|joined)\s+(?:[\w-]+\s+){0,3}(?:talks|negotiations|discussions|consultations)\b`,
      // "talks with President X" is a meeting (below), "talks with Nordland" or "talks in Oslo" a round of talks.
      String.raw`\b(?:talks|negotiations|consultations)\s+(?:in|at|between|with|on)\s+(?:the\s+)?(?!(?:President|Prime Minister|Chancellor)\b)\p{Lu}`,
      String.raw`\b(?:talks|negotiations|consultations)\b[^.;]{0,80}?\b(?:stalled|resumed|began|begun|begin|ended|end|collapsed|broke down|opened|concluded|continued|produced|took place|take place|got under way|lasted|wrapped up|are due|is due|were held|will be held)\b`,
      String.raw`\b(?:delegations?|negotiators|negotiating teams?|teams|envoys)\b[^.;]{0,60}?\b(?:met|meet|meets|gathered|convened|sat down|talked|negotiated|arrived)\b`,
      // "met Olaf Berg, the chief negotiator", "to meet the envoys again": a meeting of negotiators is a round of talks.
      String.raw`\b(?:met|meet|meets)\s+(?:with\s+)?(?:the\s+)?(?:[\p{L}’'.-]+,?\s+){0,6}?(?:chief\s+|lead\s+|top\s+)?(?:negotiators?|envoys|delegations?|negotiating teams?)\b`,
      String.raw`\b\w+-day\s+(?:talks|negotiations|consultations)`,
      String.raw`\bpeace talks\b`,
      String.raw`\b(?:first|second|third|fourth|fifth|next|new|further|another|latest|final)\s+round\b`,
      String.raw`\bthe round\b(?=[^.;]{0,40}\b(?:in|on|at|produced|ended|began|opened|closed)\b)`,
    ].join('|'),
    'u',
  ),
  meeting: /\b((?:opened|chaired|hosted|held|attended|convened|closed|joined)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}(?:meeting|summit|conference)|met|meets|meet with|gathered|gathers|(?:greeted|greets) .{0,45} (?:in|at)|(?:had|has) (?:the )?(?:[\p{L}’'-]+\s+){0,3}?(?:ambassador|envoy|chargé d['’]affaires|diplomats?) summoned|convened|meeting with|meeting between|summit|visited|visit to|visits|trip to|hosted|hosts|bilateral|conference|(?:received|receives|receiving) .{0,45} (?:in|at)|(?:is|are|was|were) meeting (?:with )?\p{Lu}[\p{L}’'-]*|(?:will|would|to) (?:fly|travel|head|go) to (?:the )?\p{Lu}[\p{L}’'-]*|sat down (?:with|together)|talks with (?:President|Prime Minister|Chancellor)|(?:to|will|would) meet|(?:travelled|traveled|flew|came|went|arrived|arrive|arrives|returned) (?:by [\w-]+ )?(?:to|in) \p{Lu}[\p{L}’'-]*|(?:travelled|traveled|came|went) to the (?:\p{Lu}\w+ )?(?:House|Palace|Chancellery|Kremlin)|(?:was|were|is|are) (?:due )?(?:in|at) (?:the (?:\p{Lu}\w+ )?(?:House|Palace|Chancellery)|\p{Lu}\w+)(?= (?:on|with|for|this|last|next))|video meeting|(?:at|in) a meeting with|(?:is|are|was|were) expected (?:in|at) (?:the capital|\p{Lu}[\p{L}’'-]*)|(?:emergency|extraordinary|closed-door|one-on-one|face-to-face) (?:[\p{L}-]+\s+){0,3}?(?:meeting|session|summit)|(?:meet|meets) (?:at|in) (?:the )?\p{Lu}[\p{L}’'-]*|summon(?:ed|s|ing)\s+(?:the\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:ambassador|envoy|chargé d['’]affaires|charge d['’]affaires|diplomats?)|(?:was|were|been|is|are|being) summoned\s+(?:to|by|for))\b/u,
  call: /\b(phone call|telephone call|video call|call with|calls with|call between|(?:had|held|has|have)\s+(?:had\s+)?(?:a|an|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:phone\s+|telephone\s+|video\s+)?call\b(?!\s+(?:for|on\s+(?:the|them|him|her|it)))|phoned|telephoned|by phone|by telephone|on the phone|spoken? by|spoke on the phone|(?:spoke|speaks|talked|talks) (?:to|with) (?:[\p{Lu}][\p{L}-]+ ){1,4}for (?:an?|about|more than|\d+|two|three)|telephone conversation|conversation with|video link|video conference|videoconference|called (?:him|her|them|his|President|Prime Minister|Chancellor)|the (?:phone |telephone |video )?(?:call|conversation) (?:lasted|took place|ended|was held))\b/u,
  statement: /\b((?:shared|posted|sent|published|issued|released|delivered|recorded)\s+(?:[\w-]+\s+){0,3}(?:message|statement|video|post|address)|(?:gave|delivered|made)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?speech|in (?:a|his|her|their) (?:[\w-]+\s+){0,3}?speech\b|statements? (?:made )?by|in a (?:joint |written |separate )?statement|a (?:joint )?statement (?:of their own|of its own|of his own|of her own)|issued a (?:joint )?statement|statement on|statement that|said in a (?:video|post|message|statement)|video address|nightly address|evening address|addressed (?:the nation|parliament|lawmakers|the)|posted (?:on|a)|wrote on|shared on|tweeted|press conference|news conference|gave an interview|announced|declared)\b/i,
  plan: new RegExp(
    [
      String.raw`\b(?:presented|sent|revised|submitted|unveiled|drafted|handed|delivered|put forward|shared|outlined|amended|rejected|accepted|received|reworked|updated|proposed|circulated|tabled|drew up|drawn up|finalised|finalized|agreed on)\s+(?:[\w’'-]+\s+){0,5}${DOC_NOUN}\b`,
      String.raw`\b${DOC_NOUN}\s+(?:[\w’'-]+\s+){0,4}(?:was|were|had been|has been|have been|is being)\s+(?:presented|sent|revised|submitted|unveiled|drafted|handed|delivered|put forward|shared|outlined|amended|rejected|accepted|received|reworked|updated|circulated|drawn up|finalised|finalized|cut|trimmed|reduced)\b`,
      String.raw`\b\d+-point\s+(?:peace\s+)?(?:plan|proposal|framework|document|draft)\b`,
      // "a U.S. proposal presented to European officials in Paris on April 17"
      String.raw`\b${DOC_NOUN}\s+(?:presented|submitted|unveiled|handed|delivered|put forward|circulated|tabled)\s+(?:to|in|on|at|by)\b`,
      // "proposed a meeting between the presidents", "a proposal for a summit"
      String.raw`\b(?:proposed|proposes|proposal for)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:meeting|summit|ceasefire|truce)\b`,
      String.raw`\bpeace plan\b`,
    ].join('|'),
    'iu',
  ),
  attack: new RegExp(
    [
      String.raw`\b(?:launched|carried out|fired|unleashed|conducted|mounted|staged|repelled|shot down|intercepted)\s+(?:[\w-]+\s+){0,4}${ATTACK_NOUN}`,
      String.raw`\b(?:struck|pounded|shelled|bombed|hit|targeted|attacked|battered|raided)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}(?:city|cities|port|ports|town|towns|village|villages|capital|region|targets?|infrastructure|grid|plant|plants|facility|facilities|refinery|refineries|pipelines?|depot|base|airfield|bridge|buildings?|homes?|\p{Lu})`,
      String.raw`\b(?:drone|missile|rocket|air|artillery|glide[- ]bomb)\s+(?:strikes?|attacks?|barrages?|raids?)\b(?!\s+(?:sirens?|alerts?|warnings?|shelters?))`,
      String.raw`\bairstrikes?\b`,
      String.raw`\b(?:overnight|massive|large-scale|combined|retaliatory)\s+(?:[\w-]+\s+){0,2}${ATTACK_NOUN}`,
      String.raw`\b${ATTACK_NOUN}\s+(?:on|against|targeting|hit|struck|slammed into)\b`,
      String.raw`\b(?:shelling|bombardment|offensive|invasion|invaded|escalated its military)\b`,
      // Ground taken or lost, and strikes told in the passive: "retook the town", "drones had been launched".
      String.raw`\b(?:retook|retaken|retakes|recaptured|recaptures|crossed into|drove (?:the )?(?:last )?(?:[\w-]+\s+){0,2}troops out)\b`,
      String.raw`\b${ATTACK_NOUN}\s+(?:had been|have been|were|was)\s+(?:launched|fired)\b`,
      String.raw`\bairspace\s+violations?\b|\bviolat(?:ed|es|ing|ions? of)\s+(?:[\w’'-]+\s+){0,3}?airspace\b`,
      String.raw`\b(?:troops|forces)\s+(?:[\w-]+\s+){0,2}?(?:occupied|seized|captured)\b`,
      String.raw`\battacking (?:an?|the) (?:[\w-]+\s+){0,2}(?:facility|refinery|depot|plant|base|airfield|port|city|town)`,
    ].join('|'),
    // Not case-insensitive: \p{Lu} must mean a capital ("struck Kharkiv", never "struck a more hopeful tone").
    'u',
  ),
  exchange: /\b((?:prisoners?|pows?|captives?|soldiers?|servicemen|civilians?|bodies|detainees)(?:[- ]of[- ]war)?\s+(?:[\w-]+(?:,\d{3})*\s+){0,2}(?:exchanges?|swaps?)|(?:exchanges?|swaps?)\s+of\s+(?:[\w-]+(?:,\d{3})*\s+){0,3}(?:prisoners?|pows?|captives?|bodies|soldiers?|detainees|servicemen|wounded|dead|fallen)|(?:exchanged|swapped)\s+(?:[\w-]+(?:,\d{3})*\s+){0,3}(?:prisoners?|pows?|captives?|bodies|soldiers?)|(?:prisoners?|pows?|soldiers?|servicemen|captives?|bodies|wounded|civilians|detainees|\w+ians)\s+(?:were|had been|have been|was|has been)\s+(?:handed over|returned|released|freed|repatriated|brought home|exchanged|swapped)|(?:returned|repatriated|handed over|hand over|hands over|released|freed|brought home)\s+(?:[\w-]+(?:,\d{3})*\s+){0,4}(?:prisoners?|pows?|bodies|soldiers?|servicemen|captives?|children|civilians)|(?:thousand|\d+)[- ]for[- ](?:a[- ])?(?:thousand|\d+)|(?:prisoners?|pows?|captives?|soldiers|servicemen|group)\b[^.;]{0,60}?\b(?:crossed back|came home|came back|returned home|returned)\b(?=[^.;]{0,40}\b(?:captivity|on|from|home)\b)|(?:home|back) from (?:\w+ )?captivity)\b/i,
  appointment: /\b(appointed|appoints|appointing|appointment of|named (?:as |the |a )?(?:new |acting )?|nominated|nominates|confirmed (?:as|in the post)|took over as|takes over as|was made|became the new|becomes the new|new (?:head|chief|minister|secretary|prime minister|commander|envoy|ambassador) of|replaced .{1,40} as|succeeds|succeeded|promoted to|tapped (?:as|to)|(?:picked|picks|chose|chosen|tapped)\s+(?:[\w’'-]+\s+){0,4}?as (?:the |his |her |its )?(?:new |next |special |acting )?(?:[\w-]+\s+){0,2}?(?:secretary|minister|envoy|ambassador|adviser|advisor|aide|chief|head|director|commander|spokesman|spokeswoman)|sworn in|swore (?:him|her|them|[a-z][\w-]+(?: [a-z][\w-]+)?) in\b|(?:senate|parliament|rada|bundestag|duma|congress|lawmakers|senators) (?:then |later |unanimously )?confirmed (?!(?:that|the|it|its|a|an|this|on|in)\b)(?:him|her|them|[a-z][\w-]+)|took office|taking office|takes office|first days? in office|reappointed|re-appointed|(?:was|were|is|been) elected|elected (?:as )?(?:the )?(?:new )?(?:president|chancellor|prime minister|speaker|leader|head|secretary)|(?:became|becomes|become) (?:[\w’'-]+\s+){0,3}(?:prime minister|president|chancellor|minister|secretary|ambassador|envoy|head|chief|commander|speaker|leader|adviser|advisor|aide)|confirm(?:ed|s)? (?:[\w’'-]+\s+){1,3}as|took over (?:from|the)|takes over (?:from|the)|(?:took|takes|taking) charge of|(?:made|makes) (?!(?:clear|sure|plain|public|known|it|up|out|good|way|room|use|time|peace|progress|headway)\b)(?:him|her|[a-z][\w-]+(?: [a-z][\w-]+)?) (?:the |his |her |its |their )?(?:new |special |acting |deputy |first )?(?:[\w-]+\s+){0,2}?(?:envoy|minister|secretary|head|chief|adviser|advisor|ambassador|commander|aide|director)\b|(?:put|puts|putting|placed|places) (?:[\w’'-]+\s+){1,3}at (?:its|the|their) head|(?:was|were|been|be|is) (?:confirmed|endorsed|re-?endorsed)(?: again)? by (?:the )?(?:[\w-]+\s+){0,3}?(?:senate|parliament|rada|council|congress|assembly|lawmakers|deputies|senators|bundestag|duma))\b/i,
  resignation: new RegExp(String.raw`\b(resigned|resigns|resignation|stepped down|steps down|step down|dismiss(?:ed|ing)(?!\s+(?:the |a |an |his |her |their |any )?(?:[\w-]+ )?(?:warnings?|questions?|threats?|rumou?rs?|speculation|notion|demands?|charges?|idea|ideas|proposal|proposals|plan|plans|reports?|claims?|suggestions?|criticism|concerns?|talk|reshuffle|it|them|this|that|as|offer|accusations?|allegations?|calls?|fears?))|dismissal|(?:was|were|been|being|be|got|get) fired\b(?!\s+(?:at|on(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d))|upon|from|into|over|towards?|by|off|up)\b)|fired (?:him|her)\b|fired (?:the |his |her |its |their )?(?:[\w-]+\s+){0,3}?${PERSON_OFFICE}|sacked|ousted|quit|quits|was removed|removed from|(?:has |had )?removed (?:[\w’'-]+ ){1,3}(?:from (?:the |his |her |their )?(?:[\w-]+ )?(?:post|office|job|ministry|government|cabinet|command|position|role)|as (?:his|her|its|their|the) )|relieved of|left (?:his|her) post|(?:(?:will|would|to)\s+leave|is leaving|was leaving)\s+(?:the\s+(?:administration|government|cabinet|White House|post|job|ministry)|(?:his|her)\s+(?:post|job|office|role)|office|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))|handed in (?:his|her) notice|vot(?:ed|es|e|ing)\s+(?:[\w-]+\s+){0,3}?to (?:dismiss|remove|oust|sack)|pull(?:ed|s|ing)? (?:[\w’'-]+\s+){0,3}?out of the (?:[\w-]+\s+)?(?:coalition|government|cabinet)|suspend(?:ed|s|ing)? (?:(?:the |his |her |its )?(?:[\w-]+\s+){0,3}?${PERSON_OFFICE}|[a-z][\w-]+(?:\s+[a-z][\w-]+)?,\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?${PERSON_OFFICE}))\b`, 'i'),
  aid: /\b((?:agreed|approved|granted|gave|give|gives|announced|signed|offered|provided|extended|secured|received|lend|lent|lends)\s+(?:[\w-]+\s+){0,6}?loans?|loans? (?:of|worth|promised|pledged|agreed|approved|granted|offered|provided|extended)|(?:billion|million|bn)\s+(?:[\w-]+\s+)?loans?|pledged?|pledges|aid package|military aid|financial aid|humanitarian aid|military assistance|financial assistance|security assistance|granted|tranche|billion (?:euros|dollars|in)|weapons deliveries|delivered .{0,40}(?:weapons|systems|air defen[cs]e|ammunition|tanks|jets))\b/i,
  decision: /\b(agreed to|agreed on|agreed that|agreed in|decided to|vetoed|vetoes|annexed|annexation|executive order|pushed through|(?:withdrew|withdraws|withdrawn) (?:the |his |her |its )?(?:nomination|candidacy|from the race)|(?:presidential|parliamentary|general|federal|snap|early|local) elections?|run-?off|confidence vote|vote of confidence|takes? over the (?:rotating )?presidency|took over the (?:rotating )?presidency|signed (?:a|an|the)|signed off|(?:was|were|has been|have been|had been) signed\b|approved|adopted|ratified|voted to|passed a law|decree|(?:declared|announced|proclaimed|ordered)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:ceasefire|truce|moratorium)|(?:ceasefire|truce|moratorium)\s+(?:that\s+|which\s+)?(?:[\w.]+\s+){0,3}?(?:had\s+|has\s+)?(?:declared|announced|proclaimed|ordered)|(?:ceasefire|truce|moratorium) (?:took effect|began|was agreed|came into force|was announced|holds)|imposed (?:new )?sanctions|new sanctions|(?:dropped|lifted|eased|suspended) (?:the |its |his |her |their )?(?:[\w-]+\s+){0,2}?(?:tariffs|sanctions)|cancell?ed (?:his|her|their|its|the) (?:[\w-]+\s+)?(?:attendance|visit|trip|summit)|struck a deal|reached (?:a|an) (?:deal|agreement|understanding)|sealed (?:a|an|the) (?:deal|agreement)|ordered|remanded|(?:was|were) (?:arrested|detained)|(?:have|has|had) (?:arrested|detained)|(?:shortened|extended|set|moved up) (?:the|a|his|her|its|their) (?:deadline|window|ultimatum)|gave (?:[\w-]+ ){1,2}(?:\d+|[a-z]+) (?:days|weeks) to|invok(?:ed|es|ing) article \d+|(?:put|puts|putting|placed|places)\s+(?:[\w’'-]+\s+){1,5}?under sanctions|consultations under article \d+|(?:closed|closes|shut|shuts) (?:its|the|their) (?:[\w-]+\s+)?borders?)\b/i,
  casualties: /\b(killed|casualties|(?<!\b(?:went|gone|goes|go|line|phone|phones|lines) )dead|deaths|wounded|injured|lost their lives|death toll|were hurt)\b/i,
};

const OFFICE = String.raw`(?:minister|secretary|chancellor|president|premier|chief|head|general|adviser|advisor|aide|envoy|ambassador|commander|speaker|governor|director|spokesman|spokeswoman|mayor|chairman|chairwoman)`;
/** A word or a few after an office: "of the General Staff", "for shipbuilding". */
const OF_WHAT = String.raw`(?:\s+(?:of|for)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}?)?`;
/**
 * An office held since a date: "defence minister since 2012", "has been secretary general since October 1",
 * "in office since 17 July", "had held the post since March", "has headed it since January 2". The
 * appointment is told by its start; the match ends after "since", the date follows.
 */
export const IN_OFFICE_SINCE = new RegExp(
  String.raw`\b(?:${OFFICE}${OF_WHAT}|in office|in charge of(?:\s+[\w’'-]+){1,5}?|(?:has|have|had)\s+(?:also\s+)?(?:headed|led|run|chaired|served as)(?:\s+[\w’'-]+){1,4}?|(?:has|have|had)\s+(?:also\s+)?served\s+(?:[\w-]+\s+)?terms?|(?:has|have|had)\s+held\s+(?:the|that|this|his|her)\s+(?:post|job|office|position|role|portfolio))\s+since\s+(?=(?:early\s+|late\s+|mid-)?(?:\d|January|February|March|April|May|June|July|August|September|October|November|December))`,
  'giu',
);

/** Speech before a trigger: what follows is what someone said, and the statement is the news. */
export const SPOKEN_BEFORE = /\b(said|says|told|tells|stated|warned|insisted|added|noted|argued|wrote|claimed|suggested|announced that|declared that)\b/i;

/** Kinds that are often only the topic of what someone says ("said a summit was not discussed"). */
export const SPOKEN_OF: EventKind[] = ['meeting', 'decision', 'aid'];

/**
 * A happening a sentence recalls in passing, by its noun, to date what it tells ("after the talks in
 * Geneva on Sunday", "since the Oval Office meeting last month", "flowing from the second round in
 * Istanbul on June 2"): its own event when a date of its own follows before the clause ends.
 */
export const RECOLLECTION = /\b(?:[Aa]fter|[Ss]ince|[Ff]ollowing|[Ff]ollowed|[Ff]rom|[Bb]efore)\s+(?:(?:the|an|a|its|their|his|her|\S+['’]s)\s+)?(?:[\p{L}\d.–-]+\s+){0,4}?(talks|negotiations|rounds?|meetings?|session|summit|visit|call|conversation)\b/gu;

/** The kind of happening a recollection's noun names. */
export const RECOLLECTED_KIND: Record<string, EventKind> = {
  talks: 'talks', negotiations: 'talks', round: 'talks', rounds: 'talks',
  meeting: 'meeting', meetings: 'meeting', session: 'meeting', summit: 'meeting', visit: 'meeting',
  call: 'call', conversation: 'call',
};

/** A trigger this close after one of these words recalls an earlier happening: background. */
export const RECALLED = /\b(previous|prior|earlier|past|former|last year's|first-ever|historic)\s+(?:[\w-]+\s+){0,2}$/i;

/**
 * Words without which a kind's trigger cannot match: a cheap test that spares the long patterns
 * most sentences (they are most of extraction's time otherwise).
 */
export const TRIGGER_WORDS: Partial<Record<EventKind, RegExp>> = {
  talks: /talks|negotiat|consultation|round|delegation|teams|envoys/i,
  plan: /plan|propos|framework|draft|memorand|document|roadmap|blueprint|points|counter|formula|text/i,
  attack: /strike|attack|assault|barrage|bombard|shell|bomb|offensive|missile|drone|rocket|ballistic|struck|pounded|hit|targeted|battered|raided|invasion|invaded|escalated|raid|retook|retaken|retakes|recaptured|recaptures|crossed into|troops out|airspace|occupied|seized|captured/i,
  exchange: /exchange|swap|returned|repatriated|handed over|hand over|hands over|released|freed|brought home|-for-|crossed back|came home|came back|captivity/i,
};

/** What surrounds a trigger when the happening is only talked about: "a halt to strikes", "no talks". */
export const NOT_HAPPENING: Partial<Record<EventKind, RegExp>> = {
  attack: /\b(halt|halting|stop|stopping|end|ending|pause|moratorium|ban|ceasefire|truce|cessation|refrain|rule out|ruled out|threat|threats|threatened|fear|fears|risk|warned of|discuss|discussed|over|against further|protection against|defen[cs]e against)\b[^.;]{0,30}$/i,
  talks: /\b(no|not|never|without|any|refused|ruled out|rejected)\b[^,;]{0,30}$/i,
  meeting: /\b(proposed|propose|proposes|ready for|call(?:s|ed)? for|seek|seeks|sought|push(?:es|ed)? for|possible|potential|offer(?:s|ed)?|want(?:s|ed)?|no|demand(?:s|ed)?|would welcome|rule[sd]? out)\b[^.;]{0,25}$|\b(after|before|ahead of|since|during|following|at)\s+(?:the|this|that|last|a)?\s*$/i,
};

/**
 * Kinds that, found together in one sentence, are separate events: talks during a strike, an
 * exchange agreed at the talks, an appointment after a resignation, a vote taken as missiles strike.
 */
export const COMPATIBLE_KINDS: EventKind[][] = [
  ['talks', 'attack'], ['talks', 'decision'], ['talks', 'exchange'], ['talks', 'plan'], ['meeting', 'attack'], ['meeting', 'aid'],
  ['attack', 'decision'], ['call', 'aid'], ['meeting', 'plan'], ['resignation', 'appointment'], ['attack', 'casualties'], ['meeting', 'decision'], ['call', 'decision'],
];

/**
 * Which kind a sentence is first of all: an exchange or an appointment is the news wherever it is
 * said; a round of talks outranks the strikes it mentions; plain statements come last.
 */
export const EVENT_PRIORITY: EventKind[] = ['exchange', 'resignation', 'appointment', 'talks', 'call', 'meeting', 'plan', 'attack', 'decision', 'aid', 'casualties', 'statement'];

/** Words a user may type for a kind ("airstrikes", "meeting") mapped to the kind. */
export const EVENT_KIND_WORDS: Record<EventKind, string[]> = {
  talks: ['talks', 'negotiations', 'round', 'rounds', 'discussions', 'consultations'],
  meeting: ['meeting', 'meetings', 'summit', 'visit', 'summits'],
  call: ['call', 'calls', 'phone', 'conversation'],
  statement: ['statement', 'statements', 'message', 'messages', 'post', 'posts', 'announcement', 'address'],
  plan: ['plan', 'plans', 'proposal', 'proposals', 'framework', 'draft', 'memorandum', 'document'],
  attack: ['strike', 'strikes', 'airstrike', 'airstrikes', 'attack', 'attacks', 'drone', 'drones', 'missile', 'missiles', 'shelling', 'bombing'],
  exchange: ['exchange', 'exchanges', 'swap', 'prisoners', 'prisoner', 'pows', 'bodies'],
  appointment: ['appointment', 'appointed', 'appointments', 'nominated', 'named'],
  resignation: ['resignation', 'resigned', 'resignations', 'dismissed', 'dismissal'],
  aid: ['loan', 'loans', 'pledge', 'pledges', 'aid', 'assistance', 'funding', 'money', 'weapons'],
  decision: ['decision', 'decisions', 'agreement', 'deal', 'ceasefire', 'sanctions', 'truce'],
  casualties: ['casualties', 'killed', 'deaths', 'wounded', 'losses', 'dead'],
};
