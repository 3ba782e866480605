import { officePathSchema, officeSchema, updateOfficeSchema } from '../schemas/office';
import { defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'update-office',
  method: 'PATCH',
  path: '/v1/offices/{officeCode}',
  auth: PROVINCE_ADMIN,
  // The office, read and put whole; a new payment terminal moves its claim in the same transaction:
  // the new terminal's claim put, the old one's deleted (TERMINAL#<id>, each on a condition).
  table: [
    { actions: ['GetItem'], leadingKeys: ['OFFICE#*'] },
    { actions: ['PutItem'], leadingKeys: ['OFFICE#*', 'TERMINAL#*'] },
    { actions: ['DeleteItem'], leadingKeys: ['TERMINAL#*'] },
  ],
  // The judiciary's terminal, which no office may take as its own.
  judiciaryTerminal: true,
  summary: "Change an office's status or details",
  request: { path: officePathSchema, body: updateOfficeSchema },
  responses: {
    200: { description: 'Changed', schema: officeSchema },
    409: {
      description: 'A status step not allowed or backdated, a stale expectedVersion, or a payment terminal not its own',
    },
  },
});
