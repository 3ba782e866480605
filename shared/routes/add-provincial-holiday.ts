import { provincialHolidaySchema } from '../schemas/holidays';
import { CURE_RECOUNT, defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'add-provincial-holiday',
  method: 'POST',
  path: '/v1/holidays/provincial',
  auth: PROVINCE_ADMIN,
  // BatchGetItem: the province's calendar around the day, to refuse a year without an open day, and
  // to count again the cure periods ending on the day (gsi3); each later deadline is one transaction:
  // the petition (conditional on its version) and its outbox event.
  table: [{ actions: ['UpdateItem'] }, { actions: ['BatchGetItem'], leadingKeys: ['CALENDAR#*'] }, ...CURE_RECOUNT],
  summary: 'Add a holiday or closure to your province; cure periods ending that day move to the next open day',
  request: { body: provincialHolidaySchema },
  responses: {
    201: { description: 'Added', schema: provincialHolidaySchema },
    409: {
      description: 'The province has this day already, or it would leave the province a year without an open day',
    },
  },
});
