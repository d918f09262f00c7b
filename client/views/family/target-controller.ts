// A Lit controller that opens the family page at the place a link names (a search hit): the entry of a
// document at an offset, or an annotation's card — in the text's margin, or among the annotations no longer
// found in the text. Once the case file is loaded it scrolls there, puts focus on it and marks it; a place
// that no longer exists is said in `message`. Each target (a new route object) is revealed once, so going
// back to the same link reveals it again. (A reflection is focused by bs-reflections-view itself.)
// Example: private _target = new TargetController(this, { target: () => this.target, ready: () => …, … });
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnnotationView } from '../../../server/domain/types.ts';
import type { Block, BlockAnnotations } from '../../common/chronology.ts';
import type { BsReader } from '../../components/reader/bs-reader.ts';
import type { BsAnnotationCard } from '../../components/reader/bs-annotation-card.ts';
import { t } from '../../i18n/sv.ts';
import type { FamilyTarget } from '../../route.ts';

/** What the controller needs from its page. */
export interface TargetContext {
  target(): FamilyTarget | undefined;
  /** True once the case file and annotations are loaded and the reader tab shows. */
  ready(): boolean;
  reader(): BsReader | undefined;
  blocks(): readonly Block[];
  annotations(): readonly AnnotationView[];
  placed(): BlockAnnotations;
}

/** The block holding `offset` of a document (where an entry hit starts). */
export function blockAt(blocks: readonly Block[], documentId: string, offset: number): Block | undefined {
  return blocks.find((b) => b.documentId === documentId && b.start <= offset && offset < b.end);
}

export class TargetController implements ReactiveController {
  /** Why the target could not be shown; '' when it was (or there is none). */
  message = '';
  #host: ReactiveControllerHost & HTMLElement;
  #ctx: TargetContext;
  #done: FamilyTarget | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, ctx: TargetContext) {
    this.#host = host;
    this.#ctx = ctx;
    host.addController(this);
  }

  hostUpdated(): void {
    const target = this.#ctx.target();
    if (!target || target === this.#done || target.kind === 'reflection' || target.kind === 'investigation' || !this.#ctx.ready()) return;
    this.#done = target;
    void this.#reveal(target).then((found) => {
      const message = found ? '' : target.kind === 'annotation' ? t('family.annotationMissing') : t('family.targetMissing');
      if (message === this.message) return;
      this.message = message;
      this.#host.requestUpdate();
    });
  }

  async #reveal(target: Exclude<FamilyTarget, { kind: 'reflection' | 'investigation' }>): Promise<boolean> {
    const reader = this.#ctx.reader();
    if (!reader) return false;
    if (target.kind === 'entry') {
      const block = blockAt(this.#ctx.blocks(), target.documentId, target.offset);
      if (block) await reader.revealBlock(block.key);
      return !!block;
    }
    const id = target.annotationId;
    if (!this.#ctx.annotations().some((a) => a.id === id)) return false;
    const placed = this.#ctx.placed();
    for (const [key, list] of placed.owner) {
      if (list.some((a) => a.id === id)) return reader.revealAnnotation(key, id);
    }
    // Not in the text any more: its card is in the list below the reader.
    const card = [...(this.#host.shadowRoot?.querySelectorAll<BsAnnotationCard>('bs-annotation-card') ?? [])].find((c) => c.annotation?.id === id);
    if (!card) return false;
    await card.updateComplete;
    card.reveal();
    return true;
  }
}
