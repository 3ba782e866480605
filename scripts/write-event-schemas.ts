/**
 * Writes the published JSON Schema of the petition events from the zod schema, so the document
 * cannot drift from what producers validate against, then formats it as the repository's biome
 * settings want. Run: `npx tsx scripts/write-event-schemas.ts`. A unit test fails when the
 * committed file says anything else than what this would write.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PETITION_EVENT_SCHEMA_PATH, renderPetitionEventJsonSchema } from '../shared/events/petition-events';

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, PETITION_EVENT_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderPetitionEventJsonSchema());
execFileSync(resolve(root, 'node_modules/.bin/biome'), ['format', '--write', target], { cwd: root, stdio: 'ignore' });
console.log(`wrote ${PETITION_EVENT_SCHEMA_PATH}`);
