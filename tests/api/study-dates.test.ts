import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const dates = appSuite('Study dates through the API');

dates('an end date that is not a real date is refused with 422 and nothing changes', async ({ t }) => {
  const lead = await t.as('projektledare');
  const { version } = (await lead.call('GET', '/api/studies/mini/members')).json;
  for (const endDate of ['2027-13-45', '2027-02-30', '2027-00-01']) {
    const r = await lead.call('PATCH', '/api/studies/mini', { endDate }, { 'if-match': String(version) });
    assert.is(r.status, 422, endDate);
    assert.is(r.json.error.code, 'validation');
    assert.match(r.json.error.message, /ÅÅÅÅ-MM-DD/);
  }
  assert.is((await lead.call('GET', '/api/studies/mini')).json.endDate, null);
  const ok = await lead.call('PATCH', '/api/studies/mini', { endDate: '2028-02-29' }, { 'if-match': String(version) });
  assert.is(ok.status, 200);
  assert.is(ok.json.endDate, '2028-02-29');
});

dates.run();
