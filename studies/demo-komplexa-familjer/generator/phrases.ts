// Phrase pools for the generated journal. Each template is a function of the context, so names, pronouns,
// schools and interventions fit the family at that date. Pools are drawn with Picker.deck(), so a phrase
// does not come back until its siblings have been used.

import { N, barnen, cap, gen, kid, later, n, schoolWord, staff, time, type Ctx, type T, type Who } from './context.ts';

/** The focus child; builders only use child pools when there is one. */
function B(c: Ctx): Who {
  if (!c.b) throw new Error('phrase needs a child');
  return c.b;
}
function O(c: Ctx): Who {
  if (!c.o) throw new Error('phrase needs another adult');
  return c.o;
}
function G(c: Ctx): Who {
  if (!c.g) throw new Error('phrase needs a relative');
  return c.g;
}

// ---------------------------------------------------------------------------------------------------------
// Telephone calls with a parent

/** Headings for calls the parent makes (in) and calls the caseworker makes (out). */
export const phoneHeadingsIn: T[] = [
  (c) => `telefonsamtal från ${c.p.rel}`,
  (c) => `${c.p.rel} ringer`,
  (c) => `telefonkontakt med ${c.p.rel}`,
  (c) => `inkommande samtal från ${c.p.rel}`,
];
export const phoneHeadingsOut: T[] = [
  (c) => `telefonsamtal med ${c.p.rel}`,
  (c) => `telefonkontakt med ${c.p.rel}`,
  (c) => `samtal med ${c.p.rel} per telefon`,
  (c) => `avstämning med ${c.p.rel} per telefon`,
];

export const phoneOpenersIn: T[] = [
  (c) => `${N(c, c.p)} ringer på förmiddagen och vill stämma av inför nästa möte.`,
  (c) => `${N(c, c.p)} hör av sig strax efter lunch.`,
  (c) => `${N(c, c.p)} ringer tillbaka efter att undertecknad lämnat meddelande på telefonsvararen.`,
  (c) => `${N(c, c.p)} ringer och är upprörd över ett brev ${c.p.hon} har fått.`,
  (c) => `${N(c, c.p)} ringer under telefontiden och ber att få bli kopplad till sin handläggare.`,
  (c) => `${N(c, c.p)} ringer och säger att ${c.p.hon} har funderat på det som sades vid förra mötet.`,
  (c) => `${N(c, c.p)} ringer från bussen och ber att få prata en stund.`,
  (c) => `${N(c, c.p)} ringer tidigt på morgonen, innan ${c.p.hon} ska iväg på ett läkarbesök.`,
  (c) => `${N(c, c.p)} ringer sent på eftermiddagen och vill prata om veckan som gått.`,
  (c) =>
    c.places.phone
      ? `${N(c, c.p)} ringer från ett nytt nummer och ber att undertecknad i fortsättningen använder ${c.places.phone}.`
      : `${N(c, c.p)} ringer från ett dolt nummer.`,
];
export const phoneOpenersOut: T[] = [
  (c) => `Undertecknad ringer ${n(c, c.p)} enligt överenskommelse.`,
  (c) => `Telefonsamtal med ${n(c, c.p)}, som låter pigg och är lätt att prata med i dag.`,
  (c) => `Planerat telefonsamtal med ${n(c, c.p)} i stället för hembesök, eftersom ${c.p.hon} är förkyld.`,
  (c) => `Undertecknad når ${n(c, c.p)} först vid tredje försöket.`,
  (c) => `Kort telefonsamtal med ${n(c, c.p)} på eftermiddagen.`,
  (c) => `Undertecknad ringer ${n(c, c.p)} för att följa upp veckan.`,
  (c) => `Undertecknad ringer ${n(c, c.p)} inför mötet på ${c.wd}.`,
];

/** What a parent says, in phone calls and home visits. The opener has named the parent, so "hon/han" works. */
export const parentSays: T[] = [
  (c) => `${c.p.Hon} tycker att det blir mycket bråk kring läggningen och undrar om det finns något stöd att få.`,
  (c) => `${c.p.Hon} vill veta vem som läser det som skrivs i journalen och får information om hur det fungerar.`,
  (c) => `${c.p.Hon} är missnöjd med att det dröjt innan någon ringt tillbaka och säger att ${c.p.hon} känner sig bortglömd.`,
  (c) => `${c.p.Hon} beskriver att det är svårt att få ihop vardagen och att ${c.p.hon} sover dåligt.`,
  (c) => `${c.p.Hon} har fått en tid på vårdcentralen och ska ta upp sin trötthet där.`,
  (c) => `${c.p.Hon} frågar om mötet på ${c.wd} kan flyttas, eftersom ${c.p.hon} har en annan tid samma dag.`,
  (c) => `${c.p.Hon} säger att förra mötet kändes bättre än ${c.p.hon} hade trott.`,
  (c) => `${c.p.Hon} ber om hjälp att fylla i en blankett till Försäkringskassan.`,
  (c) => `${c.p.Hon} säger att det är lugnt hemma just nu och att ${c.p.hon} inte ser något behov av fler möten i nuläget.`,
  (c) => `${c.p.Hon} är irriterad och tycker att socialtjänsten lägger sig i för mycket.`,
  (c) => `${c.p.Hon} har börjat promenera på kvällarna och säger att det hjälper mot oron.`,
  (c) => `${c.p.Hon} frågar vad som händer nu och får en genomgång av nästa steg.`,
  (c) => `${c.p.Hon} berättar att tvättmaskinen har gått sönder och att det har blivit kaos med kläderna.`,
  (c) => `${c.p.Hon} låter trött och svarar kort på frågorna.`,
  (c) => `${c.p.Hon} berättar om ett bråk med en granne om tvättstugan som ${c.p.hon} fortfarande är upprörd över.`,
  (c) => `${c.p.Hon} vill gärna ha skriftligt vad som gäller, eftersom ${c.p.hon} har svårt att komma ihåg allt som sägs på mötena.`,
  (c) => `${c.p.Hon} säger att helgen blev bättre än väntat och att de var ute i skogen på söndagen.`,
  (c) => `${c.p.Hon} tycker att det är jobbigt att hela tiden behöva berätta sin historia för nya personer.`,
  (c) => `${c.p.Hon} har varit sjuk i influensa och har inte orkat så mycket den här veckan.`,
  (c) => `${c.p.Hon} undrar om ${c.p.hon} kan ta med ${c.p.hon === 'hon' ? 'en väninna' : 'en vän'} som stöd till nästa möte.`,
  (c) => `${c.p.Hon} har ringt skolan själv för att fråga hur det går, vilket ${c.p.hon} inte har gjort tidigare.`,
  (c) => `${c.p.Hon} säger att det har varit tjafs om mobilen och skärmtiden hela veckan.`,

];

/** Parent lines that mention a child living at home. */
export const parentSaysKid: T[] = [
  (c) => `${c.p.Hon} berättar att ${kid(c)} har haft en bra vecka och att morgnarna har gått lättare.`,
  (c) => `${c.p.Hon} undrar om ${kid(c)} kan börja på någon fritidsaktivitet och om kommunen kan hjälpa till med avgiften.`,
  (c) => `${c.p.Hon} har pratat med ${kid(c)} om varför socialtjänsten är inblandad och tycker att det gick bra.`,
  (c) => `${c.p.Hon} upplever att ${kid(c)} har varit mer ledsen den senaste tiden men vet inte varför.`,
  (c) => `${c.p.Hon} säger att ${kid(c)} har fått nya kompisar i området och är ute mer än förut.`,
  (c) => `${c.p.Hon} berättar att ${kid(c)} har börjat somna i sin egen säng igen.`,
  (c) => `${c.p.Hon} säger att ${kid(c)} har varit förkyld och stannat hemma ett par dagar.`,
  (c) => `${c.p.Hon} tycker att ${kid(c)} har blivit mer självständig den senaste tiden.`,
  (c) => `${c.p.Hon} berättar att ${kid(c)} har haft mardrömmar några nätter i rad.`,
  (c) => `${c.p.Hon} säger att ${kid(c)} och ${c.p.hon} har haft en fin helg och varit i badhuset.`,
  (c) => `${c.p.Hon} är orolig för att ${kid(c)} äter dåligt och undrar om det är något att göra något åt.`,
  (c) => `${c.p.Hon} har varit på föräldramöte och tycker att det gick bra att prata med lärarna om ${kid(c)}.`,
];

/** Parent lines about a child placed away from home (c.b is the placed child). */
export const parentSaysPlaced: T[] = [
  (c) => `${c.p.Hon} säger att ${c.p.hon} saknar ${kid(c)} och undrar när nästa umgänge blir.`,
  (c) => `${c.p.Hon} tycker att ${host(c)} inte berättar tillräckligt om hur ${kid(c)} har det.`,
  (c) => `${c.p.Hon} har köpt en present till ${kid(c)} och vill lämna den vid nästa träff.`,
  (c) => `${c.p.Hon} säger att det är tyst och tomt hemma utan ${kid(c)}.`,
  (c) => `${c.p.Hon} vill veta vad som krävs för att ${kid(c)} ska kunna flytta hem.`,
  (c) => `${c.p.Hon} berättar att ${kid(c)} ringde i söndags och lät glad.`,
];

export const parentSaysWithOther: T[] = [
  (c) => `${c.p.Hon} vill att undertecknad pratar med ${n(c, O(c))} också, eftersom de har olika bild av hur det fungerar hemma.`,
  (c) => `${c.p.Hon} säger att ${n(c, O(c))} har tagit mer ansvar för hämtningarna på sistone.`,
  (c) => `${c.p.Hon} berättar att ${c.p.hon} och ${n(c, O(c))} har bråkat om pengar men att det har lugnat sig.`,
  (c) => `${c.p.Hon} tycker att ${n(c, O(c))} är för sträng mot ${barnen(c)} och att det skapar konflikter.`,
];

export const closings: T[] = [
  (c) => `Nytt samtal bokas till ${c.pk.pick(['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag'])} nästa vecka.`,
  (c) => `Undertecknad återkommer med besked ${later(c)}.`,
  (c) => `Överenskommes att ${n(c, c.p)} hör av sig om något förändras.`,
  (c) => `Undertecknad påminner om mötet ${later(c)}.`,
  () => `Inget mer framkommer.`,
  () => `Ingen åtgärd i nuläget.`,
  () => `Samtalet avslutas i god ton.`,
  (c) => `${N(c, c.p)} får numret till socialjouren inför helgen.`,
  () => `Uppgifterna noteras och tas upp vid nästa möte.`,
  (c) => `Undertecknad ringer ${n(c, c.p)} igen ${later(c)}.`,
  () => `Undertecknad stämmer av med gruppledaren.`,
  (c) => `${N(c, c.p)} tackar för samtalet.`,
];

// ---------------------------------------------------------------------------------------------------------
// Home visits

export const homeVariants: Array<{ sub: T; open: T; away?: boolean; kids?: boolean }> = [
  { sub: () => 'hembesök', open: (c) => `Planerat hembesök ${time(c)}. ${N(c, c.p)} är hemma tillsammans med ${kid(c)}.`, kids: true },
  { sub: () => 'oanmält hembesök', open: (c) => `Oanmält hembesök ${time(c)}. Det dröjer en stund innan ${n(c, c.p)} öppnar dörren.` },
  { sub: () => 'hembesök tillsammans med kollega', open: (c) => `Hembesök tillsammans med socialsekreterare ${c.colleague}. ${N(c, c.p)} tar emot i köket.` },
  { sub: () => 'hembesök hos familjen', open: (c) => `Hembesök i bostaden. ${N(c, c.p)} har gjort i ordning kaffe.` },
  { sub: () => 'hembesök, uppföljande', open: (c) => `Uppföljande hembesök efter samtalet förra veckan. ${N(c, c.p)} verkar ha väntat på besöket.` },
  { sub: (c) => `hembesök, samtal med ${c.p.rel}`, open: (c) => `Hembesök ${time(c)}. ${cap(barnen(c))} är inte hemma, så samtalet förs med ${n(c, c.p)} ensam.`, away: true, kids: true },
  { sub: () => 'hembesök', open: (c) => `Hembesök på eftermiddagen. ${N(c, c.p)} sitter på balkongen när undertecknad kommer.` },
];

export const homeSeen: T[] = [
  () => `Lägenheten är städad och det luktar nylagad mat.`,
  (c) => `Det är stökigt i vardagsrummet, men ${n(c, c.p)} förklarar att de håller på att möblera om.`,
  (c) => `${cap(kid(c))} visar sitt rum och teckningarna på väggen.`,
  () => `Tv:n står på under hela besöket.`,
  () => `Det finns mat i kylen och på kylskåpsdörren sitter en matsedel för veckan.`,
  () => `Köket är nystädat och det står blommor på bordet.`,
  () => `Ytterkläderna hänger på krokar i hallen och skorna står i ordning.`,
  (c) => `Det är varmt och instängt i lägenheten; ${n(c, c.p)} öppnar ett fönster.`,
  () => `Samtalet förs vid köksbordet.`,
  (c) => `Det är lugnt i lägenheten och ${n(c, c.p)} verkar avslappnad.`,
  () => `Stämningen är spänd i början men lättar efter en stund.`,
  () => `Det står en stor tvätthög i hallen som ingen verkar ha tid med.`,
  () => `Det är dragigt i lägenheten och ett fönster i barnrummet går inte att stänga ordentligt.`,
  (c) => `${N(c, c.p)} visar de nya sängarna som har kommit på plats.`,
];

export const homeSeenYoung: T[] = [
  (c) => `${B(c).name} kryper upp i ${gen(n(c, c.p))} knä och vill vara nära under samtalet.`,
  (c) => `${B(c).name} leker med duplo på golvet och kommer ibland fram för att visa vad ${B(c).hon} har byggt.`,
  (c) => `${B(c).name} är nyfiken och vill visa sina leksaker.`,
  (c) => `${N(c, c.p)} hjälper ${B(c).name} att ta av sig ytterkläderna och pratar lugnt under tiden.`,
];

export const homeSeenMiddle: T[] = [
  (c) => `${B(c).name} sätter sig en stund vid bordet och berättar om en film ${B(c).hon} har sett.`,
  (c) => `${B(c).name} gör läxor vid köksbordet och ber ${n(c, c.p)} om hjälp med ett tal.`,
  (c) => `${B(c).name} har byggt en koja av soffkuddarna och vill att undertecknad ska titta.`,
  (c) => `${B(c).name} visar en teckning från skolan och berättar vad den föreställer.`,
  (c) => `${B(c).name} spelar tv-spel i vardagsrummet och pausar för att hälsa.`,
];

export const homeSeenTeen: T[] = [
  (c) => `${B(c).name} sitter i soffan med mobilen och hälsar kort.`,
  (c) => `${B(c).name} kommer hem under besöket och går direkt in på sitt rum.`,
  (c) => `${B(c).name} tar en smörgås i köket, pratar en stund och går sedan ut igen.`,
  (c) => `${B(c).name} sitter med under en del av samtalet och har egna synpunkter på hur det fungerar hemma.`,
  (c) => `${B(c).name} sover när undertecknad kommer, trots att det är mitt på dagen.`,
];

// ---------------------------------------------------------------------------------------------------------
// School and preschool

export const schoolVariants: Array<{ sub: T; open: T; school?: boolean }> = [
  { sub: (c) => `kontakt med ${c.schKind === 'forskola' ? 'förskolan' : c.schKind === 'gymnasium' ? 'gymnasiet' : 'skolan'}`, open: (c) => `Telefonsamtal med ${staff(c)} på ${c.sch}.` },
  { sub: (c) => `samtal med ${c.schKind === 'forskola' ? 'förskolan' : c.schKind === 'skola' ? 'klassläraren' : 'mentor'}`, open: (c) => `Samtal med ${staff(c)} om hur ${B(c).name} har det.` },
  { sub: (c) => `mejl från ${c.schKind === 'forskola' ? 'förskolan' : 'skolan'}`, open: (c) => `Mejl från ${staff(c)} på ${c.sch}, som vill ge en lägesbild.` },
  { sub: (c) => `besök på ${c.schKind === 'forskola' ? 'förskolan' : 'skolan'}`, open: (c) => `Besök på ${c.sch} för att träffa ${staff(c)}.` },
  { sub: (c) => `avstämning med ${c.schKind === 'forskola' ? 'förskolan' : 'skolan'}`, open: (c) => `Avstämning med ${staff(c)}, efter samtycke från ${n(c, c.p)}.` },
  { sub: () => 'kontakt med elevhälsan', open: (c) => `Telefonsamtal med ${staff(c)} på ${c.sch}, som har sökt undertecknad.`, school: true },
];

export const schoolSaysForskola: T[] = [
  (c) => `${B(c).name} kommer oftast i tid och har med sig ombyte.`,
  (c) => `Personalen beskriver ${B(c).name} som en glad ${B(c).flicka} som gärna leker med de större barnen.`,
  (c) => `${B(c).name} har svårt att somna på vilan och blir trött framåt eftermiddagen.`,
  (c) => `Lämningarna går bättre nu; ${B(c).name} släpper taget utan att gråta.`,
  (c) => `Förskolan har märkt att ${B(c).name} blir orolig när det är ny personal.`,
  (c) => `${B(c).name} äter bra på förskolan och tar gärna om.`,
  (c) => `Personalen tycker att samarbetet med ${n(c, c.p)} fungerar och att ${c.p.hon} oftast svarar när de ringer.`,
  (c) => `${B(c).name} har varit borta en hel del den senaste månaden.`,
  (c) => `${B(c).name} leker mest ensam men har börjat närma sig ett par kamrater.`,
  (c) => `${B(c).name} har blivit bättre på att säga till när ${B(c).hon} behöver hjälp.`,
  (c) => `Personalen har märkt att ${B(c).name} ofta blir hämtad sent och är sist kvar.`,
  (c) => `${B(c).name} har haft en period med mycket konflikter i sandlådan men det har lugnat sig.`,
];

/** Lågstadiet and fritids, ages 6–9. */
export const schoolSaysLagstadium: T[] = [
  (c) => `${B(c).name} har kommit igång med läsningen och är stolt över sin första kapitelbok.`,
  (c) => `Fritids berättar att ${B(c).name} gärna bygger lego och kan sitta länge med det.`,
  (c) => `${B(c).name} har lärt sig klockan och vill gärna visa det.`,
  (c) => `Fritidspersonalen beskriver att ${B(c).name} ofta är kvar till stängning.`,
];

export const schoolSaysSkola: T[] = [
  (c) => `Klassläraren beskriver ${B(c).name} som hjälpsam men lättdistraherad.`,
  (c) => `${B(c).name} har svårt på rasterna och hamnar ibland i konflikter kring fotbollen.`,
  () => `Närvaron har varit god under terminen.`,
  (c) => `${B(c).name} har fått extra anpassningar i matematik och det har gett resultat.`,
  (c) => `${B(c).name} har flera gånger kommit utan frukost och verkar trött på morgnarna.`,
  (c) => `Skolan har haft utvecklingssamtal där ${n(c, c.p)} deltog.`,
  (c) => `${B(c).name} har en nära kompis i klassen, vilket personalen ser som en styrka.`,
  (c) => `${B(c).name} har varit ledsen några dagar men vill inte säga varför.`,
  (c) => `${B(c).name} behöver mycket vuxenstöd för att komma igång med uppgifterna.`,
  (c) => `${B(c).name} har glömt idrottskläderna flera veckor i rad.`,
  (c) => `${B(c).name} har varit med och spelat teater i klassen och växte enligt läraren av det.`,
];

export const schoolSaysHogstadium: T[] = [
  (c) => `Mentorn beskriver ${B(c).name} som tystlåten på lektionerna men med goda resultat i svenska.`,
  (c) => `${B(c).name} har ogiltig frånvaro på några lektioner, främst idrott.`,
  (c) => `${B(c).name} har börjat komma för sent på morgnarna.`,
  (c) => `Elevhälsan har haft ett samtal med ${B(c).name} om stress inför proven.`,
  (c) => `${B(c).name} riskerar att inte nå godkänt i matematik och engelska; skolan har satt in studiestöd.`,
  (c) => `${B(c).name} umgås med en mindre grupp kamrater och verkar ha det bra på rasterna.`,
  (c) => `Mentorn upplever att ${B(c).name} har mognat under terminen.`,
  (c) => `${B(c).name} har haft en konflikt med en lärare som skolan nu försöker reda ut.`,
  (c) => `${B(c).name} har lämnat in de flesta uppgifterna i tid den här månaden.`,
  (c) => `Skolsköterskan har träffat ${B(c).name}, som sagt att ${B(c).hon} sover för lite.`,
];

export const schoolSaysGymnasium: T[] = [
  (c) => `${B(c).name} trivs med de praktiska ämnena enligt mentorn.`,
  (c) => `Närvaron har sjunkit under våren och mentorn är orolig för att ${B(c).name} ska förlora studiebidraget.`,
  (c) => `${B(c).name} har fått en praktikplats som ${B(c).hon} verkar uppskatta.`,
  (c) => `Studie- och yrkesvägledaren har träffat ${B(c).name} för att prata om vägar vidare.`,
  (c) => `${B(c).name} har klarat de flesta kurserna i höstas men har två kurser kvar att ta igen.`,
  (c) => `Mentorn tycker att ${B(c).name} har hittat en bra grupp i klassen.`,
];

export const schoolClosings: T[] = [
  (c) => `${cap(schoolWord(c.schKind))} hör av sig vid förändring.`,
  (c) => `Överenskommes att ${c.schKind === 'forskola' ? 'förskolan' : 'skolan'} kontaktar undertecknad om frånvaron ökar.`,
  () => `Ny avstämning före terminens slut.`,
  (c) => `Undertecknad informerar ${n(c, c.p)} om samtalet.`,
  () => `Inget ytterligare att åtgärda.`,
];

// ---------------------------------------------------------------------------------------------------------
// Talking with a child

export const childTalkVariants: Array<{ sub: T; open: T; minAge: number; maxAge?: number; school?: boolean; home?: boolean }> = [
  { sub: (c) => `samtal med ${B(c).name}`, open: (c) => `Samtal med ${B(c).name} på kontoret. ${N(c, c.p)} väntar i väntrummet.`, minAge: 4 },
  { sub: (c) => `samtal med ${B(c).name} i skolan`, open: (c) => `Samtal med ${B(c).name} i ett grupprum på ${c.sch}.`, minAge: 7, school: true },
  { sub: (c) => `promenad med ${B(c).name}`, open: (c) => `Undertecknad hämtar ${B(c).name} efter skolan och de tar en promenad och köper var sin glass.`, minAge: 9 },
  { sub: (c) => `enskilt samtal med ${B(c).name}`, open: (c) => `Enskilt samtal med ${B(c).name} i samband med hembesöket, i ${gen(B(c).name)} rum.`, minAge: 5, home: true },
  { sub: (c) => `samtal med ${B(c).name}`, open: (c) => `${B(c).name} har själv bett om att få träffa undertecknad. De ses på ett kafé nära ${c.sch ?? 'skolan'}.`, minAge: 13 },
  { sub: (c) => `samtal med ${B(c).name} hemma`, open: (c) => `Samtal med ${B(c).name} vid köksbordet medan ${n(c, c.p)} är ute med soporna.`, minAge: 6, home: true },
  { sub: (c) => `samtal med ${B(c).name}`, open: (c) => `${B(c).name} följer med till kontoret efter skolan och får välja fika i automaten.`, minAge: 8 },
  { sub: (c) => `samtal med ${B(c).name} på fritids`, open: (c) => `Samtal med ${B(c).name} i ett lugnt rum på fritids.`, minAge: 6, maxAge: 9, school: true },
  { sub: (c) => `barnsamtal med ${B(c).name}`, open: (c) => `Barnsamtal med ${B(c).name} i lekrummet på kontoret, med dockskåp och rita-material framme.`, minAge: 4, maxAge: 8 },
  { sub: (c) => `samtal med ${B(c).name}`, open: (c) => `Undertecknad och ${B(c).name} tar en promenad runt kvarteret medan de pratar.`, minAge: 11 },
  { sub: (c) => `samtal med ${B(c).name} per telefon`, open: (c) => `${B(c).name} ringer själv till undertecknad efter skolan.`, minAge: 13 },
];

export const childSaysYoung: T[] = [
  (c) => `${B(c).name} ritar sin familj och placerar sig själv bredvid ${c.p.rel}.`,
  (c) => `${B(c).name} vill mest leka med dockskåpet och svarar kort på frågor.`,
  (c) => `${B(c).name} säger att det bästa hemma är när de bakar.`,
  (c) => `${B(c).name} visar med figurerna hur det ser ut vid middagen hemma.`,
  (c) => `${B(c).name} berättar om en kompis som ${B(c).hon} leker med varje dag.`,
  (c) => `${B(c).name} säger att ${B(c).hon} blir glad när ${c.p.rel} hämtar tidigt.`,
  (c) => `${B(c).name} pratar mycket om en katt ${B(c).hon} har sett på gården.`,
];

export const childSaysMiddle: T[] = [
  (c) => `${B(c).name} berättar att ${B(c).hon} gillar idrott och helst vill spela match varje dag.`,
  (c) => `${B(c).name} säger att det är tråkigt att prata med soc men att det är okej.`,
  (c) => `${B(c).name} sätter sig själv på en sjua av tio på skalan för hur det känns hemma.`,
  (c) => `${B(c).name} vill inte prata om hemmet men berättar gärna om sitt datorspel.`,
  (c) => `${B(c).name} tycker att det är bra att ${c.p.rel} får hjälp.`,
  (c) => `${B(c).name} säger att ${B(c).hon} ibland oroar sig för ${c.p.rel}.`,
  (c) => `${B(c).name} önskar att ${B(c).hon} fick sova över hos kompisar oftare.`,
  (c) => `${B(c).name} berättar om en lärare som brukar fråga hur ${B(c).hon} mår.`,
  (c) => `${B(c).name} säger att det är jobbigt när de vuxna bråkar och att ${B(c).hon} då sätter på sig hörlurar.`,
];

export const childSaysTeen: T[] = [
  (c) => `${B(c).name} säger att ${B(c).hon} vill bli tillfrågad innan beslut fattas om ${B(c).henne}.`,
  (c) => `${B(c).name} är tystlåten i början men pratar mer när samtalet kommer in på musik.`,
  (c) => `${B(c).name} berättar att ${B(c).hon} har sökt sommarjobb via kommunen.`,
  (c) => `${B(c).name} säger att ${B(c).hon} är trött på att träffa nya socialsekreterare hela tiden.`,
  (c) => `${B(c).name} vill att mötena ska vara kortare och hellre ske efter skolan.`,
  (c) => `${B(c).name} tycker att relationen till ${c.p.rel} har blivit bättre.`,
  (c) => `${B(c).name} frågar vad som står om ${B(c).henne} i journalen och får veta hur ${B(c).hon} kan begära ut den.`,
  (c) => `${B(c).name} säger att ${B(c).hon} mest vill bli lämnad i fred.`,
  (c) => `${B(c).name} berättar att ${B(c).hon} har börjat träna på gym med en kompis.`,
];

export const childClosings: T[] = [
  (c) => `${B(c).name} får veta att undertecknad skriver ner det viktigaste och att ${B(c).hon} kan få läsa det.`,
  () => `Nästa samtal bokas om några veckor.`,
  (c) => `${B(c).name} säger att ${B(c).hon} gärna träffar undertecknad igen.`,
  (c) => `Undertecknad följer ${B(c).name} tillbaka.`,
  (c) => `${B(c).name} vill inte att något särskilt ska föras vidare till ${c.p.rel}, vilket respekteras.`,
];

// ---------------------------------------------------------------------------------------------------------
// Missed meetings, letters, e-mail, consultation, relatives

export const missedVariants: Array<{ sub: T; open: T }> = [
  { sub: () => 'uteblivet besök', open: (c) => `${N(c, c.p)} kommer inte till det bokade mötet ${time(c)}.` },
  { sub: () => 'uteblivet hembesök', open: (c) => `Ingen öppnar vid det planerade hembesöket. Undertecknad ringer ${n(c, c.p)} utan att få svar och lämnar ett meddelande.` },
  { sub: () => 'uteblivet möte', open: (c) => `${N(c, c.p)} har inte kommit till mötet och svarar inte i telefon.` },
  { sub: (c) => `${c.p.rel} lämnar återbud`, open: (c) => `${N(c, c.p)} lämnar återbud samma morgon och säger att ${c.p.hon} är sjuk.` },
];

export const missedFollow: T[] = [
  () => `Ett sms skickas med förslag på ny tid.`,
  () => `Ny kallelse skickas per post.`,
  () => `Undertecknad försöker igen senare under dagen, utan svar.`,
  (c) => `${N(c, c.p)} ringer på eftermiddagen och ber om ursäkt; ${c.p.hon} hade glömt tiden.`,
  () => `Uteblivna möten har blivit vanligare och tas upp vid nästa konsultation.`,
  (c) => `${N(c, c.p)} svarar på sms och föreslår själv en ny tid.`,
];

export const letterVariants: Array<{ sub: T; body: T; investigation?: boolean }> = [
  { sub: () => 'kallelse skickad', body: (c) => `Kallelse till möte på kontoret på ${c.wd} om två veckor skickas till ${n(c, c.p)}.` },
  { sub: () => 'brev skickat', body: (c) => `Brev skickas till ${n(c, c.p)} med information om kommunens föräldrastödsgrupper.` },
  { sub: () => 'handlingar skickade', body: () => `Kopia av genomförandeplanen skickas till vårdnadshavarna.` },
  { sub: () => 'brev skickat', body: (c) => `Brev med kallelse till uppföljningsmöte skickas till familjen, ${c.places.address}.` },
  { sub: (c) => `brev till ${c.p.rel}`, body: (c) => `Brev till ${n(c, c.p)} med förslag på ny mötestid, eftersom undertecknad inte har nått ${c.p.henne} per telefon.` },
  { sub: () => 'intyg utfärdat', body: (c) => `På ${gen(n(c, c.p))} begäran skrivs ett intyg om pågående kontakt med socialtjänsten, till Försäkringskassan.` },
  { sub: () => 'kommunicering', body: (c) => `Utredningen skickas till ${n(c, c.p)} för kommunicering. ${N(c, c.p)} har två veckor på sig att lämna synpunkter.`, investigation: true },
  { sub: () => 'begäran om yttrande', body: () => `Begäran om yttrande skickas till förskolan eller skolan inom ramen för utredningen.`, investigation: true },
  { sub: () => 'samtycke', body: (c) => `${N(c, c.p)} lämnar skriftligt samtycke till att undertecknad får kontakta vårdcentralen och skolan.`, investigation: true },
];

export const mailVariants: Array<{ sub: T; body: T }> = [
  { sub: (c) => `mejl från ${c.p.rel}`, body: (c) => `${N(c, c.p)} mejlar och frågar om tiden för nästa möte. Svar skickas samma dag.` },
  { sub: (c) => `mejl från ${c.p.rel}`, body: (c) => `${N(c, c.p)} skriver att ${c.p.hon} har läst utkastet till planen och vill lägga till att ${c.p.hon} själv vill vara med och bestämma målen.` },
  { sub: (c) => `mejl till ${c.p.rel}`, body: (c) => `Mejl till ${n(c, c.p)} med sammanfattning av gårdagens möte och de punkter som bestämdes.` },
  {
    sub: (c) => `mejl från ${c.p.rel}`,
    body: (c) =>
      c.places.email
        ? `${N(c, c.p)} mejlar från ${c.places.email} och ber att svaret skickas dit i fortsättningen, eftersom ${c.p.hon} inte alltid hör telefonen.`
        : `${N(c, c.p)} mejlar och ber att få svar per mejl i fortsättningen.`,
  },
  { sub: (c) => `mejl från ${c.p.rel}`, body: (c) => `${N(c, c.p)} skickar ett foto på ett brev ${c.p.hon} inte förstår och ber om hjälp. Undertecknad ringer upp och förklarar.` },
];

export const consultVariants: Array<{ sub: T; open: T }> = [
  { sub: () => 'ärendedragning i konsultationsgruppen', open: () => `Ärendet dras på veckans konsultationsmöte.` },
  { sub: () => 'konsultation med gruppledare', open: (c) => `Konsultation med gruppledaren ${c.manager}.` },
  { sub: () => 'ärendet på teamets konsultationsmöte', open: () => `Ärendet tas upp på teamets konsultationsmöte.` },
  { sub: () => 'handledning', open: () => `Ärendet tas upp i grupphandledningen.` },
];

export const consultThoughts: T[] = [
  () => `Gruppen lyfter att det är många aktörer runt familjen och att ingen verkar ha helhetsbilden.`,
  (c) => `Konsultationen landar i att ${barnen(c)} behöver träffas enskilt oftare.`,
  () => `Det diskuteras om en samordnad individuell plan kan behövas.`,
  () => `Gruppen påminner om att barnets perspektiv ska synas tydligare i dokumentationen.`,
  (c) => `Undertecknad tar med sig att erbjuda ett gemensamt möte med ${n(c, c.p)} och nätverket.`,
  () => `Gruppen resonerar om vad som krävs för att familjen ska kunna ta emot stöd just nu.`,
  () => `Det konstateras att familjen har haft många handläggare och att kontinuiteten behöver prioriteras.`,
  () => `Gruppledaren vill att riskbedömningen uppdateras före nästa uppföljning.`,
  () => `Gruppen föreslår att skolan bjuds in till nästa möte.`,
  () => `Kollegorna delar erfarenheter från liknande ärenden där en kortare och tätare kontakt fungerat.`,
];

export const relativeVariants: Array<{ sub: T; open: T }> = [
  { sub: (c) => `samtal med ${G(c).rel}`, open: (c) => `${cap(G(c).rel)} ${G(c).name} ringer undertecknad.` },
  { sub: (c) => `${G(c).rel} ringer`, open: (c) => `${cap(G(c).rel)} hör av sig per telefon.` },
  { sub: (c) => `kontakt med ${G(c).rel}`, open: (c) => `Undertecknad ringer ${G(c).rel}, efter samtycke från ${n(c, c.p)}.` },
];

export const relativeSays: T[] = [
  (c) => `${G(c).Hon} är orolig för ${n(c, c.p)} och vill veta vad socialtjänsten gör. ${G(c).Hon} får information om sekretessen.`,
  (c) => `${G(c).Hon} säger att ${G(c).hon} gärna ställer upp mer men att orken inte alltid räcker.`,
  (c) => `${G(c).Hon} tycker att ${n(c, c.p)} har blivit bättre på att be om hjälp.`,
  (c) => `${G(c).Hon} undrar om ${G(c).hon} kan vara med på nästa nätverksmöte.`,
  (c) => `${G(c).Hon} berättar att ${G(c).hon} har varit sjuk en tid och inte har kunnat hjälpa till som vanligt.`,
  (c) => `${G(c).Hon} har pratat med ${n(c, c.p)} i telefon nästan varje dag den senaste veckan.`,
];

/** Relative lines about children who live at home. */
export const relativeSaysKid: T[] = [
  (c) => `${G(c).Hon} berättar att ${G(c).hon} har haft ${barnen(c)} över helgen och att det gick bra.`,
  (c) => `${G(c).Hon} berättar att ${kid(c)} gärna sover över hos ${G(c).henne} på fredagarna.`,
  (c) => `${G(c).Hon} har hämtat ${kid(c)} på ${c.sch ?? 'skolan'} två dagar i veckan och tycker att det fungerar bra.`,
  (c) => `${G(c).Hon} har märkt att ${kid(c)} har blivit tystare och undrar om något har hänt.`,
];

// ---------------------------------------------------------------------------------------------------------
// Health and other partners, general

export const bvcNotes: T[] = [
  (c) => `BVC-sjuksköterskan berättar att ${B(c).name} har varit på kontroll och att vikten följer kurvan.`,
  (c) => `BVC har erbjudit ${n(c, c.p)} ett extra besök eftersom ${B(c).name} har sovit oroligt.`,
  (c) => `BVC meddelar att ${B(c).name} har fått sina vaccinationer enligt programmet.`,
  (c) => `BVC-sjuksköterskan har gjort hembesök och tycker att ${n(c, c.p)} verkar tryggare i föräldrarollen.`,
];

export const dentalNotes: T[] = [
  (c) => `Folktandvården meddelar att ${B(c).name} har uteblivit från två kallelser.`,
  (c) => `Tandvården har träffat ${B(c).name}, som hade ett par hål som nu är lagade.`,
  (c) => `Tandhygienisten har gett ${B(c).name} och ${n(c, c.p)} råd om tandborstning och socker.`,
];

// ---------------------------------------------------------------------------------------------------------
// Interventions: check-ins and follow-ups

export const interventionNotes: Record<string, T[]> = {
  kontaktfamilj: [
    (c) => `Kontaktfamiljen berättar att ${kid(c)} var hos dem i helgen och att de bakade och var i simhallen.`,
    (c) => `${cap(kid(c))} har börjat ringa kontaktfamiljen själv mellan helgerna.`,
    (c) => `En helg ställdes in eftersom ${kid(c)} var sjuk; den tas igen nästa månad.`,
    (c) => `Kontaktfamiljen upplever att ${kid(c)} har landat hos dem och känner sig hemma.`,
    () => `Kontaktfamiljen undrar om det går att utöka med en vecka under sommaren.`,
    (c) => `Kontaktfamiljen har märkt att ${kid(c)} ofta är trött och hungrig vid hämtningen på fredagarna.`,
    (c) => `${cap(kid(c))} har fått en egen låda med sina saker hemma hos kontaktfamiljen.`,
    (c) => `Kontaktfamiljen har tagit med ${kid(c)} på bio och sedan ätit pizza.`,
    (c) => `Helgen hos kontaktfamiljen fungerade bra; ${kid(c)} sov hela nätterna och var med och plockade svamp.`,
    () => `Kontaktfamiljen har fått förhinder en helg och erbjuder en annan helg i stället.`,
    (c) => `Kontaktfamiljen beskriver att ${kid(c)} pratar mycket om sina kompisar och om en ny kompis på gården.`,
    (c) => `Kontaktfamiljen tycker att överlämningarna på fredagarna har blivit lättare; ${kid(c)} kramar ${n(c, c.p)} hejdå utan att gråta.`,
    () => `Kontaktfamiljen frågar om ersättningen för resorna kan ses över.`,
    (c) => `Kontaktfamiljen har haft med ${kid(c)} på en utflykt till djurparken.`,
  ],
  kontaktperson: [
    (c) => `Kontaktpersonen har träffat ${kid(c)} tre gånger den senaste månaden; de har spelat biljard och ätit hamburgare.`,
    (c) => `Kontaktpersonen tycker att ${kid(c)} har blivit mer pratsam och börjat berätta om skolan.`,
    () => `En träff blev inställd eftersom ingen öppnade hemma; nästa gång bekräftas tiden med sms dagen innan.`,
    (c) => `Kontaktpersonen har följt med ${kid(c)} och provat på boxning.`,
    () => `Kontaktpersonen undrar om det finns pengar till en gemensam utflykt.`,
    (c) => `Kontaktpersonen och ${kid(c)} har börjat ses på biblioteket och gör läxor tillsammans.`,
    (c) => `Kontaktpersonen beskriver att ${kid(c)} ofta vill prata om framtiden och vad ${c.b ? c.b.hon : 'hen'} ska jobba med.`,
    () => `Två träffar har blivit av den här månaden; en ställdes in på grund av sjukdom.`,
    (c) => `Kontaktpersonen har märkt att ${kid(c)} verkar ledsen och har frågat om det finns något som oroar.`,
  ],
  familjebehandling: [
    () => `Familjebehandlaren berättar att arbetet nu handlar om rutiner kring morgon och läggning.`,
    () => `Familjebehandlaren har haft två hembesök sedan förra avstämningen.`,
    (c) => `Fokus har varit att stärka ${n(c, c.p)} i att sätta gränser utan att höja rösten.`,
    (c) => `${N(c, c.p)} har uteblivit från ett av mötena men varit engagerad i de andra.`,
    () => `Familjebehandlaren använder veckoscheman och belöningssystem som familjen själv har varit med och utformat.`,
    () => `Familjebehandlaren ser små men tydliga förbättringar i hur familjen pratar med varandra.`,
    () => `Familjebehandlaren har filmat en måltid hemma och gått igenom den tillsammans med familjen.`,
    (c) => `${N(c, c.p)} har själv föreslagit vad nästa träff ska handla om.`,
    () => `Familjebehandlaren beskriver en tuff vecka med flera konflikter, men familjen har hållit fast vid planen.`,
    () => `Familjebehandlaren har haft ett samtal med barnen utan föräldrarna närvarande.`,
  ],
  foraldrastod: [
    (c) => `${N(c, c.p)} har deltagit i fyra av sex träffar i föräldragruppen.`,
    (c) => `Gruppledaren beskriver ${n(c, c.p)} som aktiv och öppen i gruppen.`,
    (c) => `${N(c, c.p)} har provat att ge beröm i stället för att tjata och tycker att det fungerar bättre.`,
  ],
  boendestod: [
    () => `Boendestödjaren har gjort en veckoplanering för tvätt och inköp tillsammans med familjen.`,
    () => `Boendestödjaren har hjälpt till att sortera posten och betala räkningar.`,
    (c) => `Boendestödjaren beskriver att ${n(c, c.p)} är mer självständig med matlagningen nu.`,
    () => `Boendestödjaren har följt med till apoteket och banken och visat hur man gör själv nästa gång.`,
    (c) => `Boendestödjaren och ${n(c, c.p)} har storstädat köket tillsammans och gjort en städlista med bilder.`,
    () => `Boendestödjaren berättar att ett besök uteblev eftersom ingen öppnade, men att nästa besök fungerade bra.`,
    (c) => `Boendestödjaren har hjälpt ${n(c, c.p)} att boka tider hos tandvården för hela familjen.`,
    () => `Boendestödjaren tycker att matinköpen fungerar bättre sedan de började handla efter en fast lista på måndagar.`,
  ],
  umgangesstod: [
    (c) => `Umgängesstödet rapporterar att umgänget med ${kid(c)} fungerade väl.`,
    (c) => `Ett umgänge ställdes in med kort varsel, vilket ${kid(c)} tog hårt.`,
    () => `Umgängesstödet har inte behövt ingripa vid något tillfälle den senaste perioden.`,
  ],
  avlosning: [
    (c) => `Korttidsboendet berättar att helgen gick bra och att ${kid(c)} var med och lagade tacos.`,
    (c) => `Personalen på korttids beskriver att ${kid(c)} behövde lång tid på sig att landa på fredagen men sedan var lugn.`,
    (c) => `En helg på korttids fick avbrytas på lördagen eftersom ${kid(c)} inte kunde varva ner.`,
    (c) => `${N(c, c.p)} säger att helgerna när ${kid(c)} är på korttids är de enda då ${c.p.hon} sover ordentligt.`,
  ],
  behandling: [
    () => `Behandlaren berättar att samtalen fortsätter varannan vecka.`,
    () => `Behandlaren beskriver ett arbete i små steg och att det tar tid att bygga förtroende.`,
    () => `Behandlaren ser en förbättring men vill fortsätta hela behandlingsperioden.`,
    () => `Behandlaren berättar att ett möte har fått flyttas men att kontakten i övrigt är regelbunden.`,
    () => `Behandlaren tycker att motivationen har ökat den senaste månaden.`,
  ],
  'skyddat-boende': [
    () => `Personalen på det skyddade boendet beskriver att familjen har hittat lugnare rutiner.`,
    (c) => `${N(c, c.p)} har fått hjälp av boendet med kontakter med Försäkringskassan och skolan.`,
    () => `Det skyddade boendet påminner om att en långsiktig boendelösning behöver planeras.`,
  ],
};

export const followUpBodies: T[] = [
  () => `Målen i genomförandeplanen gås igenom ett i taget.`,
  (c) => `${N(c, c.p)} tycker att insatsen gör skillnad och vill att den fortsätter.`,
  () => `Utförarens rapport visar att insatsen har genomförts i stort sett som planerat.`,
  (c) => `${cap(kid(c))} har fått säga sin mening inför uppföljningen och är i huvudsak positiv.`,
  () => `Några mål behöver formuleras om så att de blir mer konkreta.`,
  () => `Det är svårt att bedöma effekten ännu, men samarbetet beskrivs som gott.`,
];

export const followUpClosings: T[] = [
  () => `Insatsen fortsätter oförändrad. Nästa uppföljning om tre månader.`,
  () => `Insatsen fortsätter. Genomförandeplanen revideras.`,
  () => `Överenskommes att insatsen fortsätter och följs upp igen före sommaren.`,
  () => `Fortsatt insats enligt plan. Ny uppföljning bokas.`,
];

// ---------------------------------------------------------------------------------------------------------
// Children placed away from home

/** First sentence of a visit to a placed child; `at` is "i familjehemmet Sandberg" or "på HVB Granbacken". */
export const placementOpeners: Array<(c: Ctx, at: string) => string> = [
  (c, at) => `Besök hos ${B(c).name} ${at}.`,
  (c, at) => `Placeringsbesök ${at}.`,
  (c, at) => `Undertecknad besöker ${B(c).name} ${at} på eftermiddagen.`,
  (c, at) => `Besök ${at} ${time(c)}; ${B(c).name} har just kommit tillbaka från skolan.`,
  (c, at) => `Planerat besök ${at}, där ${B(c).name} och undertecknad pratar en stund på tu man hand.`,
  (c, at) => `Uppföljande besök hos ${B(c).name} ${at}.`,
  (c, at) => `Undertecknad och en kollega besöker ${B(c).name} ${at}.`,
];

/** Who runs a family-type placement, as the journal names them: "familjehemmet", "jourhemmet", "mormor". */
export function host(c: Ctx): string {
  const iv = c.iv;
  if (iv?.contact) return iv.contact;
  if (iv?.type === 'jourhem') return 'jourhemmet';
  if (iv?.type === 'natverkshem') return 'nätverkshemmet';
  return 'familjehemmet';
}

export const placementVisitToddler: T[] = [
  (c) => `${B(c).name} sover middag när undertecknad kommer, och ${host(c)} berättar om veckan under tiden.`,
  (c) => `${cap(host(c))} beskriver att ${B(c).name} äter och sover bra och har börjat säga några nya ord.`,
  (c) => `${B(c).name} sitter i ${gen(host(c))} knä och tittar nyfiket på undertecknad.`,
  (c) => `${cap(host(c))} berättar att ${B(c).name} har varit förkyld men nu är pigg igen.`,
  (c) => `${B(c).name} leker med klossar på golvet och söker ofta ögonkontakt med ${host(c)}.`,
  (c) => `${cap(host(c))} tycker att ${B(c).name} har blivit lugnare vid läggningen.`,
];

export const placementVisitFamily: T[] = [
  (c) => `${B(c).name} visar sitt rum och berättar om en ny cykel.`,
  (c) => `${cap(host(c))} beskriver att ${B(c).name} har kommit in i rutinerna och sover bättre.`,
  (c) => `${B(c).name} säger att ${B(c).hon} saknar ${c.p.rel} men att ${B(c).hon} trivs.`,
  (c) => `${B(c).name} har varit med ${host(c)} på en utflykt till skärgården.`,
  (c) => `${cap(host(c))} tycker att ${B(c).name} har blivit tryggare men att kvällarna fortfarande kan vara svåra.`,
  (c) => `${B(c).name} är glad att se undertecknad och vill visa kaninerna i trädgården.`,
  (c) => `${B(c).name} har varit ledsen efter senaste umgänget och ${host(c)} har suttit uppe med ${B(c).henne} på kvällen.`,
  (c) => `${cap(host(c))} berättar att ${B(c).name} har börjat på en fritidsaktivitet i närheten.`,
];

export const placementVisitTeen: T[] = [
  (c) => `${B(c).name} har börjat övningsköra med ${host(c)} och pratar mest om det.`,
  (c) => `${B(c).name} säger att det är tråkigt att bo långt från kompisarna men att ${B(c).hon} sover bättre än på länge.`,
  (c) => `${cap(host(c))} beskriver att ${B(c).name} har hittat ett sommarjobb i närheten och sköter det.`,
  (c) => `${B(c).name} vill prata om vad som händer när ${B(c).hon} fyller arton.`,
  (c) => `${B(c).name} har haft en konflikt med ${host(c)} om tider på kvällarna, som de har löst tillsammans.`,
  (c) => `${B(c).name} säger att ${B(c).hon} trivs men att ${B(c).hon} inte vill att det ska märkas för mycket.`,
  (c) => `${cap(host(c))} berättar att ${B(c).name} har börjat laga middag en kväll i veckan.`,
];

export const placementVisitSchoolAge: T[] = [
  (c) => `${B(c).name} undrar hur länge ${B(c).hon} ska bo kvar och får ett ärligt svar utifrån det som är känt nu.`,
  (c) => `${B(c).name} har fått en egen nyckel och ansvarar för att rasta hunden.`,
  (c) => `${cap(host(c))} har haft kontakt med skolan om ${gen(B(c).name)} läxor och tycker att samarbetet fungerar.`,
  (c) => `${B(c).name} säger att det bästa med att bo där är att det alltid finns mat och att ingen skriker.`,
  (c) => `${B(c).name} vill prata om sommarlovet och om ${B(c).hon} får åka med på semestern.`,
  (c) => `${B(c).name} visar sina betyg och är stolt över ett A i idrott.`,
];

export const placementVisitHvb: T[] = [
  (c) => `Personalen beskriver en lugnare period för ${B(c).name} utan incidenter.`,
  (c) => `${B(c).name} har rymt en natt men kom tillbaka själv på morgonen.`,
  (c) => `${B(c).name} deltar i skolundervisningen på boendet och har fått godkänt i två ämnen.`,
  (c) => `${B(c).name} säger att ${B(c).hon} vill flytta hem och att boendet är för strikt.`,
  (c) => `Kontaktpersonen på boendet beskriver att ${B(c).name} har börjat lita på några i personalen.`,
  (c) => `${B(c).name} har haft ett bråk med en annan ungdom, som personalen hanterade lugnt.`,
  (c) => `${B(c).name} har fått utökad frigång eftersom veckorna har fungerat.`,
  (c) => `${B(c).name} har börjat i boendets matlagningsgrupp och bjuder undertecknad på kaffe.`,
  (c) => `Personalen berättar att ${B(c).name} har svårt att sova och ofta sitter uppe med nattpersonalen.`,
];

export const visitationBodies: T[] = [
  () => `Umgänget äger rum på kontoret och pågår en timme.`,
  (c) => `${N(c, c.p)} har med sig fika och en present.`,
  (c) => `${N(c, c.p)} kommer tjugo minuter sent, vilket gör ${B(c).name} orolig.`,
  (c) => `Avskedet är svårt och ${B(c).name} gråter en stund.`,
  () => `Umgänget fungerar väl och nästa tillfälle bokas om tre veckor.`,
  (c) => `${N(c, c.p)} och ${B(c).name} tittar på gamla foton tillsammans.`,
  (c) => `${N(c, c.p)} är lugn och uppmärksam och följer ${gen(B(c).name)} initiativ.`,
  (c) => `${N(c, c.p)} har svårt att hålla samtalet på ${gen(B(c).name)} nivå och pratar mycket om sina egna bekymmer.`,
  () => `Umgänget hålls i familjerummet på kontoret, som har gjorts i ordning med leksaker och en soffa.`,
  (c) => `${N(c, c.p)} ringer på morgonen och bekräftar att ${c.p.hon} kommer, vilket ${c.p.hon} inte alltid har gjort tidigare.`,
  (c) => `${B(c).name} har med sig en teckning till ${c.p.rel}.`,
  () => `Umgänget blir kortare än planerat eftersom det blir för mycket för barnet mot slutet.`,
  (c) => `${N(c, c.p)} har bakat bullar som de äter tillsammans.`,
  () => `Umgänget sker utomhus i parken, eftersom vädret är fint.`,
  (c) => `${N(c, c.p)} säger efteråt att det var det bästa umgänget på länge.`,
];

export const visitationBodiesOlder: T[] = [
  (c) => `${B(c).name} är avvaktande i början men spelar sedan kort med ${n(c, c.p)}.`,
  (c) => `${N(c, c.p)} frågar mycket om skolan, och ${B(c).name} svarar gärna.`,
  (c) => `${B(c).name} vill gå ut och fika i stället för att sitta på kontoret, vilket går bra.`,
  (c) => `${B(c).name} frågar ${n(c, c.p)} rakt ut om ${c.p.hon} fortfarande mår dåligt.`,
];

export const fosterWorkerNotes: T[] = [
  (c) => `${cap(host(c))} har fått extra handledning och upplever att det är lättare nu.`,
  () => `Familjehemssekreteraren påminner om att ersättningen behöver ses över inför nästa år.`,
  (c) => `${cap(host(c))} har frågat om avlastning några helger under våren.`,
  () => `Familjehemssekreteraren och undertecknad planerar nästa överläggning om placeringen.`,
  () => `Familjehemssekreteraren har gjort sitt kvartalsbesök och ser ingen oro i placeringen.`,
];

// ---------------------------------------------------------------------------------------------------------
// Network meetings, referee contacts and the emergency service

export const networkThoughts: T[] = [
  () => `Alla beskriver samma bild: mycket har blivit bättre men morgnarna är fortfarande svåra.`,
  () => `Mötet enas om att en person i nätverket ska vara familjens kontaktväg.`,
  () => `Det bestäms att skolan och socialtjänsten ska ha en kort avstämning varannan vecka.`,
  (c) => `${N(c, c.p)} säger att det är skönt att alla är i samma rum för en gångs skull.`,
  () => `Mötet bestämmer att en samordnad individuell plan ska upprättas med hälso- och sjukvården.`,
  () => `Ansvarsfördelningen skrivs ner och skickas till alla deltagare.`,
];

export const refereeOpeners: T[] = [
  (c) => `Referentsamtal med ${staff(c)} på ${c.sch} inom ramen för utredningen.`,
  (c) => `Inom utredningen: samtal med ${staff(c)} på ${c.sch}, efter samtycke från ${n(c, c.p)}.`,
  (c) => `Referenskontakt med ${c.sch} för utredningen.`,
];

export const emergencyBodies: T[] = [
  (c) => `Socialjouren har under helgen haft telefonkontakt med ${n(c, c.p)}, som ville veta hur ${c.p.hon} når sin handläggare. Inget akut; uppgifterna förs vidare till ordinarie handläggare.`,
  (c) => `Socialjouren har fått ett samtal från ${n(c, c.p)}, som var orolig över kvällen. Samtalet avslutades lugnt och ${c.p.hon} skulle höra av sig igen vid behov.`,
  (c) => `Socialjouren noterar att ${n(c, c.p)} ringde på lördagskvällen och ville prata. Inget som krävde åtgärd.`,
  () => `Socialjouren har fått ett samtal från en granne som hört höga röster. Jouren ringde familjen, som sa att allt var lugnt. Ordinarie handläggare informeras.`,
];
