/**
 * EventBridge's event-pattern matching, for the patterns this project writes (functions/events.ts): a
 * pattern is an object whose leaves are arrays of allowed values, matched field by field; nested objects
 * match nested fields. The local pipe filters the table's stream and the local bus routes its rules with
 * the very patterns CDK gives the pipe and the rules. Content filters (prefix, numeric, exists…) are not
 * used here, and a pattern that has one is refused rather than matched wrongly.
 */
export type EventPattern = {
  readonly [field: string]: EventPattern | readonly (string | number | boolean | null)[];
};

export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const record = event as Record<string, unknown>;
  return Object.entries(pattern).every(([field, rule]) => {
    const value = record[field];
    if (Array.isArray(rule)) {
      if (rule.some((r) => typeof r === 'object' && r !== null))
        throw new Error(`Content filters are not supported locally (field ${field}).`);
      // An array in the event matches when one of its elements is allowed, as in EventBridge.
      const values = Array.isArray(value) ? value : [value];
      return values.some((v) => (rule as readonly unknown[]).includes(v));
    }
    return matchesPattern(rule as EventPattern, value);
  });
}
