// The study report as data (ReportModel): the one fetch the presentation view makes. `query` is the report's
// options as the report page puts them in the URL ('questions=q1,q2&codes=…&quotes=3&suppress=5').
// Example: const model = await fetchReportModel(api, 'mini', 'quotes=2');
import type { ReportModel } from '../../server/report/report-types.ts';
import { seg, type Api } from './api.ts';

export type { ReportModel };

/** GET …/export/report.json?<query> (researchers and the lead). */
export function fetchReportModel(api: Api, studyId: string, query: string): Promise<ReportModel> {
  const search = query.replace(/^\?/, '');
  return api.request('GET', `/api/studies/${seg(studyId)}/export/report.json${search ? `?${search}` : ''}`);
}
