import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import {
  type Attribute,
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { DOCUMENT_POLICY } from '../shared/domain/document-policy';
import { STAFF_ROLES } from '../shared/domain/roles';
import { AUTH_FUNCTIONS } from '../shared/routes';
import { DATA_TABLE, IDEMPOTENCY_TABLE, type KeyAttribute, type TableDefinition } from '../shared/table-definition';
import { type DeploymentSettings, DOCUMENTS_CORS } from './deployment-settings';
import { DOCUMENTS_BUCKET_NAME, REPORTS_BUCKET_NAME } from './names';
import { ServiceFunction } from './service-function';

const attribute = (key: KeyAttribute): Attribute => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/** On-demand, encrypted, point-in-time recovery, deletion protection, retained: nothing is lost. */
function retainedTable(scope: Construct, id: string, definition: TableDefinition): TableV2 {
  return new TableV2(scope, id, {
    partitionKey: attribute(definition.partitionKey),
    ...(definition.sortKey ? { sortKey: attribute(definition.sortKey) } : {}),
    globalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
      indexName: index.indexName,
      partitionKey: attribute(index.partitionKey),
      sortKey: attribute(index.sortKey),
      ...(index.projection === 'ALL'
        ? { projectionType: ProjectionType.ALL }
        : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] }),
    })),
    timeToLiveAttribute: definition.timeToLiveAttribute,
    ...(definition.stream ? { dynamoStream: StreamViewType[definition.stream] } : {}),
    billing: Billing.onDemand(),
    encryption: TableEncryptionV2.awsManagedKey(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/**
 * Everything that holds data and so lives longer than any deployment: the table, the buckets and
 * the user pool. All of it is retained when the stack is deleted.
 */
export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly idempotencyTable: TableV2;
  readonly documentsBucket: Bucket;
  readonly reportsBucket: Bucket;
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: StackProps & { projectRoot: string; settings: DeploymentSettings }) {
    super(scope, id, props);
    const { projectRoot, settings } = props;

    this.table = retainedTable(this, 'Data', DATA_TABLE);
    this.idempotencyTable = retainedTable(this, 'Idempotency', IDEMPOTENCY_TABLE);

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });

    // Private, encrypted, TLS-only, versioned, retained and access-logged: what every data bucket is.
    const dataBucket = (prefix: string) => ({
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: `${prefix}/`,
    });

    this.documentsBucket = new Bucket(this, 'Documents', {
      ...dataBucket('documents'),
      bucketName: DOCUMENTS_BUCKET_NAME,
      // Browsers PUT scans to presigned URLs and read them back, from the same origins as the API.
      cors: [
        {
          allowedOrigins: settings.allowedOrigins,
          allowedMethods: DOCUMENTS_CORS.allowMethods.map((method) => HttpMethods[method]),
          allowedHeaders: DOCUMENTS_CORS.allowHeaders,
          exposedHeaders: DOCUMENTS_CORS.exposeHeaders,
          maxAge: DOCUMENTS_CORS.maxAgeSeconds,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          // Case files are read often while a case is open, rarely afterwards, and kept for years.
          // Under `petitions/` only: a quarantined upload expires at a year, and moving it the day
          // before would cost Glacier's 90-day minimum.
          id: 'age-into-cheaper-storage',
          prefix: 'petitions/',
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) },
            { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(365) },
          ],
          noncurrentVersionTransitions: [
            { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(30) },
          ],
        },
        {
          // Uploads start tagged lifecycle=draft; the document keeper re-tags them `kept` once the
          // petition is submitted. Only scans of drafts never submitted are removed, their bytes a
          // month later (an operator restores a scan the keeper failed to keep within that month);
          // so are the bytes of a draft's scan the clerk removed. Under `petitions/` only: a
          // quarantined copy keeps the draft tag, and the quarantine rule below decides for it.
          id: 'remove-never-submitted-drafts',
          prefix: 'petitions/',
          tagFilters: { lifecycle: 'draft' },
          expiration: Duration.days(DOCUMENT_POLICY.draftObjectDays),
          noncurrentVersionExpiration: Duration.days(30),
        },
        {
          // Rejected uploads are kept aside a year for inspection, then removed, bytes included.
          id: 'quarantine-for-a-year',
          prefix: 'quarantine/',
          expiration: Duration.days(365),
          noncurrentVersionExpiration: Duration.days(30),
        },
        {
          // A removal, a move to quarantine or an expiry leaves a delete marker; once no version is
          // left behind it, the marker goes too (S3 allows this only in a rule without tag filters).
          id: 'remove-expired-delete-markers',
          prefix: 'petitions/',
          expiredObjectDeleteMarker: true,
        },
      ],
    });

    // Object-created events go to EventBridge, where the stateless stack's rule picks them up. Set on
    // the CloudFormation resource itself: the L2 flag would add a notifications custom resource.
    (this.documentsBucket.node.defaultChild as CfnBucket).addPropertyOverride(
      'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled',
      true,
    );

    this.reportsBucket = new Bucket(this, 'Reports', { ...dataBucket('reports'), bucketName: REPORTS_BUCKET_NAME });

    this.userPool = new UserPool(this, 'Staff', {
      // Staff accounts are created by administrators, never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      // Who a staff member acts for. Only administrators set them (AdminUpdateUserAttributes): no app
      // client may write them (see writeAttributes below). They stay `mutable: true` because changing
      // an existing custom attribute would replace this retained pool and lose every user.
      customAttributes: {
        officeCode: new StringAttribute({ minLen: 4, maxLen: 10, mutable: true }),
        courtCode: new StringAttribute({ minLen: 2, maxLen: 20, mutable: true }),
        provinceCode: new StringAttribute({ minLen: 2, maxLen: 2, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      // Compromised-credential and adaptive-authentication checks act, not just report.
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional at pool level (TOTP offered to everyone) because clerks sign in on shared office computers; ' +
        'Cognito cannot require MFA per group, so the pre-token-generation trigger withholds the court and ' +
        'province-admin groups from users without MFA.',
    });
    for (const role of STAFF_ROLES) {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: `Staff role ${role}`,
      });
    }
    // MFA for the privileged groups: see shared/domain/mfa-policy.ts for why it is done this way.
    const trigger = new ServiceFunction(this, 'Fn-pre-token-generation', {
      spec: AUTH_FUNCTIONS[0]!,
      description: AUTH_FUNCTIONS[0]!.summary,
      table: this.table,
      idempotencyTable: this.idempotencyTable,
      documentsBucket: this.documentsBucket,
      reportsBucket: this.reportsBucket,
      projectRoot,
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, trigger.function);
    // A policy of its own, not the role's default one: the function must not depend on the pool
    // that depends on it.
    new Policy(this, 'MfaLookup', {
      roles: [trigger.role],
      statements: [
        new PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [this.userPool.userPoolArn] }),
      ],
    });

    this.webClient = this.userPool.addClient('Web', {
      // The browser front end is a public client: no secret, the hosted sign-in with the
      // authorization code grant (the front end adds PKCE; Cognito verifies the code_verifier
      // whenever a code_challenge was sent). No implicit grant: it puts tokens in URLs.
      generateSecret: false,
      authFlows: { userSrp: false, userPassword: false, adminUserPassword: false, custom: false, user: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        // No aws.cognito.signin.user.admin: a token for the API is not a token to edit one's own account.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: settings.callbackUrls,
        logoutUrls: settings.logoutUrls,
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // Shared office computers: short sessions, refresh within a working day.
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(10),
      // Staff may read their own profile and change their name, nothing else: the office, court and
      // province they act for and their groups are an administrator's to set.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, givenName: true, familyName: true })
        .withCustomAttributes('officeCode', 'courtCode', 'provinceCode'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ givenName: true, familyName: true }),
    });

    // The hosted sign-in (managed login), when a domain prefix is configured.
    const domain = settings.authDomainPrefix
      ? this.userPool.addDomain('SignIn', {
          cognitoDomain: { domainPrefix: settings.authDomainPrefix },
          // The classic hosted UI works without a branding resource; managed login v2 needs one per client.
          managedLoginVersion: ManagedLoginVersion.CLASSIC_HOSTED_UI,
        })
      : undefined;

    // What a front end needs to sign in (README: "Signing in from a front end").
    new CfnOutput(this, 'Region', { value: settings.region, description: 'AWS region of the stack' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.webClient.userPoolClientId });
    if (domain) {
      new CfnOutput(this, 'HostedSignInDomain', {
        value: domain.baseUrl(),
        description: 'Hosted sign-in (managed login)',
      });
    }
  }
}
