import { el, byId } from './ui/dom';
import { initLanguage, language, setLanguage, whenLanguageChanges } from './ui/i18n';
import { useToken } from './console/api';
import { renderCase } from './console/case-view';
import { fundLinks, renderFund, renderFunds } from './console/fund-views';
import { cognitoSignOut, finishCognitoSignIn, startCognitoSignIn } from './console/pkce';
import { renderOutbox } from './console/outbox-view';
import { renderQueue } from './console/queue-view';
import { renderCollective, renderJobs, renderMerchantRegistry, renderSafetyReports } from './console/role-views';
import { currentRoute, go, hrefOf } from './console/router';
import { forgetSession, keepSession, scopeOf, sessionFromToken, storedSession, type ConsoleRole, type Session } from './console/session';
import { renderSignIn, type ConsoleConfig } from './console/sign-in-view';
import { ct, type ConsoleTextKey } from './console/texts';

/**
 * `/console/`: the staff console, one app for every role. It reads
 * `/config.json` (Cognito in AWS, the local sign-in on `npm start`), signs
 * in, then shows the views the role has, chosen by the hash route.
 */
const navByRole: Record<ConsoleRole, { view: string; label: ConsoleTextKey }[]> = {
  mediator: [
    { view: 'queue', label: 'nav_queue' },
    { view: 'collective', label: 'nav_collective' },
    { view: 'payouts', label: 'nav_payouts' },
    { view: 'funds', label: 'nav_funds' },
  ],
  merchant: [{ view: 'queue', label: 'nav_queue' }],
  regulator: [
    { view: 'queue', label: 'nav_queue' },
    { view: 'safety', label: 'nav_safety' },
    { view: 'disclosures', label: 'nav_disclosures' },
  ],
  admin: [
    { view: 'queue', label: 'nav_queue' },
    { view: 'payouts', label: 'nav_payouts' },
    { view: 'funds', label: 'nav_funds' },
    { view: 'merchants', label: 'nav_merchants' },
    { view: 'jobs', label: 'nav_jobs' },
    { view: 'outbox', label: 'nav_outbox' },
  ],
};

/** The outbox exists only on the local stack (SPEC section 10); deployed, messages really go out. */
const viewsOf = (role: ConsoleRole) => navByRole[role].filter((item) => item.view !== 'outbox' || config.auth === 'local');

let config: ConsoleConfig = { auth: 'local', signInUrl: '/local/token' };
let session: Session | undefined;
let expired = false;
const main = () => byId('main');

async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    const body = (await response.json()) as Partial<ConsoleConfig> & { userPoolClientId?: string; signInUrl?: string };
    if (body.auth === 'cognito' || (body.userPoolClientId && body.signInUrl)) return { auth: 'cognito', signInUrl: body.signInUrl!, userPoolClientId: body.userPoolClientId! };
  } catch {
    // No config: the local stack's defaults.
  }
  return config;
}

function signIn(next: Session): void {
  session = next;
  expired = false;
  keepSession(next);
  useToken(next.token, tokenExpired);
  const route = currentRoute();
  go(route.view && route.view !== 'sign-in' ? location.hash : hrefOf('queue'));
}

function tokenExpired(): void {
  if (expired) return;
  expired = true;
  session = undefined;
  forgetSession();
  useToken(undefined, tokenExpired);
  render();
}

function signOut(): void {
  session = undefined;
  forgetSession();
  useToken(undefined, tokenExpired);
  if (config.auth === 'cognito') return cognitoSignOut(config);
  go(hrefOf('sign-in'));
}

function renderHeader(): void {
  const nav = byId('console-nav');
  const who = byId('console-who');
  const out = byId<HTMLButtonElement>('sign-out');
  out.hidden = !session;
  out.textContent = ct('signOut');
  nav.setAttribute('aria-label', ct('mainNav'));
  if (!session) {
    nav.replaceChildren();
    who.textContent = '';
    return;
  }
  const current = currentRoute().view;
  nav.replaceChildren(
    ...viewsOf(session.role).map((item) => el('a', { href: hrefOf(item.view), 'aria-current': item.view === current ? 'page' : undefined, 'data-view': item.view }, ct(item.label))),
  );
  who.textContent = ct('signedInAs', { who: `${ct(`role_${session.role}`)} ${scopeOf(session)}` });
}

function render(): void {
  renderHeader();
  document.title = `${ct('consoleTitle')} · 维权通`;
  const mount = main();
  if (!session) {
    renderSignIn(mount, config, signIn, () => void startCognitoSignIn(config as Extract<ConsoleConfig, { auth: 'cognito' }>), expired ? 'expiredTitle' : 'signInTitle');
    mount.querySelector<HTMLElement>('h1')?.focus();
    return;
  }
  const route = currentRoute();
  const roleViews = viewsOf(session.role);
  // A case is open to every role (the API decides); one fund's page to whoever has the funds list.
  const allowed = roleViews.some((item) => item.view === route.view) || route.view === 'case' || (route.view === 'fund' && roleViews.some((item) => item.view === 'funds'));
  if (!allowed) return go(hrefOf('queue'));
  const done = (() => {
    switch (route.view) {
      case 'case':
        return renderCase(mount, route.id ?? '');
      case 'collective':
        return renderCollective(mount);
      case 'safety':
        return renderSafetyReports(mount, route.params.get('cursor'));
      case 'disclosures':
        return renderQueue(mount, session, { view: 'disclosures', params: route.params, title: ct('disclosuresTitle'), fixed: { disclosure: 'candidate' } });
      case 'payouts':
        return fundLinks().then((links) => renderQueue(mount, session!, { view: 'payouts', params: route.params, title: ct('payoutsTitle'), fixed: { step: 'advance_payout' }, note: links }));
      case 'funds':
        return renderFunds(mount, session);
      case 'fund':
        return renderFund(mount, session, route.id ?? '', route.params);
      case 'merchants':
        return renderMerchantRegistry(mount);
      case 'jobs':
        return renderJobs(mount);
      case 'outbox':
        return renderOutbox(mount);
      default:
        return renderQueue(mount, session, { view: 'queue', params: route.params, title: ct('queueTitle') });
    }
  })();
  void Promise.resolve(done).then(() => {
    if (route.view !== 'case' && route.view !== 'fund') mount.querySelector<HTMLElement>('#view-title')?.focus();
    document.body.dataset.view = route.view || 'queue';
  });
}

async function start(): Promise<void> {
  initLanguage();
  const languageSwitch = byId<HTMLButtonElement>('language-switch');
  languageSwitch.addEventListener('click', () => setLanguage(language() === 'zh-CN' ? 'en' : 'zh-CN'));
  byId('sign-out').addEventListener('click', signOut);
  config = await loadConfig();
  if (config.auth === 'cognito') {
    const returned = await finishCognitoSignIn(config);
    if (returned) {
      const fromCognito = sessionFromToken(returned.idToken);
      if (fromCognito) keepSession(fromCognito);
      if (returned.hash) history.replaceState(null, '', returned.hash);
    }
  }
  session = storedSession();
  useToken(session?.token, tokenExpired);
  window.addEventListener('hashchange', render);
  whenLanguageChanges(() => {
    byId('skip-link').textContent = ct('skipToContent');
    languageSwitch.textContent = language() === 'zh-CN' ? 'English' : '中文';
    languageSwitch.setAttribute('lang', language() === 'zh-CN' ? 'en' : 'zh-CN');
    render();
  });
  document.body.classList.add('ready');
}

void start();
