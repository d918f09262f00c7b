// <bs-search-view .api=${api} study-id="…" query="…" .filters=${f}>: "Sökresultat" for the words typed in the
// header's search field: the filters (bs-search-filters, applied through the URL so back and forward
// restore them), the number of hits in a status line, the hits grouped by kind (bs-search-results) and
// "Visa fler träffar" for the next page. Loading, empty and error states are said in words.
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FamilyView } from '../../../server/domain/types.ts';
import { ApiError, errorMessage } from '../../data/api.ts';
import { fetchFamilies, fetchStudy } from '../../data/studies.ts';
import { INVENTORY_SEARCH_KINDS, SEARCH_KINDS, SEARCH_PAGE_SIZE, fetchCodeOptions, searchStudy, type CodeOption, type SearchPage } from '../../data/search.ts';
import type { SearchFilterDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor, type SearchFilters } from '../../route.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine } from '../../components/feedback.ts';
import { indentedName } from '../../components/research/code-tree.ts';
import type { Choice } from '../../components/search/bs-search-filters.ts';
import '../../components/search/bs-search-filters.ts';
import '../../components/search/bs-search-results.ts';
import { StudyPage, nameTab, studyCrumbs } from './study-page.ts';

/** The codebook as select choices, indented by depth ("– " per level). */
function codeChoices(codes: CodeOption[]): Choice[] {
  return codes.map((c) => ({ value: c.id, label: indentedName(c) }));
}

/**
 * A search normally answers in milliseconds; one that takes longer is almost always the first after the
 * server started, waiting for the search index to be built. The user is told so rather than left guessing.
 */
export const SLOW_SEARCH_MS = 1500;

/** While the server answers 503 index_building, the search is asked again this often. */
export const INDEX_RETRY_MS = 2000;

/** How far the server's search index has come, from a 503 index_building answer; null for any other error. */
function indexBuilding(err: unknown): { done: number; total: number } | null {
  if (!(err instanceof ApiError) || err.code !== 'index_building') return null;
  const done = Number(err.details?.done);
  const total = Number(err.details?.total);
  return Number.isFinite(done) && Number.isFinite(total) ? { done, total } : { done: 0, total: 0 };
}

@customElement('bs-search-view')
export class BsSearchView extends StudyPage {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 72rem;
      }
      h1 {
        font-size: 1.6rem;
      }
      .crumbs {
        font-size: 0.92rem;
        margin-bottom: 0.4rem;
      }
      .query {
        font-size: 1.05rem;
        margin: 0 0 0.3rem;
      }
      .intro {
        color: var(--bs-muted);
        max-width: 50rem;
      }
      bs-search-filters {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.5rem;
        padding: 0.8rem 1rem;
        margin: 0.8rem 0;
      }
      .summary {
        font-weight: 600;
        margin: 0.8rem 0 0;
      }
      .more {
        margin: 1.25rem 0 0;
      }
    `,
  ];

  @state() private _families: FamilyView[] = [];
  @state() private _codes: CodeOption[] | null = null;
  @state() private _page: SearchPage | null = null;
  @state() private _searching = false;
  /** The search has taken long enough that the user should know why (see SLOW_SEARCH_MS). */
  @state() private _slow = false;
  /** The server is still building its search index: how far (the search is asked again meanwhile). */
  @state() private _building: { done: number; total: number } | null = null;
  @state() private _loadingMore = false;
  @state() private _searchError = '';

  /** Answers to an older search (or page) than this are dropped. */
  private _seq = 0;

  /** The words searched for. */
  @property() query = '';

  /** The filters in effect (from the URL). */
  @property({ attribute: false }) filters: SearchFilters = {};

  override willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    const reloads = changed.has('studyId') || changed.has('api') || changed.has('session');
    if (!reloads && (changed.has('query') || changed.has('filters'))) void this._search();
  }

  protected load(): Promise<void> {
    return this.loadStudy(async (api) => {
      void this._search();
      const [study, families] = await Promise.all([fetchStudy(api, this.studyId), fetchFamilies(api, this.studyId)]);
      this.study = study;
      this._families = study.kind === 'inventory' ? [] : families;
      nameTab(t('search.title'), study);
      // The codebook is the researchers' and the lead's; caseworkers do not ask (and get no code filter).
      this._codes = study.role === 'caseworker' || study.kind === 'inventory' ? null : await fetchCodeOptions(api, this.studyId).catch(() => null);
    });
  }

  private async _search(): Promise<void> {
    const api = this.api;
    const seq = ++this._seq;
    this._page = null;
    this._searchError = '';
    this._loadingMore = false;
    if (!api || !this.studyId || !this.query) {
      this._searching = false;
      return;
    }
    this._searching = true;
    this._slow = false;
    this._building = null;
    const slow = setTimeout(() => seq === this._seq && (this._slow = true), SLOW_SEARCH_MS);
    try {
      for (;;) {
        try {
          const page = await searchStudy(api, this.studyId, this.query, this.filters, { offset: 0, limit: SEARCH_PAGE_SIZE });
          if (seq === this._seq) this._page = page;
          return;
        } catch (err) {
          const building = indexBuilding(err);
          if (!building || seq !== this._seq) throw err;
          // Said in the status line, and asked again until the index is built (or the search changes).
          this._building = building;
          await new Promise((resolve) => setTimeout(resolve, INDEX_RETRY_MS));
          if (seq !== this._seq || !this.isConnected) return;
        }
      }
    } catch (err) {
      if (seq === this._seq) this._searchError = errorMessage(err);
    } finally {
      clearTimeout(slow);
      if (seq === this._seq) {
        this._searching = this._slow = false;
        this._building = null;
      }
    }
  }

  private async _more(): Promise<void> {
    const api = this.api;
    const current = this._page;
    if (!api || !current || this._loadingMore) return;
    const seq = this._seq;
    this._loadingMore = true;
    this._searchError = '';
    try {
      const next = await searchStudy(api, this.studyId, this.query, this.filters, { offset: current.hits.length, limit: SEARCH_PAGE_SIZE });
      if (seq !== this._seq) return;
      // The index may have changed between pages: never list a hit twice.
      const seen = new Set(current.hits.map((h) => h.id));
      this._page = { hits: [...current.hits, ...next.hits.filter((h) => !seen.has(h.id))], total: next.total };
    } catch (err) {
      if (seq === this._seq) this._searchError = errorMessage(err);
    } finally {
      if (seq === this._seq) this._loadingMore = false;
    }
  }

  private _onFilter(e: CustomEvent<SearchFilterDetail>): void {
    location.hash = hrefFor({ name: 'search', studyId: this.studyId, query: this.query, filters: e.detail.filters });
  }

  /** The status line: searching, or how many hits there are and how many are shown. */
  private _summary(): string {
    const building = this._building;
    if (this._searching && building) {
      return building.total ? t('search.building', { percent: Math.floor((100 * building.done) / building.total) }) : t('search.buildingStarted');
    }
    if (this._searching) return this._slow ? t('search.searchingSlow') : t('search.searching');
    const page = this._page;
    if (!page) return '';
    const filtered = Object.keys(this.filters).length > 0;
    if (page.total === 0) return filtered ? t('search.noHitsFiltered') : t('search.noHits');
    const total = page.total === 1 ? t('search.total.one') : t('search.total', { n: page.total });
    return page.hits.length < page.total ? `${total}. ${t('search.showing', { shown: page.hits.length, total: page.total })}` : total;
  }

  private _renderResults() {
    const page = this._page;
    if (!page || !page.hits.length) return nothing;
    const names = new Map(this._families.map((f) => [f.id, f.pseudonym]));
    const complete = page.hits.length >= page.total;
    return html`
      <bs-search-results study-id=${this.studyId} query=${this.query} .filters=${this.filters} .hits=${page.hits}
        .familyNames=${names} ?complete=${complete}></bs-search-results>
      ${complete
        ? nothing
        : html`<p class="more"><button type="button" ?disabled=${this._loadingMore} @click=${this._more}>
            ${this._loadingMore ? t('search.moreBusy') : t('search.more')}</button></p>`}
    `;
  }

  override render() {
    const study = this.study;
    if (this.blocked || !study) return this.renderNotReady();
    // Offer only what the study holds: a målgruppsinventering has ratings of children, a case-file study none.
    const inventory = study.kind === 'inventory';
    const kinds = inventory ? INVENTORY_SEARCH_KINDS : SEARCH_KINDS.filter((k) => k !== 'rating' && (k !== 'memo' || study.role !== 'caseworker'));
    const intro = inventory
      ? study.role === 'caseworker' ? t('search.introInventory') : t('search.introInventoryResearch')
      : study.role === 'caseworker' ? t('search.intro') : t('search.introResearch');
    return html`
      ${studyCrumbs(study, t('search.title'))}
      <h1>${t('search.heading')}</h1>
      ${this.query ? html`<p class="query">${t('search.for', { q: this.query })}</p>` : html`<p>${t('search.empty')}</p>`}
      <p class="intro">${intro}</p>
      <bs-search-filters .filters=${this.filters} .kinds=${kinds} ?inventory=${inventory}
        .families=${this._families.map((f) => ({ value: f.id, label: f.pseudonym }))}
        .questions=${study.questions.map((q, i) => ({ value: q.id, label: `${i + 1} ${q.label}` }))}
        .codes=${this._codes?.length ? codeChoices(this._codes) : null}
        .authors=${study.people.map((p) => ({ value: p.id, label: `${p.displayName} (${t(`role.${p.role}`)})` }))}
        @bs-search-filter=${this._onFilter}></bs-search-filters>
      <div role="status"><p class="summary">${this._summary()}</p></div>
      ${alertLine(this._searchError)}
      ${this._renderResults()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-search-view': BsSearchView;
  }
}
