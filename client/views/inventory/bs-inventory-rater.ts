// <bs-inventory-rater .api=${api} study-id="…" .config=${inventory} child-id="…">: a caseworker's "Mina barn" in a
// målgruppsinventering: progress, the list of their children (and those they rate a second time, blind)
// with each child's status, and the rating panel of the selected child — the levels as a radio group
// with their descriptions, the criteria as checkboxes with help, a short reason. Built for speed by
// keyboard: digits choose the level, Shift+digit toggles a criterion, Enter (Ctrl+Enter in the reason)
// saves and moves on to the next unrated child, ↑/↓ or j/k move in the list. Saving moves on at once;
// the save runs behind (If-Match), and a failed or conflicting save keeps the choice as a draft on the
// child, with the stored rating shown beside it on a conflict. `child-id` (a search hit's child) selects
// that child and puts the focus on the list, so the keys work at once.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { InventoryChildView, InventoryConfig } from '../../../server/domain/inventory/inventory-types.ts';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { fetchInventoryChildren, saveInventoryRating, type RatingInput } from '../../data/inventory.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';
import { unratedFirst, type ChildStatus } from './inventory-format.ts';
import { renderChildList, type ChildFilter } from './rater-child-list.ts';
import { RaterKeyboardController } from './rater-keyboard-controller.ts';
import { raterStyles } from './rater-styles.ts';
import { renderRatingPanel } from './rating-panel.ts';
import { describeStored, storedFrom, type StoredRating } from './rating-conflict.ts';

const EMPTY: RatingInput = { level: '', criteria: [], reason: '' };

@customElement('bs-inventory-rater')
export class BsInventoryRater extends LitElement {
  static override styles = [sharedStyles, raterStyles];

  @property({ attribute: false }) api?: Api;
  @property({ attribute: 'study-id' }) studyId = '';
  @property({ attribute: false }) config?: InventoryConfig;
  /** The child to open (route '#/studier/s/barn/<id>'); '' for none. */
  @property({ attribute: 'child-id' }) childId = '';

  @state() private _children: InventoryChildView[] | null = null;
  @state() private _selected = '';
  @state() private _filter: ChildFilter = 'all';
  /** Unsaved choices per child id (kept through failed saves and conflicts). */
  @state() private _drafts = new Map<string, RatingInput>();
  @state() private _saving = new Set<string>();
  @state() private _failed = new Set<string>();
  /** The stored rating of a child whose save met a newer one. */
  @state() private _conflicts = new Map<string, StoredRating | null>();
  @state() private _error = '';
  @state() private _message = '';

  @query('ul[role="listbox"]') private _list?: HTMLElement;

  constructor() {
    super();
    new RaterKeyboardController(this, {
      saveAndNext: () => void this._saveAndNext(),
      focusList: () => this._list?.focus(),
      chooseLevel: (index) => this._chooseLevel(index),
      toggleCriterion: (index) => this._toggleCriterion(index),
      move: (step) => this._move(step),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._onUnload);
  }

  override disconnectedCallback(): void {
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
        this._error = t('inventory.conflict', { pseudonym: child.pseudonym, stored: describeStored(stored?.rating ?? null, this.config) });
      } else {
        this._error = t('inventory.saveFailed', { pseudonym: child.pseudonym, message: errorMessage(err) });
      }
    } finally {
      this._saving = this._withoutId(this._saving, child.id);
    }
  }

  private _renderList() {
    return renderChildList({
      config: this.config!,
      visible: this._visible,
      selected: this._selected,
      filter: this._filter,
      statusOf: (child) => this._statusOf(child),
      setFilter: (filter) => (this._filter = filter),
      select: (id) => this._select(id, true),
    });
  }

  private _renderPanel() {
    const child = this._child(this._selected);
    if (!child) return html`<p>${t('inventory.panel.none')}</p>`;
    return renderRatingPanel({
      config: this.config!,
      child,
      values: this._valuesOf(child),
      status: this._statusOf(child),
      conflict: this._conflicts.has(child.id) ? describeStored(this._conflicts.get(child.id) ?? null, this.config) : null,
      edit: (change) => this._edit(change),
      toggleCriterion: (index) => this._toggleCriterion(index),
      save: () => void this._saveAndNext(),
    });
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
