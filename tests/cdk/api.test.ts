import { Match } from 'aws-cdk-lib/assertions';
import { deployedHandlerModules, routes as routeTable, scheduledJobs, streamConsumers, type RouteDefinition } from '../../functions/routes';

/** What is deployed: the route table without its local-only routes (the outbox). */
const routes = routeTable.filter((r) => !r.localOnly);
import { apiThrottle } from '../../lib/api';
import { functionProfiles } from '../../lib/handler-function';
import { logRetention } from '../../lib/retention';
import { expectTableAccess } from './support/iam';
import { logicalIdOf, synthRedress, type SynthesisedRedress } from './support/synth-redress';

/**
 * The real route table with two staff routes re-pointed: one shares a public
 * route's module, one runs jobs synchronously from a module with no table
 * access of its own, so sharing and widest-access rules show.
 */
const repointed: RouteDefinition[] = [
  { method: 'GET', path: '/v1/cases', handler: 'complaints/get-complaint', auth: 'jwt', table: 'read' },
  { method: 'POST', path: '/v1/admin/jobs/{job}', handler: 'codes', auth: 'jwt', table: 'readWrite' },
];
const withStaffRoutes: RouteDefinition[] = [
  ...routes.filter((r) => !repointed.some((p) => p.method === r.method && p.path === r.path)),
  ...repointed,
];

let real: SynthesisedRedress;
let staff: SynthesisedRedress;

beforeAll(async () => {
  real = await synthRedress();
  staff = await synthRedress({ tables: { routes: withStaffRoutes } });
});

type Resources = SynthesisedRedress['resources'];

function routeResource(resources: Resources, route: RouteDefinition) {
  const found = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties!.RouteKey === `${route.method} ${route.path}`);
  expect(found).toHaveLength(1);
  return found[0]!.Properties!;
}

/** Follows a route to its integration and the Lambda function behind it. */
function functionIdBehind(resources: Resources, route: RouteDefinition): string {
  const target = routeResource(resources, route).Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
  const integration = resources[target['Fn::Join'][1][1].Ref]!.Properties!;
  expect(integration.IntegrationType).toBe('AWS_PROXY');
  expect(integration.PayloadFormatVersion).toBe('2.0');
  return (integration.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
}

function expectRoutes(synthesised: SynthesisedRedress, table: readonly RouteDefinition[]) {
  const { resources, stack } = synthesised;
  const authorizerIds = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Authorizer')
    .map(([id]) => id);
  expect(Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')).toHaveLength(table.length);
  for (const route of table) {
    const props = routeResource(resources, route);
    if (route.auth === 'jwt') {
      expect(props.AuthorizationType).toBe('JWT');
      expect(props.AuthorizerId).toEqual({ Ref: authorizerIds[0] });
    } else {
      expect(props.AuthorizationType ?? 'NONE').toBe('NONE');
      expect(props.AuthorizerId).toBeUndefined();
    }
    expect(functionIdBehind(resources, route)).toBe(logicalIdOf(stack, stack.api.functions.get(route.handler)!.fn));
  }
}

describe('the HTTP API with the real route table', () => {
  test('has exactly one route per route-table entry, with the JWT authorizer exactly on `jwt` routes', () => {
    expectRoutes(real, routes);
  });

  test('has one Lambda function per distinct handler module', () => {
    const handlers = new Set(routes.map((r) => r.handler));
    expect([...real.stack.api.functions.keys()].sort()).toEqual([...handlers].sort());
    // Plus the stream consumers' and jobs' own functions, and the one CDK uses to upload the pages.
    real.template.resourceCountIs('AWS::Lambda::Function', deployedHandlerModules().length + 1);
  });

  test.each([...new Set(routes.map((r) => r.handler))])("%s gets exactly the table access its routes' `table` field names", (handler) => {
    const levels = routes.filter((r) => r.handler === handler).map((r) => r.table);
    const needed = levels.includes('readWrite') ? 'readWrite' : levels.includes('read') ? 'read' : 'none';
    expectTableAccess(real, real.stack.api.functions.get(handler)!, needed);
  });

  test('throttles the default stage and writes access logs without personal data', () => {
    real.template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    const stage = Object.values(real.resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!.Properties!;
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: apiThrottle.rateLimit, ThrottlingBurstLimit: apiThrottle.burstLimit },
    });
    const accessLog = stage.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
    expect(real.resources[accessLog.DestinationArn['Fn::GetAtt'][0]]!.Properties).toMatchObject({ RetentionInDays: logRetention });
    const format = JSON.parse(accessLog.Format) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    expect(Object.values(format)).not.toContain('$context.identity.sourceIp');
    expect(Object.values(format)).not.toContain('$context.identity.userAgent');
  });

  test('has no CORS configuration: the pages reach it on their own origin', () => {
    real.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
  });
});

describe('the HTTP API with staff routes added', () => {
  test('puts the JWT authorizer on the staff routes only', () => {
    expectRoutes(staff, withStaffRoutes);
  });

  test('trusts tokens of the staff user pool, for the web app client', () => {
    const poolId = logicalIdOf(staff.stack, staff.stack.auth.userPool);
    const clientId = logicalIdOf(staff.stack, staff.stack.auth.webClient);
    staff.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: poolId }]] },
      },
    });
  });

  test('serves routes sharing a handler module from one function', () => {
    const publicCase = withStaffRoutes.find((r) => r.path === '/v1/complaints/{caseId}')!;
    const staffCases = withStaffRoutes.find((r) => r.path === '/v1/cases')!;
    expect(functionIdBehind(staff.resources, staffCases)).toBe(functionIdBehind(staff.resources, publicCase));
    const background = [...streamConsumers, ...scheduledJobs].map((b) => b.handler);
    staff.template.resourceCountIs('AWS::Lambda::Function', new Set([...withStaffRoutes.map((r) => r.handler), ...background]).size + 1);
  });

  test("gives a shared function the widest access its routes need, and read-only stays read-only", () => {
    // codes: `none` for GET /v1/codes, `readWrite` for the job route.
    expectTableAccess(staff, staff.stack.api.functions.get('codes')!, 'readWrite');
    expectTableAccess(staff, staff.stack.api.functions.get('health')!, 'read');
    expectTableAccess(staff, staff.stack.api.functions.get('openapi')!, 'none');
  });

  test('lets a function that runs jobs for a waiting caller use the HTTP API\'s whole time budget', () => {
    const jobRunner = staff.resources[logicalIdOf(staff.stack, staff.stack.api.functions.get('codes')!.fn)]!.Properties!;
    const health = staff.resources[logicalIdOf(staff.stack, staff.stack.api.functions.get('health')!.fn)]!.Properties!;
    expect(jobRunner.Timeout).toBe(functionProfiles.apiJob.timeout.toSeconds());
    expect(jobRunner.Timeout).toBeLessThan(30);
    expect(health.Timeout).toBe(functionProfiles.api.timeout.toSeconds());
  });
});
