import { provincialHolidaySchema } from '../schemas/holidays';
import { defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'add-provincial-holiday',
  method: 'POST',
  path: '/v1/holidays/provincial',
  auth: PROVINCE_ADMIN,
  table: [{ actions: ['UpdateItem'] }],
  summary: "Add a holiday (or a day the offices could not work) to the administrator's province",
  request: { body: provincialHolidaySchema },
  responses: {
    201: { description: 'Added', schema: provincialHolidaySchema },
    409: { description: 'The province has this day already' },
  },
});
