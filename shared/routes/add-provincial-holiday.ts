import { provincialHolidaySchema } from '../schemas/holidays';
import { defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'add-provincial-holiday',
  method: 'POST',
  path: '/v1/holidays/provincial',
  auth: PROVINCE_ADMIN,
  // BatchGetItem: the province's calendar around the day, to refuse a year without an open day.
  table: [{ actions: ['UpdateItem'] }, { actions: ['BatchGetItem'], leadingKeys: ['CALENDAR#*'] }],
  summary: "Add a holiday (or a day the offices could not work) to the administrator's province",
  request: { body: provincialHolidaySchema },
  responses: {
    201: { description: 'Added', schema: provincialHolidaySchema },
    409: {
      description: 'The province has this day already, or it would leave the province a year without an open day',
    },
  },
});
