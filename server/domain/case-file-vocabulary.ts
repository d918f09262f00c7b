// Capitalised words a Swedish case file is full of that are not people's names: agencies,
// acronyms, legislation, months, weekdays, holidays, and place names (municipalities, regions,
// countries). The name suggestions leave them out. Pure data; lower case (Swedish rules).

const words = (list: string): string[] =>
  list
    .split(/[,\n]/)
    .map((w) => w.trim().toLocaleLowerCase('sv'))
    .filter(Boolean);

/** Agencies, services, laws and acronyms that appear capitalised in running text. */
const TERMS = words(`
  Socialtjänsten, Socialtjänst, Socialnämnden, Socialförvaltningen, Socialsekreterare, Socialstyrelsen, Socialjouren,
  IFO, Individ, Familjeomsorgen, BBIC, SIP, LVU, LVM, SoL, LSS, HSL, OSL, FB, HVB, SiS, BUP, BVC, MVC, VC, PBL,
  Försäkringskassan, Arbetsförmedlingen, Migrationsverket, Polisen, Polismyndigheten, Kriminalvården, Frivården,
  Skatteverket, Kronofogden, Kronofogdemyndigheten, Åklagarmyndigheten, Åklagaren, Tingsrätten, Förvaltningsrätten,
  Kammarrätten, Hovrätten, Högsta, Domstolen, IVO, Inspektionen, Barnahus, Barnahuset, Ungdom, Beroendecentrum,
  Habiliteringen, Elevhälsan, Familjerätten, Familjerättsbyrån, Familjehemmet, Familjecentralen, Mottagningen,
  Öppenvården, Vuxenpsykiatrin, Psykiatrin, Akuten, Sjukhuset, Vårdcentralen, Ungdomsmottagningen, Region, Regionen,
  Landstinget, Kommunen, Kommun, Stadsdelsförvaltningen, Stadsdelen, Förskolan, Skolan, Gymnasiet, Fritids, SFI,
  Komvux, Statens, Institutionsstyrelse, Barnkonventionen, FN, BRIS, Rädda, Barnen, Röda, Korset, Stadsmissionen,
  Kyrkan, Svenska, ADHD, ADD, NPF, PTSD, ASD, AST, DAMP, KBT, MI, ART, COS, FFT, MST, ESL, KOMET, Trappan,
  Covid, Corona, BankID, Swish, Teams, Zoom, Skype, Facebook, Instagram, Snapchat, TikTok, WhatsApp, Google, Messenger,
  Ica, Coop, Systembolaget, Apoteket, SL, SJ, Lifecare, Treserva, Procapita, Viva, Pulsen, Combine,
  Journalanteckning, Utredning, Beslut, Anmälan, Orosanmälan, Ansökan, Uppföljning, Placering, Insats, Bakgrund,
  Bedömning, Sammanfattning, Överväganden, Handläggare, Enhetschef, Dnr, Ärende, Bilaga, Sekretess
`);

const MONTHS_AND_DAYS = words(`
  januari, februari, mars, april, maj, juni, juli, augusti, september, oktober, november, december,
  jan, feb, mar, apr, jun, jul, aug, sep, sept, okt, nov, dec,
  måndag, tisdag, onsdag, torsdag, fredag, lördag, söndag, måndagen, tisdagen, onsdagen, torsdagen, fredagen,
  lördagen, söndagen, jul, julafton, nyår, nyårsafton, påsk, påskafton, midsommar, midsommarafton, trettondagen,
  annandag, kristi, himmelsfärd, pingst, valborg, advent, lucia, allhelgona
`);

/** Sweden's municipalities, regions and provinces, and the countries a case file mentions most. */
const PLACES = words(`
  Ale, Alingsås, Alvesta, Aneby, Arboga, Arjeplog, Arvidsjaur, Arvika, Askersund, Avesta, Bengtsfors, Berg, Bjurholm,
  Bjuv, Boden, Bollebygd, Bollnäs, Borgholm, Borlänge, Borås, Botkyrka, Boxholm, Bromölla, Bräcke, Burlöv, Båstad,
  Dals-Ed, Danderyd, Degerfors, Dorotea, Eda, Ekerö, Eksjö, Emmaboda, Enköping, Eskilstuna, Eslöv, Essunga, Fagersta,
  Falkenberg, Falköping, Falun, Filipstad, Finspång, Flen, Forshaga, Färgelanda, Gagnef, Gislaved, Gnesta, Gnosjö,
  Gotland, Grums, Grästorp, Gullspång, Gällivare, Gävle, Göteborg, Götene, Habo, Hagfors, Hallsberg, Hallstahammar,
  Halmstad, Hammarö, Haninge, Haparanda, Heby, Hedemora, Helsingborg, Herrljunga, Hjo, Hofors, Huddinge, Hudiksvall,
  Hultsfred, Hylte, Håbo, Hällefors, Härjedalen, Härnösand, Härryda, Hässleholm, Höganäs, Högsby, Hörby, Höör,
  Jokkmokk, Järfälla, Jönköping, Kalix, Kalmar, Karlsborg, Karlshamn, Karlskoga, Karlskrona, Karlstad, Katrineholm,
  Kil, Kinda, Kiruna, Klippan, Knivsta, Kramfors, Kristianstad, Kristinehamn, Krokom, Kumla, Kungsbacka, Kungsör,
  Kungälv, Kävlinge, Köping, Laholm, Landskrona, Laxå, Lekeberg, Leksand, Lerum, Lessebo, Lidingö, Lidköping, Lilla,
  Edet, Lindesberg, Linköping, Ljungby, Ljusdal, Ljusnarsberg, Lomma, Ludvika, Luleå, Lund, Lycksele, Lysekil, Malmö,
  Malung-Sälen, Malung, Sälen, Malå, Mariestad, Mark, Markaryd, Mellerud, Mjölby, Mora, Motala, Mullsjö, Munkedal,
  Munkfors, Mölndal, Mönsterås, Mörbylånga, Nacka, Nora, Norberg, Nordanstig, Nordmaling, Norrköping, Norrtälje,
  Norsjö, Nybro, Nykvarn, Nyköping, Nynäshamn, Nässjö, Ockelbo, Olofström, Orsa, Orust, Osby, Oskarshamn, Ovanåker,
  Oxelösund, Pajala, Partille, Perstorp, Piteå, Ragunda, Robertsfors, Ronneby, Rättvik, Sala, Salem, Sandviken,
  Sigtuna, Simrishamn, Sjöbo, Skara, Skellefteå, Skinnskatteberg, Skurup, Skövde, Smedjebacken, Sollefteå,
  Sollentuna, Solna, Sorsele, Sotenäs, Staffanstorp, Stenungsund, Stockholm, Storfors, Storuman, Strängnäs,
  Strömstad, Strömsund, Sundbyberg, Sundsvall, Sunne, Surahammar, Svalöv, Svedala, Svenljunga, Säffle, Säter,
  Sävsjö, Söderhamn, Söderköping, Södertälje, Sölvesborg, Tanum, Tibro, Tidaholm, Tierp, Timrå, Tingsryd, Tjörn,
  Tomelilla, Torsby, Torsås, Tranemo, Tranås, Trelleborg, Trollhättan, Trosa, Tyresö, Täby, Töreboda, Uddevalla,
  Ulricehamn, Umeå, Upplands, Väsby, Upplands-Bro, Uppsala, Uppvidinge, Vadstena, Vaggeryd, Valdemarsvik,
  Vallentuna, Vansbro, Vara, Varberg, Vaxholm, Vellinge, Vetlanda, Vilhelmina, Vimmerby, Vindeln, Vingåker,
  Vårgårda, Vänersborg, Vännäs, Värmdö, Värnamo, Västervik, Västerås, Växjö, Ydre, Ystad, Åmål, Ånge, Åre, Årjäng,
  Åsele, Åstorp, Åtvidaberg, Älmhult, Älvdalen, Älvkarleby, Älvsbyn, Ängelholm, Öckerö, Ödeshög, Örebro,
  Örkelljunga, Örnsköldsvik, Östersund, Österåker, Östhammar, Östra, Göinge, Överkalix, Övertorneå,
  Skåne, Halland, Blekinge, Kronoberg, Östergötland, Västra, Götaland, Värmland, Västmanland, Dalarna, Gävleborg,
  Västernorrland, Jämtland, Västerbotten, Norrbotten, Sörmland, Södermanland, Uppland, Småland, Norrland, Bohuslän,
  Dalsland, Hälsingland, Medelpad, Ångermanland, Lappland, Närke, Öland, Västergötland,
  Sverige, Norge, Danmark, Finland, Island, Tyskland, Polen, Europa, Syrien, Irak, Iran, Somalia, Afghanistan,
  Eritrea, Etiopien, Turkiet, Libanon, Bosnien, Serbien, Kosovo, Rumänien, Ryssland, Ukraina, Thailand, Chile
`);

/** Words never suggested as names, whatever the dictionary says. */
export const CASE_FILE_TERMS: ReadonlySet<string> = new Set([...TERMS, ...MONTHS_AND_DAYS]);

/** Place names: left out unless the word is also a known first name or surname (Berg, Lund). */
export const PLACE_NAMES: ReadonlySet<string> = new Set(PLACES);
