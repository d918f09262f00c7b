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
  'app.nav': 'Huvudmeny',
  'app.accounts': 'Konton',
  'app.changePassword': 'Byt lösenord',

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

  'password.title': 'Byt lösenord',
  'password.requiredIntro': 'Du har loggat in med ett engångslösenord. Välj ett eget lösenord innan du fortsätter.',
  'password.intro': 'Välj ett nytt lösenord för ditt konto. Dina inloggningar på andra ställen avslutas.',
  'password.current': 'Nuvarande lösenord',
  'password.currentHint': 'Engångslösenordet, om du fick ett.',
  'password.next': 'Nytt lösenord',
  'password.nextHint': 'Minst 12 tecken. Några ord i följd är lätta att minnas och svåra att gissa.',
  'password.repeat': 'Upprepa det nya lösenordet',
  'password.submit': 'Byt lösenord',
  'password.busy': 'Byter lösenord …',
  'password.cancel': 'Avbryt',
  'password.changed': 'Ditt lösenord är bytt.',
  'password.missing': 'Fyll i alla tre fälten.',
  'password.tooShort': 'Det nya lösenordet ska vara minst 12 tecken.',
  'password.mismatch': 'Det nya lösenordet och upprepningen är inte likadana.',
  'password.unchanged': 'Det nya lösenordet måste skilja sig från det nuvarande.',
  'password.wrong': 'Det nuvarande lösenordet stämmer inte.',

  'studies.title': 'Mina studier',
  'studies.empty': 'Du är inte med i någon studie ännu.',
  'studies.role': 'Din roll: {role}',

  'role.lead': 'projektledare',
  'role.researcher': 'forskare',
  'role.caseworker': 'socialsekreterare',
  'roleName.lead': 'Projektledare',
  'roleName.researcher': 'Forskare',
  'roleName.caseworker': 'Socialsekreterare',

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
  'study.tools': 'Projektledarens verktyg',
  'study.settingsLink': 'Studieinställningar',
  'study.auditLink': 'Granskningslogg',

  'settings.title': 'Studieinställningar',
  'settings.about': 'Om studien',
  'settings.studyTitle': 'Titel',
  'settings.description': 'Beskrivning',
  'settings.legalBasis': 'Rättslig grund',
  'settings.legalBasis.follow-up': 'Uppföljning i verksamheten',
  'settings.legalBasis.research': 'Forskning',
  'settings.ethics': 'Etikgodkännande (diarienummer)',
  'settings.ethicsHint': 'Till exempel Dnr 2026-01234-01. Lämna tomt om det inte finns något.',
  'settings.endDate': 'Slutdatum',
  'settings.endDateHint': 'Lämna tomt om studien inte har något slutdatum.',
  'settings.researchBlocked': 'Forskning utan etikgodkännande: forskarna i studien ser inte studien förrän ett diarienummer har angetts.',
  'settings.researchOpen': 'Forskarna i studien har tillgång, eftersom etikgodkännandet är angivet.',
  'settings.followUpNote': 'Uppföljning i verksamheten kräver inget etikgodkännande; forskarna i studien har tillgång.',
  'settings.save': 'Spara inställningar',
  'settings.saving': 'Sparar …',
  'settings.saved': 'Inställningarna sparades.',
  'settings.titleRequired': 'Ange en titel för studien.',
  'settings.conflict': 'Någon annan har ändrat studien. Sidan har laddats om.',
  'settings.unsaved': 'Ändringar som inte sparats ännu.',

  'members.title': 'Medlemmar',
  'members.intro': 'Vilka som är med i studien och med vilken roll. Studien behöver minst en projektledare. En socialsekreterare som tas bort förlorar också sina familjer.',
  'members.col.name': 'Namn',
  'members.col.username': 'Användarnamn',
  'members.col.role': 'Roll',
  'members.col.actions': 'Åtgärd',
  'members.roleFor': 'Roll för {name}',
  'members.remove': 'Ta bort',
  'members.removeLabel': 'Ta bort {name} ur studien',
  'members.add': 'Lägg till en medlem',
  'members.account': 'Konto',
  'members.chooseAccount': 'Välj ett konto …',
  'members.role': 'Roll',
  'members.addButton': 'Lägg till i listan',
  'members.noAccounts': 'Alla aktiva konton är redan med i studien.',
  'members.save': 'Spara medlemmar',
  'members.saved': 'Medlemmarna sparades.',
  'members.chooseFirst': 'Välj ett konto att lägga till.',

  'assign.title': 'Familjer och socialsekreterare',
  'assign.intro': 'Kryssa i vilka socialsekreterare som läser varje familjs akt. En socialsekreterare ser bara sina egna familjer.',
  'assign.noCaseworkers': 'Studien har inga socialsekreterare ännu. Lägg till dem som medlemmar först.',
  'assign.save': 'Spara tilldelningar',
  'assign.saved': 'Tilldelningarna sparades.',
  'admin.nothing': 'Inga ändringar att spara.',

  'accounts.title': 'Konton',
  'accounts.intro': 'Här skapar och hanterar du konton. Ett konto ger inte tillgång till någon studie förrän en projektledare lägger till det.',
  'accounts.col.username': 'Användarnamn',
  'accounts.col.name': 'Namn',
  'accounts.col.admin': 'Administratör',
  'accounts.col.status': 'Status',
  'accounts.col.created': 'Skapat',
  'accounts.col.actions': 'Åtgärder',
  'accounts.yes': 'Ja',
  'accounts.no': 'Nej',
  'accounts.active': 'Aktivt',
  'accounts.disabled': 'Inaktiverat',
  'accounts.disable': 'Inaktivera',
  'accounts.enable': 'Aktivera',
  'accounts.reset': 'Nytt lösenord',
  'accounts.actionLabel': '{action}: {name}',
  'accounts.confirm.disable': 'Inaktivera {name}? Alla pågående inloggningar avslutas direkt.',
  'accounts.confirm.enable': 'Aktivera {name} igen?',
  'accounts.confirm.reset': 'Ge {name} ett nytt engångslösenord? Det gamla lösenordet slutar gälla och alla inloggningar avslutas.',
  'accounts.confirmYes.disable': 'Ja, inaktivera',
  'accounts.confirmYes.enable': 'Ja, aktivera',
  'accounts.confirmYes.reset': 'Ja, nytt lösenord',
  'accounts.confirmNo': 'Avbryt',
  'accounts.done.disable': '{name} är inaktiverat och alla inloggningar har avslutats.',
  'accounts.done.enable': '{name} är aktiverat igen.',
  'accounts.done.reset': '{name} har fått ett nytt engångslösenord.',
  'accounts.add': 'Lägg till ett konto',
  'accounts.username': 'Användarnamn',
  'accounts.usernameHint': '2–32 tecken: a–z, 0–9, punkt, bindestreck eller understreck.',
  'accounts.displayName': 'Namn som visas (valfritt)',
  'accounts.admin': 'Administratör (får hantera konton)',
  'accounts.addButton': 'Skapa konto',
  'accounts.adding': 'Skapar …',
  'accounts.added': 'Kontot {name} skapades.',
  'accounts.usernameRequired': 'Ange ett användarnamn.',

  'otp.title': 'Engångslösenord för {name}',
  'otp.intro': 'Lämna lösenordet till {name} på ett säkert sätt. Det visas bara nu och kan inte visas igen.',
  'otp.label': 'Engångslösenord',
  'otp.copy': 'Kopiera lösenordet',
  'otp.copied': 'Lösenordet är kopierat.',
  'otp.copyFailed': 'Kunde inte kopiera. Markera lösenordet och kopiera det själv.',
  'otp.hide': 'Jag har sparat det – dölj lösenordet',

  'audit.title': 'Granskningslogg',
  'audit.intro': 'Vem som gjort vad i studien och när, nyaste först. Loggen innehåller aldrig innehåll ur akterna.',
  'audit.filters': 'Filter',
  'audit.user': 'Användare',
  'audit.action': 'Händelse',
  'audit.family': 'Familj',
  'audit.from': 'Från och med',
  'audit.to': 'Till och med',
  'audit.all': 'Alla',
  'audit.apply': 'Visa',
  'audit.clear': 'Rensa filter',
  'audit.total': '{n} händelser',
  'audit.totalOne': '1 händelse',
  'audit.totalShown': 'Visar de {shown} senaste av {n} händelser.',
  'audit.none': 'Inga händelser matchar filtret.',
  'audit.export': 'Exportera CSV',
  'audit.exportHint': 'med samma filter',
  'audit.tableLabel': 'Händelser i granskningsloggen',
  'audit.col.time': 'Tid',
  'audit.col.user': 'Användare',
  'audit.col.role': 'Roll',
  'audit.col.action': 'Händelse',
  'audit.col.family': 'Familj',
  'audit.col.object': 'Objekt',
  'audit.col.outcome': 'Utfall',
  'audit.outcome.ok': 'Genomförd',
  'audit.outcome.denied': 'Nekad',
  'audit.outcome.failed': 'Misslyckad',
  'action.session.login': 'Loggade in',
  'action.session.logout': 'Loggade ut',
  'action.session.password': 'Bytte lösenord',
  'action.document.read': 'Läste dokument',
  'action.document.import': 'Importerade dokument',
  'action.import.upload': 'Laddade upp fil för import',
  'action.annotation.create': 'Skapade markering',
  'action.annotation.update': 'Ändrade markering',
  'action.annotation.delete': 'Tog bort markering',
  'action.reflection.update': 'Sparade reflektion',
  'action.study.update': 'Ändrade studiens inställningar',
  'action.study.members': 'Ändrade medlemmar',
  'action.family.assign': 'Tilldelade familj',
  'action.family.names': 'Listade namn för familj',
  'action.user.add': 'Skapade konto',
  'action.user.update': 'Ändrade konto',
  'action.user.reset': 'Gav konto nytt lösenord',
  'action.audit.read': 'Läste granskningsloggen',

  'idle.title': 'Du loggas snart ut på grund av inaktivitet',
  'idle.intro': 'Av säkerhetsskäl avslutas sessionen efter {minutes} minuter utan aktivitet.',
  'idle.countdown': 'Du loggas ut om {time}.',
  'idle.minutesSeconds': '{m} min {s} s',
  'idle.seconds': '{s} s',
  'idle.continue': 'Fortsätt vara inloggad',
  'idle.logout': 'Logga ut',

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
  'import.intro': 'Textfil (.txt eller .md), Word (.docx) eller PDF, högst 20 MB. Dokumentet delas upp i daterade händelser och pseudonymiseras. Du ser vad som ersätts innan något sparas.',
  'import.file': 'Fil',
  'import.docTitle': 'Titel (valfri)',
  'import.submit': 'Ladda upp och förhandsgranska',
  'import.busy': 'Laddar upp …',
  'import.progress': 'Uppladdning',
  'import.extracting': 'Läser in texten ur {file}',
  'import.done': 'Dokumentet importerades: {n} daterade händelser.',
  'import.chooseFile': 'Välj en fil att importera.',
  'import.wrongType': 'Endast .txt-, .md-, .docx- och .pdf-filer kan importeras.',
  'import.failed': 'Filen kunde inte läsas: {message}',

  'preview.title': 'Förhandsgranskning: {title}',
  'preview.intro': 'Så här pseudonymiseras dokumentet. Originaluppgifterna visas bara här, för dig, och sparas inte.',
  'preview.entries': 'Daterade händelser: {n}',
  'preview.counts': 'Uppgifter som ersätts',
  'preview.kind.personnummer': 'Personnummer',
  'preview.kind.samordningsnummer': 'Samordningsnummer',
  'preview.kind.telefon': 'Telefonnummer',
  'preview.kind.epost': 'E-postadresser',
  'preview.kind.adress': 'Adresser',
  'preview.kind.namn': 'Namn',
  'preview.passages': 'Ersättningar i sitt sammanhang',
  'preview.noPassages': 'Inga uppgifter hittades att ersätta. Kontrollera att inga namn har missats.',
  'preview.truncated': 'Visar de första {n} ersättningarna.',
  'preview.replaced': 'tas bort:',
  'preview.with': 'ersätts med:',
  'preview.names': 'Listade namn för familjen: {labels}',
  'preview.noNames': 'Inga namn är listade för familjen ännu.',
  'preview.addName': 'Lägg till ett namn som missats',
  'preview.addNameIntro': 'Ett ord per namn: lägg till förnamn och efternamn var för sig. Namnet sparas aldrig i klartext.',
  'preview.name': 'Namn',
  'preview.label': 'Ersätts med (t.ex. Barn 1, Mamma)',
  'preview.addNameButton': 'Lägg till namn',
  'preview.nameAdded': 'Namnet ersätts nu med [{label}]. Förhandsgranskningen är uppdaterad.',
  'preview.nameRequired': 'Ange både namn och vad det ska ersättas med.',
  'preview.commit': 'Importera dokumentet',
  'preview.committing': 'Importerar …',
  'preview.cancel': 'Avbryt',
  'preview.cancelled': 'Importen avbröts. Inget sparades.',

  'error.network': 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.',
  'error.forbidden': 'Du har inte behörighet att göra det här.',
  'error.password_change_required': 'Du behöver byta lösenord innan du kan fortsätta.',
  'error.not_found': 'Det du sökte finns inte, eller så har du inte tillgång till det.',
  'error.too_large': 'Filen är för stor (högst 20 MB).',
  'error.unsupported_type': 'Endast .txt-, .md-, .docx- och .pdf-filer kan importeras.',
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

const timestamp = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium' });

/** A timestamp as "2024-03-14 14:32:05" in local time (log tables). */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timestamp.format(d);
}

/** A duration as "4 min 05 s" or "59 s". */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const m = Math.floor(s / 60);
  return m ? t('idle.minutesSeconds', { m, s: String(s % 60).padStart(2, '0') }) : t('idle.seconds', { s });
}

/** The Swedish label of an entry kind: 'journalanteckning' → "Journalanteckning". */
export function kindLabel(kind: EntryKind | string): string {
  const key = `kind.${kind}`;
  return key in sv ? sv[key as MessageKey] : kind;
}
