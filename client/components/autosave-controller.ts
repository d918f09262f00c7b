// What every autosaved text on screen shares (the reflections, a memo, a meta-reflection): an
// AutosaveController that redraws its element when a saver changes, saves what is pending when the page
// or the element goes away, and warns before leaving with unsaved text; the version-conflict alert with
// "Skriv över med min text" / "Använd den sparade versionen"; the status line; and their styles.
// Example: private readonly _autosave = new AutosaveController(this, () => [this._saver]);
//          this._saver = new Autosaver(loaded, save, this._autosave.changed);
//          render: ${autosavedMarkdown(this._saver, { label, idle, conflict: () => t('meta.conflict') })}
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Reflection } from '../../server/domain/types.ts';
import type { AutosaveStatus, Autosaver } from '../data/autosave.ts';
import { formatClock, formatDateTime, t } from '../i18n/sv.ts';
import './bs-markdown-editor.ts';
import './bs-markdown-view.ts';

export class AutosaveController implements ReactiveController {
  constructor(
    private readonly _host: ReactiveControllerHost,
    /** The host's savers as they are now (they come and go as the host loads). */
    private readonly _savers: () => Iterable<Autosaver | null | undefined>,
  ) {
    _host.addController(this);
  }

  /** A saver's onChange: its text or status moved, so the host draws again. */
  readonly changed = (): void => this._host.requestUpdate();

  /** True while any saver's text is not yet stored. */
  get unsaved(): boolean {
    for (const saver of this._savers()) if (saver?.unsaved) return true;
    return false;
  }

  /** Saves what is pending now (blur, leaving); a saver whose save fails keeps retrying on its own. */
  readonly flush = (): void => {
    for (const saver of this._savers()) void saver?.flush();
  };

  hostConnected(): void {
    window.addEventListener('beforeunload', this._onBeforeUnload);
    window.addEventListener('pagehide', this.flush);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this._onBeforeUnload);
    window.removeEventListener('pagehide', this.flush);
    // Leaving the page inside the app: store what is pending.
    this.flush();
  }

  private readonly _onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.unsaved) return;
    this.flush();
    e.preventDefault();
    e.returnValue = '';
  };
}

export const autosaveStyles = css`
  .status {
    margin: 0.35rem 0 0;
    font-size: 0.9rem;
    color: var(--bs-muted);
    min-height: 1.4em;
  }
  .status.bad {
    color: var(--bs-danger);
    font-weight: 600;
  }
  .theirs {
    background: var(--bs-surface);
    border: 1px solid var(--bs-border);
    border-radius: 0.35rem;
    padding: 0.5rem 0.7rem;
    margin: 0.5rem 0;
    max-height: 16rem;
    overflow: auto;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;

/** The status in words; `idle` is the host's own (who saved the text last, or that nothing is written). */
export function autosaveStatusText(status: AutosaveStatus, idle: string, { retryReason = false } = {}): string {
  switch (status.kind) {
    case 'idle':
      return idle;
    case 'dirty':
      return t('reflections.status.dirty');
    case 'saving':
      return t('reflections.status.saving');
    case 'saved':
      return t('reflections.status.saved', { time: formatClock(status.at) });
    case 'retrying':
      return retryReason ? `${t('reflections.status.error')} (${status.message})` : t('reflections.status.error');
    case 'failed':
      return t('reflections.status.failed', { message: status.message });
    case 'conflict':
      return t('reflections.status.conflict');
  }
}

/** The status line under the text, in the alert colour while the text cannot be stored as it is. */
export function autosaveStatus(saver: Autosaver, idle: string, options: { retryReason?: boolean } = {}): TemplateResult {
  const kind = saver.status.kind;
  const bad = kind === 'retrying' || kind === 'failed' || kind === 'conflict';
  return html`<p class="status ${bad ? 'bad' : ''}" role="status">${autosaveStatusText(saver.status, idle, options)}</p>`;
}

const storedMarkdown = (current: Reflection) => html`<bs-markdown-view .markdown=${current.text}></bs-markdown-view>`;

/**
 * At a version conflict (nothing otherwise): `message`, the stored version with its time (`theirs`
 * draws it; by default its Markdown), and the user's two ways out. The user's text stays in the editor.
 */
export function autosaveConflict(
  saver: Autosaver,
  message: (current: Reflection) => string,
  theirs: (current: Reflection) => unknown = storedMarkdown,
): TemplateResult | typeof nothing {
  if (saver.status.kind !== 'conflict') return nothing;
  const current = saver.status.current;
  return html`<div class="alert" role="alert">
    <p>${message(current)}</p>
    <p><strong>${t('reflections.conflictTheirs')}</strong>${current.updatedAt ? ` (${formatDateTime(current.updatedAt)})` : ''}:</p>
    <div class="theirs">${theirs(current)}</div>
    <div class="buttons">
      <button type="button" class="primary" @click=${() => void saver.overwrite()}>${t('reflections.overwrite')}</button>
      <button type="button" @click=${() => saver.acceptSaved()}>${t('reflections.useSaved')}</button>
    </div>
  </div>`;
}

export interface AutosavedMarkdownOptions {
  label: string;
  description?: string;
  /** The status line while nothing has been typed. */
  idle: string;
  /** What a version conflict says. */
  conflict: (current: Reflection) => string;
}

/** One autosaved Markdown text: the conflict (if any), the editor feeding the saver, and the status line. */
export function autosavedMarkdown(saver: Autosaver, o: AutosavedMarkdownOptions): TemplateResult {
  return html`${autosaveConflict(saver, o.conflict)}
    <bs-markdown-editor label=${o.label} description=${o.description ?? ''} rows="8" .value=${saver.text}
      @bs-markdown-input=${(e: CustomEvent<{ value: string }>) => saver.input(e.detail.value)}
      @bs-markdown-blur=${() => void saver.flush()}></bs-markdown-editor>
    ${autosaveStatus(saver, o.idle)}`;
}
