// Group mailboxes: members, and who may send to the group.
import { get, post, put, del, enc, query } from '../api.js';
import { t } from '../i18n.js';
import { h, replace, pageTitle, table, section, run, confirmed, flash, splitList } from '../ui.js';
import { createForm } from '../forms.js';
import { domainFilter, addressFields, joinAddress } from './shared.js';
import { addresses, renameAddress } from './aliases.js';

const POLICIES = ['ANYONE', 'MEMBERS', 'SAME_DOMAIN'];

export async function render(root, ctx) {
  const domains = await get('/domains');
  const domain = ctx.params.domain || '';
  const groups = await get('/groups' + query({ domain }));
  const editing = groups.find(g => g.address === ctx.params.edit);
  const policyOptions = POLICIES.map(p => ({ value: p, label: t(`groups.policy.${p}`) }));

  const create = createForm({
    id: 'group-create',
    submitKey: 'groups.create',
    fields: [...addressFields(domains, domain),
      { name: 'displayName', label: 'field.displayName' },
      { name: 'members', label: 'groups.members', type: 'textarea', hint: 'hint.addressList', validate: addresses },
      { name: 'sendPolicy', label: 'groups.sendPolicy', type: 'select', value: 'ANYONE', options: policyOptions }],
    onSubmit: async (v, f) => {
      const address = joinAddress(v);
      await post('/groups', { address, displayName: v.displayName || null, members: splitList(v.members), sendPolicy: v.sendPolicy })
        .catch(renameAddress);
      flash('ok', t('groups.created', { address }));
      f.reset();
      ctx.refresh();
    },
  });
  replace(root,
    pageTitle('groups.title'),
    section('groups.list',
      h('div.toolbar', domainFilter(domains, domain, d => ctx.navigate('groups', { domain: d }))),
      table([
        { key: 'field.address', cell: g => h('a', { href: `#/groups?${new URLSearchParams({ domain, edit: g.address })}` }, g.address) },
        { key: 'field.displayName', cell: g => g.displayName },
        { key: 'groups.members', cell: g => t('groups.memberCount', { count: g.members.length }) },
        { key: 'groups.sendPolicy', cell: g => t(`groups.policy.${g.sendPolicy}`) },
        { key: '', cell: g => h('button.danger', { type: 'button', onclick: () => {
          if (confirmed(t('groups.confirmDelete', { address: g.address }))) {
            run(async () => { await del(`/groups/${enc(g.address)}`); ctx.refresh(); }, t('common.deleted'));
          }
        } }, t('common.delete')) },
      ], groups, { id: 'groups-table', emptyKey: 'groups.none' })),
    editing ? section('groups.edit', createForm({
      id: 'group-edit',
      submitKey: 'common.save',
      fields: [
        { name: 'displayName', label: 'field.displayName', value: editing.displayName },
        { name: 'members', label: 'groups.members', type: 'textarea', rows: 6, value: editing.members.join('\n'),
          hint: 'hint.addressList', validate: addresses },
        { name: 'sendPolicy', label: 'groups.sendPolicy', type: 'select', value: editing.sendPolicy, options: policyOptions }],
      onSubmit: async v => {
        await put(`/groups/${enc(editing.address)}`, { displayName: v.displayName, members: splitList(v.members), sendPolicy: v.sendPolicy });
        flash('ok', t('common.saved'));
        ctx.refresh();
      },
    }).element) : null,
    section('groups.new', create.element));
}
