import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * CloudWatch log retention. China's Cybersecurity Law (art. 21) asks network
 * operators to keep network logs for at least six months; a year is the
 * nearest CloudWatch setting above that.
 */
export const logRetention = logs.RetentionDays.ONE_YEAR;

/**
 * What happens to stateful resources (table, user pool, buckets, log groups)
 * when the stack is deleted: kept by default, deleted for a throwaway dev
 * stack (`-c retainData=false`).
 */
export function removalPolicyFor(retainData: boolean): RemovalPolicy {
  return retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}
