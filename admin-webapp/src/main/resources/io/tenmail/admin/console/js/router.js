// A tiny hash router: "#/accounts?domain=example.com" -> the view module registered for
// "accounts", given the query parameters. Views are loaded on first use.

const routes = new Map();

/** Registers a view: load() resolves to a module whose render(root, ctx) draws the page. */
export function route(name, load, roles) {
  routes.set(name, { load, roles });
}

export function current() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, search] = hash.split('?');
  return { name: name || '', params: Object.fromEntries(new URLSearchParams(search || '')) };
}

/** Goes to a view; with `replace`, without a new history entry. */
export function navigate(name, params = {}, replace = false) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  const hash = `#/${name}${q ? '?' + q : ''}`;
  if (replace) history.replaceState(null, '', hash); else location.hash = hash;
  if (replace || location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function lookup(name) { return routes.get(name); }

export function names() { return [...routes.keys()]; }
