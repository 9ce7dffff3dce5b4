// Pieces several views use.
import { t } from '../i18n.js';
import { h, run, flash } from '../ui.js';
import { get, put, del } from '../api.js';
import { createForm } from '../forms.js';

/** A select of the domains, "all" first; onChange gets the chosen name ('' for all). */
export function domainFilter(domains, selected, onChange) {
  return h('select', { id: 'domain-filter', 'aria-label': t('field.domain'), onchange: e => onChange(e.target.value) },
    h('option', { value: '' }, t('accounts.allDomains')),
    domains.map(d => h('option', { value: d.name, selected: d.name === selected }, d.name)));
}

/** The two fields of a new address: local part and one of the domains. */
export function addressFields(domains, domain) {
  return [
    { name: 'localPart', label: 'field.localPart', required: true, validate: v => (/^[^\s@]+$/.test(v) ? null : 'validation.localPart') },
    { name: 'domain', label: 'field.domain', type: 'select', required: true, value: domain || (domains[0] || {}).name,
      options: domains.map(d => ({ value: d.name, label: d.name })) },
  ];
}

export const joinAddress = v => `${v.localPart}@${v.domain}`;

/**
 * A tenant's password policy: the platform's minimum, the tenant's own (which may only be
 * stricter), and a form to set or remove it.
 */
export async function passwordPolicyPanel(tenantId, ctx) {
  const path = `/tenants/${tenantId}/password-policy`;
  const policies = await get(path);
  const line = p => t('policy.line', { length: p.minLength, classes: p.minClasses });
  const form = createForm({
    id: 'policy-form',
    submitKey: 'policy.set',
    inline: true,
    fields: [
      { name: 'minLength', label: 'policy.minLength', type: 'number', min: 1, required: true, value: policies.effective.minLength,
        validate: v => (Number.isInteger(v) && v >= policies.platform.minLength ? null : 'policy.notLooser') },
      { name: 'minClasses', label: 'policy.minClasses', type: 'number', min: 1, required: true, value: policies.effective.minClasses,
        validate: v => (Number.isInteger(v) && v >= policies.platform.minClasses && v <= 4 ? null : 'policy.classesRange') },
    ],
    onSubmit: async v => {
      await put(path, { minLength: v.minLength, minClasses: v.minClasses });
      flash('ok', t('common.saved'));
      ctx.refresh();
    },
  });
  return h('section.card#password-policy',
    h('h2', t('policy.title')),
    h('p', t('policy.platform'), ' ', line(policies.platform)),
    h('p', t('policy.tenant'), ' ', policies.tenant ? line(policies.tenant) : t('policy.none')),
    form.element,
    policies.tenant ? h('button', { type: 'button', onclick: () =>
      run(async () => { await del(path); ctx.refresh(); }, t('common.saved')) }, t('policy.remove')) : null);
}
