// DOM helpers. Text always goes in as text nodes (never parsed as HTML), so an address or display name can
// never become markup.
import { t, hasMessage } from './i18n.js';
import { ApiError } from './api.js';

/** h('tag.class#id', {attr: value, onclick: fn}, child, ...): children are nodes, text or arrays. */
export function h(spec, attrs, ...children) {
  const [, tag, rest] = /^([a-z0-9]+)(.*)$/.exec(spec);
  const el = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
  }
  if (attrs && (attrs.constructor !== Object)) { children.unshift(attrs); attrs = null; }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A message in the banner under the top bar: kind 'ok' or 'error'; errors stay until dismissed. */
export function flash(kind, text) {
  const box = document.getElementById('flash');
  const item = h(`div.flash.flash-${kind}`, { role: kind === 'error' ? 'alert' : 'status' },
    h('span', text), h('button.link', { type: 'button', 'aria-label': t('common.dismiss'), onclick: () => item.remove() }, '×'));
  box.append(item);
  if (kind === 'ok') setTimeout(() => item.remove(), 5000);
}

export function clearFlash() { document.getElementById('flash').replaceChildren(); }

/** The server's error in the user's language, from its code (docs/api.md, "Errors"); null for a code we do not know. */
export function translatedError(error) {
  if (!(error instanceof ApiError) || !error.code || !hasMessage(`error.code.${error.code}`)) return null;
  const p = { detail: '', field: '', ref: '', ...error.params };
  return t(`error.code.${error.code}`, p);
}

/** The text for a failed call: the server's message, or what went wrong on the way. */
export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network', { detail: error.message });
    if (error.status === 429) return t('error.throttled', { seconds: error.retryAfter || '?' });
    const translated = translatedError(error);
    if (translated) return translated;
    return t('error.server', { status: error.status, message: error.message });
  }
  return t('error.unexpected', { detail: String(error && error.message || error) });
}

/** Runs an action from a button; shows success text or the server's error, never swallows it. */
export async function run(action, okText) {
  try {
    const result = await action();
    if (okText) flash('ok', okText);
    return result;
  } catch (e) {
    flash('error', errorText(e));
    return undefined;
  }
}

export function confirmed(text) { return window.confirm(text); }

export function section(titleKey, ...children) {
  return h('section.card', h('h2', t(titleKey)), children);
}

export function pageTitle(key, params) {
  document.title = `${t(key, params)} · Tenmail`;
  return h('h1', t(key, params));
}

/** A table: columns [{key: messageKey, sort?: field, cell: row => node|text}]. */
export function table(columns, rows, { emptyKey = 'common.empty', sort, onSort, id } = {}) {
  const head = h('tr', columns.map(c => {
    if (!c.sort || !onSort) return h('th', c.key ? t(c.key) : '');
    const active = sort && sort.replace(/^-/, '') === c.sort;
    const arrow = active ? (sort.startsWith('-') ? ' ▼' : ' ▲') : '';
    return h('th', { 'aria-sort': active ? (sort.startsWith('-') ? 'descending' : 'ascending') : 'none' },
      h('button.link.sort', { type: 'button', dataset: { sort: c.sort },
        onclick: () => onSort(active && !sort.startsWith('-') ? '-' + c.sort : c.sort) }, t(c.key) + arrow));
  }));
  const body = rows.length
    ? rows.map(row => h('tr', columns.map(c => h('td', c.cell(row)))))
    : h('tr', h('td.muted', { colSpan: columns.length }, t(emptyKey)));
  return h('table.grid', { id }, h('thead', head), h('tbody', body));
}

/** "1–50 of 10000" with previous/next buttons. */
export function pager(page, onOffset) {
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = Math.min(page.offset + page.items.length, page.total);
  return h('div.pager',
    h('button', { type: 'button', disabled: page.offset === 0, onclick: () => onOffset(Math.max(0, page.offset - page.limit)) },
      t('common.previous')),
    h('span.pager-range', t('common.range', { from, to, total: page.total })),
    h('button', { type: 'button', disabled: to >= page.total, onclick: () => onOffset(page.offset + page.limit) },
      t('common.next')));
}

export function badge(on, onKey, offKey) {
  return h(`span.badge.${on ? 'on' : 'off'}`, t(on ? onKey : offKey));
}

/** A usage bar: used of limit bytes (limit 0 = none). */
export function meter(used, limit) {
  const share = limit > 0 && used !== null ? Math.min(1, used / limit) : 0;
  const fill = h('span.meter-fill' + (share > 0.9 ? '.meter-high' : ''));
  fill.style.width = `${Math.round(share * 100)}%`;   // CSSOM, not a style attribute: the CSP forbids those
  return h('span.meter', { title: `${Math.round(share * 100)}%` }, fill);
}

export function splitList(text) {
  return String(text || '').split(/[\s,;]+/).map(s => s.trim()).filter(Boolean);
}

export const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/i;
