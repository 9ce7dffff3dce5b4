// Accounts: the list (search, sort and paging done by the server, so it stays fast with many
// thousands), create, edit (name, enabled, quota, protocols, app passwords required), reset the
// password, delete, and a CSV import that creates accounts row by row with a report per row.
import { get, post, patch, put, del, enc, query } from '../api.js';
import { t, formatBytes, formatTime } from '../i18n.js';
import { h, replace, pageTitle, table, pager, section, badge, meter, run, confirmed, flash, errorText, ADDRESS } from '../ui.js';
import { createForm, mbToBytes, bytesToMb, valid } from '../forms.js';

const PAGE = 50;
const PROTOCOLS = ['SMTP', 'IMAP', 'POP3'];

export async function render(root, ctx) {
  const p = ctx.params;
  const domains = await get('/domains');
  const state = { domain: p.domain || '', search: p.search || '', sort: p.sort || 'address', offset: Number(p.offset) || 0 };
  const go = changes => ctx.navigate('accounts', { ...state, ...changes, offset: changes.offset ?? 0, edit: changes.edit });
  const page = await get('/accounts' + query({ domain: state.domain, search: state.search, sort: state.sort,
    offset: state.offset, limit: PAGE }));

  const searchInput = h('input', { type: 'search', id: 'account-search', name: 'search', value: state.search,
    placeholder: t('accounts.searchPlaceholder'), 'aria-label': t('accounts.search') });
  let timer;
  searchInput.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => go({ search: searchInput.value.trim() }), 350);
  });
  const domainSelect = h('select', { id: 'account-domain', 'aria-label': t('field.domain'),
    onchange: e => go({ domain: e.target.value }) },
    h('option', { value: '' }, t('accounts.allDomains')),
    domains.map(d => h('option', { value: d.name, selected: d.name === state.domain }, d.name)));

  const list = table([
    { key: 'field.address', sort: 'address', cell: a => h('a', { href: '#/accounts?' + new URLSearchParams({ ...clean(state), edit: a.address }) }, a.address) },
    { key: 'field.displayName', sort: 'displayName', cell: a => a.displayName },
    { key: 'field.status', sort: 'enabled', cell: a => badge(a.enabled, 'status.enabled', 'status.disabled') },
    { key: 'accounts.usage', sort: 'quotaBytes', cell: a => [meter(a.usedBytes, a.quotaBytes), ' ',
      t('common.ofLimit', { used: formatBytes(a.usedBytes ?? 0), limit: formatBytes(a.quotaBytes, 'common.unlimited') })] },
    { key: 'accounts.protocols', cell: a => a.protocols.join(' ') + (a.appPasswordRequired ? ' · ' + t('accounts.appOnly') : '') },
    { key: 'field.created', sort: 'created', cell: a => formatTime(a.created) },
  ], page.items, { id: 'accounts-table', sort: state.sort, onSort: sort => go({ sort }), emptyKey: 'accounts.none' });

  const editing = p.edit ? await get(`/accounts/${enc(p.edit)}`).catch(e => { flash('error', errorText(e)); return null; }) : null;

  replace(root,
    pageTitle('accounts.title'),
    section('accounts.list',
      h('div.toolbar', domainSelect, searchInput),
      list,
      pager(page, offset => go({ offset }))),
    editing ? editPanel(editing, ctx, () => go({})) : null,
    section('accounts.new', createPanel(domains, state.domain, ctx)),
    section('accounts.import', importPanel(ctx)));
}

const clean = state => Object.fromEntries(Object.entries(state).filter(([, v]) => v !== '' && v !== 0 && v !== undefined));

function createPanel(domains, domain, ctx) {
  const form = createForm({
    id: 'account-create',
    submitKey: 'accounts.create',
    fields: [
      { name: 'localPart', label: 'field.localPart', required: true, placeholder: 'alice',
        validate: v => (/^[^\s@]+$/.test(v) ? null : 'validation.localPart') },
      { name: 'domain', label: 'field.domain', type: 'select', required: true, value: domain || (domains[0] || {}).name,
        options: domains.map(d => ({ value: d.name, label: d.name })) },
      { name: 'displayName', label: 'field.displayName' },
      { name: 'password', label: 'field.password', type: 'password', required: true, autocomplete: 'new-password',
        hint: 'hint.passwordPolicy' },
      { name: 'quotaMb', label: 'field.quotaMb', type: 'number', min: 0, value: 0, hint: 'hint.zeroUnlimited', validate: valid.nonNegative },
    ],
    onSubmit: async (v, f) => {
      const address = `${v.localPart}@${v.domain}`;
      try {
        await post('/accounts', { address, password: v.password, displayName: v.displayName || null, quotaBytes: mbToBytes(v.quotaMb) });
      } catch (e) {
        // the server names "address"; the form has it in two fields
        if (e.field === 'address') e.field = 'localPart';
        throw e;
      }
      flash('ok', t('accounts.created', { address }));
      f.reset();
      ctx.refresh();
    },
  });
  return form.element;
}

function editPanel(a, ctx, close) {
  const path = `/accounts/${enc(a.address)}`;
  const edit = createForm({
    id: 'account-edit',
    submitKey: 'common.save',
    fields: [
      { name: 'displayName', label: 'field.displayName', value: a.displayName },
      { name: 'enabled', label: 'accounts.enabled', type: 'checkbox', value: a.enabled },
      { name: 'quotaMb', label: 'field.quotaMb', type: 'number', min: 0, value: bytesToMb(a.quotaBytes), hint: 'hint.zeroUnlimited',
        validate: valid.nonNegative },
      { name: 'protocols', label: 'accounts.protocols', type: 'checkboxes', value: a.protocols,
        options: PROTOCOLS.map(x => ({ value: x, label: x })) },
      { name: 'appPasswordRequired', label: 'accounts.appPasswordRequired', type: 'checkbox', value: a.appPasswordRequired },
    ],
    onSubmit: async v => {
      await patch(path, { displayName: v.displayName, enabled: v.enabled, quotaBytes: mbToBytes(v.quotaMb),
        protocols: v.protocols, appPasswordRequired: v.appPasswordRequired });
      flash('ok', t('common.saved'));
      ctx.refresh();
    },
  });
  const reset = createForm({
    id: 'password-reset',
    submitKey: 'accounts.resetPassword',
    inline: true,
    fields: [{ name: 'password', label: 'field.newPassword', type: 'password', required: true, autocomplete: 'new-password' }],
    onSubmit: async (v, f) => {
      await put(`${path}/password`, { password: v.password });
      f.reset();
      flash('ok', t('accounts.passwordReset', { address: a.address }));
    },
  });
  return h('section.card#account-detail',
    h('h2', t('accounts.detail', { address: a.address })),
    h('p.muted', t('accounts.usageLine', { used: formatBytes(a.usedBytes ?? 0), quota: formatBytes(a.quotaBytes, 'common.unlimited') }),
      ' · ', h('a', { href: `#/setup?address=${enc(a.address)}` }, t('nav.setup'))),
    edit.element,
    h('h3', t('accounts.resetPassword')),
    reset.element,
    h('h3', t('common.dangerZone')),
    h('div.actions',
      h('button', { type: 'button', onclick: close }, t('common.close')),
      h('button.danger', { type: 'button', id: 'account-delete', onclick: () => {
        if (confirmed(t('accounts.confirmDelete', { address: a.address }))) {
          run(async () => { await del(path); close(); }, t('accounts.deleted', { address: a.address }));
        }
      } }, t('accounts.delete'))));
}

/**
 * CSV: a header line naming the columns (address, password, displayName, quotaMb; any order, the
 * first two required), then one account per line. Each row is one POST /accounts, so each is
 * checked and audited like a single creation, and one bad row does not stop the others.
 */
function importPanel(ctx) {
  const report = h('div#import-report');
  const form = createForm({
    id: 'account-import',
    submitKey: 'accounts.importRun',
    fields: [{ name: 'file', label: 'accounts.importFile', type: 'file', accept: '.csv,text/csv', required: true,
      hint: 'accounts.importHint' }],
    onSubmit: async v => {
      const rows = parseCsv(await v.file.text());
      const header = (rows.shift() || []).map(x => x.trim().toLowerCase());
      const col = name => header.indexOf(name.toLowerCase());
      if (col('address') < 0 || col('password') < 0) throw new Error(t('accounts.importNeedsHeader'));
      const results = [];
      for (const [i, row] of rows.entries()) {
        if (row.every(x => x.trim() === '')) continue;
        const address = (row[col('address')] || '').trim();
        const cell = name => (col(name) >= 0 ? (row[col(name)] || '').trim() : '');
        let outcome;
        if (!ADDRESS.test(address)) outcome = { ok: false, text: t('validation.address') };
        else {
          try {
            await post('/accounts', { address, password: row[col('password')] || '', displayName: cell('displayName') || null,
              quotaBytes: mbToBytes(cell('quotaMb') || 0) });
            outcome = { ok: true, text: t('accounts.importCreated') };
          } catch (e) {
            outcome = { ok: false, text: errorText(e) };
          }
        }
        results.push({ line: i + 2, address, ...outcome });
        drawReport(report, results, false);
      }
      drawReport(report, results, true);
    },
  });
  return [form.element, report];
}

function drawReport(report, results, done) {
  const ok = results.filter(r => r.ok).length;
  replace(report,
    h('p', { id: 'import-summary' }, t(done ? 'accounts.importDone' : 'accounts.importRunning',
      { ok, failed: results.length - ok, total: results.length })),
    table([
      { key: 'accounts.importLine', cell: r => String(r.line) },
      { key: 'field.address', cell: r => r.address },
      { key: 'accounts.importResult', cell: r => h(`span.${r.ok ? 'ok' : 'bad'}`, r.text) },
    ], results, { id: 'import-table' }));
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  const src = text.replace(/^\uFEFF/, '');   // Excel writes a byte order mark
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
