import { guards } from './guards';
import { transitionTable, type Position, type Target, type TransitionRow } from './transition-table';
import { caseActions, type ActorRole, type CaseAction, type CasePosition, type CaseSnapshot, type Decision, type NextPosition } from './types';

export function positionOf(position: CasePosition): Position {
  return position.status === 'accepted' ? `accepted:${position.step}` : position.status;
}

const keyOf = (position: Position, action: CaseAction, role: ActorRole) => `${position}|${action}|${role}`;

/** One row per (position, action, role); a second one would make the table ambiguous. */
function indexRows(rows: readonly TransitionRow[]): Map<string, TransitionRow> {
  const index = new Map<string, TransitionRow>();
  for (const row of rows)
    for (const position of row.from)
      for (const role of row.roles) {
        const key = keyOf(position, row.action, role);
        if (index.has(key)) throw new Error(`The lifecycle table has two rows for ${key}.`);
        index.set(key, row);
      }
  return index;
}

const rowIndex = indexRows(transitionTable);

function rowFor(snapshot: CaseSnapshot, action: CaseAction, role: ActorRole): TransitionRow | undefined {
  return rowIndex.get(keyOf(positionOf(snapshot), action, role));
}

function passes(row: TransitionRow, snapshot: CaseSnapshot): boolean {
  return row.guard === undefined || guards[row.guard](snapshot);
}

function nextPosition(snapshot: CaseSnapshot, to: Target): NextPosition {
  if (to === 'same') return snapshot.status === 'accepted' ? { status: 'accepted', step: snapshot.step } : { status: snapshot.status, step: snapshot.step };
  if (to === 'routed') return { status: 'accepted', step: snapshot.routedStep ?? 'mediation' };
  if (to.status === 'accepted') return { status: 'accepted', step: to.step };
  return { status: to.status, step: snapshot.step };
}

/** The actions `role` may take on this case now, in the canonical order of `caseActions`. */
export function allowedActions(snapshot: CaseSnapshot, role: ActorRole): CaseAction[] {
  return caseActions.filter((action) => {
    const row = rowFor(snapshot, action, role);
    return row !== undefined && passes(row, snapshot);
  });
}

/** Looks `action` by `role` up in the lifecycle table; a refusal lists what the role may do instead. */
export function decide(snapshot: CaseSnapshot, action: CaseAction, role: ActorRole): Decision {
  const row = rowFor(snapshot, action, role);
  if (row === undefined || !passes(row, snapshot)) {
    return { ok: false, allowedActions: allowedActions(snapshot, role), ...(row?.guard ? { failedGuard: row.guard } : {}) };
  }
  const next = nextPosition(snapshot, row.to);
  return { ok: true, next, statusChanged: next.status !== snapshot.status || next.step !== snapshot.step };
}

/** For HTTP bodies: narrows a string to a known action. */
export function isCaseAction(value: unknown): value is CaseAction {
  return typeof value === 'string' && (caseActions as readonly string[]).includes(value);
}
