import { Match } from 'aws-cdk-lib/assertions';
import { keyAttributes, tableDefinition } from '../../functions/store/table-definition';
import { synthRedress, type SynthesisedRedress } from './support/synth-redress';

let production: SynthesisedRedress;
let disposable: SynthesisedRedress;

beforeAll(async () => {
  production = await synthRedress();
  disposable = await synthRedress({ retainData: false });
});

const keySchema = (pk: string, sk: string) => [
  { AttributeName: pk, KeyType: 'HASH' },
  { AttributeName: sk, KeyType: 'RANGE' },
];

describe('the table', () => {
  test('is the one table of the stack', () => {
    production.template.resourceCountIs('AWS::DynamoDB::Table', 1);
  });

  test('has the keys, every index and the TTL attribute of table-definition.ts', () => {
    const table = Object.values(production.resources).find((r) => r.Type === 'AWS::DynamoDB::Table')!;
    const props = table.Properties as {
      KeySchema: unknown;
      AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
      GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown; Projection: { ProjectionType: string; NonKeyAttributes?: string[] } }[];
      TimeToLiveSpecification: unknown;
    };
    expect(props.KeySchema).toEqual(keySchema(tableDefinition.partitionKey.name, tableDefinition.sortKey.name));
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true });
    expect([...props.AttributeDefinitions].sort((a, b) => a.AttributeName.localeCompare(b.AttributeName))).toEqual(
      keyAttributes()
        .map((a) => ({ AttributeName: a.name, AttributeType: a.type }))
        .sort((a, b) => a.AttributeName.localeCompare(b.AttributeName)),
    );
    expect(props.GlobalSecondaryIndexes.map((g) => g.IndexName).sort()).toEqual(tableDefinition.globalIndexes.map((g) => g.indexName).sort());
    for (const index of tableDefinition.globalIndexes) {
      const deployed = props.GlobalSecondaryIndexes.find((g) => g.IndexName === index.indexName)!;
      expect(deployed.KeySchema).toEqual(keySchema(index.partitionKey.name, index.sortKey.name));
      const { projection } = index;
      expect(deployed.Projection).toEqual(projection.type === 'INCLUDE' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: projection.nonKeyAttributes } : { ProjectionType: projection.type });
    }
  });

  test('projects into each index what its readers read: whole cases for the listings, keys for the jobs, case id and seq for the change feed', () => {
    const indexes = (Object.values(production.resources).find((r) => r.Type === 'AWS::DynamoDB::Table')!.Properties as { GlobalSecondaryIndexes: { IndexName: string; Projection: unknown }[] }).GlobalSecondaryIndexes;
    expect(Object.fromEntries(indexes.map((g) => [g.IndexName, g.Projection]))).toEqual({
      byAssociation: { ProjectionType: 'ALL' },
      byMerchant: { ProjectionType: 'ALL' },
      byRegion: { ProjectionType: 'ALL' },
      byMonth: { ProjectionType: 'ALL' },
      byDeadline: { ProjectionType: 'KEYS_ONLY' },
      byErasure: { ProjectionType: 'KEYS_ONLY' },
      byChange: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['caseId', 'seq'] },
    });
  });

  test('is on-demand, with point-in-time recovery, AWS-managed encryption and a stream of both images', () => {
    production.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      // SSEEnabled alone means KMS with the AWS-managed key aws/dynamodb: no customer key to pay for or lose.
      SSESpecification: Match.exact({ SSEEnabled: true }),
      StreamSpecification: { StreamViewType: tableDefinition.streamView },
    });
  });

  test('is protected from deletion and kept when the stack goes, by default', () => {
    production.template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('with retainData=false has no deletion protection and goes with the stack', () => {
    disposable.template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      DeletionPolicy: 'Delete',
    });
    // The other stateful resources follow the same switch.
    disposable.template.allResources('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
    disposable.template.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
    disposable.template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    production.template.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
    production.template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
  });
});
