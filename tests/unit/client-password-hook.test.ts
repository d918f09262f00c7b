import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Api, ApiError, errorMessage } from '../../client/data/api.ts';

const hook = suite('The API client and a required password change');

hook('a 403 password_change_required goes to its hook, other refusals do not', () => {
  const calls: string[] = [];
  const api = new Api('', () => calls.push('expired'));
  api.onPasswordChangeRequired = () => calls.push('password');
  api.noteError(new ApiError(403, 'password_change_required', 'Du behöver byta lösenord innan du kan fortsätta.'));
  api.noteError(new ApiError(403, 'forbidden', ''));
  api.noteError(new ApiError(422, 'wrong_password', ''));
  assert.equal(calls, ['password']);
  api.noteError(new ApiError(401, 'unauthenticated', ''));
  assert.equal(calls, ['password', 'expired']);
});

hook('the refusal reads as Swedish', () => {
  assert.is(errorMessage(new ApiError(403, 'password_change_required', '')), 'Du behöver byta lösenord innan du kan fortsätta.');
});

hook.run();
