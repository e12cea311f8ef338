import type { HandlerFunction } from '../../../lib/handler-function';
import { logicalIdOf, type SynthesisedRedress } from './synth-redress';

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the inline policies attached to a function's role. */
export function statementsOf(synthesised: SynthesisedRedress, fn: HandlerFunction): PolicyStatement[] {
  const roleRef = JSON.stringify({ Ref: logicalIdOf(synthesised.stack, fn.role) });
  return Object.values(synthesised.resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties!.Roles as unknown[]).some((role) => JSON.stringify(role) === roleRef))
    .flatMap((r) => (r.Properties!.PolicyDocument as { Statement: PolicyStatement[] }).Statement);
}

export const actionsOf = (statement: PolicyStatement): string[] => [statement.Action].flat();

/** The DynamoDB actions a function may take on the table itself or its indexes (stream reads excluded). */
export function tableActions(synthesised: SynthesisedRedress, fn: HandlerFunction): Set<string> {
  const tableId = logicalIdOf(synthesised.stack, synthesised.stack.data.table);
  const onTable = (resource: unknown) => {
    const text = JSON.stringify(resource);
    return text.includes(`"${tableId}"`) && !text.includes('StreamArn') && !text.includes('/stream/');
  };
  return new Set(
    statementsOf(synthesised, fn)
      .filter((s) => s.Effect === 'Allow' && [s.Resource].flat().some(onTable))
      .flatMap(actionsOf)
      .filter((a) => a.startsWith('dynamodb:') && a !== 'dynamodb:GetRecords' && a !== 'dynamodb:GetShardIterator'),
  );
}

/** Actions that change data: a read-only function must hold none of them. */
export const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:TransactWriteItems',
  'dynamodb:PartiQLInsert',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:*',
];

/** Checks a function's table actions against a route table's `table` field. */
export function expectTableAccess(synthesised: SynthesisedRedress, fn: HandlerFunction, access: 'none' | 'read' | 'readWrite'): void {
  const actions = tableActions(synthesised, fn);
  const allStatements = statementsOf(synthesised, fn);
  switch (access) {
    case 'none':
      expect([...actions]).toEqual([]);
      expect(allStatements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
      return;
    case 'read':
      expect([...actions]).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
      expect([...actions].filter((a) => writeActions.includes(a))).toEqual([]);
      break;
    case 'readWrite':
      expect([...actions]).toEqual(
        expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']),
      );
      break;
  }
  // The grants reach the indexes (queries on the GSIs), and nothing but this table.
  const tableId = logicalIdOf(synthesised.stack, synthesised.stack.data.table);
  const resources = allStatements.filter((s) => actionsOf(s).some((a) => actions.has(a))).flatMap((s) => [s.Resource].flat());
  expect(resources).toContainEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/*']] });
  expect(resources.every((r) => JSON.stringify(r).includes(`"${tableId}"`))).toBe(true);
}
