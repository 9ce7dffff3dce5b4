// Self-service: the account, its password, app passwords ("authorization codes", shown once) and
// the last login per protocol.
import { get, post, put, del } from '../api.js';
import { t, formatBytes, formatTime } from '../i18n.js';
import { h, replace, pageTitle, table, section, run, confirmed, flash, badge, meter } from '../ui.js';
import { createForm } from '../forms.js';

const PROTOCOLS = ['SMTP', 'IMAP', 'POP3'];

export async function render(root, ctx) {
  const [self, appPasswords, logins] = await Promise.all([get('/self'), get('/self/app-passwords'), get('/self/logins')]);
  const a = self.account;
  const policy = self.passwordPolicy;
  const secretBox = h('div#new-secret');

  const password = createForm({
    id: 'change-password',
    submitKey: 'self.changePassword',
    fields: [
      { name: 'currentPassword', label: 'self.currentPassword', type: 'password', required: true, autocomplete: 'current-password' },
      { name: 'newPassword', label: 'field.newPassword', type: 'password', required: true, autocomplete: 'new-password',
        validate: v => (v.length < policy.minLength ? 'validation.tooShort' : null) },
      { name: 'repeat', label: 'self.repeatPassword', type: 'password', required: true, autocomplete: 'new-password',
        validate: (v, all) => (v !== all.newPassword ? 'validation.mismatch' : null) },
    ],
    onSubmit: async (v, f) => {
      await put('/self/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      f.reset();
      flash('ok', t('self.passwordChanged'));
    },
  });
  const create = createForm({
    id: 'app-password-create',
    submitKey: 'self.createAppPassword',
    fields: [
      { name: 'label', label: 'self.appPasswordLabel', required: true, placeholder: 'Outlook', hint: 'self.appPasswordLabelHint' },
      { name: 'protocols', label: 'accounts.protocols', type: 'checkboxes', value: PROTOCOLS,
        options: PROTOCOLS.map(x => ({ value: x, label: x })) },
      { name: 'expires', label: 'self.expires', type: 'date', hint: 'self.expiresHint',
        validate: v => (new Date(v) > new Date() ? null : 'validation.future') },
    ],
    onSubmit: async (v, f) => {
      if (v.protocols.length === 0) { f.setError('protocols', t('validation.required')); return; }
      const created = await post('/self/app-passwords', { label: v.label, protocols: v.protocols,
        expires: v.expires ? new Date(v.expires + 'T23:59:59').toISOString() : null });
      f.reset();
      await drawList();
      replace(secretBox, h('div.secret', { role: 'status' },
        h('p', t('self.secretOnce', { label: created.appPassword.label })),
        h('code#secret-value', created.secret),
        h('button', { type: 'button', onclick: () => navigator.clipboard.writeText(created.secret)
          .then(() => flash('ok', t('common.copied')), e => flash('error', String(e))) }, t('common.copy'))));
    },
  });

  const listBox = h('div');
  async function drawList(items) {
    const list = items || await get('/self/app-passwords');
    replace(listBox, table([
      { key: 'self.appPasswordLabel', cell: x => x.label },
      { key: 'accounts.protocols', cell: x => x.protocols.join(' ') },
      { key: 'field.created', cell: x => formatTime(x.created) },
      { key: 'self.expires', cell: x => (x.expires ? formatTime(x.expires) : t('self.never')) },
      { key: 'self.lastUsed', cell: x => (x.lastUsed ? [formatTime(x.lastUsed), ' ', x.lastProtocol || '', ' ', x.lastClientAddress || ''] : t('self.never')) },
      { key: '', cell: x => h('button.danger', { type: 'button', onclick: () => {
        if (confirmed(t('self.confirmRevoke', { label: x.label }))) {
          run(async () => { await del(`/self/app-passwords/${x.id}`); replace(secretBox); await drawList(); }, t('self.revoked'));
        }
      } }, t('self.revoke')) },
    ], list, { id: 'app-passwords-table', emptyKey: 'self.noAppPasswords' }));
  }
  await drawList(appPasswords);

  replace(root,
    pageTitle('self.title'),
    section('self.account', h('dl.facts',
      h('dt', t('field.address')), h('dd#self-address', a.address),
      h('dt', t('field.displayName')), h('dd', a.displayName || '—'),
      h('dt', t('field.role')), h('dd', t(`role.${self.role}`)),
      h('dt', t('accounts.usage')), h('dd', meter(a.usedBytes, a.quotaBytes), ' ',
        t('common.ofLimit', { used: formatBytes(a.usedBytes ?? 0), limit: formatBytes(a.quotaBytes, 'common.unlimited') })),
      h('dt', t('accounts.protocols')), h('dd', a.protocols.join(' ') || '—'),
      h('dt', t('accounts.appPasswordRequired')), h('dd', badge(a.appPasswordRequired, 'common.yes', 'common.no'))),
      h('p', h('a', { href: '#/setup' }, t('self.setupLink')))),
    section('self.logins', table([
      { key: 'self.protocol', cell: l => l.protocol },
      { key: 'self.at', cell: l => formatTime(l.at) },
      { key: 'audit.client', cell: l => l.clientAddress || '—' },
    ], logins, { id: 'logins-table', emptyKey: 'self.noLogins' })),
    section('self.appPasswords', h('p.muted', t('self.appPasswordsIntro')), secretBox, listBox, h('h3', t('self.newAppPassword')), create.element),
    section('self.password', h('p.muted', t('self.policy', { length: policy.minLength, classes: policy.minClasses })), password.element));
}
