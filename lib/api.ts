import { Fn, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routes as routeTable, type RouteDefinition } from '../functions/routes';
import { widestAccess } from './data';
import { HandlerFunction, handlerConstructId, type FunctionKind } from './handler-function';
import { grantMessaging } from './messaging';
import { logRetention, removalPolicyFor } from './retention';

export interface RedressApiProps {
  table: ITable;
  /** Issuer and audience of the staff tokens the JWT authorizer accepts. */
  jwtIssuer: string;
  jwtAudience: string;
  logLevel: string;
  retainData: boolean;
  /** Defaults to the real route table; tests may pass others. */
  routes?: readonly RouteDefinition[];
}

/**
 * Default-stage throttling for the whole API. Henan's associations take in
 * some 10^5 complaints a year, a few per second at peak; these limits leave
 * ample headroom yet cap what a runaway client can cost.
 */
export const apiThrottle = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * Route-level limits on what writes for anyone (issue 10): filings and code
 * requests, below the stage's. Per client, the WAF rule (`lib/intake-firewall.ts`)
 * and the application's verification limits apply.
 */
export const intakeRouteThrottle = { rateLimit: 20, burstLimit: 40 } as const;
export const intakeRouteKeys = ['POST /v1/complaints', 'POST /v1/verifications'] as const;

/** Routes under this prefix run a job while the caller waits (SPEC section 4, admin jobs). */
const synchronousJobPrefix = '/v1/admin/jobs/';

/**
 * The HTTP API, generated from `functions/routes.ts`: one route per entry,
 * one Lambda function per distinct handler module.
 */
export class RedressApi extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  /** Handler module -> its function. */
  readonly functions = new Map<string, HandlerFunction>();

  constructor(scope: Construct, id: string, props: RedressApiProps) {
    super(scope, id);
    // Local-only routes (the outbox) are not deployed.
    const routes = (props.routes ?? routeTable).filter((route) => !route.localOnly);

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Redress (维权通) HTTP API v1',
      // The stage is made below, with throttling and access logs.
      createDefaultStage: false,
      // No CORS: the pages call the API through the CloudFront distribution, on the same origin.
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logRetention,
      removalPolicy: removalPolicyFor(props.retainData),
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: apiThrottle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // No source IP or user agent: logs carry no personal data (SPEC section 5).
        // The path may hold a case id, which is not personal data.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const authorizer = new HttpJwtAuthorizer('StaffJwt', props.jwtIssuer, {
      authorizerName: 'staff-jwt',
      jwtAudience: [props.jwtAudience],
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const handler of new Set(routes.map((r) => r.handler))) {
      const served = routes.filter((r) => r.handler === handler);
      const kind: FunctionKind = served.some((r) => r.path.startsWith(synchronousJobPrefix)) ? 'apiJob' : 'api';
      const fn = new HandlerFunction(this, handlerConstructId(handler), {
        handler,
        kind,
        table: props.table,
        // One role per function, so it holds what its most demanding route needs.
        tableAccess: widestAccess(served.map((r) => r.table)),
        logLevel: props.logLevel,
        retainData: props.retainData,
      });
      if (served.some((r) => r.sendsMessages)) grantMessaging(fn);
      this.functions.set(handler, fn);
      integrations.set(handler, new HttpLambdaIntegration(`${handlerConstructId(handler)}Integration`, fn.fn));
    }

    const stageResource = this.stage.node.defaultChild as apigw.CfnStage;
    // RouteSettings is raw CloudFormation JSON: its keys are written as CloudFormation spells them.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of routes) {
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrations.get(route.handler)!,
        authorizer: route.auth === 'jwt' ? authorizer : undefined,
      });
      const routeKey = `${route.method} ${route.path}`;
      if ((intakeRouteKeys as readonly string[]).includes(routeKey) && httpRoute) {
        routeSettings[routeKey] = { ThrottlingRateLimit: intakeRouteThrottle.rateLimit, ThrottlingBurstLimit: intakeRouteThrottle.burstLimit };
        // Route settings name existing routes: the stage waits for them.
        stageResource.node.addDependency(httpRoute);
      }
      if (route.auth === 'none' && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            `${route.method} ${route.path} is public by design (SPEC sections 1 and 4): consumers file and track complaints ` +
            'without an account (a case id plus a hashed, throttled access code checked by the handler) and the public reads ' +
            'statistics, disclosures and codes. Stage throttling bounds abuse.',
        });
      }
    }
    if (Object.keys(routeSettings).length > 0) stageResource.routeSettings = routeSettings;
  }

  /** `abc123.execute-api.region.amazonaws.com`: the origin CloudFront forwards `/v1/*` to. */
  get domainName(): string {
    return Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
  }

  get url(): string {
    return this.stage.url;
  }
}
