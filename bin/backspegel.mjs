#!/usr/bin/env node
// `npx backspegel …`: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
