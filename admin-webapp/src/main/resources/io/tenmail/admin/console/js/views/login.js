// Login: an account (address and password) or the platform administrator's token
// (docs/api.md, POST /session takes either).
import { post } from '../api.js';
import { t } from '../i18n.js';
import { h, replace, pageTitle, ADDRESS } from '../ui.js';
import { createForm } from '../forms.js';

export async function render(root, ctx) {
  let mode = ctx.params.mode === 'token' ? 'token' : 'account';
  const box = h('div');

  const accountForm = () => createForm({
    id: 'login-form',
    submitKey: 'login.submit',
    fields: [
      { name: 'address', label: 'field.address', type: 'email', required: true, autocomplete: 'username',
        validate: v => (ADDRESS.test(v) ? null : 'validation.address') },
      { name: 'password', label: 'field.password', type: 'password', required: true, autocomplete: 'current-password' },
    ],
    onSubmit: async values => ctx.loggedIn(await post('/session', { address: values.address, password: values.password })),
  });
  const tokenForm = () => createForm({
    id: 'token-form',
    submitKey: 'login.submit',
    fields: [{ name: 'token', label: 'field.platformToken', type: 'password', required: true, hint: 'login.tokenHint',
      autocomplete: 'off' }],
    onSubmit: async values => ctx.loggedIn(await post('/session', { token: values.token.trim() })),
  });

  const draw = () => {
    const form = mode === 'token' ? tokenForm() : accountForm();
    replace(box,
      h('div.tabs', { role: 'tablist' },
        h('button' + (mode === 'account' ? '.active' : ''), { type: 'button', role: 'tab', id: 'tab-account',
          onclick: () => { mode = 'account'; draw(); } }, t('login.asAccount')),
        h('button' + (mode === 'token' ? '.active' : ''), { type: 'button', role: 'tab', id: 'tab-token',
          onclick: () => { mode = 'token'; draw(); } }, t('login.asPlatform'))),
      form.element);
    form.element.querySelector('input').focus();
  };
  replace(root, h('div.login', pageTitle('login.title'), h('p.muted', t('login.intro')), box));
  draw();
}
