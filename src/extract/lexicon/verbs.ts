/** Verbs (and fixed phrases) that report speech. Folded, inflected forms listed as they occur. */
const list = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const SPEECH_VERBS = list(`
said says say saying blamed blames told tells telling stated states stating noted notes noting added adds adding warned warns warning
emphasized emphasised emphasizes emphasises emphasizing stressed stresses stressing indicated indicates declared declares
announced announces explained explains argued argues claimed claims insisted insists suggested suggests wrote writes writing
posted posts tweeted tweets shared shares described describes describing called calls asked asks replied replies responded
responds conveyed conveys confirmed confirms denied denies acknowledged acknowledges admitted admits underlined underlines
underscored underscores reiterated reiterates recalled recalls remarked remarks observed observes commented comments
predicted predicts promised promises vowed vows urged urges accused accuses advocated advocates expressed expresses
mentioned mentions reported reports assured assures cautioned cautions concluded concludes estimated estimates
maintained maintains contended contends countered counters proposed proposes pledged pledges hailed hails praised praises
criticized criticised criticizes criticises condemned condemns dismissed dismisses rejected rejects welcomed welcomes
pointed points believes believed thinks thought hoped hopes announced added quipped joked boasted lamented complained
continued continues echoed echoes answered answers retorted retorts conceded concedes asserted asserts alleged alleges
charged charges demanded demands wondered wonders mused muses griped gripes scoffed scoffs chided chides mocked mocks
derided derides thanked thanks summarized summarised summarizes summarises elaborated elaborates clarified clarifies
repeated repeats reminded reminds informed informs advised advises confessed confesses recounted recounts testified
testifies declared declares proclaimed proclaims insisted replied recalled explained tweeted wrote texted emailed
written spoken spoke speaks referred
declaring insisting claiming calling labeling labelling describing noting warning stressing arguing announcing urging
accusing suggesting predicting promising vowing pledging praising criticizing criticising condemning dismissing rejecting
welcoming boasting lamenting complaining joking quipping lecturing preaching tweeting posting writing telling asking
replying responding confirming denying admitting acknowledging explaining recalling reiterating maintaining contending
countering proposing concluding cautioning assuring reporting mentioning expressing advocating emphasizing emphasising
label labels labeled labelled interjected interjects chimed retorted remembered remembers
barked snapped fumed shouted yelled exclaimed exclaims
pressed presses pleaded pleads muttered mutters whispered whispers sighed protested protests objected objects
proclaim proclaims ventured commended commends applauded applauds lauded lauds
bemoaned bemoans decried decries slammed slams blasted blasts lambasted lambasts ridiculed ridicules touted touts bragged brags groused grouses judged judges affirmed affirms hammered deplored deplores regretted regrets denounced denounces confided confides reckoned reckons
 refers quoted quotes add tell warn note insist argue claim explain stress suggest ask reply respond admit acknowledge deny confirm announce predict promise urge declare write recall concede
sagte sagt erklärte erklarte betonte schrieb fügte fugte warnte déclaré declare dit affirmé affirme souligné souligne ajouté ajoute écrit ecrit
`);

/**
 * Verbs that report speech only in the inverted order right after a quotation, as translations from
 * French have them ("« … », launched the minister", "rejoiced M. Berg"); elsewhere they are no cue
 * ("Russia launched drones").
 */
export const INVERTED_ONLY = list(`launched rejoiced exulted thundered ironised ironized fustigated castigated lambasted slammed tempered
nuanced congratulated worried fretted enthused specified detailed cut smiled laughed shrugged read reads`);

/** Particles that complete a phrasal cue: "pointed out", "spelled out". */
export const CUE_PARTICLES = list(`out up`);

/** Cues that introduce reported speech without "that": "accused Russia of", "urged allies to", "called for", "promised to". */
export const REPORTING_WITHOUT_THAT = /^(accused|accuses|accusing|blamed|blames|blaming|urging|denying|rejecting|welcoming|praising|condemning|criticising|criticizing|urged|urges|called for|calls for|advocated for|advocates for|advocated|warned of|warned against|expressed|expresses|denied|denies|rejected|rejects|welcomed|welcomes|criticized|criticised|condemned|condemns|praised|hailed|promised to|promises to|vowed to|vows to|pledged to|pledges to|threatened to|threatens to)\b/;

/**
 * A judgement said of something: "described the talks as constructive", "called the conversation
 * useful", "called it a mistake". Only with "as", or an article or a word of judgement after the
 * object: "called the meeting" alone convenes it, "called Trump" is a phone call.
 */
export const JUDGEMENT = /^(?:described|describes|describing)\s+[^,.;“”"]{1,60}?\s+as\s+\S|^(?:called|calls|calling)\s+(?:\p{Lu}[\p{L}’'-]*\s+){0,2}\p{Lu}[\p{L}’'-]*\s(?:a|an)\s(?!(?:day|week|month|year|few|number|couple|lot|bit|total|series|range)\b)\p{Ll}|^(?:called|calls|calling)\s+(?:it|this|that|them|(?:the|his|her|their|its|this|that|these|those)\s+(?:[\p{L}’'-]+\s+){0,8}?[\p{L}-]+)\s+(?:(?:a|an)\s+(?!(?:day|week|month|year|few|number|couple|lot|bit|total|series|range)\b)\p{Ll}|(?:very\s+|highly\s+|extremely\s+|quite\s+|"|“)?(?:useful|constructive|productive|substantive|positive|negative|good|bad|great|excellent|frank|open|fruitful|successful|important|historic|unacceptable|absurd|ridiculous|dangerous|premature|serious|encouraging|disappointing|meaningful|businesslike|friendly|difficult|tough|warm|honest|critical|shameful|unfriendly|reckless|outrageous|provocative|irresponsible|false|baseless|cynical|hypocritical|legitimate|illegal|unjustified|crucial|vital|essential)\b)/u;

/** Cues that are too weak to make a reported statement on their own ("shared on X" is not speech). */
export const WEAK_CUES = list(`shared shares posted posts described describes describing called calls thought believed believes thinks`);

/** Verbs that take an object before "that": "told reporters that", "assured allies that". */
export const TELL_VERBS = list(`told tells tell assured assures assure informed informs inform reminded reminds remind warned warns warn urged urges urge`);

/** Say-verbs whose clause often comes without "that": "X said the talks had failed". */
export const BARE_CLAUSE_VERBS = list(`said says say saying added adds adding noted notes argued argues insisted insists claimed claims believes believed thinks thought wrote writes stressed stresses`);

/** Phrasal reporting verbs, head and particle: "went on", "shot back", "chimed in". */
export const PHRASAL_SPEECH: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  went: 'on', goes: 'on', go: 'on', shot: 'back', fired: 'back', chimed: 'in', cut: 'in', piped: 'up', spoke: 'up', hit: 'back',
});
