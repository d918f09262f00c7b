// <bs-name-suggestions .family=${jobFamily} .labels=${['Barn 1']} ?busy error="…" message="…">: one family of
// a bulk import: how many documents it gets, what pseudonymisation replaces (counts per kind), and the
// words that look like names, each with its count, a context or two (the name in bold), and a choice:
// "Bekräfta som namn" with what it is replaced by (prefilled "Namn 1", "Namn 2" … past the family's listed
// labels), "Inte ett namn", or "Avgör senare". "Spara besluten för …" fires bs-names-decide with the
// decided names. The names and contexts quote the originals: shown as text only, never stored.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { JobFamilyView, NameSuggestion } from '../../data/bulk-imports.ts';
import type { PseudonymKind } from '../../data/imports.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { countsStyles } from './counts-styles.ts';
import { alertLine, statusLine } from '../feedback.ts';

const KINDS: PseudonymKind[] = ['personnummer', 'samordningsnummer', 'telefon', 'epost', 'adress', 'namn'];
const CONTEXTS_SHOWN = 2;

type Choice = 'confirm' | 'reject' | 'later';

interface Decision {
  choice: Choice;
  /** What the lead typed; undefined while the default stands. */
  label?: string;
}

/** The context with every occurrence of the name in <strong>. */
function highlighted(context: string, name: string) {
  const parts = context.split(name);
  return parts.map((part, i) => (i === 0 ? part : html`<strong>${name}</strong>${part}`));
}

@customElement('bs-name-suggestions')
export class BsNameSuggestions extends LitElement {
  static override styles = [
    sharedStyles,
    countsStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 1.15rem;
      }
      ol.suggestions {
        list-style: none;
        padding: 0;
        margin: 0 0 0.8rem;
        display: grid;
        gap: 0.6rem;
      }
      fieldset {
        display: grid;
        gap: 0.5rem;
        min-width: 0;
      }
      legend strong {
        font-size: 1.05rem;
      }
      ul.contexts {
        margin: 0;
        padding-left: 1.2rem;
        overflow-wrap: anywhere;
      }
      .decide {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: end;
      }
      .decide .field {
        flex: 0 1 14rem;
      }
    `,
  ];

  @state() private _decisions = new Map<string, Decision>();
  @state() private _localError = '';

  /** The family's part of the job: preview counts and suggested names. */
  @property({ attribute: false }) family?: JobFamilyView;

  /** Labels already listed for the family (defaults skip them). */
  @property({ attribute: false }) labels: string[] = [];

  /** True while the decisions are being sent. */
  @property({ type: Boolean }) busy = false;

  /** The decisions cannot be changed (the job is no longer ready). */
  @property({ type: Boolean }) disabled = false;

  /** An error from sending the decisions. */
  @property() error = '';

  /** Confirmation after the decisions were saved. */
  @property() message = '';

  override willUpdate(changed: Map<string, unknown>): void {
    // Names decided on (and gone from the suggestions) take their choices and typed labels with them.
    if (changed.has('family') && this.family) {
      const names = new Set(this.family.suggestedNames.map((s) => s.name));
      if ([...this._decisions.keys()].some((n) => !names.has(n))) {
        this._decisions = new Map([...this._decisions].filter(([n]) => names.has(n)));
      }
    }
  }

  /** Default labels "Namn n" for the suggestions, skipping the family's labels and the ones typed. */
  private _defaults(suggestions: NameSuggestion[]): Map<string, string> {
    const taken = new Set([...this.labels, ...[...this._decisions.values()].flatMap((d) => (d.label === undefined ? [] : [d.label.trim()]))]);
    const defaults = new Map<string, string>();
    let n = 1;
    for (const s of suggestions) {
      while (taken.has(t('archive.labelDefault', { n }))) n++;
      defaults.set(s.name, t('archive.labelDefault', { n }));
      taken.add(t('archive.labelDefault', { n }));
    }
    return defaults;
  }

  private _set(name: string, change: Partial<Decision>): void {
    const next = new Map(this._decisions);
    next.set(name, { choice: 'later', ...next.get(name), ...change });
    this._decisions = next;
    this._localError = '';
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const family = this.family;
    if (!family || this.busy || this.disabled) return;
    const defaults = this._defaults(family.suggestedNames);
    const confirm: { name: string; label: string }[] = [];
    const reject: string[] = [];
    for (const s of family.suggestedNames) {
      const d = this._decisions.get(s.name);
      if (d?.choice === 'reject') reject.push(s.name);
      if (d?.choice !== 'confirm') continue;
      const label = (d.label ?? defaults.get(s.name) ?? '').trim();
      if (!label) {
        this._localError = t('archive.labelMissing', { name: s.name });
        return;
      }
      confirm.push({ name: s.name, label });
    }
    if (confirm.length === 0 && reject.length === 0) {
      this._localError = t('archive.noDecisions');
      return;
    }
    fire(this, 'bs-names-decide', { decision: { familyId: family.familyId, confirm, reject } });
  }

  private _renderSuggestion(s: NameSuggestion, i: number, label: string) {
    const d = this._decisions.get(s.name) ?? { choice: 'later' as Choice };
    const id = `s-${i}`;
    const off = this.busy || this.disabled;
    const taken = this.labels.includes(label.trim());
    return html`<li><fieldset>
      <legend><strong>${s.name}</strong> (${s.count === 1 ? t('archive.occurrence') : t('archive.occurrences', { n: s.count })})</legend>
      ${s.contexts.length
        ? html`<ul class="contexts" aria-label=${t('archive.contexts', { name: s.name })}>
            ${s.contexts.slice(0, CONTEXTS_SHOWN).map((c) => html`<li>${highlighted(c, s.name)}</li>`)}
          </ul>`
        : nothing}
      <div class="decide">
        <div class="choices">
          ${(['confirm', 'reject', 'later'] as const).map((choice) => html`<label>
            <input type="radio" name=${id} value=${choice} .checked=${d.choice === choice} ?disabled=${off}
              @change=${() => this._set(s.name, { choice })} />
            ${t(`archive.${choice}`)}
          </label>`)}
        </div>
        <div class="field">
          <label for=${`${id}-label`}>${t('archive.label')}</label>
          <input id=${`${id}-label`} type="text" maxlength="40" autocomplete="off" .value=${label} ?disabled=${off}
            aria-describedby=${taken ? `${id}-taken` : nothing}
            @input=${(e: Event) => this._set(s.name, { choice: 'confirm', label: (e.target as HTMLInputElement).value })} />
          ${taken ? html`<p class="hint" id=${`${id}-taken`}>${t('archive.labelTaken')}</p>` : nothing}
        </div>
      </div>
    </fieldset></li>`;
  }

  override render() {
    const f = this.family;
    if (!f) return nothing;
    const titleId = 'family-title';
    const defaults = this._defaults(f.suggestedNames);
    const error = this._localError || this.error;
    return html`<section aria-labelledby=${titleId}>
      <h3 id=${titleId}>${f.pseudonym}</h3>
      <p>${t('archive.familyFacts', { files: f.files, documents: f.documents })}</p>
      <h4 id="counts-title">${t('archive.counts')}</h4>
      <dl class="counts" aria-labelledby="counts-title">
        ${KINDS.map((k) => html`<div data-kind=${k}><dt>${t(`preview.kind.${k}`)}</dt><dd>${f.preview.counts[k] ?? 0}</dd></div>`)}
      </dl>
      <p class="hint">${this.labels.length ? t('archive.knownLabels', { labels: this.labels.join(', ') }) : t('preview.noNames')}</p>
      <h4>${t('archive.suggestions')}</h4>
      ${f.suggestedNames.length
        ? html`<form @submit=${this._submit} aria-label=${t('archive.suggestions')} novalidate>
            <ol class="suggestions">
              ${f.suggestedNames.map((s, i) => {
                const typed = this._decisions.get(s.name)?.label;
                return this._renderSuggestion(s, i, typed ?? defaults.get(s.name) ?? '');
              })}
            </ol>
            <div class="buttons">
              <button type="submit" ?disabled=${this.busy || this.disabled}>
                ${this.busy ? t('archive.sending') : t('archive.sendDecisions', { family: f.pseudonym })}</button>
            </div>
          </form>`
        : html`<p>${t('archive.noSuggestions')}</p>`}
      ${alertLine(error)}
      ${statusLine(this.message)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-name-suggestions': BsNameSuggestions;
  }
}
