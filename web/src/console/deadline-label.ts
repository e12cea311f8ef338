import { workingDaysBetween } from '../../../functions/domain/calendar/working-days';
import { calendar } from '../../../functions/reference';
import { chinaToday } from '../shared/china-time';
import { deadlineKindLabel } from '../ui/code-labels';
import { ct } from './texts';

/** A deadline as the queue and the case page show it: what is due, the date, and working days left (or over). */
export interface DeadlineLike {
  kind: string;
  date: string;
}

export function isOverdue(deadline: DeadlineLike | null | undefined, today = chinaToday()): boolean {
  return !!deadline && ['acceptance', 'odr', 'mediation'].includes(deadline.kind) && deadline.date < today;
}

export function workingDaysLeft(deadline: DeadlineLike, today = chinaToday()): string {
  if (deadline.date === today) return ct('dueToday');
  if (deadline.date > today) return ct('daysLeft', { days: workingDaysBetween(today, deadline.date, calendar) });
  return ct('overdueBy', { days: Math.max(1, workingDaysBetween(deadline.date, today, calendar)) });
}

export function deadlineText(deadline: DeadlineLike | null | undefined): string {
  if (!deadline) return '—';
  return `${deadlineKindLabel(deadline.kind)} · ${deadline.date} · ${workingDaysLeft(deadline)}`;
}

/** Overdue first, then the nearest deadline, cases without one last: the order a mediator works in. */
export function byUrgency<T extends { deadline: DeadlineLike | null }>(items: readonly T[], today = chinaToday()): T[] {
  const rank = (item: T) => (isOverdue(item.deadline, today) ? 0 : item.deadline ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || (a.deadline?.date ?? '').localeCompare(b.deadline?.date ?? ''));
}
