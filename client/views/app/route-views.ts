// The view for each route: which page element <bs-app> shows, with its attributes, and which pages get a
// fresh element when the route changes (keyed) so that nothing of one study, family, memo or round can
// end up in another's page.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { SessionUser } from '../../../server/domain/types.ts';
import type { Api } from '../../data/api.ts';
import { t } from '../../i18n/sv.ts';
import type { Route } from '../../route.ts';
import '../study/bs-studies-view.ts';
import '../study/bs-study-view.ts';
import '../family/bs-family-view.ts';
import '../admin/bs-study-settings-view.ts';
import '../admin/bs-audit-view.ts';
import '../study/bs-progress-view.ts';
import '../admin/bs-archive-import-view.ts';
import '../admin/bs-accounts-view.ts';
import '../study/bs-study-create-view.ts';
import '../study/bs-search-view.ts';
import '../research/bs-memos-view.ts';
import '../research/bs-memo-view.ts';
import '../research/bs-codebook-view.ts';
import '../research/bs-code-view.ts';
import '../research/bs-matrix-view.ts';
import '../research/bs-agreement-view.ts';
import '../research/bs-agreement-round-view.ts';
import '../research/bs-literature-view.ts';
import '../study/bs-exports-view.ts';
import '../investigations/bs-investigations-summary-view.ts';
import '../inventory/bs-inventory-summary-view.ts';
import '../study/bs-report-view.ts';
import '../presentation/bs-presentation-view.ts';

/** The page for route `r`, for the signed-in `user`; `session` goes up when views should load again. */
export function renderRouteView(r: Route, api: Api, user: SessionUser, session: number): unknown {
  switch (r.name) {
    case 'home':
      return html`<bs-studies-view .api=${api} session=${session} ?admin=${user.admin} ?may-create=${user.mayCreateStudies}></bs-studies-view>`;
    case 'new-study':
      return html`<bs-study-create-view .api=${api} .user=${user}></bs-study-create-view>`;
    case 'study':
    case 'child':
      // One element for the study page with or without a child selected: choosing another child keeps the list.
      return keyed(r.studyId, html`<bs-study-view .api=${api} study-id=${r.studyId} child-id=${r.name === 'child' ? r.childId : ''}
        session=${session}></bs-study-view>`);
    case 'family':
      // A fresh element per family: the old one saves what is pending as it goes, and no text of one
      // family can end up in another's page.
      return keyed(`${r.studyId}/${r.familyId}`, html`<bs-family-view .api=${api} .user=${user} study-id=${r.studyId}
        family-id=${r.familyId} tab=${r.tab} .target=${r.target} session=${session}></bs-family-view>`);
    case 'search':
      return keyed(r.studyId, html`<bs-search-view .api=${api} study-id=${r.studyId} query=${r.query} .filters=${r.filters}
        session=${session}></bs-search-view>`);
    case 'settings':
      return keyed(r.studyId, html`<bs-study-settings-view .api=${api} study-id=${r.studyId} session=${session}></bs-study-settings-view>`);
    case 'audit':
      return keyed(r.studyId, html`<bs-audit-view .api=${api} study-id=${r.studyId} session=${session}></bs-audit-view>`);
    case 'progress':
      return keyed(r.studyId, html`<bs-progress-view .api=${api} study-id=${r.studyId} session=${session}></bs-progress-view>`);
    case 'archive-import':
      return keyed(r.studyId, html`<bs-archive-import-view .api=${api} study-id=${r.studyId} session=${session}></bs-archive-import-view>`);
    case 'accounts':
      return html`<bs-accounts-view .api=${api} .user=${user} session=${session}></bs-accounts-view>`;
    case 'memos':
      return keyed(r.studyId, html`<bs-memos-view .api=${api} study-id=${r.studyId} session=${session}></bs-memos-view>`);
    case 'memo':
      // A fresh element per memo: the old one saves what is pending as it goes.
      return keyed(`${r.studyId}/${r.memoId}`, html`<bs-memo-view .api=${api} study-id=${r.studyId} memo-id=${r.memoId}
        user-id=${user.id} session=${session}></bs-memo-view>`);
    case 'codebook':
      return keyed(r.studyId, html`<bs-codebook-view .api=${api} study-id=${r.studyId} session=${session}></bs-codebook-view>`);
    case 'code':
      return keyed(`${r.studyId}/${r.codeId}`, html`<bs-code-view .api=${api} study-id=${r.studyId} code-id=${r.codeId}
        session=${session}></bs-code-view>`);
    case 'matrix':
      return keyed(r.studyId, html`<bs-matrix-view .api=${api} study-id=${r.studyId} cols=${r.cols} session=${session}></bs-matrix-view>`);
    case 'agreement':
      return keyed(r.studyId, html`<bs-agreement-view .api=${api} study-id=${r.studyId} user-id=${user.id}
        session=${session}></bs-agreement-view>`);
    case 'agreement-round':
      // A fresh element per round: no unit's codes of one round can be shown or saved in another.
      return keyed(`${r.studyId}/${r.roundId}`, html`<bs-agreement-round-view .api=${api} study-id=${r.studyId}
        round-id=${r.roundId} user-id=${user.id} session=${session}></bs-agreement-round-view>`);
    case 'literature':
      return keyed(r.studyId, html`<bs-literature-view .api=${api} study-id=${r.studyId} session=${session}></bs-literature-view>`);
    case 'exports':
      return keyed(r.studyId, html`<bs-exports-view .api=${api} study-id=${r.studyId} session=${session}></bs-exports-view>`);
    case 'investigations':
      return keyed(r.studyId, html`<bs-investigations-summary-view .api=${api} study-id=${r.studyId} session=${session}></bs-investigations-summary-view>`);
    case 'inventory-summary':
      return keyed(r.studyId, html`<bs-inventory-summary-view .api=${api} study-id=${r.studyId} session=${session}></bs-inventory-summary-view>`);
    case 'report':
      return keyed(r.studyId, html`<bs-report-view .api=${api} study-id=${r.studyId} options=${r.options} session=${session}></bs-report-view>`);
    case 'presentation':
    case 'presentation-notes':
      return keyed(`${r.name}/${r.studyId}/${r.options}`, html`<bs-presentation-view .api=${api} study-id=${r.studyId} options=${r.options}
        slide=${r.slide} mode=${r.name === 'presentation' ? 'deck' : 'notes'} session=${session}></bs-presentation-view>`);
    case 'not-found':
      return html`<h1>${t('app.notFound')}</h1><p><a href="#/">${t('app.backToStart')}</a></p>`;
  }
}
