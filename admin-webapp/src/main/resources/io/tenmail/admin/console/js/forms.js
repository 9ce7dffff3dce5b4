// Forms that validate inline, keep what the user typed on every error, and show the server's
// answer next to the field it names (docs/api.md: messages start with the field's name).
import { h, errorText, translatedError } from './ui.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';

let formCount = 0;

/**
 * fields: [{name, label (message key), type: text|email|password|number|select|checkbox|textarea|
 *           checkboxes|file, options: [{value, label}], required, validate(value, values) -> message
 *           key or null, hint (message key), value, placeholder, autocomplete}]
 * onSubmit(values, form) may throw; an ApiError naming a field is shown under that field.
 */
// Checked and selected states are given as defaults too, so that form.reset() returns to them.
export function createForm({ id, fields, submitKey, onSubmit, inline = false }) {
  const formId = id || `form${++formCount}`;
  const errors = {};
  const inputs = {};
  const general = h('div.form-error', { role: 'alert', hidden: true });
  const submit = h('button.primary', { type: 'submit' }, t(submitKey));

  const rows = fields.map(f => {
    const inputId = `${formId}-${f.name}`;
    const input = control(f, inputId);
    inputs[f.name] = input;
    errors[f.name] = h('div.field-error', { id: `${inputId}-error`, role: 'alert', hidden: true });
    input.setAttribute?.('aria-describedby', `${inputId}-error`);
    if (f.type === 'checkbox') {
      return h('div.field.field-check', h('label', { for: inputId }, input, ' ', t(f.label)), errors[f.name]);
    }
    return h('div.field',
      h('label', { for: inputId }, t(f.label), f.required ? h('span.required', { 'aria-hidden': 'true' }, ' *') : null),
      input, f.hint ? h('div.hint', t(f.hint)) : null, errors[f.name]);
  });

  const element = h(`form.form${inline ? '.form-inline' : ''}`, { id: formId, novalidate: true },
    rows, general, h('div.actions', submit));

  const form = {
    element,
    values() {
      const out = {};
      for (const f of fields) out[f.name] = read(f, inputs[f.name]);
      return out;
    },
    setError(name, message) {
      const box = errors[name];
      if (!box) return false;
      box.textContent = message;
      box.hidden = false;
      inputs[name].setAttribute?.('aria-invalid', 'true');
      return true;
    },
    clearErrors() {
      for (const [name, box] of Object.entries(errors)) {
        box.hidden = true; box.textContent = '';
        inputs[name].removeAttribute?.('aria-invalid');
      }
      general.hidden = true; general.textContent = '';
    },
    showError(error) {
      if (error instanceof ApiError && error.field) {
        const name = error.field.replace(/\[\d+\]$/, '');
        if (form.setError(name, translatedError(error) || t('error.fieldServer', { message: error.detail }))) return;
      }
      general.textContent = errorText(error);
      general.hidden = false;
    },
    reset() { element.reset(); form.clearErrors(); },
    input(name) { return inputs[name]; },
  };

  element.addEventListener('submit', async event => {
    event.preventDefault();
    form.clearErrors();
    const values = form.values();
    let first = null;
    for (const f of fields) {
      const v = values[f.name];
      const empty = v === '' || v === null || (Array.isArray(v) && v.length === 0);
      const problem = f.required && empty ? 'validation.required' : (!empty && f.validate ? f.validate(v, values) : null);
      if (problem) {
        form.setError(f.name, t(problem));
        first = first || f.name;
      }
    }
    if (first) {
      inputs[first].focus?.();
      return;
    }
    submit.disabled = true;
    element.setAttribute('aria-busy', 'true');
    try {
      await onSubmit(values, form);
    } catch (e) {
      form.showError(e);
    } finally {
      submit.disabled = false;
      element.removeAttribute('aria-busy');
    }
  });
  return form;
}

function control(f, id) {
  const common = { id, name: f.name, placeholder: f.placeholder, autocomplete: f.autocomplete };
  switch (f.type) {
    case 'select':
      return h('select', common, (f.options || []).map(o =>
        h('option', { value: o.value, selected: String(o.value) === String(f.value ?? ''),
          defaultSelected: String(o.value) === String(f.value ?? '') }, o.label)));
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', checked: !!f.value, defaultChecked: !!f.value });
    case 'textarea':
      return h('textarea', { ...common, rows: f.rows || 3 }, f.value ?? '');
    case 'checkboxes': {
      const selected = new Set(f.value || []);
      const box = h('div.checkboxes', { id, role: 'group' }, (f.options || []).map(o =>
        h('label', h('input', { type: 'checkbox', name: f.name, value: o.value, checked: selected.has(o.value),
          defaultChecked: selected.has(o.value) }), ' ', o.label)));
      return box;
    }
    case 'file':
      return h('input', { ...common, type: 'file', accept: f.accept });
    default:
      // a string value becomes the attribute, so that form.reset() goes back to it
      return h('input', { ...common, type: f.type || 'text', value: String(f.value ?? ''), min: f.min, step: f.step });
  }
}

function read(f, input) {
  switch (f.type) {
    case 'checkbox': return input.checked;
    case 'checkboxes': return [...input.querySelectorAll('input:checked')].map(i => i.value);
    case 'file': return input.files && input.files[0] ? input.files[0] : null;
    case 'number': return input.value.trim() === '' ? '' : Number(input.value);
    default: return input.value.trim ? (f.type === 'password' ? input.value : input.value.trim()) : input.value;
  }
}

/** Megabytes in a form to bytes in the API (0 stays 0: unlimited). */
export const mbToBytes = mb => Math.round(Number(mb || 0) * 1024 * 1024);
export const bytesToMb = bytes => (bytes ? Math.round(bytes / 1024 / 1024) : 0);
export const gbToBytes = gb => Math.round(Number(gb || 0) * 1024 * 1024 * 1024);
export const bytesToGb = bytes => (bytes ? +(bytes / 1024 / 1024 / 1024).toFixed(2) : 0);

/** Validators: each returns a message key or null. */
export const valid = {
  nonNegative: v => (Number.isFinite(v) && v >= 0 ? null : 'validation.nonNegative'),
  wholeNumber: v => (Number.isInteger(v) && v >= 0 ? null : 'validation.wholeNumber'),
};
