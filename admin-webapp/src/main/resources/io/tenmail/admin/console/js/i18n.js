// Message catalogs (i18n/<locale>.json, the same keys in each: ConsoleCatalogsTest checks it) and
// the translation function. The locale is the user's choice if they made one, else the browser's.

export const LOCALES = ['en', 'zh-CN'];
const STORAGE_KEY = 'tenmail.locale';
let locale = 'en';
let messages = {};

/** The locale to start with: the saved choice, else the first browser language we speak. */
export function preferredLocale() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LOCALES.includes(saved)) return saved;
  for (const lang of navigator.languages || [navigator.language || 'en']) {
    if (lang.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (lang.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

export async function setLocale(next, remember) {
  const response = await fetch(`i18n/${next}.json`);
  if (!response.ok) throw new Error(`cannot load the ${next} messages (HTTP ${response.status})`);
  messages = await response.json();
  locale = next;
  document.documentElement.lang = next;
  if (remember) localStorage.setItem(STORAGE_KEY, next);
}

export function currentLocale() { return locale; }

/** The message for `key` with {name} placeholders filled; the key itself if it is missing. */
/** Whether the catalogue has this key (for keys built from what the server sent). */
export function hasMessage(key) {
  return messages[key] !== undefined;
}

export function t(key, params = {}) {
  const text = messages[key];
  if (text === undefined) {
    console.warn('missing message', key);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** A date and time in the user's locale, or a dash. */
export function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString(locale) : '—';
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Bytes as "1.5 GB"; `unlimitedKey` for 0 when 0 means no limit. */
export function formatBytes(bytes, unlimitedKey) {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes === 0 && unlimitedKey) return t(unlimitedKey);
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) { value /= 1024; unit++; }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`;
}
