import { createPetitionSchema, draftCreatedSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'create-petition',
  method: 'POST',
  path: '/v1/petitions',
  auth: OFFICE_STAFF,
  table: READ_WRITE_ITEMS,
  documents: ['presign-upload'],
  summary:
    "Create a draft petition for the caller's office (the office comes from the token), with its declared documents",
  request: { body: createPetitionSchema },
  responses: {
    201: { description: 'Draft created; one upload instruction per declared document', schema: draftCreatedSchema },
    409: { description: 'The office is not active' },
    413: { description: 'A declared document over the size limit, or too many documents' },
  },
});
