/**
 * Resolves the CloudFormation expressions of synthesized templates (`Ref`, `Fn::GetAtt`,
 * `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::Split`, `Fn::ImportValue` through the other stack's
 * exports, and the pseudo parameters) to the values they would have in one local "account". The
 * only place where template expressions become local names: tables and buckets that the local
 * runtime maps resolve to placeholders (`{{dataTable}}`), instantiated later with the names of a
 * run (tests use a table and buckets per test file). Anything it cannot resolve throws.
 */

export interface CfnTemplate {
  Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  Parameters?: Record<string, unknown>;
}

export interface StackTemplate {
  stackName: string;
  template: CfnTemplate;
}

export interface LocalAccount {
  account: string;
  region: string;
}

/** A mapped resource's `Ref` (its physical name), by stack and logical id. */
export type PhysicalNames = ReadonlyMap<string, string>;

export class UnresolvableError extends Error {
  override name = 'UnresolvableError';
}

const physicalKey = (stackName: string, logicalId: string) => `${stackName}/${logicalId}`;

export { physicalKey };

export class CfnResolver {
  constructor(
    private readonly stacks: readonly StackTemplate[],
    private readonly local: LocalAccount,
    private readonly names: PhysicalNames,
  ) {}

  resolve(stack: StackTemplate, value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(stack, v));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    const [first] = entries;
    if (entries.length === 1 && first && (first[0] === 'Ref' || first[0].startsWith('Fn::')))
      return this.intrinsic(stack, first[0], first[1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolve(stack, v)]));
  }

  resolveString(stack: StackTemplate, value: unknown, what: string): string {
    const resolved = this.resolve(stack, value);
    if (typeof resolved !== 'string') throw new UnresolvableError(`${what} did not resolve to a string`);
    return resolved;
  }

  private intrinsic(stack: StackTemplate, name: string, argument: unknown): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(stack, String(argument));
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = (Array.isArray(argument) ? argument : String(argument).split('.')) as string[];
        return this.getAtt(stack, String(logicalId), String(attribute));
      }
      case 'Fn::Join': {
        const [separator, parts] = argument as [string, unknown[]];
        return (this.resolve(stack, parts) as unknown[])
          .map((p) => {
            if (typeof p !== 'string') throw new UnresolvableError(`Fn::Join part ${JSON.stringify(p)}`);
            return p;
          })
          .join(separator);
      }
      case 'Fn::Select': {
        const [index, items] = argument as [unknown, unknown];
        const list = this.resolve(stack, items) as unknown[];
        return list[Number(this.resolve(stack, index))];
      }
      case 'Fn::Split': {
        const [separator, text] = argument as [string, unknown];
        return this.resolveString(stack, text, 'Fn::Split').split(separator);
      }
      case 'Fn::Sub':
        return this.sub(stack, argument);
      case 'Fn::ImportValue':
        return this.importValue(this.resolveString(stack, argument, 'Fn::ImportValue'));
      default:
        throw new UnresolvableError(`${name} is not resolved locally`);
    }
  }

  private ref(stack: StackTemplate, name: string): string {
    switch (name) {
      case 'AWS::AccountId':
        return this.local.account;
      case 'AWS::Region':
        return this.local.region;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return stack.stackName;
    }
    const resource = stack.template.Resources?.[name];
    if (!resource) throw new UnresolvableError(`Ref ${name}: no such resource in ${stack.stackName}`);
    return this.names.get(physicalKey(stack.stackName, name)) ?? `${stack.stackName}-${name}`;
  }

  /** ARNs in the local account; only tables and buckets are ever compared with what a request names. */
  private getAtt(stack: StackTemplate, logicalId: string, attribute: string): string {
    const resource = stack.template.Resources?.[logicalId];
    if (!resource) throw new UnresolvableError(`Fn::GetAtt ${logicalId}: no such resource in ${stack.stackName}`);
    const name = this.ref(stack, logicalId);
    const { account, region } = this.local;
    // A stream's label is made when it is enabled, so no template knows it: any stream of the table.
    if (attribute === 'StreamArn' && /^AWS::DynamoDB::(Global)?Table$/.test(resource.Type))
      return `arn:aws:dynamodb:${region}:${account}:table/${name}/stream/*`;
    if (attribute !== 'Arn') return `unresolved:${stack.stackName}/${logicalId}.${attribute}`;
    switch (resource.Type) {
      case 'AWS::DynamoDB::GlobalTable':
      case 'AWS::DynamoDB::Table':
        return `arn:aws:dynamodb:${region}:${account}:table/${name}`;
      case 'AWS::S3::Bucket':
        return `arn:aws:s3:::${name}`;
      case 'AWS::Logs::LogGroup':
        return `arn:aws:logs:${region}:${account}:log-group:${name}:*`;
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${account}:role/${name}`;
      case 'AWS::Lambda::Function':
        return `arn:aws:lambda:${region}:${account}:function:${name}`;
      case 'AWS::SQS::Queue':
        return `arn:aws:sqs:${region}:${account}:${name}`;
      default:
        return `arn:aws:unresolved:${region}:${account}:${stack.stackName}/${logicalId}`;
    }
  }

  private sub(stack: StackTemplate, argument: unknown): string {
    const [text, variables] = (Array.isArray(argument) ? argument : [argument, {}]) as [
      string,
      Record<string, unknown>,
    ];
    return text.replace(/\$\{(!?)([^}]+)\}/g, (_match, literal: string, name: string) => {
      if (literal) return `\${${name}}`;
      if (name in variables) return this.resolveString(stack, variables[name], `Fn::Sub ${name}`);
      const [logicalId, attribute] = name.split('.');
      return attribute ? this.getAtt(stack, logicalId!, attribute) : this.ref(stack, name);
    });
  }

  private importValue(exportName: string): unknown {
    for (const stack of this.stacks) {
      for (const output of Object.values(stack.template.Outputs ?? {})) {
        if (output.Export && this.resolve(stack, output.Export.Name) === exportName)
          return this.resolve(stack, output.Value);
      }
    }
    throw new UnresolvableError(`Fn::ImportValue ${exportName}: no stack exports it`);
  }
}
