import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { awsEnvShape, readEnv } from '../shared/config';
import { groupsForToken, MFA_REQUIRED_ROLES } from '../shared/domain/mfa-policy';
import { eventHandler } from '../shared/observability/event-handler';
import { logger } from '../shared/observability/logger';
import { MetricUnit, metrics } from '../shared/observability/metrics';
import { traced } from '../shared/observability/tracing';

const config = readEnv(awsEnvShape);
const cognito = traced(new CognitoIdentityProviderClient({ region: config.AWS_REGION }));

/**
 * Cognito's pre-token-generation trigger: court and province-admin groups stay in the token only
 * for users who have MFA set up. Group membership remains the only source of roles.
 */
export const handler = eventHandler<PreTokenGenerationTriggerEvent>().handler(async (event) => {
  const groups = event.request.groupConfiguration.groupsToOverride ?? [];
  if (!groups.some((g) => (MFA_REQUIRED_ROLES as readonly string[]).includes(g))) return event;
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: event.userPoolId, Username: event.userName }));
  const mfaEnabled = (user.UserMFASettingList ?? []).length > 0;
  const allowed = groupsForToken(groups, mfaEnabled);
  if (allowed.length !== groups.length) {
    // The user's sub only: no names, e-mail or phone in logs.
    logger.warn('privileged groups withheld: no MFA set up', {
      sub: event.request.userAttributes.sub,
      withheld: groups.filter((g) => !allowed.includes(g)),
    });
    metrics.addMetric('PrivilegedGroupsWithheld', MetricUnit.Count, 1);
  }
  event.response = { claimsOverrideDetails: { groupOverrideDetails: { groupsToOverride: allowed } } };
  return event;
});
