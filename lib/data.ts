import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { TableAccess } from '../functions/routes';
import { tableDefinition, type KeyAttribute } from '../functions/store/table-definition';
import { removalPolicyFor } from './retention';

export interface RedressTableProps {
  /**
   * `true` (the default of the app): deletion protection on and the table kept
   * when the stack goes. `false` (`-c retainData=false`, throwaway dev
   * stacks): deleting the stack deletes the data.
   */
  retainData: boolean;
}

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER };
}

/**
 * The single table, generated from `functions/store/table-definition.ts` so
 * that AWS and the local stack cannot drift apart.
 */
export class RedressTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: RedressTableProps) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      // Complaint intake is bursty and small; on-demand costs nothing at rest.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType[tableDefinition.streamView],
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: props.retainData,
      removalPolicy: removalPolicyFor(props.retainData),
    });
    for (const index of tableDefinition.globalIndexes) {
      const { projection } = index;
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType[projection.type],
        ...(projection.type === 'INCLUDE' ? { nonKeyAttributes: [...projection.nonKeyAttributes] } : {}),
      });
    }
  }
}

/**
 * Least privilege from a route's `table` field. CDK's data grants cover the
 * table and `table/index/*`, so queries on the GSIs work; `read` gets no
 * write action at all.
 */
export function grantTableAccess(table: dynamodb.ITable, grantee: IGrantable, access: TableAccess): void {
  switch (access) {
    case 'none':
      return;
    case 'read':
      table.grantReadData(grantee);
      return;
    case 'readWrite':
      table.grantReadWriteData(grantee);
      return;
  }
}

/** The widest of several access levels: one function serving several routes needs all of them. */
export function widestAccess(levels: readonly TableAccess[]): TableAccess {
  if (levels.includes('readWrite')) return 'readWrite';
  if (levels.includes('read')) return 'read';
  return 'none';
}
