import { workWeekSchema } from '../schemas/holidays';
import { CURES_DUE, defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'set-work-week',
  method: 'PUT',
  path: '/v1/holidays/work-week',
  auth: PROVINCE_ADMIN,
  // BatchGetItem: the province's holidays of the coming years, to refuse a year without an open day,
  // and to count again the cure periods ending on a weekday it closes (gsi3; PutItem for their writes).
  table: [{ actions: ['PutItem'] }, { actions: ['BatchGetItem'], leadingKeys: ['CALENDAR#*'] }, CURES_DUE],
  summary: "Set the province's closed weekdays besides Friday; cure periods ending on a day it closes move later",
  request: { body: workWeekSchema },
  responses: {
    200: { description: 'The setting as stored', schema: workWeekSchema },
    409: { description: 'With the holidays, it would leave the province a year without an open day' },
  },
});
