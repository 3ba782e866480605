import {
  type AuthorizationRequest,
  compilePolicy,
  evaluate,
  type PolicyStatement,
  UnsupportedPolicyError,
} from '../../local/aws-edge/iam-evaluator';

/**
 * The local evaluator against the rules the IAM User Guide states; each case names its page
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/<page>).
 */
const TABLE = 'arn:aws:dynamodb:me-central-1:000000000000:table/data';
const request = (
  action: string,
  resource = TABLE,
  context: AuthorizationRequest['context'] = {},
): AuthorizationRequest => ({ action, resource, context });
const decide = (statements: PolicyStatement[], req: AuthorizationRequest) => evaluate(compilePolicy(statements), req);
const allow = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Effect: 'Allow',
  Action: 'dynamodb:GetItem',
  Resource: TABLE,
  ...extra,
});
const guessesOnly = {
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['GUESS#*'] },
  Null: { 'dynamodb:LeadingKeys': 'false' },
};

describe('evaluation logic (reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html)', () => {
  it('denies what no statement allows (implicit deny)', () => {
    expect(decide([allow()], request('dynamodb:PutItem'))).toBe('implicit-deny');
  });

  it('lets an explicit Deny win over an Allow, in whichever order they come', () => {
    const deny: PolicyStatement = { Effect: 'Deny', Action: 'dynamodb:*', Resource: '*' };

    expect(decide([allow(), deny], request('dynamodb:GetItem'))).toBe('explicit-deny');
    expect(decide([deny, allow()], request('dynamodb:GetItem'))).toBe('explicit-deny');
    expect(decide([allow()], request('dynamodb:GetItem'))).toBe('allow');
  });
});

describe('Action and NotAction (reference_policies_elements_action.html, …_notaction.html)', () => {
  it('matches action names case-insensitively and with * and ? wildcards', () => {
    expect(decide([allow({ Action: 'DynamoDB:getitem' })], request('dynamodb:GetItem'))).toBe('allow');
    expect(decide([allow({ Action: 'dynamodb:Get*' })], request('dynamodb:GetItem'))).toBe('allow');
    expect(decide([allow({ Action: 'dynamodb:?etItem' })], request('dynamodb:GetItem'))).toBe('allow');
    expect(decide([allow({ Action: 'dynamodb:?etItem' })], request('dynamodb:BatchGetItem'))).toBe('implicit-deny');
    expect(decide([allow({ Action: 'dynamodb:Get*' })], request('dynamodb:BatchGetItem'))).toBe('implicit-deny');
  });

  it('applies a NotAction statement to every action but the listed ones', () => {
    const statement: PolicyStatement = { Effect: 'Allow', NotAction: 'dynamodb:DeleteItem', Resource: TABLE };

    expect(decide([statement], request('dynamodb:PutItem'))).toBe('allow');
    expect(decide([statement], request('dynamodb:DeleteItem'))).toBe('implicit-deny');
  });
});

describe('Resource and NotResource (reference_policies_elements_resource.html, …_notresource.html)', () => {
  it('matches ARNs case-sensitively, with * spanning slashes and ? one character', () => {
    const objects = allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/petitions/*' });

    expect(decide([objects], request('s3:GetObject', 'arn:aws:s3:::docs/petitions/a/b'))).toBe('allow');
    expect(decide([objects], request('s3:GetObject', 'arn:aws:s3:::docs/quarantine/a/b'))).toBe('implicit-deny');
    expect(decide([objects], request('s3:GetObject', 'arn:aws:s3:::docs/Petitions/a'))).toBe('implicit-deny');
    expect(decide([allow({ Resource: `${TABLE.slice(0, -1)}?` })], request('dynamodb:GetItem'))).toBe('allow');
    expect(decide([allow()], request('dynamodb:GetItem', `${TABLE}/index/gsi1`))).toBe('implicit-deny');
  });

  it('applies a NotResource statement to every resource but the listed ones', () => {
    const statement = allow({ Resource: undefined, NotResource: TABLE });

    expect(decide([statement], request('dynamodb:GetItem', `${TABLE}-other`))).toBe('allow');
    expect(decide([statement], request('dynamodb:GetItem'))).toBe('implicit-deny');
  });
});

describe('conditions (reference_policies_condition-logic-multiple-context-keys-or-values.html)', () => {
  it('ORs the values of one key and ANDs operators', () => {
    const statement = allow({ Condition: guessesOnly });

    expect(decide([statement], request('dynamodb:GetItem', TABLE, { 'dynamodb:leadingkeys': ['GUESS#x'] }))).toBe(
      'allow',
    );
    expect(
      decide([allow({ Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['A*', 'B*'] } } })], {
        ...request('dynamodb:GetItem'),
        context: { 'dynamodb:leadingkeys': ['Bx'] },
      }),
    ).toBe('allow');
  });

  it('reads condition key names case-insensitively and values case-sensitively', () => {
    const statement = allow({ Condition: { 'ForAllValues:StringEquals': { 'DynamoDB:leadingKeys': ['GUESS#1'] } } });

    expect(decide([statement], request('dynamodb:GetItem', TABLE, { 'dynamodb:leadingkeys': ['GUESS#1'] }))).toBe(
      'allow',
    );
    expect(decide([statement], request('dynamodb:GetItem', TABLE, { 'dynamodb:leadingkeys': ['guess#1'] }))).toBe(
      'implicit-deny',
    );
  });
});

describe('multivalued keys (reference_policies_condition-single-vs-multi-valued-context-keys.html)', () => {
  it('ForAllValues needs every value in the request to match', () => {
    const statement = allow({ Condition: guessesOnly });

    expect(
      decide([statement], request('dynamodb:GetItem', TABLE, { 'dynamodb:leadingkeys': ['GUESS#1', 'PETITION#2'] })),
    ).toBe('implicit-deny');
  });

  it('ForAllValues alone is true for a request without the key (the empty-set trap); Null: false closes it', () => {
    const trap = allow({ Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['GUESS#*'] } } });

    expect(decide([trap], request('dynamodb:GetItem'))).toBe('allow');
    expect(decide([allow({ Condition: guessesOnly })], request('dynamodb:GetItem'))).toBe('implicit-deny');
  });

  it('ForAnyValue needs one matching value, and is false without the key', () => {
    const statement = allow({ Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['GUESS#*'] } } });

    expect(
      decide([statement], request('dynamodb:GetItem', TABLE, { 'dynamodb:leadingkeys': ['GUESS#1', 'PETITION#2'] })),
    ).toBe('allow');
    expect(decide([statement], request('dynamodb:GetItem'))).toBe('implicit-deny');
  });
});

describe('Null and missing keys (reference_policies_elements_condition_operators.html)', () => {
  it('Null true means the key is absent, false that it is present', () => {
    const absent = allow({ Condition: { Null: { 'dynamodb:LeadingKeys': 'true' } } });

    expect(decide([absent], request('dynamodb:GetItem'))).toBe('allow');
    expect(decide([absent], request('dynamodb:GetItem', TABLE, { 'dynamodb:leadingkeys': ['x'] }))).toBe(
      'implicit-deny',
    );
  });

  it('makes a single-valued operator false when the request lacks the key', () => {
    const statement = allow({ Condition: { StringLike: { 'dynamodb:LeadingKeys': '*' } } });

    expect(decide([statement], request('dynamodb:GetItem'))).toBe('implicit-deny');
  });
});

describe('what it does not know, it refuses', () => {
  it.each([
    ['an operator', { DateLessThan: { 'dynamodb:LeadingKeys': 'x' } }],
    ['an IfExists operator', { StringLikeIfExists: { 'dynamodb:LeadingKeys': 'x' } }],
    ['a condition key the edge does not fill in', { StringEquals: { 'aws:SourceIp': '10.0.0.1' } }],
    ['a policy variable', { StringLike: { 'dynamodb:LeadingKeys': '${aws:username}' } }],
  ])('fails closed on %s', (_what, condition) => {
    expect(() => compilePolicy([allow({ Condition: condition as PolicyStatement['Condition'] })])).toThrow(
      UnsupportedPolicyError,
    );
  });

  it('fails closed on a Principal element and on a statement without actions', () => {
    expect(() => compilePolicy([{ ...allow(), Principal: '*' } as PolicyStatement])).toThrow(UnsupportedPolicyError);
    expect(() => compilePolicy([{ Effect: 'Allow', Resource: '*' }])).toThrow(UnsupportedPolicyError);
  });
});
