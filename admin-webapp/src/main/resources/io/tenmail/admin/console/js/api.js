// The one way the console talks to the server: JSON in and out, the session cookie, the CSRF
// token on every unsafe request, and every error turned into an ApiError carrying the server's
// own message (docs/api.md: {"error": "field: problem"}).

const BASE = '/api/v1';
let csrfToken = null;
let onUnauthorized = () => {};

/**
 * An error answer of the API; `field` is the field the message names, if it names one; `code` and
 * `params` the stable machine code and its values, which the console translates (docs/api.md).
 */
export class ApiError extends Error {
  constructor(status, message, retryAfter, code, params) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    this.code = code || null;
    this.params = params || {};
    const m = /^([A-Za-z][\w.\[\]]*): /.exec(message || '');
    this.field = m ? m[1] : null;
    this.detail = m ? message.slice(m[0].length) : message;
  }
}

export function setCsrfToken(token) { csrfToken = token; }

/** Called when a request comes back 401 after login (session expired, account disabled). */
export function setUnauthorizedHandler(handler) { onUnauthorized = handler; }

/** Calls the API; resolves to the parsed JSON body (null for 204), rejects with ApiError. */
export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(BASE + path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, String(e.message || e));
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    const message = json && typeof json.error === 'string' ? json.error : `HTTP ${response.status}`;
    const error = new ApiError(response.status, message, response.headers.get('Retry-After'),
      json && typeof json.code === 'string' ? json.code : null, json && json.params);
    if (response.status === 401 && path !== '/session') onUnauthorized(error);
    throw error;
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});
export const put = (path, body) => api('PUT', path, body ?? {});
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** A path segment or query value, encoded. */
export const enc = encodeURIComponent;

/** "?a=1&b=x" from the non-empty values of an object. */
export function query(params) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(v)}`);
  return parts.length ? '?' + parts.join('&') : '';
}
