// <bs-inventory-rater .api=${api} study-id="…" .config=${inventory} child-id="…">: a caseworker's "Mina barn" in a
// målgruppsinventering: progress, the list of their children (and those they rate a second time, blind)
// with each child's status, and the rating panel of the selected child — the levels as a radio group
// with their descriptions, the criteria as checkboxes with help, a short reason. Built for speed by
// keyboard: digits choose the level, Shift+digit toggles a criterion, Enter (Ctrl+Enter in the reason)
// saves and moves on to the next unrated child, ↑/↓ or j/k move in the list. Saving moves on at once;
// the save runs behind (If-Match), and a failed or conflicting save keeps the choice as a draft on the
// child, with the stored rating shown beside it on a conflict. `child-id` (a search hit's child) selects
// that child and puts the focus on the list, so the keys work at once.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { InventoryChildView, InventoryConfig, InventoryRating } from '../../../server/domain/inventory/inventory-types.ts';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { fetchInventoryChildren, saveInventoryRating, type RatingInput } from '../../data/inventory.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';
import { labelOf, statusText, unratedFirst, type ChildStatus } from './inventory-format.ts';

type Filter = 'all' | 'unrated' | 'rated';
type StoredRating = Pick<InventoryRating, 'level' | 'criteria' | 'reason'>;

const EMPTY: RatingInput = { level: '', criteria: [], reason: '' };

/** The stored rating and its version from a 409 answer's `current` (a child view or a bare rating). */
function storedFrom(current: unknown): { rating: StoredRating | null; version: number } | null {
  if (!current || typeof current !== 'object') return null;
  const c = current as Partial<InventoryChildView> & Partial<InventoryRating>;
  if ('rating' in c && typeof c.version === 'number') return { rating: c.rating ?? null, version: c.version };
  if (typeof c.level === 'string' && typeof c.version === 'number') return { rating: { level: c.level, criteria: c.criteria ?? [], reason: c.reason ?? '' }, version: c.version };
  return null;
}

@customElement('bs-inventory-rater')
export class BsInventoryRater extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-top: 1rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(16rem, 24rem) minmax(0, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      @media (max-width: 48rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .keys {
        color: var(--bs-muted);
        font-size: 0.9rem;
      }
      ul[role='listbox'] {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 70vh;
        overflow-y: auto;
        border: 1px solid var(--bs-border);
        border-radius: 0.4rem;
        background: var(--bs-surface);
      }
      ul[role='listbox']:focus-visible {
        outline: 3px solid var(--bs-focus, #1a5fb4);
        outline-offset: 2px;
      }
      li[role='option'] {
        padding: 0.35rem 0.7rem;
        border-bottom: 1px solid var(--bs-border);
        cursor: pointer;
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0 0.5rem;
      }
      li[role='option'] .meta {
        grid-column: 1;
      }
      li[role='option'] .status {
        text-align: right;
      }
      li[role='option'][aria-selected='true'] {
        background: var(--bs-hover);
        box-shadow: inset 4px 0 0 var(--bs-accent);
      }
      .meta,
      .status {
        font-size: 0.9rem;
        color: var(--bs-muted);
      }
      .status.rated {
        color: inherit;
      }
      .status.failed {
        color: var(--bs-danger, #a51d2d);
        font-weight: 600;
      }
      .badge {
        font-size: 0.8rem;
        font-weight: 600;
        border: 1px solid currentColor;
        border-radius: 0.3rem;
        padding: 0 0.3rem;
        justify-self: start;
      }
      fieldset {
        border: 1px solid var(--bs-border);
        border-radius: 0.4rem;
        margin: 0 0 1rem;
      }
      .choice {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 0.5rem;
        margin: 0.35rem 0;
      }
      .choice .help {
        grid-column: 2;
        color: var(--bs-muted);
        font-size: 0.9rem;
      }
      kbd {
        font-size: 0.8rem;
        border: 1px solid var(--bs-border);
        border-radius: 0.2rem;
        padding: 0 0.25rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      .conflict {
        border-left: 4px solid var(--bs-danger, #a51d2d);
        padding-left: 0.7rem;
      }
    `,
  ];

  @property({ attribute: false }) api?: Api;
  @property({ attribute: 'study-id' }) studyId = '';
  @property({ attribute: false }) config?: InventoryConfig;
  /** The child to open (route '#/studier/s/barn/<id>'); '' for none. */
  @property({ attribute: 'child-id' }) childId = '';

  @state() private _children: InventoryChildView[] | null = null;
  @state() private _selected = '';
  @state() private _filter: Filter = 'all';
  /** Unsaved choices per child id (kept through failed saves and conflicts). */
  @state() private _drafts = new Map<string, RatingInput>();
  @state() private _saving = new Set<string>();
  @state() private _failed = new Set<string>();
  /** The stored rating of a child whose save met a newer one. */
  @state() private _conflicts = new Map<string, StoredRating | null>();
  @state() private _error = '';
  @state() private _message = '';

  @query('ul[role="listbox"]') private _list?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this._onKey);
    window.addEventListener('beforeunload', this._onUnload);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this._onKey);
    window.removeEventListener('beforeunload', this._onUnload);
    super.disconnectedCallback();
  }

  /** The browser asks before the page is left with choices not yet saved. */
  private readonly _onUnload = (e: BeforeUnloadEvent): void => {
    if (this._drafts.size || this._saving.size) e.preventDefault();
  };

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') || changed.has('studyId')) void this._load();
    else if (changed.has('childId') && this._children) this._openChild();
  }

  private async _load(): Promise<void> {
    if (!this.api || !this.studyId) return;
    try {
      const children = unratedFirst(await fetchInventoryChildren(this.api, this.studyId));
      this._children = children;
      if (!children.some((c) => c.id === this._selected)) this._selected = children[0]?.id ?? '';
      this._openChild();
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  /** Selects the child the route names (its rating panel opens beside the list). */
  private _openChild(): void {
    if (!this.childId) return;
    if (!this._child(this.childId)) {
      this._error = t('inventory.childMissing');
      return;
    }
    this._error = '';
    this._select(this.childId, true);
  }

  private get _visible(): InventoryChildView[] {
    const all = this._children ?? [];
    if (this._filter === 'all') return all;
    return all.filter((c) => (this._filter === 'rated') === Boolean(c.rating) || c.id === this._selected);
  }

  private _child(id: string): InventoryChildView | undefined {
    return this._children?.find((c) => c.id === id);
  }

  private _valuesOf(child: InventoryChildView): RatingInput {
    const r = child.rating;
    return this._drafts.get(child.id) ?? (r ? { level: r.level, criteria: [...r.criteria], reason: r.reason } : EMPTY);
  }

  private _statusOf(child: InventoryChildView): ChildStatus {
    if (this._saving.has(child.id)) return 'saving';
    if (this._failed.has(child.id)) return 'failed';
    if (this._drafts.has(child.id)) return 'changed';
    return child.rating ? 'rated' : 'unrated';
  }

  private _edit(change: Partial<RatingInput>): void {
    const child = this._child(this._selected);
    if (!child) return;
    const next = { ...this._valuesOf(child), ...change };
    this._drafts = new Map(this._drafts).set(child.id, next);
    this._error = '';
  }

  private _chooseLevel(index: number): void {
    const level = this.config?.scale[index];
    if (level) this._edit({ level: level.id });
  }

  private _toggleCriterion(index: number): void {
    const config = this.config;
    const child = this._child(this._selected);
    const criterion = config?.criteria[index];
    if (!config || !child || !criterion) return;
    const ticked = new Set(this._valuesOf(child).criteria);
    if (ticked.has(criterion.id)) ticked.delete(criterion.id);
    else ticked.add(criterion.id);
    // Kept in the checklist's order.
    this._edit({ criteria: config.criteria.map((c) => c.id).filter((id) => ticked.has(id)) });
  }

  private _select(id: string, focusList = false): void {
    this._selected = id;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector(`#child-${CSS.escape(id)}`)?.scrollIntoView({ block: 'nearest' });
      if (focusList) this._list?.focus();
    });
  }

  private _move(step: number): void {
    const visible = this._visible;
    const at = visible.findIndex((c) => c.id === this._selected);
    const next = visible[Math.min(visible.length - 1, Math.max(0, at + step))];
    if (next) this._select(next.id);
  }

  /** The next child after `fromId` that is neither rated nor being saved, wrapping around; null when none. */
  private _nextUnrated(fromId: string): InventoryChildView | null {
    const all = this._children ?? [];
    const at = all.findIndex((c) => c.id === fromId);
    for (let i = 1; i < all.length; i++) {
      const c = all[(at + i) % all.length]!;
      if (!c.rating && !this._saving.has(c.id)) return c;
    }
    return null;
  }

  private _withoutId<T>(set: Set<T>, id: T): Set<T> {
    const next = new Set(set);
    next.delete(id);
    return next;
  }

  /** Saves the selected child's choice (if changed) and moves on to the next unrated child at once. */
  private async _saveAndNext(): Promise<void> {
    const api = this.api;
    const child = this._child(this._selected);
    if (!api || !child || !this.config) return;
    const input = this._drafts.get(child.id);
    const next = this._nextUnrated(child.id);
    if (input && !input.level) {
      this._error = t('inventory.chooseLevel', { k: this.config.scale.length });
      return;
    }
    if (!input && !child.rating) {
      this._error = t('inventory.chooseLevel', { k: this.config.scale.length });
      return;
    }
    if (next) this._select(next.id, true);
    else this._list?.focus();
    if (!input || this._saving.has(child.id)) return;
    this._error = '';
    this._message = '';
    this._saving = new Set(this._saving).add(child.id);
    this._failed = this._withoutId(this._failed, child.id);
    try {
      const saved = await saveInventoryRating(api, this.studyId, child.id, child.version, input);
      this._children = (this._children ?? []).map((c) => (c.id === saved.id ? saved : c));
      // A choice changed while the save ran stays a draft.
      if (this._drafts.get(child.id) === input) {
        const drafts = new Map(this._drafts);
        drafts.delete(child.id);
        this._drafts = drafts;
      }
      const conflicts = new Map(this._conflicts);
      conflicts.delete(child.id);
      this._conflicts = conflicts;
      this._message = t('inventory.saved', { pseudonym: child.pseudonym });
      if (!next && !this._children.some((c) => !c.rating)) this._message = t('inventory.mine.allDone');
    } catch (err) {
      this._failed = new Set(this._failed).add(child.id);
      const stored = err instanceof ApiError && err.status === 409 ? storedFrom(err.current) : null;
      if (err instanceof ApiError && err.status === 409) {
        // The next save goes over the stored version; the user's choice stays as the draft.
        if (stored) {
          this._children = (this._children ?? []).map((c) => (c.id === child.id ? { ...c, version: stored.version } : c));
        }
        this._conflicts = new Map(this._conflicts).set(child.id, stored?.rating ?? null);
        this._error = t('inventory.conflict', { pseudonym: child.pseudonym, stored: this._describe(stored?.rating ?? null) });
      } else {
        this._error = t('inventory.saveFailed', { pseudonym: child.pseudonym, message: errorMessage(err) });
      }
    } finally {
      this._saving = this._withoutId(this._saving, child.id);
    }
  }

  /** "Komplex livssituation; Våld i hemmet, …; "reason"" for a stored rating shown beside a conflict. */
  private _describe(rating: StoredRating | null): string {
    const config = this.config;
    if (!rating || !config) return t('inventory.conflictNone');
    const parts = [labelOf(config.scale, rating.level), ...rating.criteria.map((c) => labelOf(config.criteria, c))];
    return `${parts.join(', ')}${rating.reason ? ` – ”${rating.reason}”` : ''}`;
  }

  private readonly _onKey = (e: KeyboardEvent): void => {
    const target = (e.composedPath()[0] ?? e.target) as HTMLElement;
    const tag = target.tagName;
    const typing = tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && !['radio', 'checkbox'].includes((target as HTMLInputElement).type));
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this._saveAndNext();
      return;
    }
    if (typing) {
      if (e.key === 'Escape') {
        e.preventDefault();
        this._list?.focus();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') {
      if (tag === 'BUTTON' || tag === 'A') return;
      e.preventDefault();
      void this._saveAndNext();
      return;
    }
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
    if (digit) {
      e.preventDefault();
      const index = Number(digit[1]) - 1;
      if (e.shiftKey) this._toggleCriterion(index);
      else this._chooseLevel(index);
      return;
    }
    // Arrows on a radio button keep their own meaning (they change the level).
    const onRadio = tag === 'INPUT' && (target as HTMLInputElement).type === 'radio';
    if (e.key === 'j' || (e.key === 'ArrowDown' && !onRadio)) {
      e.preventDefault();
      this._move(1);
    } else if (e.key === 'k' || (e.key === 'ArrowUp' && !onRadio)) {
      e.preventDefault();
      this._move(-1);
    }
  };

  private _renderList() {
    const config = this.config!;
    const visible = this._visible;
    return html`<div>
      <div class="field">
        <label for="inv-filter">${t('inventory.filter.label')}</label>
        <select id="inv-filter" .value=${this._filter} @change=${(e: Event) => (this._filter = (e.target as HTMLSelectElement).value as Filter)}>
          <option value="all">${t('inventory.filter.all')}</option>
          <option value="unrated">${t('inventory.filter.unrated')}</option>
          <option value="rated">${t('inventory.filter.rated')}</option>
        </select>
      </div>
      ${visible.length
        ? html`<ul role="listbox" tabindex="0" aria-label=${t('inventory.list.label')} aria-activedescendant=${this._selected ? `child-${this._selected}` : nothing}>
            ${visible.map((c) => {
              const status = this._statusOf(c);
              return html`<li role="option" id="child-${c.id}" aria-selected=${c.id === this._selected ? 'true' : 'false'}
                @click=${() => this._select(c.id, true)}>
                <strong>${c.pseudonym}</strong>
                <span class="status ${status}">${statusText(status)}</span>
                <span class="meta">${labelOf(config.units, c.unit)} · ${c.ageBand}</span>
                ${c.myPart === 'second' ? html`<span class="badge">${t('inventory.second')}</span>` : nothing}
              </li>`;
            })}
          </ul>`
        : html`<p>${t('inventory.filter.noneShown')}</p>`}
    </div>`;
  }

  private _renderPanel() {
    const config = this.config!;
    const child = this._child(this._selected);
    if (!child) return html`<p>${t('inventory.panel.none')}</p>`;
    const values = this._valuesOf(child);
    const conflict = this._conflicts.has(child.id);
    return html`<section aria-labelledby="panel-heading">
      <h3 id="panel-heading">${t('inventory.panel.heading', { pseudonym: child.pseudonym })}</h3>
      <p class="meta">${t('inventory.panel.facts', { unit: labelOf(config.units, child.unit), ageBand: child.ageBand })}
        · ${statusText(this._statusOf(child))}</p>
      ${child.myPart === 'second' ? html`<p class="badge">${t('inventory.second')}</p><p class="hint">${t('inventory.secondHint')}</p>` : nothing}
      ${conflict ? html`<p class="conflict">${t('inventory.conflict', { pseudonym: child.pseudonym, stored: this._describe(this._conflicts.get(child.id) ?? null) })}</p>` : nothing}
      <fieldset>
        <legend>${t('inventory.level')}</legend>
        ${config.scale.map((level, i) => html`<div class="choice">
          <input type="radio" name="level-${child.id}" id="level-${level.id}" .checked=${values.level === level.id}
            aria-describedby="level-help-${level.id}" @change=${() => this._edit({ level: level.id })} />
          <label for="level-${level.id}"><kbd>${i + 1}</kbd> ${level.label}</label>
          <span class="help" id="level-help-${level.id}">${level.description}</span>
        </div>`)}
      </fieldset>
      <fieldset>
        <legend>${t('inventory.criteria')}</legend>
        ${config.criteria.map((c, i) => html`<div class="choice">
          <input type="checkbox" id="crit-${c.id}" .checked=${values.criteria.includes(c.id)} aria-describedby="crit-help-${c.id}"
            @change=${() => this._toggleCriterion(i)} />
          <label for="crit-${c.id}">${i < 9 ? html`<kbd>Skift+${i + 1}</kbd> ` : nothing}${c.label}</label>
          <span class="help" id="crit-help-${c.id}">${c.help}</span>
        </div>`)}
      </fieldset>
      <div class="field">
        <label for="inv-reason">${t('inventory.reason')}</label>
        <textarea id="inv-reason" rows="3" maxlength="2000" .value=${values.reason}
          @input=${(e: Event) => this._edit({ reason: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
      <button type="button" class="primary" @click=${() => void this._saveAndNext()}>${t('inventory.save')}</button>
    </section>`;
  }

  override render() {
    const config = this.config;
    if (!config) return nothing;
    if (!this._children) return this._error ? alertLine(this._error) : html`<p role="status">${t('app.loading')}</p>`;
    const children = this._children;
    if (!children.length) return html`<h2>${t('inventory.mine.title')}</h2><p>${t('inventory.mine.empty')}</p>`;
    const rated = children.filter((c) => c.rating).length;
    return html`
      <h2>${t('inventory.mine.title')}</h2>
      <p><strong>${t('inventory.mine.progress', { rated, total: children.length })}</strong></p>
      <p class="keys" id="inv-keys">${t('inventory.keys', { k: config.scale.length, c: Math.min(9, config.criteria.length) })}</p>
      ${alertLine(this._error)}
      ${statusLine(this._message)}
      <div class="layout">
        ${this._renderList()}
        ${this._renderPanel()}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-inventory-rater': BsInventoryRater;
  }
}
