/**
 * General-knowledge word lists used by extraction. Data, not rules: widening a list should never
 * need a code change. Every entry is folded (lower case, no diacritics).
 */
const list = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Common given names across the languages that news about Europe, Russia and the US quotes. */
export const FIRST_NAMES = list(`
aaron adam adrian ahmed aleksandr aleksandra aleksei alexei alexey alexander alexandra alex alexis ali alice alina alla amy ana anatoly anatoliy andrea andreas andrei andrey andrew andrii andriy andrzej angela angelina ann anna anne annalena anthony antonio antony antony anton antonin ariel arseniy arseny arthur artem artyom audrey barack beata ben benjamin bernard bill bjorn bob boris boyko brian bruno carl carlos caroline catherine charles charlotte chris christian christine christopher claudia colin daniel daniela danylo darya david denis denys dmitri dmitrii dmitriy dmitry dmytro donald dorothy douglas edward elena elizabeth ellen emmanuel emma eric erik eva evgeny evgeniy fabian francois frank franz friedrich gabriel george georg gerhard giorgia gleb gordon grace greg gregory hakan hanna hannah hans heinrich helen henry herman hillary hugo igor ihor ilya ivan jack jacob jake james jan jane janet jared jason javier jd jean jeffrey jennifer jens jeremy jim joe johan johann johannes john jonas jonathan jose josef joseph juan julia julian julie jurgen justin kaja karin karl karoline kate katherine kathleen keir kevin kim kirill klaus konstantin kristi kristian kristina kurt lars laura lee leon leonid linda lindsey lisa liz lloyd lord louis lucas luis lyudmila magdalena maia marco marcus margaret maria marie marina mario mark markus marta martin mary matteo matthew max maxim maksym mette michael michel mikhail mike mykhailo mykola natalia natalya nicholas nick nicolas nikita nikolai nikolay nina norbert olaf oleg oleksandr oleksii oleksiy olena olga oliver olivier omar oscar pavel pavlo pedro pekka peter petr petro petteri philip philippe pierre piotr radek rafael ralph ramzan rebecca recep richard rishi robert roberto roman ronald rudy rustem ruslan ryan sam samuel sandra sara sarah scott sean sebastian serhii serhiy sergei sergey sergiy simon sofia sophie stanislav stefan stephen steve steven susan svetlana sviatoslav taras ted theresa thomas tim timothy tobias todd tom tony ulf ursula valentina valery valeriy vasyl vera victor viktor viktoria vitali vitaliy vitaly vladimir vladislav vladyslav volodymyr walter wang william wolfgang xavier xi yana yaroslav yevgeny yevhen yulia yuliia yuri yuriy yury zbigniew zoran
`);

/** Honorifics: always followed by a person. */
export const HONORIFICS = list(`mr mrs ms miss dr prof sir dame lord lady madam mme mlle m mm herr frau`);

/** Nouns that name an office or a function. A title before a name, or the head of an appositive. */
export const ROLE_NOUNS = list(`
president vice-president minister secretary envoy advisor adviser ambassador chancellor spokesperson spokesman spokeswoman
negotiator negotiators diplomat general commander chief head leader senator congressman congresswoman representative lawmaker
governor mayor premier speaker aide delegate mediator journalist correspondent editor economist historian analyst expert
commissioner emissary counselor counsellor attorney judge prosecutor lawyer officer colonel captain lieutenant sergeant admiral
marshal member mp mep candidate businessman businesswoman investor billionaire founder chairman chairwoman chair ceo director
professor researcher scholar king queen prince princess pope patriarch official officials ruler dictator strongman oligarch
emir sheikh crown monarch deputy leader lieutenant-general major-general son-in-law whip
ombudsman ombudswoman envoy mediator commissioner coordinator negotiator spokesperson secretary-general diplomat
president-elect minister-president premier governor-general prosecutor-general d'affaires d’affaires
bundeskanzler bundeskanzlerin kanzler kanzlerin prasident prasidentin bundesprasident ministerprasident aussenminister
aussenministerin verteidigungsminister verteidigungsministerin ministerin regierungschef regierungssprecher sprecher
sprecherin berater beraterin botschafter botschafterin unterhandler chefunterhandler sonderbeauftragter sondergesandter
gesandter chef chefin generalsekretar abgeordneter kremlchef staatschef regierungschefin kremlsprecher aussenamtssprecher
ministerprasidentin us-prasident us-aussenminister
sen rep gov gen amb pres sec atty cmdr supt lt col sgt capt adm presenter moderator interviewer
fellow counterpart wife husband widow daughter son brother sister lady reporter columnist commentator anchor
teacher operator activist blogger entrepreneur banker pilot soldier doctor priest cardinal archbishop writer author
filmmaker executive manager engineer scientist tycoon magnate student volunteer medic photographer novelist poet
presidente ministre porte-parole ambassadeur ambassadrice conseiller conseillere secretaire negociateur emissaire
envoye chancelier chanceliere depute deputee
`);

/** Abbreviated titles and the role each stands for: "Sen. X" is a senator, "Nordmark Gov. X" a governor. */
export const TITLE_ABBREVIATIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  sen: 'senator', rep: 'representative', gov: 'governor', gen: 'general', amb: 'ambassador', pres: 'president',
  sec: 'secretary', atty: 'attorney', cmdr: 'commander', supt: 'superintendent', lt: 'lieutenant', col: 'colonel',
  sgt: 'sergeant', capt: 'captain', adm: 'admiral',
});

/** Words that may stand inside a title before the role noun: "US special envoy", "former Prime Minister". */
export const ROLE_MODIFIERS = list(`
special senior chief deputy vice former acting foreign defense defence interior finance security national presidential
state top lead economic military policy prime assistant executive first ex then current new outgoing incoming permanent
general federal regional local party opposition trade justice energy health education culture labour labor
intelligence staff press
`);

/** Words that end a title walk: an article or determiner means the title phrase is over. */
export const TITLE_STOP = list(`a an the and or of with by for to from in on at as that who which his her their its our`);

/** Lower-case particles inside a name: "Ursula von der Leyen", "Charles de Gaulle". */
export const NAME_PARTICLES = list(`van von der den de da di del della du la le bin ibn al el ben dos das ter zu`);

/** Words that make a capitalised phrase an organisation, body or place, never a person. */
export const ORG_WORDS = list(`
council union party headquarters secretariat ministry department committee commission parliament congress senate house assembly agency office bank
fund organization organisation association institute university college company corporation group forces army navy force
service services government administration kremlin pentagon treasury exchequer chancellery elysee élysée downing court times post news press network foundation center centre
alliance league federation republic kingdom states nations coalition front movement board authority police guard command
summit conference talks treaty agreement accord plan initiative fleet sea ocean river lake mountains island islands square
street avenue airport station port bridge hall palace cathedral church mosque region oblast province district county city
platform media channel television radio twitter telegram facebook instagram truth social tiktok youtube x
inc corp corporation co cos ltd plc llc ag gmbh sa nv bv spa holdings securities capital partners industries airlines
motors systems communications technologies international newspaper daily
park gardens museum theatre theater stadium arena hotel embassy consulate rada duma bundestag bundesrat knesset sejm
wire agency agencies cabinet directorate bureau basilica chapel abbey monastery synagogue temple studio studios institut stiftung zentrum ministerium regierung
`);

/** Months and weekdays: capitalised but never a name. */
export const CALENDAR_WORDS = list(`
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
`);

/** Capitalised sentence openers and other capitalised words that are never names. */
export const NOT_NAMES = list(`
a an the this that these those there here it its he she they we i you his her their our my your both all some many most
several each every either neither no not nor in on at by for from with about after before during since until despite amid
amidst following while when where why how what which who whom however moreover meanwhile nevertheless nonetheless also
yet still but and or so if although though because as according recent recently earlier later today yesterday tomorrow
key new old first last next another other such mr mrs ms god ok western eastern northern southern central
dear breaking update updated live exclusive analysis opinion editorial comment watch read more photo video
will would should could might must can shall did does do has have had is are was were be
whether unless once whereas whilst lest upon within without across against among amongst through throughout toward
towards via per beyond behind beside besides inside outside onto into except including like unlike near over under
above below between among than then thus hence therefore instead otherwise indeed perhaps maybe nor neither
asked speaking told said says describing calling noting adding
`);
