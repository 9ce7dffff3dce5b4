// Aliases: an address that forwards to one or more targets.
import { get, post, put, del, enc, query } from '../api.js';
import { t } from '../i18n.js';
import { h, replace, pageTitle, table, section, run, confirmed, flash, splitList, ADDRESS } from '../ui.js';
import { createForm } from '../forms.js';
import { domainFilter, addressFields, joinAddress } from './shared.js';

export async function render(root, ctx) {
  const domains = await get('/domains');
  const domain = ctx.params.domain || '';
  const aliases = await get('/aliases' + query({ domain }));
  const editing = aliases.find(a => a.address === ctx.params.edit);

  const create = createForm({
    id: 'alias-create',
    submitKey: 'aliases.create',
    fields: [...addressFields(domains, domain),
      { name: 'targets', label: 'aliases.targets', type: 'textarea', required: true, hint: 'hint.addressList', validate: addresses }],
    onSubmit: async (v, f) => {
      const address = joinAddress(v);
      await post('/aliases', { address, targets: splitList(v.targets) }).catch(renameAddress);
      flash('ok', t('aliases.created', { address }));
      f.reset();
      ctx.refresh();
    },
  });
  replace(root,
    pageTitle('aliases.title'),
    section('aliases.list',
      h('div.toolbar', domainFilter(domains, domain, d => ctx.navigate('aliases', { domain: d }))),
      table([
        { key: 'field.address', cell: a => h('a', { href: `#/aliases?${new URLSearchParams({ domain, edit: a.address })}` }, a.address) },
        { key: 'aliases.targets', cell: a => a.targets.join(', ') },
        { key: '', cell: a => h('button.danger', { type: 'button', onclick: () => {
          if (confirmed(t('aliases.confirmDelete', { address: a.address }))) {
            run(async () => { await del(`/aliases/${enc(a.address)}`); ctx.refresh(); }, t('common.deleted'));
          }
        } }, t('common.delete')) },
      ], aliases, { id: 'aliases-table', emptyKey: 'aliases.none' })),
    editing ? section('aliases.edit', editForm(editing, ctx).element) : null,
    section('aliases.new', create.element));
}

function editForm(alias, ctx) {
  return createForm({
    id: 'alias-edit',
    submitKey: 'common.save',
    fields: [{ name: 'targets', label: 'aliases.targets', type: 'textarea', required: true, value: alias.targets.join('\n'),
      hint: 'hint.addressList', validate: addresses }],
    onSubmit: async v => {
      await put(`/aliases/${enc(alias.address)}`, { targets: splitList(v.targets) });
      flash('ok', t('common.saved'));
      ctx.refresh();
    },
  });
}

export const addresses = v => (splitList(v).every(x => ADDRESS.test(x)) ? null : 'validation.addressList');

/** The server names "address"; the form asks for it in two fields. */
export function renameAddress(e) {
  if (e.field === 'address') e.field = 'localPart';
  throw e;
}
