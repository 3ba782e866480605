import { documentPathSchema, documentRemovedSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF, QUOTING } from './define';

export const route = defineRoute({
  id: 'remove-document',
  method: 'DELETE',
  path: '/v1/petitions/{petitionId}/documents/{documentId}',
  auth: OFFICE_STAFF,
  // The petition, its fees quoted again from the schedule valid today, and the removal's event in
  // the outbox. No S3: the document keeper deletes the object from that event.
  table: QUOTING,
  summary: 'Remove a declared document (a rejected scan, a wrong file) from a draft or a returned petition',
  request: { path: documentPathSchema },
  responses: {
    200: { description: 'Removed; declare a replacement with POST …/documents', schema: documentRemovedSchema },
    404: { description: 'Unknown, or not yours to see' },
    409: { description: 'The petition is neither a draft nor returned, or it changed meanwhile' },
  },
});
