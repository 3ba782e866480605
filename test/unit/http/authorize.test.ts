import { authorize, parseGroups } from '../../../shared/http/authorize';
import { bareEvent, withOnly } from './bare';

const withClaims = (claims: Record<string, string> | undefined) =>
  bareEvent({
    requestContext: {
      ...bareEvent().requestContext,
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
  } as never);

const seenPrincipal = (auth: Parameters<typeof authorize>[0]) =>
  withOnly(authorize(auth), (_event, context) => ({
    statusCode: 200,
    body: JSON.stringify(context.principal ?? null),
  }));

describe('authorize middleware', () => {
  it('lets anyone through a public route', async () => {
    const answer = await seenPrincipal('public')(withClaims(undefined));

    expect(answer.body).toBe('null');
  });

  it('makes office staff a principal with their office', async () => {
    const answer = await seenPrincipal(['clerk'])(
      withClaims({ sub: 'u-1', 'cognito:groups': '[clerk]', 'custom:officeCode': '56101' }),
    );

    expect(JSON.parse(answer.body!)).toEqual({ kind: 'office', userId: 'u-1', role: 'clerk', officeCode: '56101' });
  });

  it('makes court staff a principal with their court', async () => {
    const answer = await seenPrincipal(['court'])(
      withClaims({ sub: 'u-2', 'cognito:groups': '[court]', 'custom:courtCode': '29-BIR-CIVIL' }),
    );

    expect(JSON.parse(answer.body!)).toEqual({
      kind: 'court',
      userId: 'u-2',
      role: 'court',
      courtCode: '29-BIR-CIVIL',
    });
  });

  it('answers 401 without the claims the authorizer adds', async () => {
    await expect(seenPrincipal(['clerk'])(withClaims(undefined))).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it.each([
    ['a role the route does not name', { sub: 'u', 'cognito:groups': '[manager]', 'custom:officeCode': '56101' }],
    ['several staff groups (which scope would it act in?)', { sub: 'u', 'cognito:groups': '[clerk court]' }],
    ['office staff without an office', { sub: 'u', 'cognito:groups': '[clerk]' }],
    ['court staff without a court', { sub: 'u', 'cognito:groups': '[court]' }],
    ['no staff group at all', { sub: 'u', 'cognito:groups': '[admins]' }],
  ])('answers 403 to %s', async (_case, claims) => {
    await expect(seenPrincipal(['clerk', 'court'])(withClaims(claims))).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('parseGroups', () => {
  it('reads the groups claim as API Gateway flattens it, and as a real array', () => {
    expect(parseGroups('[clerk manager]')).toEqual(['clerk', 'manager']);
    expect(parseGroups('["court"]')).toEqual(['court']);
    expect(parseGroups(['province-admin', 'province-admin'])).toEqual(['province-admin']);
    expect(parseGroups(42)).toEqual([]);
  });
});
