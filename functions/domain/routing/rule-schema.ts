import * as z from 'zod';
import { caseSteps } from '../lifecycle/types';
import { factCatalogue, factNames, type FactName, type FactType } from './facts';

/**
 * The routing-rule language: JSON data, checked here, read by
 * `conditions.ts`. No expressions, no eval: a condition combines
 * comparisons of named facts (see `factCatalogue`) with all / any / not.
 */
export type Literal = string | number | boolean;
export type Operand = Literal | { fact: FactName };
export const comparisonOperators = ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'exists'] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

export type Comparison = { fact: FactName } & (
  | { eq: Operand }
  | { ne: Operand }
  | { in: Literal[] }
  | { lt: Operand }
  | { lte: Operand }
  | { gt: Operand }
  | { gte: Operand }
  | { exists: boolean }
);
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

const fact = z.enum(factNames);
const literal = z.union([z.string().max(200), z.number(), z.boolean()]);
const operand = z.union([literal, z.strictObject({ fact })], { error: `Expected a string, number, boolean or {"fact": one of ${factNames.join('|')}}.` });
const combinators = ['all', 'any', 'not'] as const;

/**
 * One object schema with every key a condition can have, then a shape check:
 * a plain union would answer a typo with a bare "Invalid input", this names
 * the unknown key, the unknown fact or the extra operator.
 */
export const conditionSchema: z.ZodType<Condition, unknown> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(conditionSchema).optional(),
      any: z.array(conditionSchema).min(1).optional(),
      not: conditionSchema.optional(),
      fact: fact.optional(),
      eq: operand.optional(),
      ne: operand.optional(),
      in: z.array(literal).min(1).max(100).optional(),
      lt: operand.optional(),
      lte: operand.optional(),
      gt: operand.optional(),
      gte: operand.optional(),
      exists: z.boolean().optional(),
    })
    .superRefine((condition, ctx) => {
      const keys = Object.entries(condition).flatMap(([key, value]) => (value === undefined ? [] : [key]));
      const isCombinator = keys.length === 1 && (combinators as readonly string[]).includes(keys[0] ?? '');
      const operators = keys.filter((key) => (comparisonOperators as readonly string[]).includes(key));
      const isComparison = condition.fact !== undefined && operators.length === 1 && keys.length === 2;
      if (!isCombinator && !isComparison) {
        ctx.addIssue({ code: 'custom', message: `A condition is one of {all}, {any}, {not} or {fact, one of ${comparisonOperators.join('|')}}; this one has {${keys.join(', ')}}.` });
      } else if (isComparison) {
        const problem = typeProblem(condition as Comparison);
        if (problem) ctx.addIssue({ code: 'custom', ...problem });
      }
    })
    .transform((condition) => condition as Condition),
);

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  /** Absent on the last rule only: it catches every case the others leave. */
  when: conditionSchema.optional(),
  then: z.strictObject({ step: z.enum(caseSteps) }),
  /** The one-line reason recorded on the case. */
  reason: z.strictObject({ 'zh-CN': z.string().min(1).max(200), en: z.string().min(1).max(200) }),
});

export type RoutingRule = z.infer<typeof ruleSchema>;

export const ruleSetSchema = z
  .strictObject({
    ruleSetId: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/),
    version: z.number().int().positive(),
    source: z.string().min(1),
    rules: z.array(ruleSchema).min(1).max(100),
  })
  .superRefine((ruleSet, ctx) => {
    const seen = new Set<string>();
    ruleSet.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `Rule id '${rule.id}' is used twice.` });
      seen.add(rule.id);
      const isLast = index === ruleSet.rules.length - 1;
      if (isLast && rule.when !== undefined) ctx.addIssue({ code: 'custom', path: ['rules', index, 'when'], message: 'The last rule must have no `when`, so every case is routed.' });
      if (!isLast && rule.when === undefined) ctx.addIssue({ code: 'custom', path: ['rules', index, 'when'], message: 'Only the last rule may leave out `when`; the rules after it could never match.' });
    });
  });

export type RoutingRuleSet = z.infer<typeof ruleSetSchema>;

const typeOfOperand = (value: Operand): FactType => (typeof value === 'object' ? factCatalogue[value.fact].type : (typeof value as FactType));
const orderingOperators: readonly ComparisonOperator[] = ['lt', 'lte', 'gt', 'gte'];

/** A comparison that could never be true because the types do not fit (usually a typo in a rule file). */
function typeProblem(comparison: Comparison): { path: string[]; message: string } | undefined {
  const factType = factCatalogue[comparison.fact].type;
  const [operator, value] = Object.entries(comparison).find(([key]) => key !== 'fact') as [ComparisonOperator, Operand | Literal[] | boolean];
  if (operator === 'exists') return undefined;
  if (orderingOperators.includes(operator) && factType !== 'number') return { path: [operator], message: `'${operator}' compares numbers, but '${comparison.fact}' is a ${factType}.` };
  const operands = operator === 'in' ? (value as Literal[]) : [value as Operand];
  const wrong = operands.find((o) => typeOfOperand(o) !== factType);
  return wrong === undefined ? undefined : { path: [operator], message: `'${comparison.fact}' is a ${factType}; ${JSON.stringify(wrong)} is not.` };
}

/** Validates a rule set (seed file or registry entry); throws a readable error naming every bad field. */
export function parseRuleSet(data: unknown): RoutingRuleSet {
  const result = ruleSetSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid routing rule set:\n${lines.join('\n')}`);
  }
  return result.data;
}
