import { monthlyReportSchema, reportPathSchema, reportQuerySchema } from '../schemas/report';
import { defineRoute, REPORT_READS } from './define';

export const route = defineRoute({
  id: 'get-monthly-report',
  method: 'GET',
  path: '/v1/reports/monthly/{month}',
  auth: ['province-admin', 'manager', 'national-admin'],
  // gsi5: the province's attention list, read with the report.
  table: [...REPORT_READS, { actions: ['Query'], indexes: ['gsi5'] }],
  reports: 'read',
  summary:
    "A province's report for a month (province-admin: own; national-admin: ?province=; manager: own office); ?format=csv|svg",
  request: { path: reportPathSchema, query: reportQuerySchema },
  responses: {
    200: {
      description: 'The report as JSON; with ?format, the CSV file (UTF-8 with BOM) or the SVG chart',
      schema: monthlyReportSchema,
      otherContentTypes: ['text/csv', 'image/svg+xml'],
    },
    400: { description: 'Not a month, or a month that has not started' },
    404: { description: "Another province's report, answered as an unknown one" },
  },
});
