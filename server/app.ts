// createApp builds the whole HTTP app over a store; server/main.ts makes it listen.
// Tests call `app.request()` on it directly.
import { Hono } from 'hono';
import { PRODUCTION_COST, type PasswordCost } from './auth/password.ts';
import { LoginThrottle } from './auth/throttle.ts';
import { BulkImports } from './import/bulk-imports.ts';
import { PendingImports } from './import/pending-imports.ts';
import { SearchIndexes } from './search/search-indexes.ts';
import { Sessions } from './auth/sessions.ts';
import { NotFoundError } from './domain/errors.ts';
import { mountClient } from './http/client-files.ts';
import type { AppEnv } from './http/env.ts';
import { errorResponse } from './http/errors.ts';
import { requireUser } from './http/require-user.ts';
import { refuseWritesToClosedStudies } from './http/closed-study.ts';
import { limitBodySize, sameOriginOnly, securityHeaders } from './http/security.ts';
import type { Services } from './http/services.ts';
import { agreementRoundRoutes } from './routes/agreement-rounds.ts';
import { annotationRoutes } from './routes/annotations.ts';
import { bulkImportRoutes } from './routes/bulk-imports.ts';
import { codebookQdcRoutes } from './routes/codebook-qdc.ts';
import { codeRoutes } from './routes/codes.ts';
import { codeSegmentRoutes } from './routes/code-segments.ts';
import { codingRoutes } from './routes/codings.ts';
import { auditRoutes } from './routes/audit.ts';
import { documentRoutes } from './routes/documents.ts';
import { exportRoutes } from './routes/exports.ts';
import { familyRoutes } from './routes/families.ts';
import { importRoutes } from './routes/imports.ts';
import { inventoryRoutes } from './routes/inventory.ts';
import { inventoryResultRoutes } from './routes/inventory-results.ts';
import { investigationRoutes } from './routes/investigations.ts';
import { matrixRoutes } from './routes/matrix.ts';
import { memoRoutes } from './routes/memos.ts';
import { progressRoutes } from './routes/progress.ts';
import { readingRoutes } from './routes/reading.ts';
import { referenceRoutes } from './routes/references.ts';
import { reflectionRoutes } from './routes/reflections.ts';
import { researchOverviewRoutes } from './routes/research-overview.ts';
import { searchRoutes } from './routes/search.ts';
import { sessionRoutes } from './routes/session.ts';
import { studyAdminRoutes } from './routes/study-admin.ts';
import { studyRoutes } from './routes/studies.ts';
import { studyTemplateRoutes } from './routes/study-templates.ts';
import { userRoutes } from './routes/users.ts';
import type { Store } from './store/store.ts';

export interface AppDeps {
  store: Store;
  /** Search indexes; main.ts passes its own so it can build them at start-up. */
  search?: SearchIndexes;
  clock?: () => Date;
  /** Directory of the built client; omitted in API-only tests. */
  clientDir?: string;
  /**
   * The origin browsers use (BACKSPEGEL_ORIGIN, e.g. https://backspegel.kommun.se): behind a
   * TLS-terminating proxy the Origin check compares against it, not the request URL.
   */
  origin?: string;
  /** Behind HTTPS: Secure cookies with the __Host- prefix. Default: on when `origin` is https. */
  secureCookies?: boolean;
  /** scrypt cost for passwords set through the API; tests inject FAST_COST. Default PRODUCTION_COST. */
  passwordCost?: PasswordCost;
}

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? (() => new Date());
  const services: Services = {
    store: deps.store,
    clock,
    sessions: new Sessions(deps.store.app, clock),
    throttle: new LoginThrottle(clock),
    pendingImports: new PendingImports(clock),
    bulkImports: new BulkImports(clock),
    search: deps.search ?? new SearchIndexes(),
    secureCookies: deps.secureCookies ?? deps.origin?.startsWith('https:') ?? false,
    passwordCost: deps.passwordCost ?? PRODUCTION_COST,
  };
  const authed = requireUser(services);

  const app = new Hono<AppEnv>()
    .use(securityHeaders)
    .use('/api/*', sameOriginOnly(deps.origin), limitBodySize)
    .get('/api/health', (c) => c.json({ ok: true }))
    .route('/api/session', sessionRoutes(services))
    .use('/api/studies', authed)
    .use('/api/studies/*', authed)
    .use('/api/studies/:study/*', refuseWritesToClosedStudies(services))
    .use('/api/study-templates', authed)
    .route('/api/study-templates', studyTemplateRoutes())
    .use('/api/users', authed)
    .use('/api/users/*', authed)
    .route('/api/users', userRoutes(services))
    .route('/api/studies', studyRoutes(services))
    .route('/api/studies/:study/families', familyRoutes(services))
    .route('/api/studies/:study/families/:family/reflections', reflectionRoutes(services))
    .route('/api/studies/:study', investigationRoutes(services))
    .route('/api/studies/:study/families/:family', importRoutes(services))
    .route('/api/studies/:study', bulkImportRoutes(services))
    .route('/api/studies/:study', documentRoutes(services))
    .route('/api/studies/:study', readingRoutes(services))
    .route('/api/studies/:study/progress', progressRoutes(services))
    .route('/api/studies/:study', studyAdminRoutes(services))
    .route('/api/studies/:study/annotations', annotationRoutes(services))
    .route('/api/studies/:study/audit', auditRoutes(services))
    .route('/api/studies/:study/search', searchRoutes(services))
    .route('/api/studies/:study/codebook.qdc', codebookQdcRoutes(services))
    .route('/api/studies/:study/codes', codeSegmentRoutes(services))
    .route('/api/studies/:study/codes', codeRoutes(services))
    .route('/api/studies/:study/codings', codingRoutes(services))
    .route('/api/studies/:study/export', exportRoutes(services))
    .route('/api/studies/:study/memos', memoRoutes(services))
    .route('/api/studies/:study', referenceRoutes(services))
    .route('/api/studies/:study/agreement-rounds', agreementRoundRoutes(services))
    .route('/api/studies/:study/matrix', matrixRoutes(services))
    .route('/api/studies/:study/inventory', inventoryRoutes(services))
    .route('/api/studies/:study/inventory', inventoryResultRoutes(services))
    .route('/api/studies/:study/overview', researchOverviewRoutes(services));

  app.all('/api/*', () => {
    throw new NotFoundError('Det finns ingen sådan adress i API:t.');
  });
  if (deps.clientDir) mountClient(app, deps.clientDir);
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => c.text('Sidan finns inte.', 404));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
