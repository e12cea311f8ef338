import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IConstruct } from 'constructs';
import { tableDefinition } from '../functions/store/table-definition';

/**
 * How cdk-nag names a resource's ARN inside a finding: `<LogicalId.Arn>`
 * (it flattens `Fn::GetAtt`). Acknowledgements must quote findings exactly.
 */
export function nagArnOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnElement)) throw new Error(`${construct.node.path} is not a resource defined in this app`);
  return `<${Stack.of(construct).resolve(resource.logicalId)}.Arn>`;
}

/**
 * CDK's table data grants add `<table ARN>/index/*` so that queries on the
 * global secondary indexes work. The wildcard stands for this table's own
 * indexes and nothing else; acknowledged on the one role that holds it.
 */
export function acknowledgeIndexWildcard(role: IConstruct, table: ITable): void {
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${nagArnOf(table)}/index/*]`,
    reason:
      `The wildcard covers only the GSIs of this function's own table (${tableDefinition.globalIndexes.map((i) => i.indexName).join(', ')}); ` +
      "index ARNs cannot be listed ahead of a table's creation, and the actions stay those of the route's table access level.",
  });
}
