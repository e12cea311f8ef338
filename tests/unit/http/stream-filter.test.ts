import { recordPassesFilter } from '../../../functions/routes';

describe('stream record filters', () => {
  const filter = { eventNames: ['INSERT'] as const, entity: 'case' };
  const record = (eventName: string, entity?: string) => ({ eventName, dynamodb: { NewImage: entity ? { entity: { S: entity } } : undefined } });

  it('let through exactly the named events of the named entity', () => {
    expect(recordPassesFilter(filter, record('INSERT', 'case'))).toBe(true);
    expect(recordPassesFilter(filter, record('MODIFY', 'case'))).toBe(false);
    expect(recordPassesFilter(filter, record('INSERT', 'event'))).toBe(false);
    expect(recordPassesFilter(filter, record('REMOVE'))).toBe(false);
  });

  it('let everything through when a consumer has none', () => {
    expect(recordPassesFilter(undefined, record('REMOVE'))).toBe(true);
  });
});
