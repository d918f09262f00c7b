// <bs-code-tree study-id="…" .codes=${codes}>: the codebook as nested lists. Each code shows its colour
// swatch and its name (a link to the code's page), its number of codings, a fold button when it has
// sub-codes (aria-expanded) and the buttons Redigera, Flytta…, Slå ihop…, Ta bort… (bs-code-action).
// Moving: drag a code onto another to place it there, or onto the top-level zone; by keyboard, Alt+→
// places the focused code under the code above it and Alt+← moves it up one level (bs-code-move). After a
// keyboard move the focus follows the code to its new place. `readonly` (a closed study): the codes, their
// counts and the fold buttons only; no buttons to change them and no moving.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleProps } from '../../common/style-props.ts';
import type { CodeListItem } from '../../data/research.ts';
import { fire, type CodeActionDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { sharedStyles } from '../base-styles.ts';
import { childrenByParent, indentParent, outdentParent, subtreeOf } from './code-tree.ts';
import { researchStyles } from './research-styles.ts';

/** "Inga kodningar", "1 kodning", "5 kodningar". */
export function codingCountText(n: number): string {
  return n === 0 ? t('codebook.count.none') : n === 1 ? t('codebook.count.one') : t('codebook.count', { n });
}

const ACTIONS: CodeActionDetail['action'][] = ['edit', 'move', 'merge', 'delete'];

@customElement('bs-code-tree')
export class BsCodeTree extends LitElement {
  static override styles = [
    sharedStyles,
    researchStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0 0 0 1.6rem;
      }
      ul.top {
        padding: 0;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.3rem 0.6rem;
        padding: 0.3rem 0.5rem;
        margin: 0.15rem 0;
        border: 2px solid transparent;
        border-radius: 0.35rem;
        background: var(--bs-surface);
        cursor: grab;
      }
      :host([readonly]) .row {
        cursor: auto;
      }
      .row.over,
      .top-drop.over {
        border-color: var(--bs-accent);
        background: var(--bs-accent-bg);
      }
      .row.dragging {
        opacity: 0.55;
      }
      .fold,
      .fold-space {
        width: 1.9rem;
        flex: none;
        padding: 0.1rem 0;
        text-align: center;
      }
      .name {
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-left: auto;
      }
      .top-drop {
        border: 2px dashed var(--bs-border-strong);
        border-radius: 0.35rem;
        padding: 0.45rem 0.7rem;
        margin: 0 0 0.5rem;
        color: var(--bs-muted);
      }
      .note {
        margin: 0.4rem 0 0;
      }
    `,
  ];

  /** The study (for the links to the code pages). */
  @property({ attribute: 'study-id' }) studyId = '';

  /** The codebook in codebook order. */
  @property({ attribute: false }) codes: CodeListItem[] = [];

  /** Show the codebook only: no Redigera, Flytta…, Slå ihop…, Ta bort…, no dragging, no Alt+arrows. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private _folded = new Set<string>();
  @state() private _dragId: string | null = null;
  /** The code (or 'top') a dragged code would drop onto. */
  @state() private _over: string | null = null;
  /** Why a keyboard move could not be made (said in the status region). */
  @state() private _note = '';

  /** The code to focus once the codebook comes back after a keyboard move. */
  private _refocus: string | null = null;

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('codes') || !this._refocus) return;
    const link = this.renderRoot.querySelector<HTMLElement>(`li[data-code-id="${CSS.escape(this._refocus)}"] > .row a`);
    // The page may hand over the codebook more than once after a move, and each time the moved row is
    // rendered anew: keep following the code until the user puts the focus somewhere else.
    if (link && (this.shadowRoot?.activeElement ?? null) !== link) link.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusin', this._onFocusIn);
    this.addEventListener('focusout', this._onFocusOut);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('focusin', this._onFocusIn);
    this.removeEventListener('focusout', this._onFocusOut);
    super.disconnectedCallback();
  }

  /** The user (or a click) put the focus on something other than the moved code: stop following it. */
  private _onFocusIn = (e: FocusEvent): void => {
    const row = (e.composedPath()[0] as Element | undefined)?.closest?.('li[data-code-id]');
    if (this._refocus && row?.getAttribute('data-code-id') !== this._refocus) this._refocus = null;
  };

  /** Focus that moves out of the tree to another element (not lost because a row was re-rendered) ends it too. */
  private _onFocusOut = (e: FocusEvent): void => {
    if (e.relatedTarget && e.relatedTarget !== this) this._refocus = null;
  };

  private _toggle(id: string): void {
    const next = new Set(this._folded);
    if (!next.delete(id)) next.add(id);
    this._folded = next;
  }

  /** May the dragged code be dropped on `target` ('top': the top level)? Not on itself, below itself, or where it is. */
  private _canDrop(target: string): boolean {
    if (this.readonly) return false;
    const dragged = this.codes.find((c) => c.id === this._dragId);
    if (!dragged) return false;
    if (target === 'top') return dragged.parentId !== null;
    return dragged.parentId !== target && !subtreeOf(this.codes, dragged.id).has(target);
  }

  private _dragStart(e: DragEvent, code: CodeListItem): void {
    e.stopPropagation();
    e.dataTransfer?.setData('text/plain', code.id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    this._dragId = code.id;
    this._note = '';
  }

  private _dragOver(e: DragEvent, target: string): void {
    if (!this._canDrop(target)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    this._over = target;
  }

  private _drop(e: DragEvent, target: string): void {
    e.preventDefault();
    const codeId = this._dragId;
    const ok = this._canDrop(target);
    this._dragEnd();
    if (codeId && ok) fire(this, 'bs-code-move', { codeId, parentId: target === 'top' ? null : target, how: 'drag' });
  }

  private _dragEnd(): void {
    this._dragId = null;
    this._over = null;
  }

  private _keydown(e: KeyboardEvent, code: CodeListItem): void {
    if (this.readonly || !e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    // Alt+← is also the browser's "back": here it moves the code instead.
    e.preventDefault();
    e.stopPropagation();
    const parentId = e.key === 'ArrowRight' ? indentParent(this.codes, code.id)?.id : outdentParent(this.codes, code.id);
    if (parentId === undefined) {
      this._note = e.key === 'ArrowRight' ? t('codebook.tree.noIndent', { name: code.name }) : t('codebook.tree.noOutdent', { name: code.name });
      return;
    }
    this._note = '';
    this._refocus = code.id;
    if (parentId) this._folded = new Set([...this._folded].filter((id) => id !== parentId));
    fire(this, 'bs-code-move', { codeId: code.id, parentId, how: 'keyboard' });
  }

  private _renderItem(code: CodeListItem, children: Map<string | null, CodeListItem[]>): TemplateResult {
    const kids = children.get(code.id) ?? [];
    const open = !this._folded.has(code.id);
    const classes = ['row', this._over === code.id ? 'over' : '', this._dragId === code.id ? 'dragging' : ''].join(' ');
    const movable = !this.readonly;
    return html`<li data-code-id=${code.id}>
      <div class=${classes} draggable=${movable ? 'true' : 'false'} @dragstart=${(e: DragEvent) => movable && this._dragStart(e, code)}
        @dragend=${this._dragEnd} @dragover=${(e: DragEvent) => this._dragOver(e, code.id)} @dragleave=${() => (this._over = null)}
        @drop=${(e: DragEvent) => this._drop(e, code.id)} @keydown=${(e: KeyboardEvent) => this._keydown(e, code)}>
        ${kids.length
          ? html`<button type="button" class="fold small" aria-expanded=${open ? 'true' : 'false'}
              aria-label=${t('codebook.tree.subcodes', { name: code.name })} @click=${() => this._toggle(code.id)}>
              <span aria-hidden="true">${open ? '▾' : '▸'}</span></button>`
          : html`<span class="fold-space"></span>`}
        <span class="swatch" ${styleProps({ '--swatch': code.color })}></span>
        <a class="name" draggable="false" aria-keyshortcuts=${movable ? 'Alt+ArrowRight Alt+ArrowLeft' : nothing}
          href=${hrefFor({ name: 'code', studyId: this.studyId, codeId: code.id })}>${code.name}</a>
        <span class="count">${codingCountText(code.codingCount)}</span>
        ${movable
          ? html`<span class="actions">
              ${ACTIONS.map((action) => html`<button type="button" class="small" data-action=${action}
                aria-label=${t(`codebook.action.${action}Label`, { name: code.name })}
                @click=${() => fire(this, 'bs-code-action', { code, action })}>${t(`codebook.action.${action}`)}</button>`)}
            </span>`
          : nothing}
      </div>
      ${kids.length && open ? html`<ul>${kids.map((k) => this._renderItem(k, children))}</ul>` : nothing}
    </li>`;
  }

  override render() {
    const children = childrenByParent(this.codes);
    return html`
      ${this.readonly
        ? nothing
        : html`<p class="hint">${t('codebook.tree.help')}</p>
            <div class="top-drop ${this._over === 'top' ? 'over' : ''}" @dragover=${(e: DragEvent) => this._dragOver(e, 'top')}
              @dragleave=${() => (this._over = null)} @drop=${(e: DragEvent) => this._drop(e, 'top')}>${t('codebook.tree.topDrop')}</div>`}
      <ul class="top">${(children.get(null) ?? []).map((c) => this._renderItem(c, children))}</ul>
      <div role="status">${this._note ? html`<p class="note">${this._note}</p>` : nothing}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-code-tree': BsCodeTree;
  }
}
