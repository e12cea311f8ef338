import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { RouteDefinition, ScheduledJobDefinition, StreamConsumerDefinition } from '../functions/routes';
import { RedressApi } from './api';
import { StaffAuth } from './auth';
import { Background } from './background';
import { RedressTable } from './data';
import { alarmThresholds, Monitoring } from './monitoring';
import { Website } from './web';

export interface RedressStackProps extends StackProps {
  /** Directory of the built web pages (`buildWeb` output). */
  webAssetDir: string;
  /** `false` only for throwaway dev stacks: no deletion protection, data deleted with the stack. */
  retainData: boolean;
  /** Powertools log level of every function. */
  logLevel: string;
  /** Alarm when the deadline sweeper finds more overdue cases than this in one run (`-c overdueCasesThreshold`). */
  overdueCasesThreshold?: number;
  /** Subscribed to the alarm topic when given (`-c alarmEmail`). */
  alarmEmail?: string;
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
  readonly monitoring: Monitoring;

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
    this.monitoring = new Monitoring(this, 'Monitoring', {
      api: this.api,
      background: this.background,
      overdueCasesThreshold: props.overdueCasesThreshold ?? alarmThresholds.overdueCases,
      retainData,
      alarmEmail: props.alarmEmail,
    });
    this.web = new Website(this, 'Web', {
      webAssetDir: props.webAssetDir,
      apiDomainName: this.api.domainName,
      runtimeConfig: {
        auth: 'cognito',
        region: this.region,
        userPoolId: this.auth.userPool.userPoolId,
        userPoolClientId: this.auth.webClient.userPoolClientId,
        signInUrl: this.auth.signInUrl,
      },
      retainData,
      webAclArn: this.node.tryGetContext('webAclArn') as string | undefined,
    });
    this.auth.useConsoleAt(`${this.web.url}/console/`);

    new CfnOutput(this, 'SiteUrl', { value: this.web.url, description: 'The web pages and, under /v1, the API (same origin)' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'The HTTP API, directly' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId, description: 'Staff user pool: create accounts here' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.webClient.userPoolClientId, description: 'App client of the staff pages' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn, description: 'Alarms (SPEC section 11): subscribe on-call here' });
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'The single DynamoDB table' });
  }
}
