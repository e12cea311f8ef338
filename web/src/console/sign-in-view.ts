import { associations, demoMerchants, regions } from '../../../functions/reference';
import { el } from '../ui/dom';
import { pick } from '../ui/i18n';
import { staffCall } from './api';
import { ct, type ConsoleTextKey } from './texts';
import { sessionFromToken, type Session } from './session';
import type { CognitoConfig } from './pkce';

/**
 * The sign-in page. In AWS one button to Cognito's managed login; on the
 * local stack a "sign in as" form backed by `POST /local/token` (which only
 * the local server has) and a field for a token from `npm run token`.
 */
export type ConsoleConfig = CognitoConfig | { auth: 'local'; signInUrl: string };

const scopeField: Record<string, { name: string; label: ConsoleTextKey; example: string; choices: () => [string, string][] } | undefined> = {
  mediator: { name: 'org', label: 'org', example: '410100', choices: () => associations.map((a) => [a.id, pick(a.name)]) },
  merchant: { name: 'merchant', label: 'merchant', example: '', choices: () => demoMerchants.map((m) => [m.creditCode, m.name]) },
  regulator: { name: 'region', label: 'region', example: '410100', choices: () => regions.filter((r) => r.level !== 'county').map((r) => [r.code, pick(r.name)]) },
  admin: undefined,
};

function field(id: string, label: string, input: HTMLElement, error?: HTMLElement): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: id }, label), input, error);
}

export function renderSignIn(mount: HTMLElement, config: ConsoleConfig, signedIn: (session: Session) => void, startCognito: () => void, heading: ConsoleTextKey = 'signInTitle'): void {
  const card = el('section', { class: 'card', 'aria-labelledby': 'sign-in-title' }, el('h1', { id: 'sign-in-title', tabindex: '-1' }, ct(heading)));
  if (heading === 'expiredTitle') card.append(el('p', { class: 'notice notice-important', role: 'alert' }, ct('expiredText')));
  mount.replaceChildren(card);

  if (config.auth === 'cognito') {
    const button = el('button', { type: 'button', class: 'button button-primary', id: 'sign-in-cognito' }, ct('signInCognito'));
    button.addEventListener('click', startCognito);
    card.append(el('div', { class: 'form-actions' }, button));
    return;
  }

  const role = el('select', { id: 'sign-in-role', name: 'role' }, ...(['mediator', 'merchant', 'regulator', 'admin'] as const).map((r) => el('option', { value: r }, ct(`role_${r}`))));
  // Suggestions from the seeds (associations, demo merchants, prefectures), so nobody has to know the codes by heart.
  const suggestions = el('datalist', { id: 'sign-in-scope-choices' });
  const scope = el('input', { id: 'sign-in-scope', name: 'scope', autocomplete: 'off', spellcheck: 'false', translate: 'no', list: 'sign-in-scope-choices' });
  const scopeLabel = el('label', { for: 'sign-in-scope' });
  const scopeError = el('p', { class: 'field-error', id: 'sign-in-scope-error', hidden: true });
  const scopeBox = el('div', { class: 'field' }, scopeLabel, scopeError, scope, suggestions);
  const showScope = () => {
    const spec = scopeField[role.value];
    scopeBox.hidden = !spec;
    if (spec) {
      scopeLabel.textContent = ct(spec.label);
      scope.placeholder = spec.example;
      suggestions.replaceChildren(...spec.choices().map(([value, label]) => el('option', { value }, label)));
    }
  };
  role.addEventListener('change', showScope);
  showScope();
  const form = el(
    'form',
    { id: 'sign-in-local', novalidate: true },
    el('p', {}, ct('signInLocalIntro')),
    field('sign-in-role', ct('role'), role),
    scopeBox,
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button button-primary', id: 'sign-in-submit' }, ct('signInAs'))),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const spec = scopeField[role.value];
    const body = { role: role.value, ...(spec ? { [spec.name]: scope.value.trim() } : {}) };
    const answer = await staffCall<{ token: string }>('POST', config.signInUrl, body);
    const session = answer.kind === 'ok' ? sessionFromToken(answer.value.token) : undefined;
    if (session) return signedIn(session);
    scopeError.hidden = false;
    scopeError.textContent = answer.kind === 'error' ? (answer.body?.issues?.map((issue) => issue.message).join(' ') ?? answer.body?.message ?? '') : ct('networkError');
    scope.setAttribute('aria-invalid', 'true');
    scope.setAttribute('aria-describedby', scopeError.id);
    scope.focus();
  });

  const token = el('textarea', { id: 'sign-in-token', rows: '3', spellcheck: 'false', translate: 'no' });
  const tokenError = el('p', { class: 'field-error', id: 'sign-in-token-error', hidden: true }, ct('tokenInvalid'));
  const pasted = el(
    'form',
    { id: 'sign-in-paste', novalidate: true },
    field('sign-in-token', ct('pasteToken'), token, tokenError),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button button-secondary', id: 'sign-in-token-submit' }, ct('useToken'))),
  );
  pasted.addEventListener('submit', (event) => {
    event.preventDefault();
    const session = sessionFromToken(token.value);
    if (session) return signedIn(session);
    tokenError.hidden = false;
    token.setAttribute('aria-invalid', 'true');
    token.setAttribute('aria-describedby', tokenError.id);
    token.focus();
  });
  card.append(form, el('hr', {}), pasted);
}
