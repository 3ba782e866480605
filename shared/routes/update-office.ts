import { officePathSchema, officeSchema, updateOfficeSchema } from '../schemas/office';
import { defineRoute, PROVINCE_ADMIN, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'update-office',
  method: 'PATCH',
  path: '/v1/offices/{officeCode}',
  auth: PROVINCE_ADMIN,
  table: READ_WRITE_ITEMS,
  summary: "Change an office's status or details",
  request: { path: officePathSchema, body: updateOfficeSchema },
  responses: {
    200: { description: 'Changed', schema: officeSchema },
    409: { description: 'A status step that is not allowed, or a stale expectedVersion' },
  },
});
