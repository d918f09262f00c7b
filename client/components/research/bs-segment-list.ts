// <bs-segment-list study-id="…" .segments=${codings} .questions=${q} ?show-code>: coded segments in their
// context — family (pseudonym), date, question, kind; the coded text; the caseworker's comment; who coded
// it; and a link to the source: an annotation or passage opens the family's reader at that place, a
// reflection opens the reflections at that question. A segment that can no longer be found in its text is
// flagged in words. Used by the code page and by the matrix (the segments behind a cell).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CodingView, ReflectionQuestion } from '../../../server/domain/types.ts';
import { formatDateLong, t } from '../../i18n/sv.ts';
import { hrefFor, type Route } from '../../route.ts';
import { sharedStyles } from '../base-styles.ts';
import '../bs-markdown-view.ts';

type Question = Pick<ReflectionQuestion, 'id' | 'label'>;

/** The question a segment answers: its label, "Sammanfattning", or null (a passage of the case file). */
export function segmentQuestion(coding: CodingView, questions: readonly Question[]): string | null {
  const s = coding.segment;
  if (s.reflectionKey === 'summary') return t('code.segment.summary');
  if (!s.questionId) return null;
  return questions.find((q) => q.id === s.questionId)?.label ?? s.questionId;
}

/** Where the segment is: the reader at the annotation or passage, or the reflection. */
export function segmentSource(studyId: string, coding: CodingView): Route {
  const s = coding.segment;
  const family = { name: 'family' as const, studyId, familyId: s.familyId };
  const target = coding.target;
  if (target.type === 'reflection') return { ...family, tab: 'reflektioner', target: { kind: 'reflection', key: target.key } };
  if (target.type === 'annotation') {
    // A deleted annotation has no place left to open: the family's case file then.
    return s.documentId ? { ...family, tab: 'akt', target: { kind: 'annotation', annotationId: target.id } } : { ...family, tab: 'akt' };
  }
  return { ...family, tab: 'akt', target: { kind: 'entry', documentId: target.documentId, offset: s.start ?? target.start } };
}

@customElement('bs-segment-list')
export class BsSegmentList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.7rem;
      }
      li {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.4rem;
        padding: 0.6rem 0.9rem;
        max-width: 60rem;
      }
      p {
        margin: 0 0 0.3rem;
      }
      .meta {
        font-size: 0.92rem;
        color: var(--bs-muted);
      }
      .meta strong {
        color: var(--bs-text);
      }
      blockquote {
        margin: 0.3rem 0;
        padding: 0.2rem 0 0.2rem 0.8rem;
        border-left: 0.25rem solid var(--bs-border-strong);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .comment {
        margin: 0.3rem 0;
      }
      .comment .label {
        font-weight: 600;
      }
      .orphan {
        border-left: 0.3rem solid var(--bs-danger);
        background: var(--bs-danger-bg);
        padding: 0.2rem 0.6rem;
      }
      .foot {
        font-size: 0.92rem;
        margin: 0.3rem 0 0;
      }
    `,
  ];

  @property({ attribute: 'study-id' }) studyId = '';

  @property({ attribute: false }) segments: CodingView[] = [];

  /** The study's questions (their labels). */
  @property({ attribute: false }) questions: Question[] = [];

  /** Say which code each segment has (when sub-codes are included). */
  @property({ type: Boolean, attribute: 'show-code' }) showCode = false;

  private _renderItem(c: CodingView) {
    const s = c.segment;
    const question = segmentQuestion(c, this.questions);
    const kind = t(`code.kind.${c.target.type}`);
    const link = t(`code.source.${c.target.type}`);
    return html`<li data-coding=${c.id}>
      <p class="meta"><strong>${s.familyPseudonym}</strong>${s.date ? html` · ${formatDateLong(s.date)}` : nothing}
        ${question ? html` · ${t('code.segment.question', { label: question })}` : nothing} · ${kind}
        ${s.documentTitle ? html` · ${s.documentTitle}` : nothing}</p>
      ${this.showCode ? html`<p>${t('code.segment.code', { name: c.codeName })}</p>` : nothing}
      ${s.orphan ? html`<p class="orphan">${t('code.segment.orphan')}</p>` : nothing}
      ${s.text ? html`<blockquote>${s.text}</blockquote>` : nothing}
      ${s.comment
        ? html`<div class="comment"><span class="label">${t('code.segment.comment')}</span>
            <bs-markdown-view .markdown=${s.comment}></bs-markdown-view></div>`
        : nothing}
      <p class="foot">${t('code.segment.codedBy', { name: c.createdByName || t('code.segment.unknownCoder') })} ·
        <a href=${hrefFor(segmentSource(this.studyId, c))} aria-label=${t('code.source.label', { link, family: s.familyPseudonym })}>${link}</a></p>
    </li>`;
  }

  override render() {
    return html`<ol>${this.segments.map((c) => this._renderItem(c))}</ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-segment-list': BsSegmentList;
  }
}
