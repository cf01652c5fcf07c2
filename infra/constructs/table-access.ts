import { CfnParameter, Duration, type Stack, Validations } from 'aws-cdk-lib';
import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  type IFunction,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from 'aws-cdk-lib/aws-lambda';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { tableDefinition } from '#lib/adapters/dynamodb/table-definition';
import { ENV } from '#lib/config/env-names';

export const DEFAULT_PSEUDONYM_SECRET_PARAMETER = '/gebruikersbeheer/pseudonym-secret';

/** What a function needs from the table (route table and workflow table alike). */
export type DataAccess = 'none' | 'read' | 'write';

/**
 * The stack parameter naming the SSM SecureString with the HMAC key for pseudonymous keys. Every stack
 * with table functions declares it, with the same name and default, so one deploy command serves all.
 */
export function pseudonymKeyParameter(stack: Stack): CfnParameter {
  // A parameter, not context: the secret's name may differ per account and is given at deploy time.
  // Not called "...Secret...": CloudFormation's linter would take the name for a password (W2509).
  return new CfnParameter(stack, 'PseudonymKeyParameterName', {
    type: 'String',
    default: DEFAULT_PSEUDONYM_SECRET_PARAMETER,
    // A leading slash is required: it fixes the shape of the parameter ARN granted below.
    allowedPattern: '^/[a-zA-Z0-9_./-]+$',
    description: 'Name of the SSM SecureString parameter holding the HMAC key for pseudonymous keys',
  });
}

/**
 * The Parameters and Secrets extension layer for functions with table access or a MAGDA certificate:
 * they read the pseudonym key and the certificate through it (lib/adapters/parameters-extension.ts)
 * instead of bundling the SSM and Secrets Manager clients, and it caches both across invocations.
 */
export function pseudonymKeyExtension(
  data: DataAccess,
  readsSecret = false,
): ParamsAndSecretsLayerVersion | undefined {
  if (data === 'none' && !readsSecret) return undefined;
  return ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
    cacheEnabled: true,
    parameterStoreTtl: Duration.minutes(5),
    secretsManagerTtl: Duration.minutes(5),
    logLevel: ParamsAndSecretsLogLevel.WARN,
  });
}

export interface TableAccessProps {
  table: ITable;
  /** Name of the SSM SecureString parameter holding the pseudonym key (usually a parameter's value). */
  secretParameterName: string;
}

/**
 * Least-privilege access to the one table, shared by the API and workflow stacks: the environment every
 * table function gets, and grants by `data` (read, write or none).
 */
export class TableAccess extends Construct {
  /** Environment for every function of the stack: table name, pseudonym key parameter. */
  readonly environment: Readonly<Record<string, string>>;
  private readonly tableOnly: ITable;
  private readonly queryIndexes: PolicyStatement;
  private readonly readSecret: PolicyStatement;

  constructor(scope: Construct, id: string, props: TableAccessProps) {
    super(scope, id);
    const { table, secretParameterName } = props;
    this.environment = {
      [ENV.tableName]: table.tableName,
      [ENV.pseudonymSecretParameter]: secretParameterName,
      POWERTOOLS_SERVICE_NAME: 'gebruikersbeheer',
      POWERTOOLS_METRICS_NAMESPACE: 'Gebruikersbeheer',
    };

    // Grants go through a view of the table without its indexes, so they cover the table itself only;
    // the indexes get Query, one by one, instead of CDK's `index/*` with every read action.
    this.tableOnly = Table.fromTableAttributes(this, 'TableWithoutIndexes', {
      tableArn: table.tableArn,
      encryptionKey: table.encryptionKey,
    });
    this.queryIndexes = new PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: tableDefinition.globalSecondaryIndexes.map(
        (index) => `${table.tableArn}/index/${index.indexName}`,
      ),
    });
    const secretParameter = StringParameter.fromSecureStringParameterAttributes(this, 'PseudonymSecret', {
      parameterName: secretParameterName,
      simpleName: false,
    });
    // Only GetParameter on this one parameter. No kms:Decrypt needed: SecureStrings use the AWS-managed
    // aws/ssm key, whose key policy allows decryption through SSM within the account.
    this.readSecret = new PolicyStatement({
      actions: ['ssm:GetParameter'],
      resources: [secretParameter.parameterArn],
    });
  }

  grant(fn: IFunction, data: DataAccess): void {
    if (data === 'none') return;
    if (data === 'read') this.tableOnly.grantReadData(fn);
    if (data === 'write') {
      this.tableOnly.grantReadWriteData(fn);
      if (fn.role) {
        for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
          Validations.of(fn.role).acknowledge({
            id: `AwsSolutions-IAM5[Action::${action}]`,
            reason: `${action} on the table key only: the CDK grant for writing to a KMS-encrypted table.`,
          });
        }
      }
    }
    fn.addToRolePolicy(this.queryIndexes);
    fn.addToRolePolicy(this.readSecret);
  }

  /**
   * UpdateItem on the table and nothing else (no reads, no other writes, no indexes), plus the key
   * use it needs and the pseudonym key: for the Cognito trigger that records logins.
   */
  grantUpdateItem(fn: IFunction): void {
    this.tableOnly.grant(fn, 'dynamodb:UpdateItem');
    this.tableOnly.encryptionKey?.grant(fn, 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey');
    fn.addToRolePolicy(this.readSecret);
  }
}
