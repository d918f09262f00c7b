// Reads the hand-written storylines of the demo study.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Storyline } from './types.ts';

/** The demo study's directory (studies/demo-komplexa-familjer). */
export const STUDY_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Loads `families/<id>/storyline.json`. */
export function loadStoryline(familyId: string, studyDir: string = STUDY_DIR): Storyline {
  const path = join(studyDir, 'families', familyId, 'storyline.json');
  const story = JSON.parse(readFileSync(path, 'utf8')) as Storyline;
  if (story.id !== familyId) throw new Error(`${path}: id ${story.id} does not match the folder`);
  return story;
}

/** Ids of the families that have a storyline, sorted. */
export function familyIds(studyDir: string = STUDY_DIR): string[] {
  return readdirSync(join(studyDir, 'families'))
    .filter((id) => existsSync(join(studyDir, 'families', id, 'storyline.json')))
    .sort();
}
