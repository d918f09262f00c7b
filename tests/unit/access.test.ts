import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { canImportDocuments, canSeeFamily, canWriteCaseworkerMaterial, roleIn, visibleFamilies } from '../../server/domain/access.ts';
import type { Study } from '../../server/domain/types.ts';

const study: Study = {
  id: 's', title: 'S', description: '', legalBasis: 'follow-up', ethicsApproval: null, endDate: null, questions: [], documents: [], version: 1,
  members: [
    { userId: 'lead', role: 'lead' },
    { userId: 'cw1', role: 'caseworker' },
    { userId: 'cw2', role: 'caseworker' },
    { userId: 'res', role: 'researcher' },
  ],
  families: [
    { id: 'a', pseudonym: 'A', activeFrom: '2010-01-01', activeTo: null, assignedTo: ['cw1'] },
    { id: 'b', pseudonym: 'B', activeFrom: '2010-01-01', activeTo: null, assignedTo: ['cw2'] },
  ],
};
const [famA, famB] = study.families as [Study['families'][0], Study['families'][0]];

const rules = suite('Access rules');

rules('a non-member has no role and sees nothing, whoever they are', () => {
  assert.is(roleIn(study, 'admin'), null);
  assert.equal(visibleFamilies(study, 'admin'), []);
  assert.not.ok(canSeeFamily(study, 'admin', famA));
});

rules('caseworkers see and write only their assigned families', () => {
  assert.equal(visibleFamilies(study, 'cw1').map((f) => f.id), ['a']);
  assert.ok(canWriteCaseworkerMaterial(study, 'cw1', famA));
  assert.not.ok(canWriteCaseworkerMaterial(study, 'cw1', famB));
  assert.not.ok(canImportDocuments(study, 'cw1'));
});

rules('researchers see every family but do not write caseworker material', () => {
  assert.equal(visibleFamilies(study, 'res').map((f) => f.id), ['a', 'b']);
  assert.not.ok(canWriteCaseworkerMaterial(study, 'res', famA));
  assert.not.ok(canImportDocuments(study, 'res'));
});

rules('the lead sees everything, may write and import', () => {
  assert.equal(visibleFamilies(study, 'lead').map((f) => f.id), ['a', 'b']);
  assert.ok(canWriteCaseworkerMaterial(study, 'lead', famB));
  assert.ok(canImportDocuments(study, 'lead'));
});

rules.run();
