import { declareDocumentsSchema, documentsDeclaredSchema, petitionPathSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF, QUOTING } from './define';

export const route = defineRoute({
  id: 'declare-documents',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/documents',
  auth: OFFICE_STAFF,
  // The petition, and its fees quoted again from the schedule valid today.
  table: QUOTING,
  documents: ['presign-upload'],
  summary: 'Declare more documents for a draft or a returned petition',
  request: { path: petitionPathSchema, body: declareDocumentsSchema },
  responses: {
    201: { description: 'One upload instruction per declared document', schema: documentsDeclaredSchema },
    409: { description: 'The petition is neither a draft nor returned, or no fee schedule is loaded for today' },
    413: { description: 'A declared document over the size limit, or too many documents' },
  },
});
