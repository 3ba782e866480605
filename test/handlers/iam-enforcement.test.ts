import type { RunningEdge } from '../../local/aws-edge/edge';
import { synthesizePolicies } from '../../local/aws-edge/policies';
import { LOCAL_REGION } from '../../local/engines';
import { newTrackingCode } from '../../shared/domain/tracking-code';
import { ROUTES, type RouteDefinition } from '../../shared/routes';
import { apiEvent, call } from '../support/api-event';
import { startFileEdge } from '../support/aws-edge';
import { contractViolations } from '../support/contract';
import { activeOffice, nationalId } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The suite catches a grant missing from the route table. Policies are synthesized from the CDK
 * app with track-petition declared read-only (the bug this project once had: its guessing limit
 * writes counters), and the real handler runs under them behind an edge of this file's own: the
 * write is refused as AWS refuses it, the route answers 500, and one log line names the
 * function, the action and the table, but no item key.
 */
const readOnlyTracking: readonly RouteDefinition[] = ROUTES.map((route) =>
  route.id === 'track-petition'
    ? { ...route, table: route.table?.filter((grant) => !grant.actions.includes('UpdateItem')) }
    : route,
);
const lines: string[] = [];
let edge: RunningEdge;
let trackPetition: typeof import('../../functions/track-petition').handler;

beforeAll(async () => {
  const policies = await synthesizePolicies({
    projectRoot: process.cwd(),
    region: LOCAL_REGION,
    routes: readOnlyTracking,
  });
  edge = await startFileEdge({ policies, log: (line) => lines.push(line) });
  await provisionStores();
  // Loaded now, so that its module-scope clients point at this file's edge.
  ({ handler: trackPetition } = await import('../../functions/track-petition'));
}, 180_000); // a synth with bundling, while other test files load the same cores
afterAll(async () => {
  await dropStores();
  await edge.stop();
});

it('refuses the guess counter write that the route table no longer grants: 500, and one log line naming function and action', async () => {
  const code = newTrackingCode(() => 4);

  const answer = await call(
    trackPetition,
    apiEvent('track-petition', { pathParameters: { trackingCode: code }, query: { nationalId: nationalId() } }),
  );

  expect(answer.status).toBe(500);
  const denials = lines.filter((line) => line.includes('AccessDenied'));
  expect(denials).toEqual([
    `aws-edge: AccessDenied function=track-petition action=dynamodb:UpdateItem resource=arn:aws:dynamodb:` +
      `${LOCAL_REGION}:000000000000:table/${process.env.TABLE_NAME}`,
  ]);
  expect(denials.join('\n')).not.toMatch(/GUESS#|track#/);
  expect(denials.join('\n')).not.toContain(code);
  // The 500 is the point here: it is outside the contract, as an AccessDenied in AWS would be.
  expect(contractViolations.splice(0)).toEqual([expect.stringContaining('GET /v1/track/{trackingCode} → 500')]);
});

it('still lets the operator (setup and fixtures) write through the same edge', async () => {
  const officeCode = await activeOffice();

  expect(officeCode).toMatch(/^\d+$/);
  expect(lines.filter((line) => line.includes('function=operator'))).toEqual([]);
});
