import { documentPathSchema, downloadSchema } from '../schemas/petition';
import { ALL_STAFF, defineRoute, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'download-document',
  method: 'GET',
  path: '/v1/petitions/{petitionId}/documents/{documentId}',
  auth: ALL_STAFF,
  table: READ_WRITE_ITEMS,
  documents: ['presign-download'],
  summary: 'A short-lived download URL for a verified document; the grant is recorded in the history',
  request: { path: documentPathSchema },
  responses: {
    200: { description: 'Presigned GET URL', schema: downloadSchema },
    404: { description: 'Unknown, or not yours to see' },
    409: { description: 'The document is not verified' },
  },
});
