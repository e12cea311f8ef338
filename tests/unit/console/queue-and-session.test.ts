import { byUrgency, isOverdue, workingDaysLeft } from '../../../web/src/console/deadline-label';
import { sessionFromToken } from '../../../web/src/console/session';

/** The console's own rules: the order a worklist page is shown in, and what a token's claims say. */
const row = (caseId: string, deadline: { kind: string; date: string } | null) => ({ caseId, deadline });

describe('the order of a queue page', () => {
  const today = '2026-11-27';

  it('puts overdue staff deadlines first, then the nearest deadline, cases without one last', () => {
    const page = [
      row('later', { kind: 'mediation', date: '2027-01-10' }),
      row('none', null),
      row('late', { kind: 'acceptance', date: '2026-11-20' }),
      row('soon', { kind: 'odr', date: '2026-12-01' }),
      row('later-late', { kind: 'mediation', date: '2026-11-26' }),
    ];
    expect(byUrgency(page, today).map((r) => r.caseId)).toEqual(['late', 'later-late', 'soon', 'later', 'none']);
  });

  it("does not call the consumer's rating window overdue", () => {
    expect(isOverdue({ kind: 'rating', date: '2026-11-01' }, today)).toBe(false);
    expect(isOverdue({ kind: 'mediation', date: '2026-11-26' }, today)).toBe(true);
    expect(isOverdue({ kind: 'mediation', date: today }, today)).toBe(false);
  });

  it('counts working days left, skipping the weekend', () => {
    // 2026-11-27 is a Friday: Monday 30 November is one working day away.
    expect(workingDaysLeft({ kind: 'odr', date: '2026-11-30' }, today)).toMatch(/\b1\b/);
    expect(workingDaysLeft({ kind: 'odr', date: '2026-11-25' }, today)).toMatch(/\b2\b/);
  });
});

describe('a session from a token', () => {
  const token = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
  const now = 1_800_000_000;

  it('reads the role and scope as Cognito and the local stack put them', () => {
    expect(sessionFromToken(token({ exp: now + 60, 'cognito:groups': ['mediator'], 'custom:org': '410100' }), now)).toMatchObject({ role: 'mediator', org: '410100' });
    expect(sessionFromToken(token({ exp: now + 60, 'cognito:groups': ['admin', 'regulator'], 'custom:region': '410000' }), now)).toMatchObject({ role: 'regulator', region: '410000' });
  });

  it('refuses expired tokens, tokens without a staff role and text that is no token', () => {
    expect(sessionFromToken(token({ exp: now - 1, 'cognito:groups': ['admin'] }), now)).toBeUndefined();
    expect(sessionFromToken(token({ exp: now + 60, 'cognito:groups': ['consumer'] }), now)).toBeUndefined();
    expect(sessionFromToken('not a token', now)).toBeUndefined();
  });
});
