// The full demo through the API: the demo målgruppsinventering is listed beside the case-file study
// for its members, as an inventory with its template's instrument; an administrator sees neither.
import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const demo = appSuite('The demo inventory in the study list', { study: 'demo' });

demo('its members see both demo studies, the inventory with its kind and instrument', async ({ t }) => {
  for (const [user, role] of [['socsek1', 'caseworker'], ['forskare2', 'researcher'], ['projektledare', 'lead']] as const) {
    const client = await t.as(user);
    const list = (await client.call('GET', '/api/studies')).json as { id: string; kind: string; role: string }[];
    const inventory = list.find((s) => s.id === 'demo-malgruppsinventering');
    assert.equal([inventory?.kind, inventory?.role], ['inventory', role], user);
    assert.is(list.find((s) => s.id === 'demo-komplexa-familjer')?.kind, 'case-file', user);
  }
  const view = (await (await t.as('projektledare')).call('GET', '/api/studies/demo-malgruppsinventering')).json;
  assert.is(view.kind, 'inventory');
  assert.equal(view.inventory.scale.map((l: { id: string }) => l.id), ['ingen', 'enkel', 'mattlig', 'komplex']);
  assert.equal(view.inventory.units.map((u: { id: string }) => u.id), ['utredning', 'insats']);
  assert.equal(view.questions, []);
});

demo('an administrator who is no member sees neither', async ({ t }) => {
  assert.equal((await (await t.as('admin')).call('GET', '/api/studies')).json, []);
});

demo.run();
