import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerifier, loadOrCreateKeys, signToken, type TokenRequest } from '../../local/auth';
import { apiCors } from '../../local/cors';
import { type ApiHandler, createGateway } from '../../local/gateway';
import { handlerLoader } from '../../local/handlers';
import type { ApiEvent, ApiResult } from '../../shared/http/types';
import { ROUTES, type RouteDefinition } from '../../shared/routes';
import { TEST_COURT, TEST_PROVINCE } from './api-event';
import { checkAnswer } from './contract';

/** The local gateway in this test process, on a free port, with the run's signing keys. */
export async function startTestGateway(options: { allowedOrigins?: string[] } = {}): Promise<{
  baseUrl: string;
  token(request: TokenRequest): Promise<string>;
  stop(): Promise<void>;
}> {
  const keys = await loadOrCreateKeys(process.env.TEST_AUTH_DIR!);
  const server: Server = createGateway({
    routes: ROUTES,
    verifyToken: await createVerifier(keys),
    loadHandler: checkedHandlers(handlerLoader(process.cwd())),
    ...(options.allowedOrigins ? { cors: apiCors(options.allowedOrigins) } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    // A province administrator acts in the test province, a court user in the test court, unless the test names another.
    token: (request) =>
      signToken(
        keys,
        request.role === 'province-admin'
          ? { provinceCode: TEST_PROVINCE, ...request }
          : request.role === 'court'
            ? { courtCode: TEST_COURT, ...request }
            : request,
      ),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The same handlers, with every answer held to the published contract (contract.ts). */
function checkedHandlers(load: (route: RouteDefinition) => Promise<ApiHandler>) {
  return async (route: RouteDefinition): Promise<ApiHandler> => {
    const handler = await load(route);
    return async (event: ApiEvent, context) => {
      const result = await handler(event, context);
      checkAnswer(event.routeKey, result as ApiResult);
      return result;
    };
  };
}
