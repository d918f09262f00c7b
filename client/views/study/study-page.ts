// The base of the pages that show one study (study, settings, audit log, progress, archive import): the
// API client, the study id and the session counter, and one rule for when the page loads its data.
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Api } from '../../data/api.ts';

export abstract class StudyPage extends LitElement {
  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Id of the study. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** Incremented by the app when the user logs in again after the session expired: reload. */
  @property({ type: Number }) session = 0;

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('studyId') || changed.has('api') || changed.has('session')) void this.load();
  }

  /** Loads (or reloads) the page's data; errors are the page's to show. */
  protected abstract load(): Promise<void>;
}
