import { Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { synthRedress, type SynthesisedRedress } from './support/synth-redress';

/** Every AwsSolutions finding left after the acknowledgements, errors and warnings alike. */
function findings(synthesised: SynthesisedRedress): string[] {
  const report = new AwsSolutionsChecks(synthesised.app).validateScope(synthesised.stack);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`));
}

function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id, reason }))),
  );
}

describe('cdk-nag AwsSolutions checks', () => {
  test('find nothing unacknowledged in the stack as deployed', async () => {
    expect(findings(await synthRedress())).toEqual([]);
  });

  test('find nothing unacknowledged in a throwaway stack', async () => {
    const synthesised = await synthRedress({ retainData: false });
    expect(findings(synthesised)).toEqual([]);
  });

  test('fail the synthesis on a finding nobody acknowledged', async () => {
    const addUnloggedBucket = (stack: IConstruct) => new s3.Bucket(stack, 'Unlogged', { enforceSSL: true });
    await expect(synthRedress({ beforeSynth: addUnloggedBucket })).rejects.toThrow(/RedressStack\/Unlogged[\s\S]*AwsSolutions-S1/);
  });

  test('are acknowledged on single resources, each with a reason, never for the whole stack', async () => {
    const { app, stack } = await synthRedress();
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.path.startsWith(`${stack.stackName}/`)).toBe(true);
      expect(ack.id).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(ack.reason.length).toBeGreaterThan(60);
    }
  });
});
