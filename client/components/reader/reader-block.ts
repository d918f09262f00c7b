// Templates for one block of the reader (used by bs-reader): the heading, the text as spans carrying their
// start offset (`data-o`), <mark>s with a question-number badge for annotated passages, and the margin
// cards. Blocks without annotations are a single span, so each block's DOM stays small.
import { html, nothing, type TemplateResult } from 'lit';
import type { AnnotationView, ReflectionQuestion } from '../../../server/domain/types.ts';
import { segmentBlock, type Block } from '../../common/chronology.ts';
import { formatDateLong, kindLabel, t } from '../../i18n/sv.ts';
import { questionClass } from '../base-styles.ts';
import { shortenQuote } from './bs-annotation-card.ts';
import type { BlockCodings, MarkedSegment } from '../../common/coding-marks.ts';
import '../research/bs-coding-strip.ts';

/** What a block needs besides its own data. */
export interface BlockContext {
  text: string;
  questions: ReflectionQuestion[];
  /** Question id → 1-based number. */
  numbers: Map<string, number>;
  /** Annotations overlapping the block (highlighted in the text). */
  touching: AnnotationView[];
  /** Annotations starting in the block (cards in its margin). */
  owned: AnnotationView[];
  userId: string;
  busyId: string;
  /** The selection bar, when the selection lies in this block. */
  bar: TemplateResult | typeof nothing;
  showDocumentTitle: boolean;
  /** The reader's one entry in the tab order (keyboard reading starts there). */
  current?: boolean;
  /** Researchers and the lead: cards get codes and "Koda"; coded passages are listed in the margin. */
  coding?: boolean;
  /** With `coding`: the codes are shown without "Koda" (a closed study). */
  codeReadonly?: boolean;
  /** The codings shown in this block (with `coding`). */
  coded?: BlockCodings;
}

/** A DOM id made from a block key. */
export function blockDomId(key: string): string {
  return `b-${key.replace(/[^\w-]/g, '_')}`;
}

/** Where the block's trailing whitespace begins (blank lines between entries are not shown). */
function tailStart(text: string, start: number, end: number): number {
  let p = end;
  while (p > start && /\s/.test(text[p - 1]!)) p--;
  return p;
}

function renderText(block: Block, ctx: BlockContext): TemplateResult {
  const slice = (start: number, end: number) => ctx.text.slice(start, end);
  const tail = tailStart(ctx.text, block.start, block.end);
  // The hidden tail still carries its offset, so a selection ending after the text resolves correctly.
  const tailSpan = tail < block.end ? html`<span class="tail" data-o=${tail}>${slice(tail, block.end)}</span>` : nothing;
  if (!ctx.touching.length) {
    return html`<div class="text"><span data-o=${block.start}>${slice(block.start, tail)}</span>${tailSpan}</div>`;
  }
  const parts = segmentBlock({ start: block.start, end: tail }, ctx.touching).map((seg) => {
    const span = html`<span data-o=${seg.start}>${slice(seg.start, seg.end)}</span>`;
    // An annotation ending in the hidden tail gets its badge after the last visible character.
    const ending = seg.end === tail
      ? [...seg.endingHere, ...ctx.touching.filter((a) => a.target.end > tail && a.target.end <= block.end)]
      : seg.endingHere;
    const badges = ending.map((a) => {
      const n = ctx.numbers.get(a.questionId) ?? 0;
      const label = ctx.questions[n - 1]?.label ?? a.questionId;
      return html`<span class="badge ${questionClass(n || 1)}" role="img" data-n=${n || '?'}
        aria-label=${t('reader.badge', { number: n, label })}></span>`;
    });
    if (!seg.covering.length) return html`${span}${badges}`;
    const nums = seg.covering.map((a) => ctx.numbers.get(a.questionId) ?? 1);
    const first = Math.min(...nums);
    const cls = `u-${((first - 1) % 4) + 1}${new Set(nums).size > 1 || seg.covering.length > 1 ? ' multi' : ''}`;
    return html`<mark class=${cls}>${span}</mark>${badges}`;
  });
  return html`<div class="text">${parts}${tailSpan}</div>`;
}

function renderMargin(ctx: BlockContext): TemplateResult | typeof nothing {
  const passages = ctx.coding ? ctx.coded?.passages ?? [] : [];
  if (!ctx.owned.length && !passages.length) return nothing;
  return html`<div class="margin" role="group" aria-label=${t('reader.annotationsInBlock')}>
    ${ctx.owned.map((a) => {
      const n = ctx.numbers.get(a.questionId) ?? 0;
      const card = html`<bs-annotation-card .annotation=${a} .question=${ctx.questions[n - 1]} number=${n}
        ?can-edit=${a.authorId === ctx.userId} ?busy=${ctx.busyId === a.id}></bs-annotation-card>`;
      return ctx.coding ? renderCodedCard(a, card, ctx) : card;
    })}
    ${passages.map((seg) => renderCodedPassage(seg, !!ctx.codeReadonly))}
  </div>`;
}

/** An annotation card with its codes beside and below it, and "Koda" (unless read-only). */
function renderCodedCard(a: AnnotationView, card: TemplateResult, ctx: BlockContext): TemplateResult {
  const short = shortenQuote(a.target.exact, 60);
  return html`<bs-coding-strip .marks=${ctx.coded?.annotations.get(a.id) ?? []} .target=${{ type: 'annotation', id: a.id }} ?readonly=${!!ctx.codeReadonly}
    subject=${t('coding.subject.annotation', { quote: shortenQuote(a.target.exact, 120) })} short=${short}>${card}</bs-coding-strip>`;
}

/** A coded passage of the case file: its quote with its codes. */
function renderCodedPassage(seg: MarkedSegment, readonly: boolean): TemplateResult {
  return html`<bs-coding-strip .marks=${seg.marks} .target=${seg.target} ?readonly=${readonly} quote=${shortenQuote(seg.exact, 160)}
    subject=${t('coding.subject.passage', { quote: shortenQuote(seg.exact, 120) })} short=${shortenQuote(seg.exact, 60)}></bs-coding-strip>`;
}

/** One reader section: heading, text, selection bar and margin. */
export function renderBlock(block: Block, ctx: BlockContext): TemplateResult {
  const id = blockDomId(block.key);
  const kind = block.kind ? kindLabel(block.kind) : t('reader.preamble');
  return html`<section class="block" id=${id} tabindex=${ctx.current ? '0' : '-1'} aria-labelledby=${`${id}-h`}
    data-block=${block.key} data-start=${block.start} data-end=${block.end}>
    <h3 id=${`${id}-h`}><span class="date">${formatDateLong(block.date)}</span>
      <span class="kind">${kind}</span>
      <span class="title">${block.title}</span>
      ${ctx.showDocumentTitle ? html`<span class="doc">${block.documentTitle}</span>` : nothing}
    </h3>
    <div class="body">${renderText(block, ctx)}${ctx.bar}${renderMargin(ctx)}</div>
  </section>`;
}
