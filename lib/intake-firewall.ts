import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/**
 * The per-client intake limit in AWS (SPEC section 10): a WAF web ACL with a
 * rate-based rule on `POST /v1/complaints` and `POST /v1/verifications`,
 * per client address. A web ACL for CloudFront must live in us-east-1, so it
 * is its own stack there (`cdk deploy RedressIntakeFirewall` with
 * `-c intakeFirewall=true`); its ARN (an output) is handed to the main
 * stack as `-c webAclArn=...`, which attaches it to the distribution. This
 * keeps the main stack region-agnostic (no cross-region references).
 */
export const intakeFirewallStackName = 'RedressIntakeFirewall';

/** Filings per client address per 60-second window before WAF answers 429. */
export const defaultIntakeRequestsPerMinute = 20;

export interface IntakeFirewallProps extends StackProps {
  requestsPerMinute?: number;
}

export class IntakeFirewallStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: IntakeFirewallProps = {}) {
    super(scope, id, { ...props, env: { account: props.env?.account, region: 'us-east-1' } });
    const limit = props.requestsPerMinute ?? defaultIntakeRequestsPerMinute;
    const postTo = (path: string): wafv2.CfnWebACL.StatementProperty => ({
      andStatement: {
        statements: [
          { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: 'POST', textTransformations: [{ priority: 0, type: 'NONE' }] } },
          { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'EXACTLY', searchString: path, textTransformations: [{ priority: 0, type: 'NONE' }] } },
        ],
      },
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'IntakeWebAcl', {
      name: 'redress-intake',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'redress-intake', sampledRequestsEnabled: true },
      customResponseBodies: {
        tooMany: { contentType: 'APPLICATION_JSON', content: '{"error":"too_many_requests","message":"Too many filings from this address; try again in a minute."}' },
      },
      rules: [
        {
          name: 'intake-per-client',
          priority: 0,
          statement: {
            rateBasedStatement: {
              limit,
              evaluationWindowSec: 60,
              aggregateKeyType: 'IP',
              scopeDownStatement: { orStatement: { statements: [postTo('/v1/complaints'), postTo('/v1/verifications')] } },
            },
          },
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'tooMany', responseHeaders: [{ name: 'Retry-After', value: '60' }] } } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'redress-intake-per-client', sampledRequestsEnabled: true },
        },
      ],
    });
    new CfnOutput(this, 'WebAclArn', { value: this.webAcl.attrArn, description: 'Pass to the main stack: cdk deploy RedressStack -c webAclArn=<this>' });
  }
}
