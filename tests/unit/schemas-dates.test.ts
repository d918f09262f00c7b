import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isoDateSchema, studySettingsSchema } from '../../server/domain/schemas.ts';

const dates = suite('Date inputs accept only real calendar dates');

dates('a study end date must be a date that exists', () => {
  assert.ok(studySettingsSchema.safeParse({ endDate: '2027-12-31' }).success);
  assert.ok(studySettingsSchema.safeParse({ endDate: '2028-02-29' }).success, 'leap day');
  assert.ok(studySettingsSchema.safeParse({ endDate: null }).success);
  for (const bad of ['2027-13-45', '2027-02-29', '2027-04-31', '2027-00-10', '2027-01-00', '2027-1-1', '27-01-01', '2027-01-01T00:00']) {
    const parsed = studySettingsSchema.safeParse({ endDate: bad });
    assert.not.ok(parsed.success, bad);
    assert.match(parsed.error!.issues[0]!.message, /ÅÅÅÅ-MM-DD/);
  }
});

dates('the shared date schema says the same', () => {
  assert.ok(isoDateSchema.safeParse('2000-02-29').success);
  assert.not.ok(isoDateSchema.safeParse('1900-02-29').success);
  assert.not.ok(isoDateSchema.safeParse(20270101).success);
});

dates.run();
