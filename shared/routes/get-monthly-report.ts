import { monthlyReportSchema, reportPathSchema, reportQuerySchema } from '../schemas/report';
import { defineRoute, REPORT_READS } from './define';

export const route = defineRoute({
  id: 'get-monthly-report',
  method: 'GET',
  path: '/v1/reports/monthly/{month}',
  auth: ['province-admin', 'manager'],
  table: REPORT_READS,
  reports: 'read',
  summary:
    "A month's report (province-admin: all offices; manager: own office and the totals); ?format=csv|svg gives the file",
  request: { path: reportPathSchema, query: reportQuerySchema },
  responses: {
    200: {
      description: 'The report as JSON; with ?format, the CSV file (UTF-8 with BOM) or the SVG chart',
      schema: monthlyReportSchema,
      otherContentTypes: ['text/csv', 'image/svg+xml'],
    },
    400: { description: 'Not a month, or a month that has not started' },
  },
});
