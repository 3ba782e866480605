import { createOfficeSchema, officeSchema } from '../schemas/office';
import { defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'create-office',
  method: 'POST',
  path: '/v1/offices',
  auth: PROVINCE_ADMIN,
  // One transaction: the office, its payment terminal's claim (TERMINAL#<id>, a conditional put)
  // and its province added to the set the report job reads (its own key, OFFICE-PROVINCES).
  table: [
    { actions: ['PutItem'], leadingKeys: ['OFFICE#*', 'TERMINAL#*'] },
    { actions: ['UpdateItem'], leadingKeys: ['OFFICE-PROVINCES'] },
  ],
  // The judiciary's terminal, which no office may take as its own.
  judiciaryTerminal: true,
  summary: 'Register an office',
  request: { body: createOfficeSchema },
  responses: {
    201: { description: 'Registered', schema: officeSchema },
    409: {
      description: "An office with this code exists, or the payment terminal is another office's or the judiciary's",
    },
  },
});
