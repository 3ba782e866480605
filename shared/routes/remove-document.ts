import { documentPathSchema, documentRemovedSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'remove-document',
  method: 'DELETE',
  path: '/v1/petitions/{petitionId}/documents/{documentId}',
  auth: OFFICE_STAFF,
  table: READ_WRITE_ITEMS,
  documents: ['remove'],
  summary: 'Remove a declared document (a rejected scan, a wrong file) from a draft or a returned petition',
  request: { path: documentPathSchema },
  responses: {
    200: { description: 'Removed; declare a replacement with POST …/documents', schema: documentRemovedSchema },
    404: { description: 'Unknown, or not yours to see' },
    409: { description: 'The petition is neither a draft nor returned, or it changed meanwhile' },
  },
});
