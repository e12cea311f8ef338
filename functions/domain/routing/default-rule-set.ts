import seed from '../../../seeds/routing-rules.json';
import { parseRuleSet, type RoutingRuleSet } from './rule-schema';

/** SPEC section 3's default rule set, validated when this module loads so a bad seed fails at start-up. */
export const defaultRuleSet: RoutingRuleSet = parseRuleSet(seed);
