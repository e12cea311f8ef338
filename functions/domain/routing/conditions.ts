import { readFact, type FactValue, type RoutingFacts } from './facts';
import type { Comparison, ComparisonOperator, Condition, Literal, Operand } from './rule-schema';

function valueOf(operand: Operand, facts: RoutingFacts): FactValue {
  return typeof operand === 'object' ? readFact(facts, operand.fact) : operand;
}

/**
 * A comparison with a missing fact (or a missing fact on the right) is
 * false, `ne` included, as in SQL: a rule never matches on data that is not
 * there. `exists` is the one operator that asks about presence.
 */
function compare(comparison: Comparison, facts: RoutingFacts): boolean {
  const left = readFact(facts, comparison.fact);
  const [operator, argument] = Object.entries(comparison).find(([key]) => key !== 'fact') as [ComparisonOperator, unknown];
  if (operator === 'exists') return (left !== undefined) === argument;
  if (left === undefined) return false;
  if (operator === 'in') return (argument as Literal[]).includes(left);
  const right = valueOf(argument as Operand, facts);
  if (right === undefined) return false;
  switch (operator) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'lt':
      return typeof left === 'number' && typeof right === 'number' && left < right;
    case 'lte':
      return typeof left === 'number' && typeof right === 'number' && left <= right;
    case 'gt':
      return typeof left === 'number' && typeof right === 'number' && left > right;
    case 'gte':
      return typeof left === 'number' && typeof right === 'number' && left >= right;
  }
}

/** `all: []` is true and `any` needs at least one member (the schema says so). */
export function evaluateCondition(condition: Condition, facts: RoutingFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, facts));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  return compare(condition, facts);
}
