import { deliveryReportDepsFromEnv, webhookSecretsFromEnv } from '../shared/adapters/notices-from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { signedWebhook } from '../shared/http/signed-webhook';
import { route } from '../shared/routes/sms-delivery-reports';
import { recordDeliveryReports } from '../shared/use-cases/notices';

const deps = deliveryReportDepsFromEnv();
const secrets = webhookSecretsFromEnv();

export const handler = apiHandler(route, { rawBodyChecks: [signedWebhook({ secrets })] }).handler(
  async (_event, context) => ok(await recordDeliveryReports(deps, context.request.body.reports)),
);
