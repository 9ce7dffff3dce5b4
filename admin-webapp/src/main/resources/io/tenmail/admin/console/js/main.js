// Start-up: pick the language, find out who is logged in, draw the menu for that role and route.
import { get, del, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { t, setLocale, preferredLocale, currentLocale } from './i18n.js';
import { h, replace, flash, clearFlash, errorText } from './ui.js';
import { route, current, navigate, lookup } from './router.js';

const P = 'PLATFORM_ADMIN', D = 'DOMAIN_ADMIN', U = 'USER';
// the menu, in order; each view says which roles see it
route('dashboard', () => import('./views/dashboard.js'), [P, D]);
route('tenants', () => import('./views/tenants.js'), [P]);
route('domains', () => import('./views/domains.js'), [P, D]);
route('accounts', () => import('./views/accounts.js'), [P, D]);
route('aliases', () => import('./views/aliases.js'), [P, D]);
route('groups', () => import('./views/groups.js'), [P, D]);
route('queue', () => import('./views/queue.js'), [P]);
route('audit', () => import('./views/audit.js'), [P, D]);
route('spam', () => import('./views/spam.js'), [P, D, U]);
route('self', () => import('./views/self.js'), [D, U]);
route('setup', () => import('./views/setup.js'), [P, D, U]);
const MENU = ['dashboard', 'tenants', 'domains', 'accounts', 'aliases', 'groups', 'queue', 'audit', 'spam', 'self', 'setup'];

const ctx = { session: null, navigate, refresh: () => show() };

async function start() {
  await setLocale(preferredLocale(), false);
  const picker = document.getElementById('locale');
  picker.value = currentLocale();
  picker.addEventListener('change', async () => {
    await setLocale(picker.value, true);
    await show();
  });
  document.getElementById('logout').addEventListener('click', logout);
  setUnauthorizedHandler(() => {
    if (!ctx.session) return;
    ctx.session = null;
    setCsrfToken(null);
    flash('error', t('login.expired'));
    navigate('login', {}, true);
  });
  window.addEventListener('hashchange', show);
  try {
    await loadSession();
  } catch {
    ctx.session = null;   // not logged in (401): the login page
  }
  await show();
}

async function loadSession() {
  const session = await get('/session');
  ctx.session = session;
  setCsrfToken(session.csrfToken);
}

/** After a successful login: remember the session and go to the role's home page. */
ctx.loggedIn = async session => {
  ctx.session = session;
  setCsrfToken(session.csrfToken);
  clearFlash();
  navigate(home(), {}, true);
};

function home() {
  if (!ctx.session) return 'login';
  return ctx.session.role === U ? 'self' : 'dashboard';
}

async function logout() {
  try {
    await del('/session');
  } catch (e) {
    flash('error', errorText(e));
  }
  ctx.session = null;
  setCsrfToken(null);
  navigate('login', {}, true);
}

function drawChrome(active) {
  const nav = document.getElementById('nav');
  const role = ctx.session && ctx.session.role;
  replace(nav, role ? MENU.filter(name => lookup(name).roles.includes(role)).map(name =>
    h('a' + (name === active ? '.active' : ''), { href: `#/${name}`, dataset: { view: name } }, t(`nav.${name}`))) : []);
  replace(document.getElementById('who'), !ctx.session ? []
    : ctx.session.address ? [ctx.session.address, ' · ', t(`role.${ctx.session.role}`)] : [t('role.platform')]);
  const logoutButton = document.getElementById('logout');
  logoutButton.textContent = t('nav.logout');
  logoutButton.hidden = !ctx.session;
  document.querySelector('.brand').textContent = t('app.name');
}

let drawing = 0;

async function show() {
  const mine = ++drawing;
  const { name, params } = current();
  const root = document.getElementById('view');
  if (!ctx.session && name !== 'login') return navigate('login', {}, true);
  if (ctx.session && (name === 'login' || name === '')) return navigate(home(), {}, true);
  const entry = name === 'login' ? { load: () => import('./views/login.js'), roles: null } : lookup(name);
  drawChrome(name);
  if (!entry || (entry.roles && !entry.roles.includes(ctx.session.role))) {
    replace(root, h('h1', t('error.noSuchPage')), h('p', h('a', { href: '#/' }, t('common.home'))));
    return;
  }
  try {
    const view = await entry.load();
    if (mine !== drawing) return;
    const page = h('div.page', { dataset: { page: name } });
    replace(root, page);
    await view.render(page, { ...ctx, params });
    if (mine === drawing) page.dataset.ready = 'true';   // tells scripts and tests the page is drawn
  } catch (e) {
    if (mine !== drawing) return;
    replace(root, h('div.page', h('h1', t('error.pageFailed')), h('p.form-error', { role: 'alert' }, errorText(e))));
  }
}

start().catch(e => {
  replace(document.getElementById('view'), h('p.form-error', { role: 'alert' }, String(e.message || e)));
});
