// The audit log: who changed what, when and from where; filtered by the server.
import { get, query } from '../api.js';
import { t, formatTime } from '../i18n.js';
import { h, replace, pageTitle, table, pager, section, badge } from '../ui.js';
import { createForm } from '../forms.js';

const PAGE = 50;
const FILTERS = ['actor', 'action', 'target', 'from', 'to'];

export async function render(root, ctx) {
  const p = ctx.params;
  const offset = Number(p.offset) || 0;
  const filters = Object.fromEntries(FILTERS.map(k => [k, p[k] || '']));
  const page = await get('/audit' + query({ ...filters, from: iso(filters.from), to: iso(filters.to), offset, limit: PAGE }));

  const form = createForm({
    id: 'audit-filter',
    submitKey: 'audit.filter',
    inline: true,
    fields: [
      { name: 'actor', label: 'audit.actor', value: filters.actor },
      { name: 'action', label: 'audit.action', value: filters.action, placeholder: 'account.' },
      { name: 'target', label: 'audit.target', value: filters.target },
      { name: 'from', label: 'audit.from', type: 'datetime-local', value: filters.from },
      { name: 'to', label: 'audit.to', type: 'datetime-local', value: filters.to,
        validate: (v, all) => (all.from && v <= all.from ? 'validation.toAfterFrom' : null) },
    ],
    onSubmit: async v => ctx.navigate('audit', v),
  });

  replace(root,
    pageTitle('audit.title'),
    section('audit.filters', form.element),
    section('audit.events',
      table([
        { key: 'audit.at', cell: e => formatTime(e.at) },
        { key: 'audit.actor', cell: e => [e.actor, h('div.muted.small', e.actorRole)] },
        { key: 'audit.action', cell: e => h('code', e.action) },
        { key: 'audit.target', cell: e => e.target },
        { key: 'audit.client', cell: e => e.client },
        { key: 'audit.status', cell: e => badge(e.status < 400, 'audit.ok', 'audit.refused') },
        { key: 'audit.detail', cell: e => String(e.status) + (e.detail ? ' · ' + e.detail : '') },
      ], page.items, { id: 'audit-table', emptyKey: 'audit.none' }),
      pager(page, o => ctx.navigate('audit', { ...filters, offset: o }))));
}

/** A datetime-local value ("2026-11-22T10:00", the user's time) as ISO-8601 UTC. */
function iso(local) {
  return local ? new Date(local).toISOString() : '';
}
