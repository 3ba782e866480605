import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import { DEFAULT_ALLOWED_ORIGINS, DEFAULT_CALLBACK_URLS, DEFAULT_REGION } from '../../infra/deployment-settings';

/** Bundling off: these tests read templates. Synth runs cdk-nag, so a finding fails here too. */
function synth(context: Record<string, unknown> = {}) {
  const built = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } }), process.cwd());
  built.app.synth();
  return { data: Template.fromStack(built.stateful), api: Template.fromStack(built.stateless), built };
}

const defaults = synth();
const custom = synth({
  region: 'eu-central-1',
  allowedOrigins: 'https://office.example.ir,https://court.example.ir',
  callbackUrls: ['https://office.example.ir/auth/callback'],
  logoutUrls: ['https://office.example.ir/'],
  authDomainPrefix: 'jeso-staff',
});

function webClient(template: Template): Record<string, any> {
  const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
  expect(clients).toHaveLength(1);
  return (clients[0] as { Properties: Record<string, any> }).Properties;
}

describe('who may change what a staff token says', () => {
  it('lets no app client write the office, court or province attribute', () => {
    // Prepare
    const client = webClient(defaults.data);

    // Assess: Cognito lets a client write every writable attribute when WriteAttributes is absent.
    expect(client.WriteAttributes).toEqual(expect.any(Array));
    expect(client.WriteAttributes.length).toBeGreaterThan(0);
    expect(client.WriteAttributes.filter((name: string) => name.startsWith('custom:'))).toEqual([]);
    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:officeCode', 'custom:courtCode', 'custom:provinceCode']),
    );
  });

  it('keeps the custom attributes mutable so that the retained pool is never replaced', () => {
    const pool = Object.values(defaults.data.findResources('AWS::Cognito::UserPool'))[0] as {
      Properties: { Schema: Array<{ Name: string; Mutable: boolean }> };
    };

    const custom = pool.Properties.Schema.filter((a) => ['officeCode', 'courtCode', 'provinceCode'].includes(a.Name));

    expect(custom.map((a) => [a.Name, a.Mutable])).toEqual([
      ['officeCode', true],
      ['courtCode', true],
      ['provinceCode', true],
    ]);
  });

  it('signs browsers in with the authorization code grant only, without the account-admin scope', () => {
    const client = webClient(defaults.data);

    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin');
    expect(client.CallbackURLs).toEqual(DEFAULT_CALLBACK_URLS);
  });

  it('takes callback and logout URLs from context', () => {
    const client = webClient(custom.data);

    expect(client.CallbackURLs).toEqual(['https://office.example.ir/auth/callback']);
    expect(client.LogoutURLs).toEqual(['https://office.example.ir/']);
  });

  it('enforces threat protection on the Plus plan', () => {
    defaults.data.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });
});

describe('what a front end is told after deploying', () => {
  it('outputs the region, user pool, client and API URL', () => {
    const outputs = { ...defaults.data.findOutputs('*'), ...defaults.api.findOutputs('*') };
    // Cross-stack exports are CDK's plumbing, not outputs for people.
    const named = Object.keys(outputs).filter((name) => !name.startsWith('ExportsOutput'));

    expect(named.sort()).toEqual(['ApiUrl', 'Region', 'UserPoolClientId', 'UserPoolId']);
    expect(outputs.Region?.Value).toBe(DEFAULT_REGION);
  });

  it('outputs the hosted sign-in domain only when one is configured', () => {
    custom.data.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'jeso-staff' });
    expect(Object.keys(custom.data.findOutputs('HostedSignInDomain'))).toEqual(['HostedSignInDomain']);
    expect(defaults.data.findResources('AWS::Cognito::UserPoolDomain')).toEqual({});
  });
});

describe('browsers', () => {
  it('allows the API and the documents bucket from the same origins, localhost by default', () => {
    defaults.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: DEFAULT_ALLOWED_ORIGINS, AllowCredentials: false }),
    });
    defaults.data.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: DEFAULT_ALLOWED_ORIGINS })] },
    });
  });

  it('follows the allowedOrigins setting in both places', () => {
    const origins = ['https://office.example.ir', 'https://court.example.ir'];

    custom.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: origins }),
    });
    custom.data.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedOrigins: origins, AllowedMethods: ['PUT', 'GET', 'HEAD'] })],
      },
    });
  });

  it('lets browsers send the headers the API reads and read the ones it answers with', () => {
    defaults.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowHeaders: Match.arrayWith(['authorization', 'idempotency-key', 'accept-language', 'x-correlation-id']),
        ExposeHeaders: Match.arrayWith(['location', 'retry-after', 'x-correlation-id']),
        AllowMethods: Match.arrayWith(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      }),
    });
  });

  it('refuses a wildcard origin, since staff routes carry bearer tokens', () => {
    expect(() => synth({ allowedOrigins: '*' })).toThrow(/allowedOrigins/);
  });
});

describe('region', () => {
  const cdkDefault = process.env.CDK_DEFAULT_REGION;
  afterAll(() => {
    if (cdkDefault === undefined) delete process.env.CDK_DEFAULT_REGION;
    else process.env.CDK_DEFAULT_REGION = cdkDefault;
  });

  it('is me-central-1 even though the CDK CLI sets CDK_DEFAULT_REGION', () => {
    process.env.CDK_DEFAULT_REGION = 'us-east-1';

    const { built } = synth();

    expect(built.stateful.region).toBe('me-central-1');
    expect(built.stateless.region).toBe('me-central-1');
  });

  it('follows the region context, visibly in the template', () => {
    expect(custom.built.stateful.region).toBe('eu-central-1');
    expect(custom.data.findOutputs('Region').Region?.Value).toBe('eu-central-1');
    const [authorizer] = Object.values(custom.api.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(JSON.stringify(authorizer)).toContain('https://cognito-idp.eu-central-1.amazonaws.com/');
  });
});
