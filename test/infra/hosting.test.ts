import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { addNagChecks, unacknowledgedFindings } from '#infra/nag';
import { fromRoot } from '#infra/paths';
import { contentSecurityPolicy } from '#infra/security-headers';
import { withConnectPolicy } from '#infra/stacks/web-content-stack';
import { buildApp, FIXTURE_WEB_DIST } from './build-app.ts';

type Json = Record<string, unknown>;

let built: ReturnType<typeof buildApp>;
let hosting: Template;
let content: Template;

/** A CloudFormation string value as text: Fn::Join parts concatenated, any other token shown as `<…>`. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(flatten).join(join[0]);
  const ref = (value as { Ref?: string }).Ref;
  if (ref) return `<${ref}>`;
  const imported = (value as { 'Fn::ImportValue'?: string })['Fn::ImportValue'];
  if (imported) return `<${imported}>`;
  return `<${JSON.stringify(value)}>`;
}

const only = (template: Template, type: string): Json => {
  const found = Object.values(template.findResources(type));
  expect(found, type).toHaveLength(1);
  return (found[0] as { Properties: Json }).Properties;
};

/** The distribution's domain as the other stacks import it. */
const distributionDomain = Match.stringLikeRegexp('^GebruikersbeheerHosting:.*Distribution.*DomainName');
const uiOrigin = { 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': distributionDomain }]] };

beforeAll(() => {
  built = buildApp();
  hosting = Template.fromStack(built.hosting);
  content = Template.fromStack(built.webContent);
});

describe('UI bucket', () => {
  it('is private, encrypted, TLS-only, bucket-owner-enforced and logs its access', () => {
    const buckets = hosting.findResources('AWS::S3::Bucket');
    const siteId = built.hosting.getLogicalId(built.hosting.bucket.node.defaultChild as never);
    const logsId = built.hosting.getLogicalId(built.hosting.logBucket.node.defaultChild as never);
    expect(Object.keys(buckets).sort()).toEqual([logsId, siteId].sort());
    for (const bucket of Object.values(buckets)) {
      expect(bucket).toMatchObject({
        Properties: {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
        },
      });
      expect((bucket as { Properties: Json }).Properties.WebsiteConfiguration).toBeUndefined();
    }
    hosting.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 's3/' },
    });
    // Both buckets refuse plain HTTP.
    for (const id of [siteId, logsId]) {
      hosting.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('is readable by this distribution only, through origin access control (no OAI, no public policy)', () => {
    const distributionId = built.hosting.getLogicalId(built.hosting.distribution.node.defaultChild as never);
    hosting.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    const siteId = built.hosting.getLogicalId(built.hosting.bucket.node.defaultChild as never);
    const policy = Object.values(
      hosting.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: siteId } } }),
    )[0] as { Properties: { PolicyDocument: { Statement: Json[] } } };
    const allows = policy.Properties.PolicyDocument.Statement.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
    });
    const condition = (allows[0]!.Condition as { StringEquals: Json }).StringEquals;
    expect(flatten(condition['AWS:SourceArn'])).toContain(`:distribution/<${distributionId}>`);
    hosting.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
  });
});

describe('distribution', () => {
  it('redirects to HTTPS, serves GET/HEAD only, with index.html as root and the security headers', () => {
    const config = only(hosting, 'AWS::CloudFront::Distribution').DistributionConfig as Json;
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: {
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD'],
        Compress: true,
        ResponseHeadersPolicyId: { Ref: expect.stringMatching(/^SecurityHeaders/) },
      },
      Origins: [
        {
          OriginAccessControlId: expect.anything(),
          S3OriginConfig: { OriginAccessIdentity: '' },
        },
      ],
      Logging: { Prefix: 'cloudfront/' },
    });
    expect(config.CacheBehaviors).toBeUndefined();
  });

  it('answers routes of the UI (403/404 from S3) with index.html and 200', () => {
    hosting.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CustomErrorResponses: [403, 404].map((code) =>
          Match.objectLike({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ),
      }),
    });
  });

  it('sends CSP (frame-ancestors none), two years of HSTS with subdomains, DENY, nosniff, no referrer', () => {
    const policy = only(hosting, 'AWS::CloudFront::ResponseHeadersPolicy')
      .ResponseHeadersPolicyConfig as Json;
    const headers = policy.SecurityHeadersConfig as Json;
    expect(headers).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63_072_000,
        IncludeSubdomains: true,
        Override: true,
      },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      ContentSecurityPolicy: { Override: true },
    });
    expect((headers.StrictTransportSecurity as Json).AccessControlMaxAgeSec).toBeGreaterThanOrEqual(
      31_536_000,
    );
    const csp = flatten((headers.ContentSecurityPolicy as Json).ContentSecurityPolicy);
    // The same directives as the local stack's (infra/security-headers.ts), connect-src aside.
    for (const directive of contentSecurityPolicy()
      .split('; ')
      .filter((d) => !d.startsWith('connect-src'))) {
      expect(csp).toContain(directive);
    }
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const connect = csp.split('; ').find((d) => d.startsWith('connect-src '));
    expect(connect).toBe(
      "connect-src 'self' https://cognito-idp.<AWS::Region>.amazonaws.com" +
        ' https://*.auth.<AWS::Region>.amazoncognito.com https://*.execute-api.<AWS::Region>.amazonaws.com',
    );
  });

  it('outputs the UI URL', () => {
    hosting.hasOutput('UiUrl', {
      Value: {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Distribution'), 'DomainName'] }],
        ],
      },
    });
  });
});

describe('the UI origin elsewhere', () => {
  it('is the only origin the API allows cross-origin, with the headers the UI sends', () => {
    const api = only(Template.fromStack(built.api), 'AWS::ApiGatewayV2::Api');
    expect(api.CorsConfiguration).toMatchObject({
      AllowOrigins: [expect.anything()],
      AllowCredentials: false,
      AllowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
    });
    Template.fromStack(built.api).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [uiOrigin] }),
    });
    expect(JSON.stringify(api.CorsConfiguration)).not.toContain('*');
  });

  it('is the callback (/auth/callback) and sign-out (/) URL of the web client', () => {
    Template.fromStack(built.identity).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'gebruikersbeheer-web',
      CallbackURLs: [
        { 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': distributionDomain }, '/auth/callback']] },
      ],
      LogoutURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': distributionDomain }, '/']] }],
    });
  });

  it('is the base of the links in the e-mail of the workflows', () => {
    Template.fromStack(built.workflows).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ APP_URL: uiOrigin }) },
    });
  });

  it('orders the stacks: hosting first, content last, no cycle', () => {
    expect(built.hosting.dependencies).toEqual([]);
    expect(built.identity.dependencies).toContain(built.hosting);
    expect(built.api.dependencies).toEqual(expect.arrayContaining([built.hosting, built.identity]));
    expect(built.webContent.dependencies).toEqual(
      expect.arrayContaining([built.hosting, built.identity, built.api]),
    );
  });
});

describe('content deployment', () => {
  const deployments = () =>
    Object.values(content.findResources('Custom::CDKBucketDeployment')) as {
      Properties: Json;
      DependsOn?: string[];
    }[];
  const root = () => deployments().find((d) => d.Properties.DestinationBucketKeyPrefix === undefined)!;
  const assets = () => deployments().find((d) => d.Properties.DestinationBucketKeyPrefix === 'assets/')!;

  it('puts hashed assets first, immutable for a year and never pruned', () => {
    expect(deployments()).toHaveLength(2);
    expect(assets().Properties).toMatchObject({
      DestinationBucketName: { 'Fn::ImportValue': 'GebruikersbeheerHosting-UiBucketName' },
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    const assetsId = Object.entries(content.findResources('Custom::CDKBucketDeployment')).find(
      ([, d]) => (d as { Properties: Json }).Properties.DestinationBucketKeyPrefix === 'assets/',
    )![0];
    expect(root().DependsOn).toContain(assetsId);
  });

  it('then index.html, config.json and the rest with no-cache, keeping assets, and invalidates the distribution', () => {
    expect(root().Properties).toMatchObject({
      DestinationBucketName: { 'Fn::ImportValue': 'GebruikersbeheerHosting-UiBucketName' },
      Prune: true,
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionId: { 'Fn::ImportValue': expect.stringMatching(/^GebruikersbeheerHosting:.*Distribution/) },
      DistributionPaths: ['/*'],
    });
    expect(root().Properties.SourceObjectKeys).toHaveLength(3);
  });

  it('writes config.json with the issuer, web client, API URL, ACM as provider and the logout endpoint', () => {
    const markers = root().Properties.SourceMarkers as Record<string, unknown>[];
    const config = markers.find((m) => Object.keys(m).length === 6)!;
    const imported = Object.values(config).map((v) => flatten(v));
    expect(imported).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^<GebruikersbeheerIdentity:.*UserPool[0-9A-F]+>$/),
        expect.stringMatching(/^<GebruikersbeheerIdentity:.*WebClient/),
        expect.stringMatching(/^<GebruikersbeheerApi:.*ApiEndpoint/),
        expect.stringMatching(/^<GebruikersbeheerIdentity:.*HostedLogin/),
      ]),
    );
    expect(root().Properties.SourceMarkersConfig).toContainEqual({ jsonEscape: true });
  });

  it('config.json has the shape the UI parses (web/src/app/config.ts)', async () => {
    // By path at run time: the UI's module is type-checked by web/tsconfig.json (DOM types), not here.
    const uiConfigModule = fromRoot('web/src/app/config.ts');
    const { AppConfig } = (await import(uiConfigModule)) as { AppConfig: { parse(value: unknown): unknown } };
    const { webConfig } = await import('#infra/stacks/web-content-stack');
    const config = webConfig({
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
      clientId: 'client',
      hostedLoginUrl: 'https://gb.auth.eu-west-1.amazoncognito.com',
      apiEndpoint: 'https://api1.execute-api.eu-west-1.amazonaws.com',
    });
    expect(AppConfig.parse(config)).toEqual({
      authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
      clientId: 'client',
      apiBaseUrl: 'https://api1.execute-api.eu-west-1.amazonaws.com/api',
      scope: 'openid',
      extraQueryParams: { identity_provider: 'ACM' },
      logoutUrl: 'https://gb.auth.eu-west-1.amazoncognito.com/logout',
    });
  });

  it('narrows connect-src in index.html to the exact issuer, hosted login and API', () => {
    const html = withConnectPolicy(readFileSync(join(FIXTURE_WEB_DIST, 'index.html'), 'utf8'), [
      'https://cognito-idp.eu-west-1.amazonaws.com',
      'https://gb.auth.eu-west-1.amazoncognito.com',
      'https://api1.execute-api.eu-west-1.amazonaws.com',
    ]);
    const head = html.slice(html.indexOf('<head>'), html.indexOf('<script'));
    expect(head).toContain(
      `<meta http-equiv="Content-Security-Policy" content="connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://gb.auth.eu-west-1.amazoncognito.com https://api1.execute-api.eu-west-1.amazonaws.com" />`,
    );
    // In the template: the markers of the region, the hosted login and the API.
    const markers = root().Properties.SourceMarkers as Record<string, unknown>[];
    const index = markers.find((m) => Object.keys(m).length === 4)!;
    expect(Object.values(index).map((v) => flatten(v))).toEqual(
      expect.arrayContaining([
        '<AWS::Region>',
        expect.stringMatching(/^<GebruikersbeheerIdentity:.*HostedLogin/),
        expect.stringMatching(/^<GebruikersbeheerApi:.*ApiEndpoint/),
      ]),
    );
  });

  it('refuses to synthesize without a built UI', () => {
    expect(() => buildApp({ webDist: join(FIXTURE_WEB_DIST, 'missing') })).toThrow(/build the UI first/);
  });
});

describe('checks', () => {
  it('has no unacknowledged cdk-nag findings (AwsSolutions, Serverless)', () => {
    expect(unacknowledgedFindings(built.app)).toEqual([]);
  });

  it('hosting and content stacks: no CDK warnings or errors', () => {
    for (const stack of [built.hosting, built.webContent]) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    }
  });

  it('synthesizes with the checks registered as validation plugins', () => {
    const { app } = buildApp();
    addNagChecks(app);
    expect(() => app.synth()).not.toThrow();
  });
});
