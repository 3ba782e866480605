import { networkTargetsFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/set-network-target';
import { setNetworkTarget } from '../shared/use-cases/reports';

const targets = networkTargetsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(await setNetworkTarget(targets, asProvinceAdmin(principalOf(context)), context.request.body)),
);
