// An element directive that sets inline style properties through the CSSOM only. Lit's styleMap writes a
// style="" attribute on first render, which our CSP (style-src 'self') blocks; CSSOM writes are allowed.
// Example: html`<span class="bar" ${styleProps({ width: '40%' })}></span>`
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class StylePropsDirective extends Directive {
  private _previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProps() must be used on an element');
  }

  render(_props: Record<string, string>): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Record<string, string>]): typeof nothing {
    const style = (part.element as HTMLElement).style;
    for (const name of this._previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this._previous = new Set(Object.keys(props));
    return nothing;
  }
}

/** Sets CSS properties (kebab-case names) on the element via element.style.setProperty. */
export const styleProps = directive(StylePropsDirective);
