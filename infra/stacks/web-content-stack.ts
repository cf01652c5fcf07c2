import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CrossStackReferences,
  Duration,
  Fn,
  ReferenceStrength,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct, IConstruct } from 'constructs';
import { connectOnlyPolicy } from '#infra/security-headers';
import { ACM_PROVIDER_NAME } from '#infra/stacks/identity-stack';

/** What the UI needs to know at run time (web/src/app/config.ts) and where to get it from. */
export interface WebConfigValues {
  /** The user pool's issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
  issuer: string;
  /** The admin UI's app client. */
  clientId: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: token endpoint and logout. */
  hostedLoginUrl: string;
  /** `https://<api id>.execute-api.<region>.amazonaws.com`, no trailing slash. */
  apiEndpoint: string;
}

export interface WebContentStackProps extends StackProps {
  /** Export name of the UI bucket's name (hosting stack). */
  bucketNameExport: string;
  distribution: IDistribution;
  /** The built UI (`npm run build:web`); `infra/app.ts` builds it when missing or stale. */
  webDist: string;
  config: WebConfigValues;
}

/** The UI's `config.json` for Cognito's hosted login and the API Gateway URL. */
export function webConfig(values: WebConfigValues): Record<string, unknown> {
  return {
    authority: values.issuer,
    clientId: values.clientId,
    // The routes of the HTTP API start with /api, as they do locally.
    apiBaseUrl: `${values.apiEndpoint}/api`,
    // The web client may ask for openid only (identity stack).
    scope: 'openid',
    // Straight to ACM, without Cognito's provider chooser.
    extraQueryParams: { identity_provider: ACM_PROVIDER_NAME },
    // Cognito announces no end_session_endpoint; the UI calls this with client_id and logout_uri.
    logoutUrl: `${values.hostedLoginUrl}/logout`,
  };
}

/** The exact origins the UI talks to: the issuer (discovery, keys), the hosted login (tokens), the API. */
export const exactConnectSources = (region: string, values: WebConfigValues): string[] => [
  `https://cognito-idp.${region}.amazonaws.com`,
  values.hostedLoginUrl,
  values.apiEndpoint,
];

/**
 * index.html with a second Content-Security-Policy (connect-src only) at the top of its head. The header
 * policy of the distribution was written before the API and the hosted login existed and allows them by
 * pattern; this one names them exactly, and a browser enforces both.
 */
export function withConnectPolicy(indexHtml: string, connectSrc: readonly string[]): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${connectOnlyPolicy(connectSrc)}" />`;
  // Right after the charset declaration (or the <head> tag): before any script or stylesheet.
  const anchor = /<meta charset=[^>]*>/i.exec(indexHtml) ?? /<head>/i.exec(indexHtml);
  if (!anchor) throw new Error('index.html has no <head>');
  const at = anchor.index + anchor[0].length;
  return `${indexHtml.slice(0, at)}\n    ${meta}${indexHtml.slice(at)}`;
}

/**
 * Puts the built UI in the hosting stack's bucket, after the identity and API stacks: hashed files
 * under `assets/` first (cached for a year, immutable, never pruned so that open tabs can still load
 * their lazy chunks), then index.html (with the exact connect-src), config.json and the other files
 * of web/dist with `no-cache`, and a CloudFront invalidation.
 */
export class WebContentStack extends Stack {
  readonly assets: BucketDeployment;
  readonly root: BucketDeployment;

  constructor(scope: Construct, id: string, props: WebContentStackProps) {
    super(scope, id, props);
    // Strong (CloudFormation exports), as in the other stacks: what this stack uses cannot be removed.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const index = join(props.webDist, 'index.html');
    if (!existsSync(index)) {
      throw new Error(`${index} is missing: build the UI first (npm run build:web; npm run synth does it)`);
    }
    const bucket = Bucket.fromBucketName(this, 'UiBucket', Fn.importValue(props.bucketNameExport));
    const html = withConnectPolicy(
      readFileSync(index, 'utf8'),
      exactConnectSources(this.region, props.config),
    );

    this.assets = new BucketDeployment(this, 'Assets', {
      destinationBucket: bucket,
      destinationKeyPrefix: 'assets/',
      sources: [Source.asset(join(props.webDist, 'assets'))],
      prune: false,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
    });

    this.root = new BucketDeployment(this, 'Root', {
      destinationBucket: bucket,
      sources: [
        Source.asset(props.webDist, { exclude: ['assets', 'index.html'] }),
        Source.data('index.html', html),
        Source.jsonData('config.json', webConfig(props.config)),
      ],
      // Everything but the assets deployment's files: stale root files are removed, assets stay.
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
    });
    // A new index.html must never point at assets that are not there yet.
    this.root.node.addDependency(this.assets);

    acknowledgeDeploymentHandler(this, props.bucketNameExport);
  }
}

/**
 * The BucketDeployment custom resource's function and role (one per stack, made by CDK): its code,
 * runtime and permissions are CDK's, and it runs only while CloudFormation deploys this stack.
 */
function acknowledgeDeploymentHandler(stack: Stack, bucketNameExport: string): void {
  const handlers = stack.node.children.filter((c: IConstruct) =>
    c.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  const because = (what: string) => `CDK's BucketDeployment handler (runs only during deployments): ${what}`;
  const s3Wildcards = because(
    'CDK grants read on the CDK asset bucket and read/write/delete on the UI bucket with these action groups; objects of those two buckets only.',
  );
  for (const handler of handlers) {
    Validations.of(handler).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: because('CDK attaches the basic execution role for its CloudWatch logs.'),
      },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: s3Wildcards,
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        reason: because('reads the zipped UI files from the CDK bootstrap asset bucket.'),
      },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucketNameExport}/*]`,
        reason: because('writes and prunes the UI files, which are objects of the UI bucket.'),
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: because(
          'cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on "*" to invalidate the UI distribution after an upload.',
        ),
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason: because(
          'invoked synchronously by CloudFormation, which reports a failure as a failed deployment.',
        ),
      },
      ...['AwsSolutions-L1', 'Serverless-LambdaLatestVersion'].map((id) => ({
        id,
        reason: because('CDK pins the runtime of its own handler with the aws-cdk-lib version.'),
      })),
      {
        id: 'Serverless-LambdaTracing',
        reason: because('BucketDeployment offers no tracing setting; the handler only copies files.'),
      },
    );
  }
}
