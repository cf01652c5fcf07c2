import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import {
  CROSS_ORIGIN_OPENER_POLICY,
  contentSecurityPolicy,
  HSTS_MAX_AGE_SECONDS,
  PERMISSIONS_POLICY,
} from '#infra/security-headers';

/**
 * Where a browser may connect, as far as it can be known before the API and the hosted login exist:
 * the user pool's issuer (discovery, keys) exactly, Cognito hosted login domains and HTTP APIs of this
 * region by pattern. The content stack narrows this to the exact API and login domain with a second
 * policy in index.html (see WebContentStack), which browsers enforce on top of this one.
 */
export function regionalConnectSources(region: string): string[] {
  return [
    `https://cognito-idp.${region}.amazonaws.com`,
    `https://*.auth.${region}.amazoncognito.com`,
    `https://*.execute-api.${region}.amazonaws.com`,
  ];
}

/**
 * The UI's hosting: a private S3 bucket behind a CloudFront distribution (origin access control, HTTPS
 * only, security headers). Deployed first, because its generated domain is what the identity stack
 * registers as the web client's callback and what the API allows as its only CORS origin; the files
 * and `config.json` follow in the content stack, once the API and the user pool exist.
 */
export class HostingStack extends Stack {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  /** `https://<id>.cloudfront.net`, no trailing slash: the UI's origin. */
  readonly url: string;
  /**
   * Export name of the UI bucket's name. The content stack imports the bucket by this fixed name rather
   * than by a generated reference, so the permissions of CDK's deployment handler read the same in
   * every synthesis and their cdk-nag acknowledgement can name them exactly.
   */
  readonly bucketNameExport: string;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // Access logs of the site bucket and the distribution. CloudFront's standard logs are written with
    // ACLs, hence object ownership "bucket owner preferred" (the bucket owner still owns every object).
    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket of the UI bucket and the distribution; logging it into itself would loop, and a further bucket would only move the question.',
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
    });

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Gebruikersbeheer UI: CSP, HSTS, no framing, nosniff, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({ connectSrc: regionalConnectSources(this.region) }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Cross-Origin-Opener-Policy', value: CROSS_ORIGIN_OPENER_POLICY, override: true },
          { header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true },
        ],
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Gebruikersbeheer UI',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        // Follows each object's Cache-Control (set by the content stack): a year for hashed assets,
        // revalidation for index.html and config.json.
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        compress: true,
      },
      // Routes of the UI (/o/…/personen/…) are no objects: S3 answers 403 through the origin access
      // control (no ListBucket), so both 403 and 404 become index.html with 200 and the router takes over.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(10),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Users are in Belgium: Europe and North America suffice.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "No custom domain yet, so the distribution uses CloudFront's default *.cloudfront.net certificate, for which CloudFront fixes the security policy (TLSv1); TLSv1.2_2021 applies as soon as a certificate and domain are added.",
      },
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: the UI holds no data itself (everything is behind the API and its JWT authorizer), and Belgian administrators may work from abroad.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves static files only (no origin logic to protect); the API has its own throttling per stage and route. A WAF web ACL (us-east-1) can be attached later without changes here.',
      },
    );

    this.bucketNameExport = `${this.stackName}-UiBucketName`;
    new CfnOutput(this, 'UiBucketName', { value: this.bucket.bucketName, exportName: this.bucketNameExport });

    this.url = `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'UiUrl', {
      value: this.url,
      description: 'The admin UI (CloudFront); also the web client callback base and the API CORS origin',
    });
  }
}
