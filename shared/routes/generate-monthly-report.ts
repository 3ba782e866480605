import * as z from 'zod/mini';
import { lazySchema } from '../schemas/lazy';
import { generateQuerySchema, monthlyReportSchema, nationalReportSchema, reportPathSchema } from '../schemas/report';
import { defineRoute, NATIONAL_REPORT_LIMITS, REPORT_READS } from './define';

export const route = defineRoute({
  id: 'generate-monthly-report',
  method: 'POST',
  path: '/v1/reports/monthly/{month}/generate',
  auth: ['province-admin', 'national-admin'],
  table: [...REPORT_READS, { actions: ['UpdateItem'] }],
  reports: 'write',
  // The national report over every office of the country: see NATIONAL_REPORT_LIMITS.
  limits: NATIONAL_REPORT_LIMITS,
  summary:
    "Produce a month's report and store JSON, CSV and SVG: province-admin their own; national-admin any, or national",
  request: { path: reportPathSchema, query: generateQuerySchema },
  responses: {
    200: {
      description: 'The report as stored',
      schema: /* @__PURE__ */ lazySchema(() => z.union([monthlyReportSchema, nationalReportSchema])),
    },
    404: { description: "province-admin: another province's report, answered as an unknown one" },
  },
});
