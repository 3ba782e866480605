import { createPetitionSchema, draftCreatedSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF, QUOTING } from './define';

export const route = defineRoute({
  id: 'create-petition',
  method: 'POST',
  path: '/v1/petitions',
  auth: OFFICE_STAFF,
  // The petition, and its fees quoted again from the schedule valid today.
  table: QUOTING,
  documents: ['presign-upload'],
  summary:
    "Create a draft petition for the caller's office (the office comes from the token), with its declared documents",
  request: { body: createPetitionSchema },
  responses: {
    201: { description: 'Draft created; one upload instruction per declared document', schema: draftCreatedSchema },
    409: { description: 'The office is not active, or no fee schedule is loaded for today' },
    413: { description: 'A declared document over the size limit, or too many documents' },
  },
});
