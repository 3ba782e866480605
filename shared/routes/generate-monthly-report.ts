import { generateQuerySchema, monthlyReportSchema, reportPathSchema } from '../schemas/report';
import { defineRoute, PROVINCE_ADMIN, REPORT_READS } from './define';

export const route = defineRoute({
  id: 'generate-monthly-report',
  method: 'POST',
  path: '/v1/reports/monthly/{month}/generate',
  auth: PROVINCE_ADMIN,
  table: [...REPORT_READS, { actions: ['UpdateItem'] }],
  reports: 'write',
  summary: "Produce (or reproduce) a month's report now and store JSON, CSV and SVG",
  request: { path: reportPathSchema, query: generateQuerySchema },
  responses: { 200: { description: 'The report as stored', schema: monthlyReportSchema } },
});
