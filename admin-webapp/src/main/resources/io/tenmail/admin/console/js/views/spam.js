// Spam filter: a domain's checks and thresholds, its tenant's allow and block lists, and the
// caller's own lists (docs/spam.md). Users see only their own lists.
import { get, put, enc } from '../api.js';
import { t } from '../i18n.js';
import { h, replace, pageTitle, section, flash, splitList } from '../ui.js';
import { createForm } from '../forms.js';
import { domainFilter } from './shared.js';

const CHECKS = ['spf', 'dkim', 'dmarc', 'dnsbl', 'helo', 'bayes', 'greylisting'];
const PATTERN = /^(\*|[^\s@*]+)@[^\s@*]+\.[^\s@*]+$/;

export async function render(root, ctx) {
  const role = ctx.session.role;
  const own = ctx.session.address;
  const parts = [pageTitle('spam.title'), h('p.hint', t('spam.intro'))];
  if (role !== 'USER') {
    const domains = await get('/domains');
    const domain = ctx.params.domain || (domains[0] || {}).name || '';
    parts.push(h('div.toolbar', domainFilter(domains, domain, d => ctx.navigate('spam', { domain: d }))));
    if (domain) {
      const policy = await get(`/domains/${enc(domain)}/spam-policy`);
      const lists = await get(`/domains/${enc(domain)}/spam-lists`);
      parts.push(section('spam.policy', policyForm(domain, policy, ctx).element));
      parts.push(section('spam.tenantLists', h('p.hint', t('spam.tenantListsHint')),
        listsForm('spam-tenant-lists', `/domains/${enc(domain)}/spam-lists`, lists, ctx).element));
    }
  }
  if (own) {
    const lists = await get(`/accounts/${enc(own)}/spam-lists`);
    parts.push(section('spam.ownLists', h('p.hint', t('spam.ownListsHint')),
      listsForm('spam-own-lists', `/accounts/${enc(own)}/spam-lists`, lists, ctx).element));
  }
  replace(root, ...parts);
}

function policyForm(domain, policy, ctx) {
  return createForm({
    id: 'spam-policy',
    submitKey: 'common.save',
    fields: [
      ...CHECKS.map(c => ({ name: c, label: `spam.check.${c}`, type: 'checkbox', value: policy[c] })),
      { name: 'junkThreshold', label: 'spam.junkThreshold', type: 'number', step: '0.1', min: '0', required: true,
        value: policy.junkThreshold, hint: 'spam.junkThresholdHint', validate: threshold },
      { name: 'rejectThreshold', label: 'spam.rejectThreshold', type: 'number', step: '0.1', min: '0', required: true,
        value: policy.rejectThreshold, hint: 'spam.rejectThresholdHint',
        validate: (v, all) => threshold(v) || (Number(v) < Number(all.junkThreshold) ? 'spam.rejectBelowJunk' : null) },
    ],
    onSubmit: async v => {
      await put(`/domains/${enc(domain)}/spam-policy`, v);
      flash('ok', t('common.saved'));
      ctx.refresh();
    },
  });
}

function listsForm(id, path, lists, ctx) {
  return createForm({
    id,
    submitKey: 'common.save',
    fields: [
      { name: 'allow', label: 'spam.allow', type: 'textarea', value: lists.allow.join('\n'), hint: 'spam.patternHint', validate: patterns },
      { name: 'block', label: 'spam.block', type: 'textarea', value: lists.block.join('\n'), hint: 'spam.patternHint', validate: patterns },
    ],
    onSubmit: async v => {
      await put(path, { allow: splitList(v.allow), block: splitList(v.block) });
      flash('ok', t('common.saved'));
      ctx.refresh();
    },
  });
}

const threshold = v => (v !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= 10000 ? null : 'spam.badThreshold');
const patterns = v => (splitList(v).every(p => PATTERN.test(p)) ? null : 'spam.badPattern');
