/** Event kinds and the words that signal them. Folded and stemmed the way text/tokenize stems. */
export type EventKind = 'talks' | 'statement' | 'attack' | 'aid' | 'call' | 'decision' | 'casualties';

export const EVENT_TRIGGERS: Record<EventKind, RegExp> = {
  talks: new RegExp(
    [
      String.raw`\b(?:held|hold|holds|holding|engaged in|began|begin|opened|resumed|concluded|wrapped up|attended|hosted|host)\s+(?:[\w-]+\s+){0,3}(?:talks|negotiations|meetings?|discussions|consultations|summit)\b`,
      String.raw`\b(?:talks|negotiations|meetings?|discussions|summit|consultations)\s+(?:in|at|between|with)\s+(?:the\s+)?\p{Lu}`,
      String.raw`\b(?:talks|negotiations)\b[^.;]{0,80}?\b(?:stalled|resumed|began|ended|collapsed|broke down|opened|concluded|continued|produced)\b`,
      String.raw`\b(?:met|meets|gathered|convened)\b`,
      String.raw`\b\w+-day\s+(?:talks|negotiations|meetings?|summit|visit)`,
      String.raw`\b(?:visited|round of talks)\b`,
    ].join('|'),
    'u',
  ),
  statement: /\b(message|statements?|posted|tweeted|announced|published|press conference|addressed|shared on|wrote on|said in a statement)\b/i,
  attack: /\b(strikes?|struck (?:the |a )?(?:city|port|town|village|capital|region|targets?|infrastructure)|airstrikes?|air strikes?|attacks?|attacked|shelling|shelled|bomb(?:ing|ed|s)|missiles?|drones?|offensive|assault|invasion|invaded|escalated its military)\b/i,
  aid: /\b(loans?|pledged?|pledges|promised|aid|assistance|(?:aid|military|financial) package|funding|granted|financing)\b/i,
  call: /\b(phone call|call with|calls with|phoned|on the phone|conversation with|spoke with|spoke to|talked with|talked to|video link|telephone)\b/i,
  decision: /\b(agreed to|agreed on|agreed in|decided to|signed (?:a|an|the)|approved|adopted|declared a (?:ceasefire|truce)|(?:ceasefire|truce) (?:took effect|began|was agreed|came into force)|imposed sanctions|struck a deal|reached (?:a|an) (?:deal|agreement)|exchange,? agreed|(?:completed|carried out|conducted|agreed)\s+(?:[\w-]+\s+){0,4}(?:exchange|swap))\b/i,
  casualties: /\b(killed|casualties|dead|deaths|wounded|injured|losses|lost their lives)\b/i,
};

/** Kinds that, found together in one sentence, are separate events (talks during a strike). */
export const COMPATIBLE_KINDS: EventKind[][] = [['talks', 'attack'], ['talks', 'aid'], ['call', 'aid'], ['talks', 'decision']];

/** Order matters: a sentence with a strike and a pledge is first of all a strike. */
export const EVENT_PRIORITY: EventKind[] = ['attack', 'casualties', 'call', 'talks', 'decision', 'aid', 'statement'];

/** Words a user may type for a kind ("airstrikes", "meeting") mapped to the kind. */
export const EVENT_KIND_WORDS: Record<EventKind, string[]> = {
  talks: ['talks', 'negotiations', 'meeting', 'meetings', 'summit', 'discussions'],
  statement: ['statement', 'statements', 'message', 'messages', 'post', 'posts', 'announcement'],
  attack: ['strike', 'strikes', 'airstrike', 'airstrikes', 'attack', 'attacks', 'drone', 'drones', 'missile', 'missiles', 'shelling', 'bombing'],
  aid: ['loan', 'loans', 'pledge', 'pledges', 'aid', 'assistance', 'funding', 'money'],
  call: ['call', 'calls', 'phone', 'conversation'],
  decision: ['decision', 'decisions', 'agreement', 'deal', 'ceasefire', 'sanctions'],
  casualties: ['casualties', 'killed', 'deaths', 'wounded', 'losses'],
};
