// Client setup: server names, ports and security for Outlook, Foxmail, Thunderbird and phones,
// read from the server's own Thunderbird autoconfig document (the same settings every client
// gets), plus the Apple profile download.
import { get, enc } from '../api.js';
import { t } from '../i18n.js';
import { h, replace, pageTitle, section, table, ADDRESS } from '../ui.js';
import { createForm } from '../forms.js';

export async function render(root, ctx) {
  let address = ctx.params.address;
  const isSelf = ctx.session.role !== 'PLATFORM_ADMIN' && (!address || address === ctx.session.address);
  if (!address && ctx.session.address) address = ctx.session.address;

  const pick = createForm({
    id: 'setup-address',
    submitKey: 'setup.show',
    inline: true,
    fields: [{ name: 'address', label: 'field.address', type: 'email', required: true, value: address || '',
      validate: v => (ADDRESS.test(v) ? null : 'validation.address') }],
    onSubmit: async v => ctx.navigate('setup', { address: v.address }),
  });
  const parts = [pageTitle('setup.title'), ctx.session.role === 'USER' ? null : section('setup.forWhom', pick.element)];
  if (address) {
    const servers = await settingsFor(address);
    parts.push(servers ? clients(address, servers, isSelf) : h('p.form-error', { role: 'alert' }, t('setup.unavailable')));
  }
  replace(root, ...parts);
}

/** The incoming and outgoing servers of the autoconfig document, or null when it has none. */
async function settingsFor(address) {
  const response = await fetch(`/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=${enc(address)}`);
  if (!response.ok) return null;
  const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const read = el => ({
    type: el.getAttribute('type').toUpperCase(),
    hostname: el.querySelector('hostname').textContent,
    port: Number(el.querySelector('port').textContent),
    socketType: el.querySelector('socketType').textContent,
    username: el.querySelector('username').textContent.replace('%EMAILADDRESS%', address),
  });
  const list = [...xml.querySelectorAll('incomingServer'), ...xml.querySelectorAll('outgoingServer')].map(read);
  return list.length ? list : null;
}

function clients(address, servers, isSelf) {
  const security = s => t(s.socketType === 'SSL' ? 'setup.ssl' : s.socketType === 'STARTTLS' ? 'setup.starttls' : 'setup.plain');
  const serverTable = table([
    { key: 'setup.protocol', cell: s => s.type },
    { key: 'setup.server', cell: s => h('code', s.hostname) },
    { key: 'setup.port', cell: s => String(s.port) },
    { key: 'setup.security', cell: s => security(s) },
    { key: 'setup.username', cell: s => h('code', s.username) },
  ], servers, { id: 'setup-servers' });
  const best = type => servers.find(s => s.type === type && s.socketType === 'SSL') || servers.find(s => s.type === type);
  const line = s => (s ? t('setup.line', { host: s.hostname, port: s.port, security: security(s) }) : '—');
  const imap = best('IMAP'), pop = best('POP3'), smtp = best('SMTP');
  return [
    section('setup.servers', h('p', t('setup.intro', { address })), serverTable, h('p.muted', t('setup.appPasswordNote'))),
    section('setup.outlook', h('ol', h('li', t('setup.outlook1')), h('li', t('setup.outlook2', { address })),
      h('li', t('setup.outlook3', { imap: line(imap), smtp: line(smtp) })))),
    section('setup.foxmail', h('ol', h('li', t('setup.foxmail1', { address })), h('li', t('setup.foxmail2')),
      h('li', t('setup.foxmail3', { imap: line(imap), pop: line(pop), smtp: line(smtp) })))),
    section('setup.thunderbird', h('p', t('setup.thunderbird1', { address })), h('p.muted', t('setup.thunderbird2'))),
    section('setup.phones',
      h('p', t('setup.iphone')),
      isSelf ? h('p', h('a.button#mobileconfig', { href: '/api/v1/self/mobileconfig', download: '' }, t('setup.mobileconfig')))
        : h('p.muted', t('setup.mobileconfigSelfOnly')),
      h('p', t('setup.android', { imap: line(imap), smtp: line(smtp) }))),
  ];
}
