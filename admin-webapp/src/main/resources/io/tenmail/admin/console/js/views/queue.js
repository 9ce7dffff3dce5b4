// The mail queue and the error repository (platform administrator): list, retry now, delete.
import { get, post, del, query } from '../api.js';
import { t, formatBytes, formatTime } from '../i18n.js';
import { h, replace, pageTitle, table, pager, section, run, confirmed } from '../ui.js';

const PAGE = 50;

export async function render(root, ctx) {
  const processor = ctx.params.processor || '';
  const offset = Number(ctx.params.offset) || 0;
  const page = await get('/queue' + query({ processor, offset, limit: PAGE }));
  const go = changes => ctx.navigate('queue', { processor, offset: 0, ...changes });

  const tabs = h('div.tabs', { role: 'tablist' },
    [['', 'queue.all'], ['root', 'queue.waiting'], ['error', 'queue.errors']].map(([value, key]) =>
      h('button' + (value === processor ? '.active' : ''), { type: 'button', role: 'tab', dataset: { processor: value || 'all' },
        onclick: () => go({ processor: value }) }, t(key))));

  replace(root,
    pageTitle('queue.title'),
    h('p.muted', t('queue.intro')),
    tabs,
    section(processor === 'error' ? 'queue.errors' : 'queue.entries',
      table([
        { key: 'field.id', cell: e => String(e.id) },
        { key: 'queue.processor', cell: e => e.processor },
        { key: 'queue.sender', cell: e => e.sender || '<>' },
        { key: 'queue.recipients', cell: e => e.recipients.map(r =>
          h('div', r.address, ' ', h(`span.badge.${r.state === 'FAILED' ? 'off' : r.state === 'DELIVERED' ? 'on' : 'wait'}`,
            t(`queue.state.${r.state}`)), r.lastError ? h('div.muted.small', r.lastError) : null)) },
        { key: 'queue.size', cell: e => formatBytes(e.size) },
        { key: 'queue.received', cell: e => formatTime(e.received) },
        { key: 'queue.attempts', cell: e => [String(e.attempts), ' · ', t('queue.next', { at: formatTime(e.nextAttempt) })] },
        { key: 'queue.lastError', cell: e => (e.lastError ? h('span.bad', e.lastError) : '—') },
        { key: '', cell: e => h('div.actions',
          h('button', { type: 'button', dataset: { retry: e.id }, onclick: () =>
            run(async () => { await post(`/queue/${e.id}/retry`); ctx.refresh(); }, t('queue.retried', { id: e.id })) }, t('queue.retry')),
          h('button.danger', { type: 'button', dataset: { delete: e.id }, onclick: () => {
            if (confirmed(t('queue.confirmDelete', { id: e.id }))) {
              run(async () => { await del(`/queue/${e.id}`); ctx.refresh(); }, t('common.deleted'));
            }
          } }, t('common.delete'))) },
      ], page.items, { id: 'queue-table', emptyKey: 'queue.empty' }),
      pager(page, o => go({ offset: o }))));
}
