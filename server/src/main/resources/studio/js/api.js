// The studio speaks the same HTTP API as every other client: anonymous token, session, uploads,
// the /run_sse chat stream, state, exports, credits, plus the studio's draft save and plan.

const APP = 'nemo_agent';
const STORE = 'imageloop.studio';

/** A failure the API answered with: its code, message and data (see /openapi.json). */
export class ApiError extends Error {
  constructor(status, code, message, data) {
    super(message);
    this.status = status;
    this.code = code;
    this.data = data || {};
  }
}

export class Api {
  constructor() {
    const saved = JSON.parse(localStorage.getItem(STORE) || '{}');
    this.clientId = saved.clientId || crypto.randomUUID();
    this.token = saved.token || null;
    this.sessionId = saved.sessionId || null;
    this.blobs = new Map();
  }

  save() {
    localStorage.setItem(STORE, JSON.stringify({ clientId: this.clientId, token: this.token, sessionId: this.sessionId }));
  }

  /** A token and a session that work, made anew when the stored ones expired or are gone. */
  async start() {
    if (this.token) {
      try {
        await this.balance();
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 1001) throw e;
        this.token = null;
      }
    }
    if (!this.token) {
      const r = await this.call('POST', '/api/auth/anonymous-token', null, { 'X-Client-Id': this.clientId }, false);
      this.token = r.token;
      this.sessionId = null;
    }
    if (this.sessionId) {
      try {
        await this.state();
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 1002) throw e;
        this.sessionId = null;
      }
    }
    if (!this.sessionId) {
      const r = await this.call('POST', `/api/tasks/me/with-session/${APP}`, { task_name: 'studio', language: navigator.language || 'en' });
      this.sessionId = r.session_id;
    }
    this.save();
  }

  headers(extra) {
    const h = { 'X-Skill-Source': 'imageloop-studio', 'X-Skill-Version': '1', 'X-Skill-Platform': 'web', ...(extra || {}) };
    if (this.token) h.Authorization = 'Bearer ' + this.token;
    return h;
  }

  /** One JSON call: resolves to the envelope's data, or throws an ApiError. */
  async call(method, path, body, extraHeaders, auth = true) {
    const headers = this.headers(extraHeaders);
    if (!auth) delete headers.Authorization;
    const init = { method, headers };
    if (body !== null && body !== undefined) {
      if (body instanceof FormData) init.body = body;
      else {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, -1, 'The server cannot be reached.', {});
    }
    let env;
    try {
      env = await res.json();
    } catch (e) {
      throw new ApiError(res.status, -1, `The server answered ${res.status} without a readable body.`, {});
    }
    if (env.code !== 0) throw new ApiError(res.status, env.code, env.message, env.data);
    return env.data;
  }

  balance() { return this.call('GET', '/api/credits/balance/simple'); }
  state() { return this.call('GET', `/api/state/${APP}/me/${this.sessionId}/latest`); }

  upload(file) {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.call('POST', `/api/upload-video/${APP}/me/${this.sessionId}`, form);
  }

  plan(body) { return this.call('POST', `/api/plan/${APP}/me/${this.sessionId}`, body); }

  saveDraft(draft, baseVersion, note) {
    return this.call('POST', `/api/draft/${APP}/me/${this.sessionId}`, { draft, base_version: baseVersion, note });
  }

  /** The preview's status once it differs from `since` (the server waits up to `wait` ms). */
  previewStatus(statusUrl, since, wait) {
    const u = new URL(statusUrl, location.href);
    if (since) u.searchParams.set('since', since);
    if (wait) u.searchParams.set('wait', String(wait));
    return this.call('GET', u.pathname + u.search);
  }

  exportLoop() {
    return this.call('POST', '/api/render/proxy/lambda', {
      id: 'render_' + Date.now(), sessionId: this.sessionId, output: { format: 'mp4', quality: 'high' },
    });
  }

  poll(id) { return this.call('GET', `/api/render/proxy/lambda/${encodeURIComponent(id)}`); }

  /**
   * A file the API serves to this token, as an object URL for <img>/<video>/<a download>
   * (elements cannot send the bearer token themselves). Cached per URL.
   */
  async blobUrl(url) {
    if (this.blobs.has(url)) return this.blobs.get(url);
    const path = new URL(url, location.href);
    const res = await fetch(path.pathname + path.search, { headers: this.headers() });
    if (!res.ok) {
      let env = {};
      try { env = await res.json(); } catch (e) { /* not JSON */ }
      throw new ApiError(res.status, env.code ?? -1, env.message || `download failed (${res.status})`, env.data);
    }
    const blob = await res.blob();
    const obj = URL.createObjectURL(blob);
    this.blobs.set(url, obj);
    return obj;
  }

  /**
   * One chat turn over /run_sse, calling onEvent with each parsed event as it arrives.
   * Resolves when the stream closes.
   */
  async chat(text, onEvent) {
    const res = await fetch('/run_sse', {
      method: 'POST',
      headers: { ...this.headers(), 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ app_name: APP, session_id: this.sessionId, new_message: { role: 'user', parts: [{ text }] } }),
    });
    if (!res.ok || !(res.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
      let env = {};
      try { env = await res.json(); } catch (e) { /* not JSON */ }
      throw new ApiError(res.status, env.code ?? -1, env.message || `the chat failed (${res.status})`, env.data);
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let at;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
        if (data) {
          try { onEvent(JSON.parse(data)); } catch (e) { console.warn('unreadable event', e); }
        }
      }
    }
  }
}
