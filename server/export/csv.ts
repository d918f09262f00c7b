// CSV for Excel and R: RFC 4180 quoting, UTF-8 with BOM (so Excel reads å ä ö), CRLF, and cells
// that start with a formula character prefixed with ' so a spreadsheet never runs them (OWASP).

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula characters neutralised, quoted when needed. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document from a header row and data rows. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
