// The two feedback lines every form and page uses: an error as an alert (read out at once) and a
// confirmation in a status region (read out politely; the region stays in the page so it is announced).
import { html, nothing } from 'lit';

/** `${alertLine(error)}`: the error as `<p class="alert" role="alert">`, or nothing. */
export const alertLine = (error: string | null | undefined) => (error ? html`<p class="alert" role="alert">${error}</p>` : nothing);

/** `${statusLine(message)}`: a status region holding the confirmation, if any. */
export const statusLine = (message: string | null | undefined) => html`<div role="status">${message ? html`<p class="ok">${message}</p>` : nothing}</div>`;
