import { nationalReportQuerySchema, nationalReportSchema, reportPathSchema } from '../schemas/report';
import { defineRoute, NATIONAL_ADMIN, NATIONAL_REPORT_LIMITS, REPORT_READS } from './define';

export const route = defineRoute({
  id: 'get-national-report',
  method: 'GET',
  path: '/v1/reports/monthly/{month}/national',
  auth: NATIONAL_ADMIN,
  table: REPORT_READS,
  reports: 'read',
  // The national report over every office of the country: see NATIONAL_REPORT_LIMITS.
  limits: NATIONAL_REPORT_LIMITS,
  summary: 'The national report for a month: the provinces ranked; ?format=csv|svg gives the file',
  request: { path: reportPathSchema, query: nationalReportQuerySchema },
  responses: {
    200: {
      description: 'The report as JSON; with ?format, the CSV file (UTF-8 with BOM) or the SVG chart',
      schema: nationalReportSchema,
      otherContentTypes: ['text/csv', 'image/svg+xml'],
    },
    400: { description: 'Not a month, or a month that has not started' },
  },
});
