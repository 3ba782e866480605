import { petitionAdaptersFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { trackPathSchema, trackQuerySchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { trackPetition } from '../shared/use-cases/citizen';

const { petitions } = petitionAdaptersFromEnv();

export const handler = apiHandler().handler(async (event) => {
  const { trackingCode } = parseInput(trackPathSchema, event.pathParameters, 'path');
  const { nationalId } = parseInput(trackQuerySchema, event.queryStringParameters ?? {}, 'query');
  return ok(await trackPetition(petitions, trackingCode, nationalId));
});
