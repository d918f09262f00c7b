// <bs-inventory-lead-tools .api=${api} study-id="…" .config=${inventory} .childViews=${children}>: the lead's
// tools in a målgruppsinventering: import the children from CSV (rejected rows listed as "Rad 4: …", and
// then nothing is imported), draw the double-rated sample, the CSV export, and turning the children rated at
// the top level into families of a case-file study the lead leads. Fires `bs-inventory-changed` after an
// import, a sample or new families.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { InventoryChildView, InventoryConfig } from '../../../server/domain/inventory/inventory-types.ts';
import type { StudySummary } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import {
  drawInventorySample, importInventoryChildren, inventoryExportUrl, makeFamiliesOfChildren, rowErrorsOf, type RowError,
} from '../../data/inventory.ts';
import { fetchStudies } from '../../data/studies.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';
import { labelOf, topLevel } from './inventory-format.ts';

@customElement('bs-inventory-lead-tools')
export class BsInventoryLeadTools extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        border-top: 1px solid var(--bs-border);
        margin-top: 1.5rem;
        padding-top: 0.5rem;
        max-width: 50rem;
      }
      h2 {
        font-size: 1.2rem;
      }
      ul.rows {
        color: var(--bs-danger, #a51d2d);
      }
      ul.picks {
        list-style: none;
        padding: 0;
        max-height: 20rem;
        overflow-y: auto;
      }
    `,
  ];

  @property({ attribute: false }) api?: Api;
  @property({ attribute: 'study-id' }) studyId = '';
  @property({ attribute: false }) config?: InventoryConfig;
  @property({ attribute: false }) childViews: InventoryChildView[] = [];

  @state() private _busy = '';
  @state() private _importError = '';
  @state() private _importRows: RowError[] = [];
  @state() private _importDone = '';
  @state() private _sampleSize = '20';
  @state() private _sampleError = '';
  @state() private _sampleDone = '';
  @state() private _targets: StudySummary[] | null = null;
  @state() private _target = '';
  @state() private _picked = new Set<string>();
  @state() private _familiesError = '';
  @state() private _families: { study: StudySummary; families: { id: string; pseudonym: string }[] } | null = null;

  @query('#inv-import-file') private _file?: HTMLInputElement;

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') && this.api) void this._loadTargets();
  }

  private async _loadTargets(): Promise<void> {
    try {
      const studies = await fetchStudies(this.api!);
      this._targets = studies.filter((s) => s.role === 'lead' && s.kind !== 'inventory' && s.id !== this.studyId);
    } catch (err) {
      this._familiesError = errorMessage(err);
    }
  }

  private _changed(): void {
    this.dispatchEvent(new CustomEvent('bs-inventory-changed', { bubbles: true, composed: true }));
  }

  private async _import(e: Event): Promise<void> {
    e.preventDefault();
    const file = this._file?.files?.[0];
    this._importError = '';
    this._importRows = [];
    this._importDone = '';
    if (!file) return void (this._importError = t('inventory.import.chooseFile'));
    if (!this.api || this._busy) return;
    this._busy = 'import';
    try {
      const { imported } = await importInventoryChildren(this.api, this.studyId, file);
      this._importDone = t('inventory.import.done', { n: imported });
      if (this._file) this._file.value = '';
      this._changed();
    } catch (err) {
      this._importRows = rowErrorsOf(err);
      this._importError = this._importRows.length ? t('inventory.import.rowsFailed') : errorMessage(err);
    } finally {
      this._busy = '';
    }
  }

  private async _sample(e: Event): Promise<void> {
    e.preventDefault();
    this._sampleError = '';
    this._sampleDone = '';
    const size = Number(this._sampleSize);
    if (!Number.isInteger(size) || size < 1) return void (this._sampleError = t('inventory.sample.invalid'));
    if (!this.api || this._busy) return;
    this._busy = 'sample';
    try {
      const { sample } = await drawInventorySample(this.api, this.studyId, size);
      this._sampleDone = t('inventory.sample.done', { n: sample });
      this._changed();
    } catch (err) {
      this._sampleError = errorMessage(err);
    } finally {
      this._busy = '';
    }
  }

  private async _makeFamilies(e: Event, candidates: InventoryChildView[]): Promise<void> {
    e.preventDefault();
    this._familiesError = '';
    this._families = null;
    const children = candidates.filter((c) => this._picked.has(c.id)).map((c) => c.id);
    const study = this._targets?.find((s) => s.id === this._target);
    if (!study || !children.length) return void (this._familiesError = t('inventory.families.pick'));
    if (!this.api || this._busy) return;
    this._busy = 'families';
    try {
      const { families } = await makeFamiliesOfChildren(this.api, this.studyId, study.id, children);
      this._families = { study, families };
      this._picked = new Set();
      this._changed();
    } catch (err) {
      this._familiesError = errorMessage(err);
    } finally {
      this._busy = '';
    }
  }

  private _toggle(id: string, on: boolean): void {
    const next = new Set(this._picked);
    if (on) next.add(id);
    else next.delete(id);
    this._picked = next;
  }

  private _renderImport(config: InventoryConfig) {
    return html`<section aria-labelledby="inv-import-h">
      <h2 id="inv-import-h">${t('inventory.import.title')}</h2>
      <p id="inv-import-intro">${t('inventory.import.intro', { units: config.units.map((u) => u.id).join(', '), ages: config.ageBands.join(', ') })}</p>
      <form @submit=${this._import} novalidate>
        <div class="field">
          <label for="inv-import-file">${t('inventory.import.file')}</label>
          <input id="inv-import-file" type="file" accept=".csv,text/csv" aria-describedby="inv-import-intro" ?disabled=${this._busy === 'import'} />
        </div>
        <button type="submit" ?disabled=${this._busy === 'import'}>${this._busy === 'import' ? t('inventory.import.busy') : t('inventory.import.submit')}</button>
      </form>
      ${alertLine(this._importError)}
      ${this._importRows.length
        ? html`<ul class="rows">${this._importRows.map((r) => html`<li>${t('inventory.import.row', { row: r.row, message: r.message })}</li>`)}</ul>`
        : nothing}
      ${statusLine(this._importDone)}
    </section>`;
  }

  private _renderSample() {
    return html`<section aria-labelledby="inv-sample-h">
      <h2 id="inv-sample-h">${t('inventory.sample.title')}</h2>
      <p>${t('inventory.sample.intro')}</p>
      <form @submit=${this._sample} novalidate>
        <div class="field">
          <label for="inv-sample-size">${t('inventory.sample.size')}</label>
          <input id="inv-sample-size" type="number" min="1" max=${this.childViews.length || 1} inputmode="numeric" .value=${this._sampleSize}
            @input=${(e: Event) => (this._sampleSize = (e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" ?disabled=${this._busy === 'sample'}>${t('inventory.sample.submit')}</button>
      </form>
      ${alertLine(this._sampleError)}
      ${statusLine(this._sampleDone)}
    </section>`;
  }

  private _renderFamilies(config: InventoryConfig) {
    const top = topLevel(config);
    const levelLabel = labelOf(config.scale, top);
    const candidates = this.childViews.filter((c) => c.rating?.level === top);
    const targets = this._targets;
    return html`<section aria-labelledby="inv-families-h">
      <h2 id="inv-families-h">${t('inventory.families.title')}</h2>
      <p>${t('inventory.families.intro', { level: levelLabel })}</p>
      ${targets && !targets.length ? html`<p>${t('inventory.families.noTargets')}</p>` : nothing}
      ${!candidates.length ? html`<p>${t('inventory.families.none', { level: levelLabel })}</p>` : nothing}
      ${targets?.length && candidates.length
        ? html`<form @submit=${(e: Event) => this._makeFamilies(e, candidates)} novalidate>
            <div class="field">
              <label for="inv-target">${t('inventory.families.target')}</label>
              <select id="inv-target" .value=${this._target} @change=${(e: Event) => (this._target = (e.target as HTMLSelectElement).value)}>
                <option value="">${t('inventory.families.chooseTarget')}</option>
                ${targets.map((s) => html`<option value=${s.id}>${s.title}</option>`)}
              </select>
            </div>
            <fieldset>
              <legend>${t('inventory.families.children')}</legend>
              <label><input type="checkbox" .checked=${candidates.every((c) => this._picked.has(c.id))}
                @change=${(e: Event) => (this._picked = (e.target as HTMLInputElement).checked ? new Set(candidates.map((c) => c.id)) : new Set())} />
                ${t('inventory.families.all')}</label>
              <ul class="picks">
                ${candidates.map((c) => html`<li><label><input type="checkbox" .checked=${this._picked.has(c.id)}
                  @change=${(e: Event) => this._toggle(c.id, (e.target as HTMLInputElement).checked)} />
                  ${c.pseudonym} (${labelOf(config.units, c.unit)}, ${c.ageBand})</label></li>`)}
              </ul>
            </fieldset>
            <button type="submit" ?disabled=${this._busy === 'families'}>${t('inventory.families.submit')}</button>
          </form>`
        : nothing}
      ${alertLine(this._familiesError)}
      <div role="status">${this._families
        ? html`<p class="ok">${t('inventory.families.done', { n: this._families.families.length, study: this._families.study.title })}</p>
            <ul>${this._families.families.map((f) => html`<li><a href=${hrefFor({ name: 'family', studyId: this._families!.study.id, familyId: f.id, tab: 'akt' })}>${f.pseudonym}</a></li>`)}</ul>`
        : nothing}</div>
    </section>`;
  }

  override render() {
    const config = this.config;
    if (!config) return nothing;
    return html`
      ${this._renderImport(config)}
      ${this._renderSample()}
      <section aria-labelledby="inv-export-h">
        <h2 id="inv-export-h">${t('inventory.export.title')}</h2>
        <p><a href=${inventoryExportUrl(this.studyId)} download>${t('inventory.export.link')}</a></p>
      </section>
      ${this._renderFamilies(config)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-inventory-lead-tools': BsInventoryLeadTools;
  }
}
