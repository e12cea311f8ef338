import { Match } from 'aws-cdk-lib/assertions';
import { logicalIdOf, synthRedress, type SynthesisedRedress } from './support/synth-redress';

let synthesised: SynthesisedRedress;
let distribution: Record<string, unknown>;

beforeAll(async () => {
  synthesised = await synthRedress();
  distribution = (Object.values(synthesised.resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties!
    .DistributionConfig ?? {}) as Record<string, unknown>;
});

// Managed policy ids, as AWS documents them.
const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const allViewerExceptHostHeader = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('the site bucket', () => {
  test('is private, encrypted, TLS-only and logs its access', () => {
    const pagesId = logicalIdOf(synthesised.stack, synthesised.stack.web.bucket);
    const logsId = logicalIdOf(synthesised.stack, synthesised.stack.web.logBucket);
    expect(synthesised.resources[pagesId]!.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: logsId } },
    });
    // S3 delivers the access logs under a bucket policy, not an ACL.
    synthesised.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsId },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Allow', Action: 's3:PutObject', Principal: { Service: 'logging.s3.amazonaws.com' } })]),
      },
    });
    for (const bucketId of [pagesId, logsId]) {
      synthesised.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });

  test('is readable by this distribution only, through origin access control', () => {
    const pagesId = logicalIdOf(synthesised.stack, synthesised.stack.web.bucket);
    const distributionId = logicalIdOf(synthesised.stack, synthesised.stack.web.distribution);
    synthesised.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    synthesised.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: pagesId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([{ Ref: distributionId }])]) }) } },
          }),
        ]),
      },
    });
  });
});

describe('the distribution', () => {
  test('serves index.html at the root over HTTPS, with security headers', () => {
    expect(distribution.DefaultRootObject).toBe('index.html');
    const defaultBehavior = distribution.DefaultCacheBehavior as Record<string, unknown>;
    expect(defaultBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(defaultBehavior.ResponseHeadersPolicyId).toBeDefined();
    synthesised.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.anyValue() }),
        }),
      },
    });
  });

  test('forwards /v1/* to the HTTP API uncached, with every method and the caller\'s headers except Host', () => {
    const behaviors = distribution.CacheBehaviors as Record<string, unknown>[];
    expect(behaviors).toHaveLength(1);
    const api = behaviors[0]!;
    expect(api).toMatchObject({
      PathPattern: '/v1/*',
      CachePolicyId: cachingDisabled,
      OriginRequestPolicyId: allViewerExceptHostHeader,
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      ViewerProtocolPolicy: 'https-only',
    });
    const origins = distribution.Origins as { Id: string; DomainName: unknown; CustomOriginConfig?: Record<string, unknown> }[];
    const apiOrigin = origins.find((o) => o.Id === api.TargetOriginId)!;
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    // The API's own domain, cut out of its endpoint URL.
    const apiId = logicalIdOf(synthesised.stack, synthesised.stack.api.httpApi);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(`"${apiId}"`);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('ApiEndpoint');
  });

  test('writes access logs to the log bucket', () => {
    expect(distribution.Logging).toMatchObject({ Bucket: { 'Fn::GetAtt': [logicalIdOf(synthesised.stack, synthesised.stack.web.logBucket), 'RegionalDomainName'] } });
  });
});

describe('the deployment of the pages', () => {
  test('uploads the built pages and config.json to the site bucket, then invalidates the distribution', () => {
    const deployment = Object.values(synthesised.resources).find((r) => r.Type === 'Custom::CDKBucketDeployment')!.Properties!;
    expect(deployment.DestinationBucketName).toEqual({ Ref: logicalIdOf(synthesised.stack, synthesised.stack.web.bucket) });
    expect(deployment.DistributionId).toEqual({ Ref: logicalIdOf(synthesised.stack, synthesised.stack.web.distribution) });
    expect(deployment.DistributionPaths).toEqual(['/*']);
    // Two sources: the pages, and config.json with what the staff pages need to sign in.
    expect(deployment.SourceObjectKeys as unknown[]).toHaveLength(2);
    const markers = JSON.stringify(deployment.SourceMarkers);
    for (const token of [synthesised.stack.auth.userPool, synthesised.stack.auth.webClient]) {
      expect(markers).toContain(`"${logicalIdOf(synthesised.stack, token)}"`);
    }
  });

  test('publishes the site and API URLs as stack outputs', () => {
    synthesised.template.hasOutput('SiteUrl', {
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalIdOf(synthesised.stack, synthesised.stack.web.distribution), 'DomainName'] }]] },
    });
    const apiUrl = JSON.stringify(synthesised.template.findOutputs('ApiUrl').ApiUrl!.Value);
    expect(apiUrl).toContain(`{"Ref":"${logicalIdOf(synthesised.stack, synthesised.stack.api.httpApi)}"}`);
    expect(apiUrl).toContain('.execute-api.');
  });
});
