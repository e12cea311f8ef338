import { DefaultStackSynthesizer, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { nagArnOf } from './nag';
import { logRetention, removalPolicyFor } from './retention';

export interface WebsiteProps {
  /** A directory holding the built pages (`buildWeb` output), uploaded as they are. */
  webAssetDir: string;
  /** `abc123.execute-api.region.amazonaws.com`: where `/v1/*` goes. */
  apiDomainName: string;
  /** What the staff pages need to sign in; served as `/config.json`. */
  runtimeConfig: Record<string, string>;
  retainData: boolean;
  /** The intake firewall's web ACL (`lib/intake-firewall.ts`, in us-east-1), from `-c webAclArn=...`. */
  webAclArn?: string;
}

/** CloudFront and S3 access logs are kept as long as the Lambda and API logs (Cybersecurity Law art. 21: six months at least). */
const accessLogExpiry = Duration.days(365);

/**
 * The web pages on a private S3 bucket behind CloudFront, and the API on the
 * same origin under `/v1/*`, so the pages need no CORS.
 */
export class Website extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly deployment: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: WebsiteProps) {
    super(scope, id);
    // A throwaway stack empties its buckets on deletion (CloudFormation cannot delete a bucket with objects).
    const removal = { removalPolicy: removalPolicyFor(props.retainData), autoDeleteObjects: !props.retainData };

    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered with object ACLs, so ACLs stay enabled on this bucket only.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: accessLogExpiry }],
      ...removal,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the site bucket and the distribution; logging it into itself would log its own log deliveries without end.',
    });

    this.bucket = new s3.Bucket(this, 'Pages', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'pages-bucket/',
      ...removal,
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Redress: security headers for the pages and the API',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // Scripts and styles come from the bundle on this origin; the staff
          // console exchanges its sign-in code at Cognito's managed login domain.
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            `connect-src 'self' https://cognito-idp.${Stack.of(this).region}.amazonaws.com https://*.auth.${Stack.of(this).region}.amazoncognito.com`,
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join('; '),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true }],
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Redress (维权通): web pages and /v1 API',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          // Answers depend on the caller (tokens, access codes) and change
          // with every action: never cached. With caching disabled, the
          // all-viewer policy forwards Authorization and X-Access-Code; the
          // Host header must be the API's own for API Gateway to route.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          responseHeadersPolicy: securityHeaders,
        },
      },
      // North America, Europe and Asia (Hong Kong, Singapore, Japan): where
      // the users are, without the most expensive edge locations.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'distribution/',
      logIncludesCookies: false,
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: consumers may file a complaint about a Henan merchant from anywhere (travel, online purchases, living abroad).',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF web ACL (a fixed monthly fee per ACL and rule): the API has stage throttling, input is validated by zod in every handler, ' +
        'and access-code guessing is throttled per case by the application. Attach a web ACL when the budget allows.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the minimum protocol; a custom domain ' +
        'with an ACM certificate and TLSv1.2_2021 needs a registered domain (and, in China, an ICP filing) that this stack does not own.',
    });

    this.deployment = this.deployPages(props);
  }

  /**
   * Uploads the built pages and `/config.json`, then invalidates the
   * distribution. The upload runs in a Lambda function CDK provides; it gets
   * its own log group and a role without AWS managed policies, like ours.
   */
  private deployPages(props: WebsiteProps): s3deploy.BucketDeployment {
    const logGroup = new logs.LogGroup(this, 'DeployLogs', {
      retention: logRetention,
      removalPolicy: removalPolicyFor(props.retainData),
    });
    const role = new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Redress: uploads the web pages and invalidates the distribution',
    });
    logGroup.grantWrite(role);

    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      sources: [s3deploy.Source.asset(props.webAssetDir), s3deploy.Source.jsonData('config.json', props.runtimeConfig)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      role,
      logGroup,
    });

    const stack = Stack.of(this);
    const qualifier = stack.synthesizer instanceof DefaultStackSynthesizer ? stack.synthesizer.bootstrapQualifier : undefined;
    const assetObjects = `arn:<AWS::Partition>:s3:::cdk-${qualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>/*`;
    const grants: [finding: string, reason: string][] = [
      ['Action::s3:GetObject*', 'CDK grantRead on the asset and site buckets: object reads and their versions/ACL/tagging variants.'],
      ['Action::s3:GetBucket*', 'CDK grantRead: bucket location and metadata needed by `aws s3 sync`.'],
      ['Action::s3:List*', 'CDK grantRead: listing the site bucket so `sync --delete` can prune pages that are gone.'],
      ['Action::s3:DeleteObject*', 'CDK grantReadWrite on the site bucket: pruning pages that are no longer built.'],
      ['Action::s3:Abort*', 'CDK grantReadWrite on the site bucket: aborting failed multipart uploads.'],
      [`Resource::${assetObjects}`, "Objects of the CDK bootstrap asset bucket, where this app's zipped pages are staged."],
      [`Resource::${nagArnOf(this.bucket)}/*`, 'Every object of the site bucket: the deployment replaces the whole site.'],
      ['Resource::*', 'cloudfront:CreateInvalidation and GetInvalidation as CDK grants them; they invalidate this stack\'s distribution after an upload.'],
    ];
    for (const [finding, reason] of grants) Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });

    // The upload function is a stack-level singleton CDK owns; it is found by the role given to it.
    const uploader = stack.node.children.find((child) => child instanceof lambda.Function && child.role === role);
    if (!uploader) throw new Error('The BucketDeployment upload function was not found');
    Validations.of(uploader).acknowledge({
      id: 'AwsSolutions-L1',
      reason: "CDK chooses and updates the runtime of its own BucketDeployment upload function (it runs the AWS CLI); it follows aws-cdk-lib's version.",
    });
    return deployment;
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
