// Theme phrases: what a journal says about a family's problems (or calm) while a theme is active.
// `c.t` is the theme's subject; for parental themes the speaking parent is the subject when they live at home,
// for child themes `c.b` is the child.

import { N, barnen, cap, gen, kid, n, schoolWord, type Ctx, type T, type Who } from './context.ts';
import type { ThemeId } from './types.ts';

function Th(c: Ctx): Who {
  if (!c.t) throw new Error('theme phrase needs a subject');
  return c.t;
}

export interface ThemePhrases {
  /** Is the subject a child (true) or an adult (false)? */
  child: boolean;
  /** Only voiced while a child lives at home (it is about the daily care). */
  needsKids?: boolean;
  /** Child themes about life at home and in the local school; silent while the child is placed. */
  homeOnly?: boolean;
  /** Said by the speaking parent; the opener has named them. */
  parentSays?: T[];
  homeSeen?: T[];
  schoolSays?: T[];
  childSays?: T[];
  /** Extra kinds of journal entry: contacts with partners about this theme. */
  external?: Array<{ sub: T; bodies: T[] }>;
}

export const THEMES: Record<ThemeId, ThemePhrases> = {
  alkohol: {
    child: false,
    parentSays: [
      (c) => `${c.p.Hon} säger att ${c.p.hon} inte har druckit sedan i lördags och att ${c.p.hon} går på AA-möten två gånger i veckan.`,
      (c) => `${c.p.Hon} medger att det blev för mycket vin i helgen och att ${c.p.hon} skäms över det.`,
      (c) => `${c.p.Hon} tycker att ${c.p.hon} har koll på sitt drickande och förstår inte varför alla tjatar om det.`,
      (c) => `${c.p.Hon} har fått en tid på beroendemottagningen men är osäker på om ${c.p.hon} ska gå dit.`,
      (c) => `${c.p.Hon} har tackat nej till en fest för att inte hamna i gamla mönster.`,
      (c) => `${c.p.Hon} säger att helgerna är svårast och att ${c.p.hon} försöker planera in aktiviteter med ${barnen(c)}.`,
      (c) => `${c.p.Hon} har börjat ta Antabus och säger att det gör det lättare att låta bli.`,
      (c) => `${c.p.Hon} erkänner att ${c.p.hon} drack ensam i fredags och säger att ${c.p.hon} vill prata om det.`,
      (c) => `${c.p.Hon} tycker att det är orättvist att ${c.p.hon} ska behöva lämna prover när andra föräldrar inte behöver det.`,
    ],
    homeSeen: [
      (c) => `På diskbänken står flera tomma flaskor som ${n(c, c.p)} säger är från en middag.`,
      (c) => `${N(c, c.p)} luktar alkohol, trots att det är förmiddag.`,
      (c) => `${N(c, c.p)} verkar nykter och är klar i tanken under hela besöket.`,
    ],
    schoolSays: [
      (c) => `Personalen har vid ett par tillfällen känt lukt av alkohol när ${Th(c).rel} hämtar.`,
      (c) => `${c.b ? c.b.name : 'Barnet'} har berättat för en pedagog att det var fest hemma i helgen.`,
    ],
    childSays: [
      (c) => `${c.b?.name} säger att ${Th(c).rel} blir ”konstig” efter att ha druckit och att ${c.b?.hon} då går in på sitt rum.`,
      (c) => `${c.b?.name} berättar att ${Th(c).rel} har slutat dricka öl på kvällarna och att det är skönt.`,
    ],
    external: [
      {
        sub: () => 'kontakt med beroendemottagningen',
        bodies: [
          (c) => `Beroendemottagningen bekräftar, med samtycke, att ${n(c, Th(c))} har lämnat PEth-prov och att värdet har sjunkit sedan förra provet.`,
          (c) => `${N(c, Th(c))} uteblev från sitt besök på beroendemottagningen och har inte bokat ny tid.`,
          (c) => `Behandlaren på beroendemottagningen säger att ${n(c, Th(c))} är motiverad men har svårt med helgerna.`,
        ],
      },
      {
        sub: () => 'samråd med vuxenenheten',
        bodies: [
          (c) => `Samråd med ${gen(n(c, Th(c)))} handläggare på vuxenenheten om hur planeringen för ${barnen(c)} och för ${Th(c).henne} kan hänga ihop.`,
          () => `Vuxenenheten och barn och unga går igenom vilka insatser som pågår, så att de inte krockar med varandra.`,
        ],
      },
    ],
  },

  narkotika: {
    child: false,
    parentSays: [
      (c) => `${c.p.Hon} säger att ${c.p.hon} har varit drogfri i fem veckor och vill visa det med prover.`,
      (c) => `${c.p.Hon} har tappat bort kallelsen till provtagningen och ber om en ny tid.`,
      (c) => `${c.p.Hon} berättar att gamla bekanta har hört av sig och att ${c.p.hon} försöker hålla sig undan.`,
      (c) => `${c.p.Hon} blir irriterad när provtagningen kommer på tal och säger att ${c.p.hon} känner sig misstrodd.`,
      (c) => `${c.p.Hon} säger att ${c.p.hon} mår bättre i kroppen nu och har börjat äta ordentligt igen.`,
      (c) => `${c.p.Hon} berättar att ${c.p.hon} har bytt telefonnummer för att slippa gamla kontakter.`,
      (c) => `${c.p.Hon} säger att sug efter droger kommer mest på kvällarna och att ${c.p.hon} då ringer en vän från behandlingen.`,
      (c) => `${c.p.Hon} medger att ${c.p.hon} har haft en dålig vecka men säger att ${c.p.hon} inte har tagit något.`,
      (c) => `${c.p.Hon} undrar om ett negativt provsvar kan skickas till ${c.p.henne} skriftligt, så att ${c.p.hon} kan visa det.`,
      (c) => `${c.p.Hon} har gått på NA-möte två gånger den här veckan.`,
    ],
    homeSeen: [
      (c) => `${N(c, c.p)} är rastlös under besöket, pratar snabbt och har svårt att sitta still.`,
      (c) => `${N(c, c.p)} verkar trött och frånvarande; ${c.p.hon} säger att ${c.p.hon} har sovit dåligt.`,
      (c) => `${N(c, c.p)} verkar klar och fokuserad och pratar om framtiden.`,
    ],
    childSays: [
      (c) => `${c.b?.name} säger att ${Th(c).rel} sover mycket på dagarna.`,
      (c) => `${c.b?.name} tycker att ${Th(c).rel} har varit gladare på sistone.`,
    ],
    external: [
      {
        sub: () => 'provsvar från beroendemottagningen',
        bodies: [
          (c) => `Provsvar: ${gen(n(c, Th(c)))} urinprov från den senaste veckan var negativa.`,
          (c) => `${N(c, Th(c))} har uteblivit från två av tre provtagningar den senaste månaden.`,
          (c) => `Beroendemottagningen meddelar att ${n(c, Th(c))} lämnar prover enligt schemat och att samtalskontakten fortsätter.`,
        ],
      },
    ],
  },

  'psykisk-ohalsa': {
    child: false,
    parentSays: [
      (c) => `${c.p.Hon} berättar att ${c.p.hon} har svårt att sova och att tankarna går runt på nätterna.`,
      (c) => `${c.p.Hon} säger att medicinen hjälper men att ${c.p.hon} blir väldigt trött av den.`,
      (c) => `${c.p.Hon} har haft några bra veckor och orkar mer med hushållet.`,
      (c) => `${c.p.Hon} säger att ${c.p.hon} har dragit sig undan vänner den senaste tiden.`,
      (c) => `${c.p.Hon} har fått en ny samtalskontakt på psykiatrin och tycker att de har börjat bra.`,
      (c) => `${c.p.Hon} berättar att ångesten kommer mest på kvällarna, när det har blivit tyst hemma.`,
      (c) => `${c.p.Hon} säger att ${c.p.hon} har haft svårt att ta sig ut och att handlingen har fått vänta.`,
      (c) => `${c.p.Hon} berättar att ${c.p.hon} har börjat skriva ner hur ${c.p.hon} sover varje natt, som läkaren föreslog.`,
      (c) => `${c.p.Hon} säger att ${c.p.hon} känner sig piggare och har börjat träffa en väninna igen.`,
      (c) => `${c.p.Hon} beskriver en orolig period med mycket tankar men säger att ${c.p.hon} har koll på sina varningstecken.`,
    ],
    homeSeen: [
      () => `Rullgardinerna är nerdragna trots att det är mitt på dagen.`,
      (c) => `${N(c, c.p)} är blek och talar lågt, men följer samtalet.`,
      (c) => `${N(c, c.p)} är mer aktiv än vid förra besöket och har börjat rensa i förrådet.`,
    ],
    schoolSays: [
      (c) => `${c.b?.name} frågar ofta efter ${Th(c).rel} och vill ringa hem under dagen.`,
      (c) => `Personalen har märkt att ${c.b?.name} är mer orolig de dagar ${Th(c).rel} inte själv lämnar.`,
    ],
    childSays: [
      (c) => `${c.b?.name} säger att ${Th(c).rel} är ledsen ibland och att ${c.b?.hon} då försöker vara extra snäll.`,
      (c) => `${c.b?.name} berättar att ${c.b?.hon} ibland lagar maten själv när ${Th(c).rel} ligger i sängen.`,
    ],
    external: [
      {
        sub: () => 'kontakt med vuxenpsykiatrin',
        bodies: [
          (c) => `Med ${gen(n(c, Th(c)))} samtycke kontaktas vuxenpsykiatrin. Kontaktsjuksköterskan bekräftar att ${Th(c).hon} kommer på sina besök och att medicineringen är stabil.`,
          (c) => `Vuxenpsykiatrin meddelar att ${n(c, Th(c))} har avbokat ett besök men har en ny tid nästa vecka.`,
          (c) => `Vuxenpsykiatrin beskriver ${n(c, Th(c))} som mer stabil än tidigare, men med fortsatt nedstämdhet.`,
        ],
      },
    ],
  },

  'intellektuell-funktionsnedsattning': {
    child: false,
    parentSays: [
      (c) => `${c.p.Hon} har svårt att komma ihåg vad som sades förra gången; undertecknad upprepar och skriver ner det viktigaste.`,
      (c) => `${c.p.Hon} visar en lapp där boendestödet har skrivit upp veckans tider.`,
      (c) => `${c.p.Hon} säger att breven från myndigheterna är svåra att förstå och ber om hjälp att läsa dem.`,
      (c) => `${c.p.Hon} frågar flera gånger om ${c.p.hon} har gjort något fel och behöver lugnas.`,
      (c) => `${c.p.Hon} berättar stolt att ${c.p.hon} har lagat köttbullar och potatis till ${barnen(c)} tre dagar i rad.`,
      (c) => `${c.p.Hon} har tappat bort busskortet och vet inte hur ${c.p.hon} ska ta sig till mötet.`,
      (c) => `${c.p.Hon} vill att undertecknad ringer i stället för att skicka brev.`,
      (c) => `${c.p.Hon} säger att det är svårt när flera personer pratar samtidigt på mötena.`,
    ],
    homeSeen: [
      () => `På kylskåpet sitter ett bildschema för morgonrutinerna.`,
      (c) => `Disken har samlats på bänken, men ${n(c, c.p)} säger att den ska tas i kväll.`,
      () => `Det är rent men rörigt; kläder ligger i högar på golvet i barnrummet.`,
    ],
    external: [
      {
        sub: () => 'kontakt med god man',
        bodies: [
          (c) => `${cap(gen(n(c, Th(c))))} gode man meddelar att hyran för månaden är betald och att det finns pengar till mat.`,
          (c) => `Gode mannen är bekymrad över att ${n(c, Th(c))} har tecknat ett mobilabonnemang per telefon som ${Th(c).hon} inte har råd med.`,
        ],
      },
      {
        sub: () => 'samråd med enheten för funktionsnedsättning',
        bodies: [
          (c) => `Samråd med LSS-handläggaren om ${gen(n(c, Th(c)))} behov av stöd i föräldraskapet och vem som gör vad.`,
          () => `Enheten för funktionsnedsättning och barn och unga kommer överens om att ses regelbundet kring familjen.`,
        ],
      },
    ],
  },

  omsorgssvikt: {
    child: false,
    needsKids: true,
    parentSays: [
      (c) => `${c.p.Hon} säger att ${c.p.hon} inte har hunnit handla och att de äter det som finns hemma.`,
      (c) => `${c.p.Hon} menar att ${barnen(c)} klarar sig bra och att skolan överdriver.`,
      (c) => `${c.p.Hon} har glömt tandläkartiden igen och vill ha en påminnelse per sms.`,
      (c) => `${c.p.Hon} säger att det är svårt att få ${barnen(c)} i säng i tid och att det ofta blir sent framför tv:n.`,
    ],
    homeSeen: [
      () => `Det luktar instängt och disken har stått i flera dagar.`,
      () => `I kylskåpet finns i stort sett bara mjölk och ketchup.`,
      () => `Sängarna i barnrummet saknar lakan.`,
      (c) => `Det är städat i dag och ${n(c, c.p)} visar stolt att ${c.p.hon} har köpt nya gardiner.`,
    ],
    schoolSays: [
      (c) => `${c.b?.name} har inte haft med sig gympakläder på flera veckor.`,
      (c) => `${c.b?.name} kommer ofta i samma kläder flera dagar i rad.`,
      (c) => `${c.b?.name} är hungrig på morgonen och äter gärna extra frukost.`,
      (c) => `${c.b?.name} har inte fått sina läxor påskrivna på hela terminen.`,
    ],
    childSays: [
      (c) => `${c.b?.name} säger att ${c.b?.hon} ibland gör frukost själv eftersom ${Th(c).rel} sover.`,
      (c) => `${c.b?.name} berättar att det inte finns någon som hjälper till med läxorna.`,
    ],
    external: [
      {
        sub: () => 'kontakt med tandvården',
        bodies: [
          (c) => `Folktandvården meddelar att ${c.kids.length > 1 ? 'flera av barnen' : kid(c)} har kariesangrepp och att kallelser har uteblivit. ${N(c, c.p)} har fått en ny tid.`,
          () => `Tandvården har gjort en orosanmälan tidigare och vill veta om familjen har stöd nu. Undertecknad bekräftar att ärendet är aktuellt.`,
        ],
      },
    ],
  },

  'vald-i-nara-relation': {
    child: false,
    parentSays: [
      (c) => `${c.p.Hon} berättar att ${n(c, Th(c))} har skickat flera sms under veckan och att ${c.p.hon} inte har svarat.`,
      (c) => `${c.p.Hon} säger att ${c.p.hon} är rädd att ${n(c, Th(c))} ska dyka upp vid skolan.`,
      (c) => `${c.p.Hon} har stödsamtal på familjevåldsmottagningen och tycker att de hjälper.`,
      (c) => `${c.p.Hon} säger att det är lugnt just nu men att ${c.p.hon} fortfarande går på tå.`,
      (c) => `${c.p.Hon} har svårt att sova och vaknar av minsta ljud i trapphuset.`,
      (c) => `${c.p.Hon} har sett ${gen(n(c, Th(c)))} bil på parkeringen vid affären och blev rädd.`,
      (c) => `${c.p.Hon} säger att ${c.p.hon} har börjat våga gå ut på kvällarna igen.`,
      (c) => `${c.p.Hon} har sparat alla meddelanden från ${n(c, Th(c))} i en mapp, som polisen rådde ${c.p.henne} att göra.`,
    ],
    homeSeen: [
      () => `Det sitter ett nytt lås på ytterdörren.`,
      (c) => `${N(c, c.p)} tittar ut genom fönstret flera gånger under besöket.`,
    ],
    childSays: [
      (c) => `${c.b?.name} säger att ${c.b?.hon} inte vill träffa ${Th(c).rel} just nu.`,
      (c) => `${c.b?.name} berättar att ${c.b?.hon} har mardrömmar om bråken.`,
      (c) => `${c.b?.name} säger att ${c.b?.hon} saknar ${Th(c).rel} ibland men att det är skönt att det är lugnt hemma.`,
    ],
    schoolSays: [
      (c) => `${c.b?.name} har varit ledsen och sagt till en lärare att ${c.b?.hon} är rädd att bli hämtad av fel person.`,
      (c) => `${cap(schoolWord(c.schKind))} har fått en lista över vilka som får hämta och följer den.`,
    ],
    external: [
      {
        sub: () => 'kontakt med familjevåldsmottagningen',
        bodies: [
          (c) => `Familjevåldsmottagningen bekräftar att ${n(c, c.p)} går på stödsamtal varannan vecka.`,
          (c) => `Familjevåldsmottagningen erbjuder ${kidName(c)} samtal i barngrupp.`,
        ],
      },
      {
        sub: () => 'kontakt med polisen',
        bodies: [
          (c) => `Polisens utredare meddelar att förundersökningen mot ${n(c, Th(c))} pågår och att ${barnen(c)} kan komma att höras.`,
          () => `Polisen har gjort en ny hotbedömning och ser inget behov av ytterligare skydd just nu.`,
        ],
      },
    ],
  },

  'ekonomi-boende': {
    child: false,
    parentSays: [
      (c) => `${c.p.Hon} berättar att pengarna inte räcker till slutet av månaden och undrar om ekonomiskt bistånd kan hjälpa till.`,
      (c) => `${c.p.Hon} har fått ett brev från hyresvärden om obetald hyra.`,
      (c) => `${c.p.Hon} har varit på bostadsförmedlingen men kön är lång.`,
      (c) => `${c.p.Hon} har fått ett betalningsföreläggande från Kronofogden och vet inte vad ${c.p.hon} ska göra.`,
      (c) => `${c.p.Hon} säger att ${barnen(c)} inte kan följa med på skolresan eftersom den kostar pengar.`,
      (c) => `${c.p.Hon} har sökt tre jobb den här veckan men inte fått svar.`,
      (c) => `${c.p.Hon} berättar att matkassen från kyrkan räckte en vecka.`,
      (c) => `${c.p.Hon} har fått ett elräkningsbesked som är dubbelt så högt som vanligt och vet inte hur ${c.p.hon} ska betala.`,
      (c) => `${c.p.Hon} säger att det är skönt att hyran äntligen dras automatiskt.`,
    ],
    homeSeen: [
      () => `Lägenheten är för trång för familjen och det saknas sängar.`,
      (c) => `Det är kallt i lägenheten och ${n(c, c.p)} säger att elementen inte fungerar.`,
      (c) => `${N(c, c.p)} visar en hög med obetalda räkningar på köksbordet.`,
    ],
    external: [
      {
        sub: () => 'samråd med ekonomiskt bistånd',
        bodies: [
          () => `Samråd med handläggaren på ekonomiskt bistånd om familjens ansökan om försörjningsstöd.`,
          (c) => `Ekonomiskt bistånd har beviljat pengar till vinterkläder till ${barnen(c)}.`,
        ],
      },
      {
        sub: () => 'kontakt med hyresvärden',
        bodies: [
          () => `Hyresvärden meddelar att skulden är två månadshyror och att en avbetalningsplan är möjlig.`,
          () => `Hyresvärden har fått klagomål på störningar och vill ha ett möte med familjen.`,
        ],
      },
    ],
  },

  'foralder-kriminalitet': {
    child: false,
    parentSays: [
      (c) => `${c.p.Hon} berättar att ${n(c, Th(c))} har ringt från anstalten och vill prata med ${barnen(c)}.`,
      (c) => `${c.p.Hon} vet inte när ${n(c, Th(c))} släpps och tycker att det är svårt att förklara för ${barnen(c)}.`,
      (c) => `${c.p.Hon} oroar sig för vilka personer som hör av sig och frågar efter ${n(c, Th(c))}.`,
      (c) => `${c.p.Hon} har fått ett brev från ${n(c, Th(c))} som ${c.p.hon} inte vet om ${c.p.hon} ska visa för ${barnen(c)}.`,
      (c) => `${c.p.Hon} säger att det är lättare att få ihop vardagen nu när ${c.p.hon} inte behöver oroa sig för vad ${n(c, Th(c))} håller på med.`,
      (c) => `${c.p.Hon} undrar om ${barnen(c)} kan få prata med någon om att ${n(c, Th(c))} sitter i fängelse.`,
    ],
    childSays: [
      (c) => `${c.b?.name} undrar när ${Th(c).rel} kommer hem.`,
      (c) => `${c.b?.name} säger att det är pinsamt när kompisarna pratar om ${Th(c).rel}.`,
    ],
    external: [
      {
        sub: () => 'kontakt med frivården',
        bodies: [
          (c) => `Frivården meddelar att ${n(c, Th(c))} har påbörjat sin övervakning och kommer på sina tider.`,
          (c) => `Frivården vill veta om ${barnen(c)} kan träffa ${n(c, Th(c))} och hur socialtjänsten ser på det.`,
        ],
      },
      {
        sub: () => 'kontakt med kriminalvården',
        bodies: [
          (c) => `Anstalten meddelar att ${n(c, Th(c))} har ansökt om besök av ${barnen(c)}. Barnets perspektiv diskuteras inför beslut.`,
        ],
      },
    ],
  },

  skolfranvaro: {
    child: true,
    homeOnly: true,
    parentSays: [
      (c) => `${c.p.Hon} berättar att ${Th(c).name} inte har velat gå till skolan i veckan och att morgnarna blir en strid.`,
      (c) => `${c.p.Hon} säger att ${Th(c).name} har ont i magen varje söndagskväll.`,
      (c) => `${c.p.Hon} har följt ${Th(c).name} till skolan och suttit med första lektionen.`,
      (c) => `${c.p.Hon} vet inte längre hur ${c.p.hon} ska få ${Th(c).name} till skolan.`,
      (c) => `${c.p.Hon} berättar att ${Th(c).name} klarade en hel skoldag i tisdags och var stolt efteråt.`,
      (c) => `${c.p.Hon} säger att ${Th(c).name} sover till lunch om ingen väcker ${Th(c).henne}.`,
      (c) => `${c.p.Hon} har fått hem ett brev om frånvaron och blev ledsen av tonen i det.`,
    ],
    schoolSays: [
      () => `Närvaron är under femtio procent den senaste månaden.`,
      (c) => `${Th(c).name} har kommit till skolan tre av fem dagar denna vecka, vilket är en förbättring.`,
      () => `Skolan har upprättat en åtgärdsplan för ökad närvaro.`,
      (c) => `${Th(c).name} har varit i skolan men suttit i biblioteket större delen av dagen.`,
    ],
    childSays: [
      (c) => `${Th(c).name} säger att det är för mycket ljud i klassrummet.`,
      (c) => `${Th(c).name} vill inte säga varför ${Th(c).hon} stannar hemma, men säger att det inte handlar om mobbning.`,
      (c) => `${Th(c).name} tror att ${Th(c).hon} skulle klara en kortare skoldag.`,
    ],
    external: [
      {
        sub: () => 'kontakt med elevhälsan',
        bodies: [
          (c) => `Elevhälsoteamet har haft möte om ${gen(Th(c).name)} frånvaro och föreslår en anpassad studiegång.`,
          (c) => `Skolpsykologen har träffat ${Th(c).name} två gånger och vill fortsätta.`,
        ],
      },
    ],
  },

  utagerande: {
    child: true,
    parentSays: [
      (c) => `${c.p.Hon} berättar att ${Th(c).name} slog sönder en dörr i helgen efter att ha fått nej till datorn.`,
      (c) => `${c.p.Hon} säger att ${Th(c).name} har blivit lugnare sedan ${Th(c).hon} började träna igen.`,
      (c) => `${c.p.Hon} är rädd för ${gen(Th(c).name)} utbrott och låser in sig på toaletten när det är som värst.`,
      (c) => `${c.p.Hon} säger att syskonen håller sig undan när ${Th(c).name} blir arg.`,
      (c) => `${c.p.Hon} berättar att ${Th(c).name} bad om förlåtelse efter ett utbrott i veckan, vilket inte har hänt förut.`,
      (c) => `${c.p.Hon} har börjat skriva ner vad som händer innan ${Th(c).name} blir arg, för att se ett mönster.`,
      (c) => `${c.p.Hon} säger att kvällarna fortfarande är svårast och att ${c.p.hon} inte vågar säga nej till ${Th(c).name} efter klockan åtta.`,
      (c) => `${c.p.Hon} berättar att ${Th(c).name} har haft en lugn vecka och att de har spelat spel tillsammans.`,
    ],
    schoolSays: [
      (c) => `${Th(c).name} har hamnat i bråk med andra barn och fått gå hem tidigare.`,
      (c) => `${cap(schoolWord(c.schKind))} har fått sätta in extra personal efter ett utbrott i barngruppen.`,
      (c) => `${Th(c).name} har haft en lugnare vecka med färre konflikter.`,
    ],
    childSays: [
      (c) => `${Th(c).name} säger att ${Th(c).hon} blir arg när folk tjatar och att det bara exploderar.`,
      (c) => `${Th(c).name} tycker att de vuxna i skolan inte lyssnar.`,
    ],
  },

  npf: {
    child: true,
    parentSays: [
      (c) => `${c.p.Hon} berättar att ${Th(c).name} har svårt med övergångar och att allt nytt tar tid.`,
      (c) => `${c.p.Hon} säger att medicinen har gjort att ${Th(c).name} kan koncentrera sig bättre.`,
      (c) => `${c.p.Hon} väntar fortfarande på besked från habiliteringen.`,
      (c) => `${c.p.Hon} berättar att ${Th(c).name} har börjat använda ett schema med bilder hemma och att morgnarna går lättare.`,
      (c) => `${c.p.Hon} säger att ${Th(c).name} blev helt slut efter ett kalas och behövde en hel dag för att återhämta sig.`,
      (c) => `${c.p.Hon} har varit på föräldrautbildning om ADHD och tyckte att den var bra.`,
    ],
    schoolSays: [
      (c) => `${Th(c).name} har fått en egen arbetsplats med skärmar, vilket fungerar bättre.`,
      () => `Specialpedagogen har gjort ett bildstöd för dagens schema.`,
      (c) => `${Th(c).name} blir överväldigad i matsalen och äter numera i ett mindre rum.`,
    ],
    childSays: [
      (c) => `${Th(c).name} säger att det är skönt med hörselkåporna.`,
      (c) => `${Th(c).name} pratar länge och engagerat om tåg och tidtabeller.`,
    ],
    external: [
      {
        sub: () => 'kontakt med habiliteringen',
        bodies: [
          (c) => `Habiliteringen erbjuder föräldrautbildning om autism och ${n(c, c.p)} är intresserad.`,
          (c) => `Arbetsterapeuten på habiliteringen har provat ut tyngdtäcke och bildstöd för ${Th(c).name}.`,
        ],
      },
      {
        sub: () => 'kontakt med BUP',
        bodies: [
          (c) => `BUP meddelar att ${Th(c).name} har fått en ny tid för medicinuppföljning.`,
          (c) => `BUP har justerat ${gen(Th(c).name)} medicin och vill att skolan skattar effekten.`,
        ],
      },
    ],
  },

  hedersrelaterat: {
    child: true,
    parentSays: [
      (c) => `${c.p.Hon} säger att familjen bara vill skydda ${Th(c).name} och att socialtjänsten inte förstår.`,
      (c) => `${c.p.Hon} frågar var ${Th(c).name} är och blir upprörd när ${c.p.hon} inte får svar.`,
    ],
    schoolSays: [
      (c) => `Kuratorn berättar att ${Th(c).name} inte får delta i simundervisningen och att frågan är känslig.`,
      (c) => `${Th(c).name} blir hämtad direkt efter skolan av en släkting varje dag.`,
    ],
    childSays: [
      (c) => `${Th(c).name} berättar att ${Th(c).hon} måste redovisa var ${Th(c).hon} är hela tiden.`,
      (c) => `${Th(c).name} säger att ${Th(c).hon} är rädd för vad släkten ska säga.`,
      (c) => `${Th(c).name} vill inte att föräldrarna ska få veta vad ${Th(c).hon} har berättat.`,
      (c) => `${Th(c).name} säger att ${Th(c).hon} saknar sina småsyskon mest av allt.`,
    ],
    external: [
      {
        sub: () => 'samråd med kompetensteamet',
        bodies: [
          () => `Samråd med det regionala kompetensteamet mot hedersrelaterat våld och förtryck inför nästa steg i planeringen.`,
          () => `Kompetensteamet påminner om att möten med föräldrarna ska planeras så att de inte kan röja var barnet bor.`,
        ],
      },
    ],
  },

  ungdomskriminalitet: {
    child: true,
    homeOnly: true,
    parentSays: [
      (c) => `${c.p.Hon} berättar att ${Th(c).name} kommer hem sent och vägrar säga var ${Th(c).hon} har varit.`,
      (c) => `${c.p.Hon} har hittat nya, dyra kläder i ${gen(Th(c).name)} garderob och vet inte var de kommer ifrån.`,
      (c) => `${c.p.Hon} tror att ${Th(c).name} har slutat umgås med de äldre killarna, men är inte säker.`,
    ],
    childSays: [
      (c) => `${Th(c).name} säger att ${Th(c).hon} inte har gjort något och att polisen alltid stoppar just ${Th(c).henne}.`,
      (c) => `${Th(c).name} vill ha ett jobb och tjäna egna pengar.`,
      (c) => `${Th(c).name} säger att ${Th(c).hon} vet vilka ${Th(c).hon} ska hålla sig borta från.`,
    ],
    schoolSays: [
      (c) => `${Th(c).name} har inte varit i skolan på två veckor.`,
      (c) => `${Th(c).name} har synts utanför skolan under lektionstid tillsammans med äldre ungdomar.`,
    ],
    external: [
      {
        sub: () => 'kontakt med polisen',
        bodies: [
          (c) => `Kommunpolisen berättar att ${Th(c).name} har setts med äldre ungdomar vid centrumet sent på kvällarna.`,
          (c) => `Polisen meddelar att ${Th(c).name} har hörts som misstänkt för snatteri; ärendet går vidare till åklagare.`,
        ],
      },
      {
        sub: () => 'kontakt med fältgruppen',
        bodies: [
          (c) => `Fältassistenterna har pratat med ${Th(c).name} vid fritidsgården och upplever att ${Th(c).hon} var lättare att nå nu.`,
          (c) => `Fältgruppen har sett ${Th(c).name} ute sent flera kvällar i rad och har kört hem ${Th(c).henne} en gång.`,
        ],
      },
    ],
  },

  stabil: {
    child: false,
    parentSays: [
      (c) => `${c.p.Hon} säger att det är den lugnaste perioden på länge.`,
      (c) => `${c.p.Hon} berättar att ${c.p.hon} har börjat på en kurs på Komvux.`,
      (c) => `${c.p.Hon} tycker att vardagen har hittat en rytm.`,
      (c) => `${c.p.Hon} säger att ${c.p.hon} inte längre känner samma oro inför helgerna.`,
      (c) => `${c.p.Hon} berättar att familjen har börjat äta middag tillsammans varje kväll.`,
      (c) => `${c.p.Hon} säger att det inte har hänt något särskilt, och att det är just det som är så skönt.`,
      (c) => `${c.p.Hon} berättar att familjen har varit på semester en vecka hos släktingar.`,
      (c) => `${c.p.Hon} tycker att det räcker med att ses en gång i månaden nu.`,
    ],
    homeSeen: [
      () => `Det är lugnt i hemmet och ingen verkar stressad.`,
      () => `På kylskåpet sitter ett schema över veckans aktiviteter.`,
    ],
    schoolSays: [
      (c) => `${cap(schoolWord(c.schKind))} ser ingen oro just nu och beskriver ${c.b?.name} som glad och närvarande.`,
      (c) => `${c.b?.name} har haft nästan full närvaro hela terminen.`,
    ],
    childSays: [
      (c) => `${c.b?.name} säger att det är bra hemma nu.`,
      (c) => `${c.b?.name} berättar att ${c.b?.hon} har börjat i en fotbollsklubb och har träning två gånger i veckan.`,
    ],
  },
};

function kidName(c: Ctx): string {
  return c.b ? c.b.name : barnen(c);
}
