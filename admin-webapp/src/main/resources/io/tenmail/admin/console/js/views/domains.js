// Domains: add (platform administrator), the DNS records to publish, alias names and catch-all.
import { get, post, put, del, enc } from '../api.js';
import { t, formatTime } from '../i18n.js';
import { h, replace, pageTitle, table, section, run, confirmed, flash, ADDRESS, DOMAIN } from '../ui.js';
import { createForm } from '../forms.js';
import { passwordPolicyPanel } from './shared.js';

export async function render(root, ctx) {
  const platform = ctx.session.role === 'PLATFORM_ADMIN';
  const [domains, tenants] = await Promise.all([get('/domains'), get('/tenants')]);
  const tenantName = id => (tenants.find(x => x.id === id) || { name: String(id) }).name;
  const selected = domains.find(d => d.name === ctx.params.name);

  const parts = [
    pageTitle('domains.title'),
    section('domains.list', table([
      { key: 'field.domain', cell: d => h('a', { href: `#/domains?name=${enc(d.name)}` }, d.name) },
      { key: 'field.tenant', cell: d => tenantName(d.tenant) },
      { key: 'domains.aliasNames', cell: d => d.aliases.join(', ') || '—' },
      { key: 'domains.catchAll', cell: d => d.catchAll || '—' },
      { key: '', cell: d => h('a', { href: `#/accounts?domain=${enc(d.name)}` }, t('nav.accounts')) },
    ], domains, { id: 'domains-table' })),
  ];
  if (selected) parts.push(await detail(selected, ctx, platform));
  if (platform) {
    const add = createForm({
      id: 'domain-create',
      submitKey: 'domains.add',
      inline: true,
      fields: [
        { name: 'name', label: 'field.domain', required: true, placeholder: 'example.com',
          validate: v => (DOMAIN.test(v) ? null : 'validation.domain') },
        { name: 'tenant', label: 'field.tenant', type: 'select', value: ctx.params.tenant || '',
          options: [{ value: '', label: t('domains.newTenant') }, ...tenants.map(x => ({ value: x.id, label: x.name }))] },
      ],
      onSubmit: async v => {
        const created = await post('/domains', { name: v.name.toLowerCase(), tenant: v.tenant ? Number(v.tenant) : null });
        flash('ok', t('domains.added', { name: created.name }));
        ctx.navigate('domains', { name: created.name });
      },
    });
    parts.push(section('domains.new', add.element));
  } else {
    // a domain administrator's tenant: the password policy its accounts must meet
    parts.push(await passwordPolicyPanel(ctx.session.tenant, ctx));
  }
  replace(root, ...parts);
}

async function detail(domain, ctx, platform) {
  const path = `/domains/${enc(domain.name)}`;
  const [records, dkim] = await Promise.all([get(`${path}/dns`), get(`${path}/dkim`)]);
  const dnsTable = h('div#dns-records', recordsTable(records, null));
  const catchAll = createForm({
    id: 'catch-all-form',
    submitKey: 'common.save',
    inline: true,
    fields: [{ name: 'target', label: 'domains.catchAllTarget', type: 'email', value: domain.catchAll || '',
      hint: 'domains.catchAllHint', validate: v => (ADDRESS.test(v) ? null : 'validation.address') }],
    onSubmit: async v => {
      await put(`${path}/catch-all`, { target: v.target || null });
      flash('ok', t('common.saved'));
      ctx.refresh();
    },
  });
  const alias = platform ? createForm({
    id: 'domain-alias-form',
    submitKey: 'domains.addAlias',
    inline: true,
    fields: [{ name: 'name', label: 'domains.aliasName', required: true, validate: v => (DOMAIN.test(v) ? null : 'validation.domain') }],
    onSubmit: async v => {
      await post(`${path}/aliases`, { name: v.name.toLowerCase() });
      ctx.refresh();
    },
  }) : null;
  return h('section.card#domain-detail',
    h('h2', t('domains.detail', { name: domain.name })),
    h('h3', t('domains.dns')),
    h('p.muted', t('domains.dnsIntro')),
    h('button#dns-check-button', { type: 'button', onclick: () => run(async () => {
      replace(dnsTable, recordsTable(records, await get(`${path}/dns/check`)));
    }) }, t('dns.check')),
    dnsTable,
    h('h3', t('dkim.title')),
    h('p.muted', t('dkim.intro')),
    table([
      { key: 'dkim.selector', cell: k => h('code', k.selector) },
      { key: 'field.status', cell: k => t(k.state === 'ACTIVE' ? 'dkim.active' : 'dkim.retired') },
      { key: 'dkim.created', cell: k => formatTime(k.created) },
      { key: 'dns.value', cell: k => h('code.wrap', k.value) },
    ], dkim.selectors, { id: 'dkim-table' }),
    h('button#dkim-rotate', { type: 'button', onclick: () => {
      if (confirmed(t('dkim.confirmRotate', { name: domain.name }))) {
        run(async () => { await post(`${path}/dkim/rotate`); ctx.refresh(); }, t('dkim.rotated'));
      }
    } }, t('dkim.rotate')),
    h('h3', t('domains.aliasNames')),
    table([
      { key: 'domains.aliasName', cell: a => a },
      { key: '', cell: a => h('button.danger', { type: 'button', onclick: () => {
        if (confirmed(t('domains.confirmRemoveAlias', { name: a }))) run(async () => { await del(`${path}/aliases/${enc(a)}`); ctx.refresh(); });
      } }, t('common.remove')) },
    ], domain.aliases.map(String), { id: 'domain-aliases', emptyKey: 'domains.noAliases' }),
    alias ? alias.element : null,
    h('h3', t('domains.catchAll')),
    catchAll.element,
    platform ? [h('h3', t('common.dangerZone')), h('button.danger', { type: 'button', onclick: () => {
      if (confirmed(t('domains.confirmDelete', { name: domain.name }))) {
        run(async () => { await del(path); ctx.navigate('domains'); }, t('common.deleted'));
      }
    } }, t('domains.delete'))] : null);
}

/**
 * The records to publish; with a DNS check, a column saying for each whether it is published
 * (a check mark), missing, different (with what is published instead) or could not be looked up.
 */
function recordsTable(records, checks) {
  const columns = [
    { key: 'dns.name', cell: r => h('code', r.name) },
    { key: 'dns.type', cell: r => r.type },
    { key: 'dns.value', cell: r => h('code.wrap', r.value) },
    { key: 'dns.purpose', cell: r => purpose(r) },
  ];
  if (checks) {
    const result = r => checks.find(c => c.name === r.name && c.type === r.type && c.expected === r.value);
    columns.push({ key: 'dns.published', cell: r => checkCell(result(r)) });
  }
  columns.push({ key: '', cell: r => h('button.link', { type: 'button', onclick: () => copy(`${r.name} IN ${r.type} ${r.value}`) }, t('common.copy')) });
  return table(columns, records, { id: 'dns-table' });
}

function checkCell(c) {
  if (!c) return '—';
  const mark = h(`span.dns-status.dns-${c.status}`, { dataset: { status: c.status } },
    c.status === 'ok' ? `✓ ${t('dns.status.ok')}` : `✗ ${t(`dns.status.${c.status}`)}`);
  if (c.status !== 'different') return mark;
  return [mark, h('div.muted', t('dns.foundInstead')), ...c.found.map(v => h('code.wrap', v))];
}

/** The purpose in the user's language for the records we know, else as the server wrote it. */
function purpose(record) {
  const name = record.name.toLowerCase();
  const srv = /^_(imaps|imap|submissions|submission|pop3s|pop3)\._tcp\./.exec(name);
  let kind = null;
  if (record.type === 'MX') kind = 'mx';
  else if (record.type === 'TXT' && record.value.startsWith('v=spf1')) kind = 'spf';
  else if (record.type === 'TXT' && name.startsWith('_dmarc.')) kind = 'dmarc';
  else if (record.type === 'TXT' && name.includes('._domainkey.')) kind = 'dkim';
  else if (record.type === 'CNAME' && name.startsWith('autoconfig.')) kind = 'autoconfig';
  else if (record.type === 'CNAME' && name.startsWith('autodiscover.')) kind = 'autodiscover';
  else if (record.type === 'SRV' && srv) kind = srv[1];
  return kind ? t(`dns.purpose.${kind}`) : record.purpose;
}

function copy(text) {
  navigator.clipboard.writeText(text).then(() => flash('ok', t('common.copied')), e => flash('error', String(e)));
}
