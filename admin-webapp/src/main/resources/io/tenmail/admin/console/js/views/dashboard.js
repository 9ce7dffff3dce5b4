// Dashboard: per tenant its domains, accounts, storage against its limits and today's messages in
// and out; the queue for the platform administrator (GET /dashboard).
import { get } from '../api.js';
import { t, formatBytes } from '../i18n.js';
import { h, replace, pageTitle, table, meter, badge, section } from '../ui.js';

export async function render(root, ctx) {
  const data = await get('/dashboard');
  const tenants = data.tenants;
  const sum = key => tenants.reduce((n, x) => n + (x[key] || 0), 0);
  const tiles = [
    tile('dashboard.tenants', tenants.length, ctx.session.role === 'PLATFORM_ADMIN' ? '#/tenants' : null),
    tile('dashboard.domains', sum('domains'), '#/domains'),
    tile('dashboard.accounts', sum('accounts'), '#/accounts'),
    tile('dashboard.storage', formatBytes(sum('storageUsedBytes'))),
  ];
  if (data.today) {
    tiles.push(tile('dashboard.inToday', data.today.in));
    tiles.push(tile('dashboard.outToday', data.today.out));
  }
  if (data.queue) {
    tiles.push(tile('dashboard.queue', data.queue.size, '#/queue'));
    tiles.push(tile('dashboard.errors', data.queue.errors, '#/queue?processor=error'));
  }
  replace(root,
    pageTitle('dashboard.title'),
    h('div.tiles', tiles),
    section('dashboard.perTenant', table([
      { key: 'field.tenant', cell: x => x.name },
      { key: 'field.status', cell: x => badge(!x.suspended, 'status.active', 'status.suspended') },
      { key: 'dashboard.domains', cell: x => x.domains },
      { key: 'dashboard.accounts', cell: x => limit(x.accounts, x.maxAccounts, String) },
      { key: 'dashboard.storage', cell: x => [meter(x.storageUsedBytes, x.maxStorageBytes), ' ',
        limit(x.storageUsedBytes, x.maxStorageBytes, v => formatBytes(v))] },
      { key: 'dashboard.inToday', cell: x => String(x.today ? x.today.in : 0) },
      { key: 'dashboard.outToday', cell: x => String(x.today ? x.today.out : 0) },
    ], tenants, { id: 'dashboard-tenants' })));
}

function tile(key, value, href) {
  const body = [h('div.tile-value', String(value)), h('div.tile-label', t(key))];
  return href ? h('a.tile', { href, dataset: { tile: key } }, body) : h('div.tile', { dataset: { tile: key } }, body);
}

function limit(used, max, format) {
  return max > 0 ? t('common.ofLimit', { used: format(used), limit: format(max) }) : t('common.noLimit', { used: format(used) });
}
