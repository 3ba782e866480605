/**
 * Writes the published JSON Schema of the petition events from the zod schema, so the document
 * cannot drift from what producers validate against. Run: `npx tsx scripts/write-event-schemas.ts`.
 * A unit test fails when the committed file differs from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PETITION_EVENT_SCHEMA_PATH, renderPetitionEventJsonSchema } from '../shared/events/petition-events';

const target = resolve(import.meta.dirname, '..', PETITION_EVENT_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderPetitionEventJsonSchema());
console.log(`wrote ${PETITION_EVENT_SCHEMA_PATH}`);
