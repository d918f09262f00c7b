// <bs-exports-view .api=${api} study-id="…">: "Exporter", every download of the study's material for its
// researchers and lead (GET /api/studies/:study/export/<file>), each with what it is for. A download shows
// its progress (bytes so far, and percent when the size is known) and its button is disabled while it runs;
// the file is then saved under the server's file name. Caseworkers are refused (ResearchPage).
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { downloadFile, saveFile, type DownloadProgress } from '../../data/download.ts';
import { t, type MessageKey } from '../../i18n/sv.ts';
import { statusLine } from '../../components/feedback.ts';
import type { StudyKind } from '../../../server/domain/types.ts';
import { ResearchPage, researchPageStyles } from '../research/research-page.ts';
import { studyCrumbs } from './study-page.ts';

/** One download on the page: its file under /export/, a query, and its strings. */
interface ExportItem {
  id: string;
  file: string;
  query?: string;
  title: MessageKey;
  description: MessageKey;
  /** The kind of study the file belongs to (default: case-file studies). */
  kind?: StudyKind;
}

export const EXPORT_ITEMS: readonly ExportItem[] = [
  { id: 'annotations-csv', file: 'annotations.csv', title: 'exports.annotationsCsv.title', description: 'exports.annotationsCsv.description' },
  { id: 'annotations-csv-comma', file: 'annotations.csv', query: 'delimiter=comma', title: 'exports.annotationsCsvComma.title', description: 'exports.annotationsCsvComma.description' },
  { id: 'codings-csv', file: 'codings.csv', title: 'exports.codingsCsv.title', description: 'exports.codingsCsv.description' },
  { id: 'annotations-jsonld', file: 'annotations.jsonld', title: 'exports.jsonld.title', description: 'exports.jsonld.description' },
  { id: 'report-html', file: 'report.html', title: 'exports.reportHtml.title', description: 'exports.reportHtml.description' },
  { id: 'report-md', file: 'report.md', title: 'exports.reportMd.title', description: 'exports.reportMd.description' },
  { id: 'project-qdpx', file: 'project.qdpx', title: 'exports.qdpx.title', description: 'exports.qdpx.description' },
  { id: 'investigations-csv', file: 'investigations.csv', title: 'exports.investigationsCsv.title', description: 'exports.investigationsCsv.description' },
  { id: 'inventory-csv', file: 'inventory.csv', title: 'exports.inventoryCsv.title', description: 'exports.inventoryCsv.description', kind: 'inventory' },
];

/** The downloads a study of `kind` offers. */
export const exportItemsFor = (kind: StudyKind): ExportItem[] => EXPORT_ITEMS.filter((item) => (item.kind ?? 'case-file') === kind);

const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** "532 byte", "12,3 kB", "4,1 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte`;
  if (bytes < 1_000_000) return `${number.format(bytes / 1000)} kB`;
  return `${number.format(bytes / 1_000_000)} MB`;
}

@customElement('bs-exports-view')
export class BsExportsView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      :host {
        max-width: 56rem;
      }
      .exports {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .exports > li {
        border-top: 1px solid var(--bs-border);
        padding: 0.8rem 0;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.3rem;
      }
      .description {
        margin: 0 0 0.5rem;
      }
      .progress {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 0.8rem;
        align-items: center;
        margin-top: 0.4rem;
      }
      progress {
        width: 14rem;
      }
    `,
  ];

  /** Downloads under way, by item id. */
  @state() private _running: Record<string, DownloadProgress> = {};
  @state() private _errors: Record<string, string> = {};
  @state() private _saved = '';

  protected get heading(): string {
    return t('exports.title');
  }

  protected load(): Promise<void> {
    return this.loadResearch(t('exports.title'), async () => undefined);
  }

  private async _download(item: ExportItem): Promise<void> {
    const api: Api | undefined = this.api;
    if (!api || this._running[item.id]) return;
    const name = t(item.title);
    this._saved = '';
    this._errors = { ...this._errors, [item.id]: '' };
    this._running = { ...this._running, [item.id]: { received: 0, total: null } };
    const path = `/api/studies/${encodeURIComponent(this.studyId)}/export/${item.file}${item.query ? `?${item.query}` : ''}`;
    try {
      const file = await downloadFile(api, path, item.file, (p) => (this._running = { ...this._running, [item.id]: p }));
      saveFile(file);
      this._saved = t('exports.saved', { name });
    } catch (err) {
      const message = err instanceof ApiError && err.status === 404 ? t('exports.missing') : errorMessage(err);
      this._errors = { ...this._errors, [item.id]: t('exports.failed', { message }) };
    } finally {
      const { [item.id]: _done, ...rest } = this._running;
      this._running = rest;
    }
  }

  private _renderProgress(item: ExportItem) {
    const p = this._running[item.id];
    if (!p) return nothing;
    const label = t('exports.progress', { name: t(item.title) });
    const text = p.total
      ? t('exports.receivedOf', { size: formatSize(p.received), total: formatSize(p.total), percent: Math.min(100, Math.round((p.received / p.total) * 100)) })
      : t('exports.received', { size: formatSize(p.received) });
    return html`<div class="progress">
      <progress aria-label=${label} max=${p.total ?? nothing} value=${p.total ? Math.min(p.received, p.total) : nothing}></progress>
      <span>${text}</span>
    </div>`;
  }

  private _renderItem(item: ExportItem) {
    const busy = Boolean(this._running[item.id]);
    const error = this._errors[item.id];
    return html`<li data-export=${item.id}>
      <h2 id="title-${item.id}">${t(item.title)}</h2>
      <p class="description" id="description-${item.id}">${t(item.description)}</p>
      <button type="button" ?disabled=${busy} aria-describedby="title-${item.id} description-${item.id}"
        @click=${() => void this._download(item)}>${t('exports.download')}</button>
      ${this._renderProgress(item)}
      ${error ? html`<p class="alert" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  override render() {
    const study = this.study;
    if (this.blocked || !study) return this.renderNotReady();
    return html`
      ${studyCrumbs(study, t('exports.title'))}
      <h1>${t('exports.title')}</h1>
      <p>${t('exports.intro')}</p>
      ${statusLine(this._saved)}
      <ul class="exports">${exportItemsFor(study.kind).map((item) => this._renderItem(item))}</ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-exports-view': BsExportsView;
  }
}
