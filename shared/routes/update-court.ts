import { courtPathSchema, courtSchema, updateCourtSchema } from '../schemas/court';
import { defineRoute, PROVINCE_ADMIN, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'update-court',
  method: 'PATCH',
  path: '/v1/courts/{courtCode}',
  auth: PROVINCE_ADMIN,
  table: READ_WRITE_ITEMS,
  summary: "Change a court's name, district, kind or status (own province)",
  request: { path: courtPathSchema, body: updateCourtSchema },
  responses: {
    200: { description: 'Changed', schema: courtSchema },
    409: { description: 'A closed court reopened, or a stale expectedVersion' },
  },
});
