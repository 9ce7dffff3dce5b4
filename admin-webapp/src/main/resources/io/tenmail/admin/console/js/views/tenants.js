// Tenants (platform administrator): create, change limits, suspend, delete, and appoint the
// accounts that administer a tenant's domains.
import { get, post, put, del, enc } from '../api.js';
import { t, formatBytes, formatTime } from '../i18n.js';
import { h, replace, pageTitle, table, badge, section, run, confirmed, ADDRESS } from '../ui.js';
import { createForm, gbToBytes, bytesToGb, valid } from '../forms.js';
import { passwordPolicyPanel } from './shared.js';

export async function render(root, ctx) {
  const tenants = await get('/tenants');
  const selected = tenants.find(x => String(x.id) === ctx.params.id);
  const create = createForm({
    id: 'tenant-create',
    submitKey: 'tenants.create',
    inline: true,
    fields: [
      { name: 'name', label: 'field.name', required: true },
      { name: 'maxAccounts', label: 'field.maxAccounts', type: 'number', min: 0, value: 0, hint: 'hint.zeroUnlimited',
        validate: valid.wholeNumber },
      { name: 'maxStorageGb', label: 'field.maxStorageGb', type: 'number', min: 0, step: 'any', value: 0,
        hint: 'hint.zeroUnlimited', validate: valid.nonNegative },
    ],
    onSubmit: async v => {
      const created = await post('/tenants', { name: v.name, maxAccounts: v.maxAccounts || 0,
        maxStorageBytes: gbToBytes(v.maxStorageGb) });
      ctx.navigate('tenants', { id: created.id });
    },
  });
  replace(root,
    pageTitle('tenants.title'),
    section('tenants.list', table([
      { key: 'field.id', cell: x => String(x.id) },
      { key: 'field.name', cell: x => h('a', { href: `#/tenants?id=${x.id}` }, x.name) },
      { key: 'field.status', cell: x => badge(!x.suspended, 'status.active', 'status.suspended') },
      { key: 'field.maxAccounts', cell: x => (x.maxAccounts ? String(x.maxAccounts) : t('common.unlimited')) },
      { key: 'field.maxStorage', cell: x => formatBytes(x.maxStorageBytes, 'common.unlimited') },
      { key: 'field.created', cell: x => formatTime(x.created) },
    ], tenants, { id: 'tenants-table' })),
    selected ? await detail(selected, ctx) : null,
    selected ? await passwordPolicyPanel(selected.id, ctx) : null,
    section('tenants.new', create.element));
}

async function detail(tenant, ctx) {
  const admins = await get(`/tenants/${tenant.id}/domain-admins`);
  const edit = createForm({
    id: 'tenant-edit',
    submitKey: 'common.save',
    fields: [
      { name: 'name', label: 'field.name', required: true, value: tenant.name },
      { name: 'maxAccounts', label: 'field.maxAccounts', type: 'number', min: 0, value: tenant.maxAccounts,
        hint: 'hint.zeroUnlimited', validate: valid.wholeNumber },
      { name: 'maxStorageGb', label: 'field.maxStorageGb', type: 'number', min: 0, step: 'any',
        value: bytesToGb(tenant.maxStorageBytes), hint: 'hint.zeroUnlimited', validate: valid.nonNegative },
      { name: 'suspended', label: 'field.suspended', type: 'checkbox', value: tenant.suspended },
    ],
    onSubmit: async v => {
      await put(`/tenants/${tenant.id}`, { name: v.name, maxAccounts: v.maxAccounts || 0,
        maxStorageBytes: gbToBytes(v.maxStorageGb), suspended: v.suspended });
      ctx.refresh();
    },
  });
  const appoint = createForm({
    id: 'appoint-form',
    submitKey: 'tenants.appoint',
    inline: true,
    fields: [{ name: 'address', label: 'field.address', type: 'email', required: true, hint: 'tenants.appointHint',
      validate: v => (ADDRESS.test(v) ? null : 'validation.address') }],
    onSubmit: async v => {
      await put(`/tenants/${tenant.id}/domain-admins/${enc(v.address)}`);
      ctx.refresh();
    },
  });
  const remove = () => {
    if (!confirmed(t('tenants.confirmDelete', { name: tenant.name }))) return;
    run(async () => { await del(`/tenants/${tenant.id}`); ctx.navigate('tenants'); }, t('common.deleted'));
  };
  return h('section.card#tenant-detail',
    h('h2', t('tenants.detail', { name: tenant.name })),
    edit.element,
    h('h3', t('tenants.admins')),
    table([
      { key: 'field.address', cell: a => a.address },
      { key: 'field.displayName', cell: a => a.displayName },
      { key: '', cell: a => h('button.danger', { type: 'button', onclick: () => {
        if (confirmed(t('tenants.confirmDismiss', { address: a.address }))) {
          run(async () => { await del(`/tenants/${tenant.id}/domain-admins/${enc(a.address)}`); ctx.refresh(); });
        }
      } }, t('tenants.dismiss')) },
    ], admins, { id: 'admins-table', emptyKey: 'tenants.noAdmins' }),
    appoint.element,
    h('h3', t('common.dangerZone')),
    h('button.danger', { type: 'button', onclick: remove }, t('tenants.delete')));
}
