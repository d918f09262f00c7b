// Swedish UI strings for Backspegel, plus tiny helpers to format them.
// Every string the user sees lives here; components call t('key', { param }) and the date helpers below.
import type { EntryKind } from '../../server/domain/types.ts';

/** All UI strings; `{name}` marks a parameter filled in by t(). */
export const sv = {
  'app.name': 'Backspegel',
  'app.skipToMain': 'Hoppa till innehållet',
  'app.logout': 'Logga ut',
  'app.signedInAs': 'Inloggad som {name}',
  'app.loading': 'Laddar …',
  'app.notFound': 'Sidan finns inte.',
  'app.backToStart': 'Till startsidan',
  'app.breadcrumbs': 'Du är här',

  'login.title': 'Logga in',
  'login.intro': 'Logga in med ditt konto för att arbeta med studiens akter.',
  'login.username': 'Användarnamn',
  'login.password': 'Lösenord',
  'login.submit': 'Logga in',
  'login.busy': 'Loggar in …',
  'login.invalid': 'Fel användarnamn eller lösenord.',
  'login.throttled': 'För många misslyckade försök. Vänta en stund och försök igen.',
  'login.expired': 'Du har loggats ut eftersom sessionen gick ut. Logga in igen för att fortsätta.',
  'login.loggedOut': 'Du är utloggad.',

  'studies.title': 'Mina studier',
  'studies.empty': 'Du är inte med i någon studie ännu.',
  'studies.role': 'Din roll: {role}',

  'role.lead': 'projektledare',
  'role.researcher': 'forskare',
  'role.caseworker': 'socialsekreterare',

  'study.questions': 'Reflektionsfrågor',
  'study.families': 'Mina familjer',
  'study.familiesAll': 'Familjer i studien',
  'study.noFamilies': 'Inga familjer är tilldelade dig i den här studien.',
  'study.col.family': 'Familj',
  'study.col.years': 'År',
  'study.col.documents': 'Dokument',
  'study.col.annotations': 'Mina markeringar',
  'study.col.reflections': 'Mina texter',
  'study.ongoing': 'pågående',
  'study.reflectionsWritten': '{n} av {total} texter',
  'study.legalBasis.follow-up': 'Rättslig grund: uppföljning i verksamheten',
  'study.legalBasis.research': 'Rättslig grund: forskning',
  'study.ethics': 'Etikgodkännande: {ref}',
  'study.endDate': 'Studien avslutas {date}',

  'family.tabs': 'Delar av familjens sida',
  'family.tab.reader': 'Akten',
  'family.tab.reflections': 'Reflektioner',
  'family.years': 'Känd {years}',
  'family.documents': '{n} dokument',
  'family.reader': 'Akten i datumordning',
  'family.noDocuments': 'Familjen har inga dokument ännu.',
  'family.orphans': 'Markeringar som inte längre hittas i texten',
  'family.orphansIntro': 'Texten har ändrats så att de här markeringarna inte kunde placeras igen. De sparas ändå.',
  'family.conflict': 'Markeringen har ändrats av någon annan sedan du öppnade den. Den senaste versionen visas nu – gör om din ändring om den behövs.',
  'family.deleted': 'Markeringen togs bort.',
  'family.saved': 'Markeringen sparades.',

  'timeline.title': 'Tidslinje',
  'timeline.entries': '{n} händelser',
  'timeline.entry': '1 händelse',
  'timeline.show': 'Visa händelser {year}',
  'timeline.marker': '{label} ×{n}',

  'reader.preamble': 'Inledning',
  'reader.markAs': 'Markera som:',
  'reader.markHint': 'Tangent 1–{n}',
  'reader.crossBlocks': 'Markera text inom en händelse i taget.',
  'reader.badge': 'Markering för fråga {number}: {label}',
  'reader.annotationsInBlock': 'Markeringar i händelsen',

  'kind.anmalan': 'Anmälan',
  'kind.ansokan': 'Ansökan',
  'kind.utredning': 'Utredning',
  'kind.beslut': 'Beslut',
  'kind.journalanteckning': 'Journalanteckning',
  'kind.uppfoljning': 'Uppföljning',
  'kind.sip': 'SIP',
  'kind.placering': 'Placering',
  'kind.ovrigt': 'Övrigt',

  'annotation.newTitle': 'Ny markering',
  'annotation.editTitle': 'Redigera markering',
  'annotation.quote': 'Markerad text',
  'annotation.question': 'Fråga',
  'annotation.comment': 'Kommentar (Markdown)',
  'annotation.known': 'Känt vid tidpunkten?',
  'annotation.known.yes': 'Ja',
  'annotation.known.no': 'Nej',
  'annotation.known.unknown': 'Vet ej',
  'annotation.knownLine': 'Känt vid tidpunkten: {value}',
  'annotation.save': 'Spara',
  'annotation.saving': 'Sparar …',
  'annotation.cancel': 'Avbryt',
  'annotation.shortcuts': 'Ctrl+Enter sparar, Esc avbryter.',
  'annotation.edit': 'Redigera',
  'annotation.delete': 'Ta bort',
  'annotation.confirmDelete': 'Ta bort markeringen?',
  'annotation.confirmYes': 'Ja, ta bort',
  'annotation.confirmNo': 'Behåll',
  'annotation.byline': '{author}, {date}',
  'annotation.reanchored': 'Texten har ändrats; markeringen har flyttats till samma citat.',
  'annotation.editLabel': 'Redigera markering: {quote}',
  'annotation.deleteLabel': 'Ta bort markering: {quote}',

  'markdown.preview': 'Förhandsgranska',
  'markdown.empty': 'Ingen text ännu.',
  'markdown.help': 'Markdown: **fet**, *kursiv*, - lista, [länk](https://…)',

  'reflections.title': 'Reflektioner',
  'reflections.intro': 'Skriv en sammanfattning av familjens historia och en reflektion per fråga. Texten sparas automatiskt medan du skriver.',
  'reflections.summary': 'Sammanfattning',
  'reflections.status.idle': 'Inte påbörjad',
  'reflections.status.loaded': 'Senast sparad {date} av {name}',
  'reflections.status.dirty': 'Ändringar som inte sparats ännu',
  'reflections.status.saving': 'Sparar …',
  'reflections.status.saved': 'Sparat {time}',
  'reflections.status.error': 'Kunde inte spara – försöker igen',
  'reflections.status.failed': 'Kunde inte spara: {message}',
  'reflections.status.conflict': 'Inte sparat – se meddelandet ovan',
  'reflections.conflict': 'Någon annan ({name}) har sparat en nyare version av den här texten. Din text finns kvar i rutan nedan. Välj vilken version som ska gälla.',
  'reflections.conflictTheirs': 'Den sparade versionen',
  'reflections.overwrite': 'Skriv över med min text',
  'reflections.useSaved': 'Använd den sparade versionen',
  'reflections.someone': 'okänd',

  'import.title': 'Importera dokument',
  'import.intro': 'Textfil (.txt eller .md, högst 20 MB). Dokumentet delas upp i daterade händelser och pseudonymiseras vid import.',
  'import.file': 'Fil',
  'import.docTitle': 'Titel (valfri)',
  'import.submit': 'Importera',
  'import.busy': 'Importerar …',
  'import.progress': 'Uppladdning',
  'import.done': 'Dokumentet importerades: {n} daterade händelser.',
  'import.chooseFile': 'Välj en fil att importera.',
  'import.wrongType': 'Endast .txt- och .md-filer kan importeras.',

  'error.network': 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.',
  'error.forbidden': 'Du har inte behörighet att göra det här.',
  'error.not_found': 'Det du sökte finns inte, eller så har du inte tillgång till det.',
  'error.too_large': 'Filen är för stor (högst 20 MB).',
  'error.unsupported_type': 'Endast .txt- och .md-filer kan importeras.',
  'error.empty_document': 'Dokumentet är tomt.',
  'error.invalid_text': 'Texten kunde inte läsas. Kontrollera att filen är en textfil i UTF-8.',
  'error.validation': 'Kontrollera uppgifterna: {message}',
  'error.too_many_attempts': 'För många försök. Vänta en stund och försök igen.',
  'error.unknown': 'Något gick fel ({status}). Försök igen.',
} as const;

export type MessageKey = keyof typeof sv;

/** Looks up a UI string and fills `{param}` placeholders: t('timeline.entries', { n: 3 }) → "3 händelser". */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return sv[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Like t() for a key built at run time (e.g. `kind.${kind}`); null when there is no such string. */
export function tKey(key: string, params: Record<string, string | number> = {}): string | null {
  return key in sv ? t(key as MessageKey, params) : null;
}

const longDate = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const clock = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const longDates = new Map<string, string>();

/** "2009-03-14" → "14 mars 2009" (the calendar date as written, whatever the time zone). Cached: the reader
 * formats thousands of dates at once. */
export function formatDateLong(iso: string): string {
  let text = longDates.get(iso);
  if (text === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    text = m ? longDate.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso;
    longDates.set(iso, text);
  }
  return text;
}

/** A timestamp as "14 mars 2024 14:32" in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** A Date as "14:32" in local time. */
export function formatClock(d: Date): string {
  return clock.format(d);
}

/** The Swedish label of an entry kind: 'journalanteckning' → "Journalanteckning". */
export function kindLabel(kind: EntryKind | string): string {
  const key = `kind.${kind}`;
  return key in sv ? sv[key as MessageKey] : kind;
}
