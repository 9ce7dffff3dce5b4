// Pieces several views use.
import { t } from '../i18n.js';
import { h } from '../ui.js';

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
