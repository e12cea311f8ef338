import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { RouteDefinition, ScheduledJobDefinition, StreamConsumerDefinition } from '../functions/routes';
import { RedressApi } from './api';
import { StaffAuth } from './auth';
import { Background } from './background';
import { RedressTable } from './data';
import { Website } from './web';

export interface RedressStackProps extends StackProps {
  /** Directory of the built web pages (`buildWeb` output). */
  webAssetDir: string;
  /** `false` only for throwaway dev stacks: no deletion protection, data deleted with the stack. */
  retainData: boolean;
  /** Powertools log level of every function. */
  logLevel: string;
  /** The route and background tables default to `functions/routes.ts`; tests pass their own. */
  routes?: readonly RouteDefinition[];
  streamConsumers?: readonly StreamConsumerDefinition[];
  scheduledJobs?: readonly ScheduledJobDefinition[];
}

/** Redress on AWS (SPEC section 7): one table, the HTTP API, background work, staff sign-in and the pages. */
export class RedressStack extends Stack {
  readonly data: RedressTable;
  readonly auth: StaffAuth;
  readonly api: RedressApi;
  readonly background: Background;
  readonly web: Website;

  constructor(scope: Construct, id: string, props: RedressStackProps) {
    super(scope, id, props);
    const { retainData, logLevel } = props;

    this.data = new RedressTable(this, 'Data', { retainData });
    const table = this.data.table;
    this.auth = new StaffAuth(this, 'Auth', { retainData });
    this.api = new RedressApi(this, 'Api', {
      table,
      jwtIssuer: this.auth.issuerUrl,
      jwtAudience: this.auth.webClient.userPoolClientId,
      logLevel,
      retainData,
      routes: props.routes,
    });
    this.background = new Background(this, 'Background', {
      table,
      logLevel,
      retainData,
      streamConsumers: props.streamConsumers,
      scheduledJobs: props.scheduledJobs,
    });
    this.web = new Website(this, 'Web', {
      webAssetDir: props.webAssetDir,
      apiDomainName: this.api.domainName,
      runtimeConfig: {
        region: this.region,
        userPoolId: this.auth.userPool.userPoolId,
        userPoolClientId: this.auth.webClient.userPoolClientId,
      },
      retainData,
      webAclArn: this.node.tryGetContext('webAclArn') as string | undefined,
    });

    new CfnOutput(this, 'SiteUrl', { value: this.web.url, description: 'The web pages and, under /v1, the API (same origin)' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'The HTTP API, directly' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId, description: 'Staff user pool: create accounts here' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.webClient.userPoolClientId, description: 'App client of the staff pages' });
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'The single DynamoDB table' });
  }
}
