import { Template } from 'aws-cdk-lib/assertions';
import { createRedressApp } from '../../lib/redress-app';
import { defaultIntakeRequestsPerMinute, intakeFirewallStackName, type IntakeFirewallStack } from '../../lib/intake-firewall';
import { synthRedress } from './support/synth-redress';
import { apiThrottle, intakeRouteKeys, intakeRouteThrottle } from '../../lib/api';

describe('the intake firewall (WAF rate-based rule in front of CloudFront)', () => {
  it('is a CLOUDFRONT web ACL in us-east-1 that blocks with 429 past the per-address rate on filings and code requests', async () => {
    const { app } = createRedressApp({ webAssetDir: __dirname, context: { intakeFirewall: 'true', 'aws:cdk:bundling-stacks': [] } });
    const firewall = app.node.findChild(intakeFirewallStackName) as IntakeFirewallStack;
    expect(firewall.region).toBe('us-east-1');
    const template = Template.fromStack(firewall);
    const [acl] = Object.values(template.findResources('AWS::WAFv2::WebACL')) as { Properties: Record<string, any> }[];
    expect(acl!.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const [rule] = acl!.Properties.Rules;
    expect(rule.Statement.RateBasedStatement).toMatchObject({ Limit: defaultIntakeRequestsPerMinute, EvaluationWindowSec: 60, AggregateKeyType: 'IP' });
    const paths = JSON.stringify(rule.Statement.RateBasedStatement.ScopeDownStatement);
    expect(paths).toContain('/v1/complaints');
    expect(paths).toContain('/v1/verifications');
    expect(rule.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429, ResponseHeaders: [{ Name: 'Retry-After', Value: '60' }] });
    template.hasOutput('WebAclArn', {});
  });

  it('is attached to the distribution when its ARN is given as context', async () => {
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/redress-intake/abc';
    const synthesised = await synthRedress({ context: { webAclArn: arn } });
    synthesised.template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: { WebACLId: arn } });
  }, 120_000);
});

describe("the API's route-level throttling", () => {
  it('limits filings and code requests below the stage limit', async () => {
    const { template } = await synthRedress();
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage')) as { Properties: Record<string, any>; DependsOn?: string[] }[];
    for (const key of intakeRouteKeys) {
      expect(stage!.Properties.RouteSettings[key]).toEqual({ ThrottlingRateLimit: intakeRouteThrottle.rateLimit, ThrottlingBurstLimit: intakeRouteThrottle.burstLimit });
    }
    expect(intakeRouteThrottle.rateLimit).toBeLessThan(apiThrottle.rateLimit);
  }, 120_000);
});
