// defender-connector web console: a small single-page app over the REST API (/api/v1).
// Everything dynamic is inserted as text nodes, never as HTML, so stored data cannot inject markup.
'use strict';

const state = { me: null, streams: null, refresh: null };

// ---------- DOM helpers ----------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.substring(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function show(...nodes) {
  const app = document.getElementById('app');
  app.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
}

function badge(value) {
  return h('span', { class: 'badge ' + value, 'data-state': value }, value);
}

function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function ago(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 90) return seconds + ' s';
  if (seconds < 5400) return Math.round(seconds / 60) + ' min';
  if (seconds < 172800) return Math.round(seconds / 3600) + ' h';
  return Math.round(seconds / 86400) + ' d';
}

function notice(kind, ...text) {
  return h('div', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, ...text);
}

const SEVERITY = { 0: 'Unknown', 1: 'Informational', 2: 'Low', 3: 'Medium', 4: 'High', 5: 'Critical', 6: 'Fatal', 99: 'Other' };

// ---------- API ----------

class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || ('HTTP ' + status));
    this.status = status;
    this.fix = e.fix;
    this.fields = e.fields || [];
  }
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.me && state.me.csrfToken) headers['X-CSRF-Token'] = state.me.csrfToken;
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (response.status === 401 && path !== '/api/v1/session') {
    state.me = null;
    renderLogin('Your session ended. Sign in again.');
    throw new ApiError(401, data);
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function errorNotice(err) {
  return notice('error', err.message, err.fix ? h('div', { class: 'small' }, 'Fix: ' + err.fix) : null);
}

const isAdmin = () => state.me && state.me.role === 'admin';

// ---------- sign-in ----------

function renderLogin(message) {
  stopRefresh();
  document.getElementById('topbar').hidden = true;
  const error = h('div', { id: 'login-error' });
  const username = h('input', { type: 'text', id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', id: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', {
    class: 'panel', id: 'login-form', onsubmit: async (event) => {
      event.preventDefault();
      error.replaceChildren();
      try {
        state.me = await api('POST', '/api/v1/session', { username: username.value, password: password.value });
        password.value = '';
        start();
      } catch (err) {
        error.replaceChildren(errorNotice(err));
      }
    },
  },
  h('h1', {}, 'defender-connector'),
  message ? notice('info', message) : null,
  error,
  h('label', { for: 'username' }, 'Username'), username,
  h('label', { for: 'password' }, 'Password'), password,
  h('button', { class: 'primary', type: 'submit', id: 'login-submit' }, 'Sign in'));
  show(h('div', { class: 'login' }, form));
  username.focus();
}

// ---------- routing ----------

function stopRefresh() {
  if (state.refresh) clearInterval(state.refresh);
  state.refresh = null;
}

async function route() {
  stopRefresh();
  if (!state.me) return;
  const parts = (location.hash || '#/integrations').substring(2).split('/').map(decodeURIComponent);
  for (const link of document.querySelectorAll('.topbar nav a')) {
    link.classList.toggle('active', link.getAttribute('href') === '#/' + parts[0]);
  }
  try {
    if (parts[0] === 'integrations' && parts.length === 1) await integrationsPage();
    else if (parts[0] === 'integrations' && parts[1] === 'new') await integrationForm(null);
    else if (parts[0] === 'integrations' && parts[2] === 'edit') await integrationForm(parts[1]);
    else if (parts[0] === 'integrations') await integrationPage(parts[1]);
    else if (parts[0] === 'events' && parts.length > 1 && parts[1]) await eventPage(parts[1]);
    else if (parts[0] === 'events') await eventsPage();
    else if (parts[0] === 'settings') await settingsPage();
    else location.hash = '#/integrations';
  } catch (err) {
    if (err.status !== 401) show(errorNotice(err));
  }
}

async function start() {
  document.getElementById('topbar').hidden = false;
  document.getElementById('who').textContent = state.me.username + ' (' + state.me.role + ')';
  if (!location.hash || location.hash === '#' || location.hash === '#/') location.hash = '#/integrations';
  else await route();
}

// ---------- integrations ----------

async function integrationsPage() {
  const data = await api('GET', '/api/v1/integrations');
  const rows = data.integrations.map((i) => h('tr', {
    class: 'clickable', 'data-name': i.name, onclick: () => { location.hash = '#/integrations/' + encodeURIComponent(i.name); },
  },
  h('td', {}, h('a', { href: '#/integrations/' + encodeURIComponent(i.name) }, i.name)),
  h('td', {}, i.tenantId),
  h('td', {}, i.cloud + (i.region ? ' / ' + i.region : '') + (i.apiBaseUrl ? ' (custom)' : '')),
  h('td', {}, i.streams.join(', ')),
  h('td', {}, badge(i.state)),
  h('td', {}, i.expiry && i.expiry.warning ? h('span', { class: 'badge DEGRADED', title: i.expiry.message },
    i.expiry.daysLeft < 0 ? 'expired' : 'expires in ' + i.expiry.daysLeft + ' d')
    : h('span', { class: 'small muted' }, i.authMethod === 'certificate' ? 'certificate' : 'secret',
      i.expiry && i.expiry.expires ? ', until ' + i.expiry.expires : ''))));
  show(
    h('div', { class: 'spread' }, h('h1', {}, 'Integrations'),
      isAdmin() ? h('a', { class: 'button primary', href: '#/integrations/new', id: 'add-integration' }, 'Add integration') : null),
    rows.length === 0
      ? h('div', { class: 'panel muted' }, 'No integration yet. ', isAdmin() ? 'Add one to start collecting.' : 'Ask an admin to add one.')
      : h('table', { id: 'integrations' }, h('thead', {}, h('tr', {},
        h('th', {}, 'Name'), h('th', {}, 'Tenant'), h('th', {}, 'Cloud'), h('th', {}, 'Streams'), h('th', {}, 'State'), h('th', {}, 'Credential'))),
      h('tbody', {}, rows)));
}

async function streamCatalog() {
  if (!state.streams) state.streams = (await api('GET', '/api/v1/streams')).streams;
  return state.streams;
}

function readFileForUpload(file) {
  // PEM stays text; a PKCS#12 file is sent as base64.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error);
    reader.onload = () => {
      const bytes = new Uint8Array(reader.result);
      const text = new TextDecoder().decode(bytes);
      if (text.includes('-----BEGIN')) { resolve(text); return; }
      let binary = '';
      for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
      resolve(btoa(binary));
    };
    reader.readAsArrayBuffer(file);
  });
}

async function integrationForm(name) {
  const existing = name ? await api('GET', '/api/v1/integrations/' + encodeURIComponent(name)) : null;
  const catalog = await streamCatalog();
  const fields = {};
  const errorSlots = {};
  const input = (field, attrs) => (fields[field] = h('input', Object.assign({ id: 'f-' + field, name: field }, attrs)));
  const row = (field, label, control, hint) => {
    errorSlots[field] = h('div', { class: 'error-text', id: 'err-' + field });
    return [h('label', { class: 'field', for: 'f-' + field }, label),
      h('div', { id: 'row-' + field }, control, hint ? h('div', { class: 'hint' }, hint) : null, errorSlots[field])];
  };
  const v = (x) => (x === null || x === undefined ? '' : x);
  const secretHint = (set) => (set ? 'Stored. Leave empty to keep it.' : null);

  const authSecret = h('input', { type: 'radio', name: 'authMethod', value: 'secret', id: 'auth-secret' });
  const authCert = h('input', { type: 'radio', name: 'authMethod', value: 'certificate', id: 'auth-certificate' });
  (existing && existing.authMethod === 'certificate' ? authCert : authSecret).checked = true;
  const certFile = h('input', { type: 'file', id: 'f-certificateFile', accept: '.pem,.crt,.cer,.key,.pfx,.p12' });
  const certText = h('textarea', { id: 'f-certificate', name: 'certificate', placeholder: '-----BEGIN CERTIFICATE----- ... -----BEGIN PRIVATE KEY----- ...' });
  fields.certificate = certText;
  const streamBoxes = catalog.map((s) => h('label', { title: s.description + ' — needs ' + s.permissions.join(' or ') + ' (' + s.api + ')' },
    h('input', { type: 'checkbox', value: s.id, id: 'stream-' + s.id, checked: existing ? existing.streams.includes(s.id) : false }),
    h('span', {}, s.id)));
  const cloud = h('select', { id: 'f-cloud', name: 'cloud' }, ...['global', 'gcc', 'gcc-high', 'dod'].map((c) =>
    h('option', { value: c, selected: existing ? existing.cloud === c : c === 'global' }, c)));
  fields.cloud = cloud;
  const region = h('select', { id: 'f-region', name: 'region' }, h('option', { value: '' }, '(none)'),
    ...['us', 'eu', 'uk', 'au', 'swa', 'ina', 'aea'].map((r) => h('option', { value: r, selected: existing && existing.region === r }, r)));
  fields.region = region;
  const caText = h('textarea', { id: 'f-extraCaPem', name: 'extraCaPem', placeholder: '-----BEGIN CERTIFICATE-----' }, v(existing && existing.extraCaPem));
  fields.extraCaPem = caText;
  const s = (existing && existing.streaming) || {};

  const secretRows = h('div', { id: 'secret-fields' });
  const certRows = h('div', { id: 'certificate-fields' });
  const formError = h('div', { id: 'form-error' });
  const testArea = h('div', { class: 'test-results', id: 'test-results' });

  const form = h('form', { class: 'grid panel', id: 'integration-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); save(); } },
    ...row('name', 'Name', input('name', { type: 'text', value: v(existing && existing.name), disabled: !!existing, placeholder: 'contoso-prod' }),
      'Letters, digits, ".", "_" or "-". Shown in events as the integration.'),
    ...row('tenantId', 'Tenant ID', input('tenantId', { type: 'text', value: v(existing && existing.tenantId) }),
      'Microsoft Entra ID > Overview > Directory (tenant) ID'),
    ...row('clientId', 'Client ID', input('clientId', { type: 'text', value: v(existing && existing.clientId) }),
      'App registrations > your app > Application (client) ID'),
    ...row('authMethod', 'Authentication', h('div', { class: 'row' },
      h('label', {}, authSecret, ' Client secret'), h('label', {}, authCert, ' Certificate'))),
    h('fieldset', {}, h('legend', {}, 'Credential'), secretRows, certRows),
    ...row('cloud', 'Cloud', cloud),
    ...row('region', 'Region', region, 'Geo-local Defender API host (global cloud only).'),
    ...row('streams', 'Streams', h('div', { class: 'checks', id: 'streams' }, streamBoxes),
      'Hover a stream for the permission it needs.'),
    ...row('pollIntervalSeconds', 'Poll interval (s)', input('pollIntervalSeconds', { type: 'number', min: 0, value: existing ? existing.pollIntervalSeconds : 0 }),
      '0 uses each stream\'s own default (alerts every minute, inventories hourly).'),
    isAdmin() ? h('fieldset', { id: 'advanced' }, h('legend', {}, 'Custom endpoint (admins only)'),
      h('div', { class: 'subgrid' },
        h('label', { class: 'field', for: 'f-apiBaseUrl' }, 'API base URL'),
        input('apiBaseUrl', { type: 'text', value: v(existing && existing.apiBaseUrl), placeholder: 'https://emulator.example:8443' }),
        h('div', { class: 'hint' }, 'One https URL serving sign-in and every API: the emulator, or a proxy you control.'),
        errorSlots.apiBaseUrl = h('div', { class: 'error-text', id: 'err-apiBaseUrl' }),
        h('label', { class: 'field', for: 'f-extraCaPem' }, 'Extra CA certificate (PEM)'), caText,
        errorSlots.extraCaPem = h('div', { class: 'error-text', id: 'err-extraCaPem' }))) : null,
    isAdmin() ? h('fieldset', { id: 'audiences' }, h('legend', {}, 'Token audiences (admins only)'),
      h('div', { class: 'small muted' }, 'Only if the API refuses the cloud\'s default audience (the Test reports WRONG_AUDIENCE):'
        + ' Microsoft does not document the US Government ones. An https App ID URI or an application id (GUID); empty uses the cloud\'s default.'),
      errorSlots.audiences = h('div', { class: 'error-text', id: 'err-audiences' }),
      h('div', { class: 'subgrid' },
        ...[['mde', 'Defender for Endpoint'], ['xdr', 'Defender XDR'], ['graph', 'Microsoft Graph']].flatMap(([api, label]) => [
          h('label', { class: 'field', for: 'f-audience-' + api }, label),
          h('div', { id: 'row-audiences.' + api },
            fields['audience-' + api] = h('input', { type: 'text', id: 'f-audience-' + api, name: 'audiences.' + api,
              value: v(existing && existing.audiences && existing.audiences[api]), placeholder: 'the cloud\'s default' }),
            errorSlots['audiences.' + api] = h('div', { class: 'error-text', id: 'err-audiences-' + api }))]))) : null,
    h('fieldset', {}, h('legend', {}, 'Streaming API destination (optional)'),
      h('div', { class: 'small muted' }, 'Stored for the streaming sources: a storage account with its queue, or an Event Hub.'
        + ' A storage connection string replaces account and key and may name other endpoints (e.g. Azurite).'
        + ' The consumer group is a Kafka group, created on first use; empty means defender-connector-<name>.'),
      h('div', { class: 'filters' },
        h('div', {}, h('label', { for: 'f-storageAccount' }, 'Storage account'), input('storageAccount', { type: 'text', value: v(s.storageAccount) })),
        h('div', {}, h('label', { for: 'f-storageQueue' }, 'Queue'), input('storageQueue', { type: 'text', value: v(s.storageQueue) })),
        h('div', {}, h('label', { for: 'f-storageKey' }, 'Storage key'), input('storageKey', { type: 'password', autocomplete: 'off', placeholder: s.storageKey ? 'stored — empty keeps it' : '' })),
        isAdmin()
          ? h('div', {}, h('label', { for: 'f-storageConnectionString' }, 'Storage connection string (admins only)'),
            input('storageConnectionString', { type: 'password', autocomplete: 'off', placeholder: s.storageConnectionString ? 'stored — empty keeps it' : 'instead of account + key' }))
          : h('div', {}),
        h('div', {}, h('label', { for: 'f-eventHubNamespace' }, 'Event Hub namespace'), input('eventHubNamespace', { type: 'text', value: v(s.eventHubNamespace) })),
        h('div', {}, h('label', { for: 'f-eventHubName' }, 'Event Hub'), input('eventHubName', { type: 'text', value: v(s.eventHubName) })),
        h('div', {}, h('label', { for: 'f-eventHubConsumerGroup' }, 'Consumer group'), input('eventHubConsumerGroup', { type: 'text', value: v(s.eventHubConsumerGroup), placeholder: 'defender-connector-' + (existing ? existing.name : '<name>') })),
        h('div', {}, h('label', { for: 'f-eventHubConnectionString' }, 'Connection string'), input('eventHubConnectionString', { type: 'password', autocomplete: 'off', placeholder: s.eventHubConnectionString ? 'stored — empty keeps it' : '' }))),
      errorSlots.storageAccount = h('div', { class: 'error-text', id: 'err-storageAccount' }),
      errorSlots.storageQueue = h('div', { class: 'error-text', id: 'err-storageQueue' }),
      errorSlots.storageKey = h('div', { class: 'error-text', id: 'err-storageKey' }),
      errorSlots.storageConnectionString = h('div', { class: 'error-text', id: 'err-storageConnectionString' }),
      errorSlots.eventHubNamespace = h('div', { class: 'error-text', id: 'err-eventHubNamespace' })),
    h('div', { class: 'full' }, formError,
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'test-integration', onclick: () => test() }, 'Test'),
        h('button', { type: 'submit', class: 'primary', id: 'save-integration' }, existing ? 'Save changes' : 'Save'),
        h('a', { class: 'button', href: existing ? '#/integrations/' + encodeURIComponent(existing.name) : '#/integrations' }, 'Cancel')),
      testArea));

  secretRows.append(h('div', { class: 'subgrid' },
    ...row('clientSecret', 'Client secret', input('clientSecret', { type: 'password', autocomplete: 'off', placeholder: existing && existing.credentials.clientSecret ? 'stored — leave empty to keep it' : 'the secret\'s Value' }),
      secretHint(existing && existing.credentials.clientSecret) || 'Certificates & secrets > Client secrets > Value (not the Secret ID).'),
    ...row('secretExpires', 'Secret expires', input('secretExpires', { type: 'date', value: v(existing && existing.credentials.secretExpires) }),
      'From the Expires column; you are warned before it passes.')));
  certRows.append(h('div', { class: 'subgrid' },
    ...row('certificate', 'Certificate + key', h('div', {}, certFile, certText),
      existing && existing.credentials.certificate
        ? 'Stored: ' + existing.credentials.certificate.subject + ', thumbprint ' + existing.credentials.certificate.thumbprint + '. Leave empty to keep it.'
        : 'A PEM with the certificate and its private key, or a .pfx/.p12 file.'),
    ...row('certificatePassword', 'Certificate password', input('certificatePassword', { type: 'password', autocomplete: 'off', placeholder: existing && existing.credentials.certificatePassword ? 'stored — leave empty to keep it' : '' }),
      'For a .pfx/.p12 file or an encrypted key.')));
  let uploaded = null;
  certFile.addEventListener('change', async () => {
    uploaded = certFile.files.length ? await readFileForUpload(certFile.files[0]) : null;
    certText.value = uploaded && uploaded.includes('-----BEGIN') ? uploaded : '';
    certText.placeholder = uploaded && !uploaded.includes('-----BEGIN') ? certFile.files[0].name + ' (PKCS#12) selected' : certText.placeholder;
  });
  const syncAuth = () => { secretRows.hidden = !authSecret.checked; certRows.hidden = !authCert.checked; };
  authSecret.addEventListener('change', syncAuth);
  authCert.addEventListener('change', syncAuth);
  syncAuth();

  function collect() {
    const body = {
      tenantId: fields.tenantId.value, clientId: fields.clientId.value,
      authMethod: authCert.checked ? 'certificate' : 'secret',
      cloud: cloud.value, region: region.value,
      streams: streamBoxes.map((l) => l.querySelector('input')).filter((c) => c.checked).map((c) => c.value),
      pollIntervalSeconds: Number(fields.pollIntervalSeconds.value || 0),
      storageAccount: fields.storageAccount.value, storageQueue: fields.storageQueue.value,
      eventHubNamespace: fields.eventHubNamespace.value, eventHubName: fields.eventHubName.value,
      eventHubConsumerGroup: fields.eventHubConsumerGroup.value,
    };
    if (!existing) body.name = fields.name.value;
    if (authSecret.checked) {
      if (fields.clientSecret.value) body.clientSecret = fields.clientSecret.value;
      body.secretExpires = fields.secretExpires.value;
    } else {
      const cert = certText.value.trim() || uploaded;
      if (cert) body.certificate = cert;
      if (fields.certificatePassword.value) body.certificatePassword = fields.certificatePassword.value;
    }
    if (fields.storageKey.value) body.storageKey = fields.storageKey.value;
    if (fields.storageConnectionString && fields.storageConnectionString.value) body.storageConnectionString = fields.storageConnectionString.value;
    if (fields.eventHubConnectionString.value) body.eventHubConnectionString = fields.eventHubConnectionString.value;
    if (isAdmin()) {
      body.apiBaseUrl = fields.apiBaseUrl.value; body.extraCaPem = caText.value;
      body.audiences = { mde: fields['audience-mde'].value, xdr: fields['audience-xdr'].value, graph: fields['audience-graph'].value };
    }
    return body;
  }

  function showErrors(err) {
    for (const slot of Object.values(errorSlots)) slot.replaceChildren();
    for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
    formError.replaceChildren();
    if (!err) return;
    formError.append(errorNotice(err));
    for (const f of err.fields) {
      const slot = errorSlots[f.field] || formError;
      slot.append(h('div', {}, f.problem + (f.fix ? ' — ' + f.fix : '')));
      const rowEl = document.getElementById('row-' + f.field);
      if (rowEl) rowEl.classList.add('invalid');
    }
  }

  async function test() {
    showErrors(null);
    testArea.replaceChildren(notice('info', 'Testing: requesting tokens and reading each stream once…'));
    const button = document.getElementById('test-integration');
    button.disabled = true;
    try {
      const result = existing
        ? await api('POST', '/api/v1/integrations/' + encodeURIComponent(existing.name) + '/test', collect())
        : await api('POST', '/api/v1/integration-tests', collect());
      testArea.replaceChildren(renderTest(result));
    } catch (err) {
      testArea.replaceChildren();
      showErrors(err);
    } finally {
      button.disabled = false;
    }
  }

  async function save() {
    showErrors(null);
    try {
      const saved = existing
        ? await api('PUT', '/api/v1/integrations/' + encodeURIComponent(existing.name), collect())
        : await api('POST', '/api/v1/integrations', collect());
      location.hash = '#/integrations/' + encodeURIComponent(saved.name);
    } catch (err) {
      showErrors(err);
    }
  }

  show(h('h1', {}, existing ? 'Edit ' + existing.name : 'Add integration'), form);
}

function renderTest(result) {
  const lines = result.checks.map((c) => h('div', { class: 'check', 'data-check': c.id, 'data-status': c.status },
    h('div', { class: 'spread' }, h('span', {}, badge(c.status), ' ', c.title), h('span', { class: 'small muted' }, c.stream || '')),
    c.detail ? h('div', { class: 'small muted' }, c.detail) : null,
    c.advice ? h('div', { class: 'advice' },
      h('div', {}, h('strong', {}, 'Cause '), c.advice.cause),
      h('div', {}, h('strong', {}, 'Fix '), c.advice.fix),
      h('div', { class: 'small muted' }, 'Guidance ' + c.advice.id)) : null));
  return h('div', { class: 'panel', id: 'test-result', 'data-ok': String(result.ok) },
    notice(result.ok ? 'ok' : 'error', h('strong', {}, result.ok ? 'Test passed. ' : 'Test failed. '), result.summary),
    result.credential ? h('div', { class: 'small muted' }, 'Credential: ' + result.credential + ' · ' + (result.endpoints || '')) : null,
    lines);
}

async function integrationPage(name) {
  const path = '/api/v1/integrations/' + encodeURIComponent(name);
  const integration = await api('GET', path);
  const statusArea = h('div', { id: 'status' });
  const testArea = h('div', { class: 'test-results', id: 'test-results' });
  const actionError = h('div', { id: 'action-error' });

  async function act(action) {
    actionError.replaceChildren();
    try {
      if (action === 'delete') {
        if (!confirm('Delete ' + name + '? Collected events stay in the store.')) return;
        await api('DELETE', path);
        location.hash = '#/integrations';
        return;
      }
      if (action === 'test') {
        testArea.replaceChildren(notice('info', 'Testing: requesting tokens and reading each stream once…'));
        testArea.replaceChildren(renderTest(await api('POST', path + '/test')));
        return;
      }
      await api('POST', path + '/' + action);
      await integrationPage(name);
    } catch (err) {
      actionError.replaceChildren(errorNotice(err));
      testArea.replaceChildren();
    }
  }

  const c = integration.credentials;
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'Tenant ID'), h('dd', {}, integration.tenantId),
    h('dt', {}, 'Client ID'), h('dd', {}, integration.clientId),
    h('dt', {}, 'Authentication'), h('dd', {}, integration.authMethod === 'certificate'
      ? 'certificate ' + (c.certificate ? c.certificate.thumbprint + ' (' + c.certificate.subject + ')' : '(missing)')
      : 'client secret ' + (c.clientSecret ? '(stored)' : '(missing)')),
    h('dt', {}, 'Cloud'), h('dd', {}, integration.cloud + (integration.region ? ' / ' + integration.region : '')),
    integration.apiBaseUrl ? [h('dt', {}, 'Custom API base URL'), h('dd', {}, integration.apiBaseUrl)] : null,
    integration.audiences && Object.keys(integration.audiences).length
      ? [h('dt', {}, 'Token audiences'), h('dd', { id: 'audiences-shown' }, Object.entries(integration.audiences).map(([api, aud]) => api + ': ' + aud).join(', '))] : null,
    integration.streaming && (integration.streaming.storageAccount || integration.streaming.eventHubNamespace)
      ? [h('dt', {}, 'Streaming API'), h('dd', {}, integration.streaming.storageAccount
        ? 'storage ' + integration.streaming.storageAccount + ' / queue ' + integration.streaming.storageQueue
        : 'Event Hub ' + integration.streaming.eventHubNamespace + ' / ' + integration.streaming.eventHubName)] : null,
    h('dt', {}, 'Streams'), h('dd', {}, integration.streams.join(', ')),
    h('dt', {}, 'Updated'), h('dd', {}, when(integration.updated)));

  const buttons = isAdmin() ? h('div', { class: 'row' },
    integration.active
      ? h('button', { id: 'deactivate', onclick: () => act('deactivate') }, 'Deactivate')
      : h('button', { class: 'primary', id: 'activate', onclick: () => act('activate') }, 'Activate'),
    h('button', { id: 'test', onclick: () => act('test') }, 'Test'),
    h('a', { class: 'button', id: 'edit', href: '#/integrations/' + encodeURIComponent(name) + '/edit' }, 'Edit'),
    h('button', { class: 'danger', id: 'delete', onclick: () => act('delete') }, 'Delete')) : null;

  show(h('div', { class: 'spread' }, h('h1', {}, integration.name), buttons),
    actionError,
    integration.expiry && integration.expiry.message
      ? notice(integration.expiry.warning ? 'warn' : 'info', integration.expiry.message) : null,
    h('div', { class: 'panel' }, facts),
    testArea,
    h('h2', {}, 'Status'), statusArea);

  async function refresh() {
    try {
      statusArea.replaceChildren(renderStatus(await api('GET', path + '/status')));
    } catch (err) {
      if (err.status !== 401) statusArea.replaceChildren(errorNotice(err));
    }
  }
  await refresh();
  state.refresh = setInterval(refresh, 3000);
}

function renderStatus(status) {
  const rows = status.streams.map((s) => h('tr', { 'data-stream': s.stream },
    h('td', {}, s.stream), h('td', {}, badge(s.state)),
    h('td', { class: 'num' }, s.records), h('td', { class: 'num' }, s.stored),
    h('td', {}, when(s.lastSuccess)), h('td', {}, ago(s.lagSeconds)),
    h('td', {}, s.lastError ? h('div', {}, h('div', {}, s.lastError), s.fix ? h('div', { class: 'small' }, 'Fix: ' + s.fix) : null) : '—')));
  const budget = (status.budget || []).map((b) => h('tr', {},
    h('td', {}, b.family), h('td', { class: 'num' }, b.callsLastMinute + (b.perMinute ? ' / ' + b.perMinute : '')),
    h('td', { class: 'num' }, b.callsLastHour + (b.perHour ? ' / ' + b.perHour : ''))));
  return h('div', { id: 'status-body', 'data-state': status.state },
    h('div', { class: 'row' }, 'Overall: ', badge(status.state)),
    h('table', { id: 'stream-status' }, h('thead', {}, h('tr', {},
      h('th', {}, 'Stream'), h('th', {}, 'State'), h('th', {}, 'Records'), h('th', {}, 'Stored'),
      h('th', {}, 'Last success'), h('th', {}, 'Lag'), h('th', {}, 'Last error and fix'))), h('tbody', {}, rows)),
    budget.length ? [h('h2', {}, 'API rate budget'), h('table', {}, h('thead', {}, h('tr', {},
      h('th', {}, 'API'), h('th', {}, 'Last minute'), h('th', {}, 'Last hour'))), h('tbody', {}, budget))] : null);
}

// ---------- events ----------

const filterState = {};

async function eventsPage() {
  const integrations = (await api('GET', '/api/v1/integrations')).integrations;
  const catalog = await streamCatalog();
  const f = {};
  const field = (name, label, control) => h('div', {}, h('label', { for: 'ev-' + name }, label), (f[name] = control));
  const toLocal = (iso) => (iso ? iso.substring(0, 16) : '');
  const filters = h('form', { class: 'panel', id: 'event-filters', onsubmit: (e) => { e.preventDefault(); search(); } },
    h('div', { class: 'filters' },
      field('from', 'From (UTC)', h('input', { type: 'datetime-local', id: 'ev-from', value: toLocal(filterState.from) })),
      field('to', 'To (UTC)', h('input', { type: 'datetime-local', id: 'ev-to', value: toLocal(filterState.to) })),
      field('tenant', 'Integration', h('select', { id: 'ev-tenant' }, h('option', { value: '' }, 'all'),
        ...integrations.map((i) => h('option', { value: i.name, selected: filterState.tenant === i.name }, i.name)))),
      field('stream', 'Stream', h('select', { id: 'ev-stream' }, h('option', { value: '' }, 'all'),
        ...catalog.map((s) => h('option', { value: s.id, selected: filterState.stream === s.id }, s.id)))),
      field('class', 'OCSF class uid', h('input', { type: 'number', id: 'ev-class', placeholder: 'e.g. 2004', value: filterState.class || '' })),
      field('severity', 'Severity', h('select', { id: 'ev-severity' }, h('option', { value: '' }, 'any'),
        ...[[5, '5 Critical'], [4, '4 High'], [3, '3 Medium'], [2, '2 Low'], [1, '1 Informational']].map(([id, label]) =>
          h('option', { value: id, selected: String(filterState.severity) === String(id) }, label)),
        h('option', { value: '4,5,6', selected: filterState.severity === '4,5,6' }, 'High or worse'))),
      field('device', 'Device', h('input', { type: 'text', id: 'ev-device', placeholder: 'host name prefix or device id', value: filterState.device || '' })),
      field('q', 'Text', h('input', { type: 'search', id: 'ev-q', placeholder: 'anywhere in the JSON', value: filterState.q || '' }))),
    h('div', { class: 'row mt' },
      h('button', { class: 'primary', type: 'submit', id: 'ev-search' }, 'Search'),
      h('a', { class: 'button', id: 'ev-export', href: '#' }, 'Export NDJSON'),
      h('span', { class: 'small muted', id: 'ev-info' })));
  const tbody = h('tbody', {});
  const more = h('button', { id: 'ev-more', hidden: true }, 'Load more');
  const table = h('table', { id: 'events' }, h('thead', {}, h('tr', {},
    h('th', {}, 'Time'), h('th', {}, 'Integration'), h('th', {}, 'Stream'), h('th', {}, 'Class'),
    h('th', {}, 'Severity'), h('th', {}, 'Device'), h('th', {}, 'Summary'))), tbody);
  show(h('h1', {}, 'Events'), filters, table, h('div', { class: 'row mt' }, more));

  let cursor = null;
  function query() {
    const params = new URLSearchParams();
    const from = f.from.value ? new Date(f.from.value + 'Z').toISOString() : '';
    const to = f.to.value ? new Date(f.to.value + 'Z').toISOString() : '';
    Object.assign(filterState, { from, to, tenant: f.tenant.value, stream: f.stream.value, class: f.class.value,
      severity: f.severity.value, device: f.device.value, q: f.q.value });
    for (const [key, value] of Object.entries(filterState)) if (value) params.set(key, value);
    return params;
  }
  async function load(append) {
    const params = query();
    f.export = document.getElementById('ev-export');
    f.export.href = '/api/v1/events/export?' + params.toString();
    params.set('limit', '50');
    if (append && cursor) params.set('cursor', cursor);
    const page = await api('GET', '/api/v1/events?' + params.toString());
    if (!append) tbody.replaceChildren();
    for (const e of page.events) {
      tbody.append(h('tr', { class: 'clickable', 'data-uid': e.uid, onclick: () => { location.hash = '#/events/' + e.uid; } },
        h('td', { class: 'nowrap' }, when(e.time)), h('td', {}, e.tenant), h('td', {}, e.stream),
        h('td', {}, e.classUid === undefined ? '—' : e.classUid), h('td', {}, e.severityId === undefined ? '—' : (SEVERITY[e.severityId] || e.severityId)),
        h('td', {}, e.device || '—'), h('td', {}, e.title || e.kind || '')));
    }
    cursor = page.next || null;
    more.hidden = !cursor;
    document.getElementById('ev-info').textContent = page.complete
      ? (tbody.children.length === 0 ? 'No event matches.' : tbody.children.length + ' shown' + (cursor ? '' : ', no more.'))
      : tbody.children.length + ' found so far in ' + page.scanned + ' events examined; load more to search further back.';
  }
  function search() { cursor = null; load(false).catch((err) => { if (err.status !== 401) tbody.replaceChildren(h('tr', {}, h('td', { colspan: 7 }, errorNotice(err)))); }); }
  more.addEventListener('click', () => load(true));
  search();
}

async function eventPage(uid) {
  const e = await api('GET', '/api/v1/events/' + encodeURIComponent(uid));
  const pretty = (json) => (json === undefined || json === null ? '(not normalized)' : JSON.stringify(json, null, 2));
  show(h('div', { class: 'spread' }, h('h1', {}, 'Event ' + e.uid), h('a', { class: 'button', href: '#/events' }, 'Back to events')),
    h('div', { class: 'panel' }, h('dl', { class: 'facts' },
      h('dt', {}, 'Time'), h('dd', {}, when(e.time)),
      h('dt', {}, 'Integration / stream'), h('dd', {}, e.tenant + ' / ' + e.stream),
      h('dt', {}, 'Kind'), h('dd', {}, e.kind || '—'),
      h('dt', {}, 'Natural id'), h('dd', {}, e.naturalId || '—'))),
    h('div', { class: 'json-pair', id: 'event-json' },
      h('div', {}, h('h2', {}, 'OCSF'), h('pre', { id: 'event-ocsf' }, pretty(e.ocsf))),
      h('div', {}, h('h2', {}, 'Raw (as received)'), h('pre', { id: 'event-raw' }, pretty(e.raw)))));
}

// ---------- settings ----------

async function settingsPage() {
  const sections = [h('h1', {}, 'Settings'), passwordPanel()];
  if (isAdmin()) {
    const [users, tokens, audit] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/tokens'), api('GET', '/api/v1/audit?limit=50')]);
    sections.push(usersPanel(users.users), tokensPanel(tokens.tokens), auditPanel(audit.entries));
  }
  show(...sections);
}

function passwordPanel() {
  const current = h('input', { type: 'password', id: 'pw-current', autocomplete: 'current-password' });
  const next = h('input', { type: 'password', id: 'pw-new', autocomplete: 'new-password' });
  const out = h('div', {});
  return h('form', { class: 'panel', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api('PUT', '/api/v1/me/password', { currentPassword: current.value, newPassword: next.value });
      state.me = null;
      renderLogin('Password changed. Sign in with the new password.');
    } catch (err) { out.replaceChildren(errorNotice(err)); }
  } }, h('h2', {}, 'Change my password'), out,
  h('div', { class: 'filters' }, h('div', {}, h('label', { for: 'pw-current' }, 'Current password'), current),
    h('div', {}, h('label', { for: 'pw-new' }, 'New password (12+ characters)'), next),
    h('div', {}, h('button', { type: 'submit' }, 'Change password'))));
}

function usersPanel(users) {
  const name = h('input', { type: 'text', id: 'user-name' });
  const password = h('input', { type: 'password', id: 'user-password', autocomplete: 'new-password' });
  const role = h('select', { id: 'user-role' }, h('option', { value: 'viewer' }, 'viewer'), h('option', { value: 'admin' }, 'admin'));
  const out = h('div', {});
  const rows = users.map((u) => h('tr', {}, h('td', {}, u.username), h('td', {}, u.role), h('td', {}, when(u.created)),
    h('td', {}, u.username === state.me.username ? '' : h('button', { class: 'danger', onclick: async () => {
      if (!confirm('Delete user ' + u.username + '?')) return;
      try { await api('DELETE', '/api/v1/users/' + encodeURIComponent(u.username)); settingsPage(); } catch (err) { out.replaceChildren(errorNotice(err)); }
    } }, 'Delete'))));
  return h('div', { class: 'panel' }, h('h2', {}, 'Users'), out,
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'User'), h('th', {}, 'Role'), h('th', {}, 'Created'), h('th', {}, ''))), h('tbody', {}, rows)),
    h('form', { onsubmit: async (e) => {
      e.preventDefault();
      try { await api('POST', '/api/v1/users', { username: name.value, password: password.value, role: role.value }); settingsPage(); } catch (err) { out.replaceChildren(errorNotice(err)); }
    } }, h('div', { class: 'filters mt' },
      h('div', {}, h('label', { for: 'user-name' }, 'Username'), name),
      h('div', {}, h('label', { for: 'user-password' }, 'Password (12+ characters)'), password),
      h('div', {}, h('label', { for: 'user-role' }, 'Role'), role),
      h('div', {}, h('button', { type: 'submit' }, 'Add user')))));
}

function tokensPanel(tokens) {
  const name = h('input', { type: 'text', id: 'token-name', placeholder: 'what will use it' });
  const role = h('select', { id: 'token-role' }, h('option', { value: 'viewer' }, 'viewer'), h('option', { value: 'admin' }, 'admin'));
  const out = h('div', {});
  const rows = tokens.map((t) => h('tr', {}, h('td', {}, t.name), h('td', {}, t.role), h('td', {}, t.createdBy),
    h('td', {}, when(t.created)), h('td', {}, when(t.lastUsed)),
    h('td', {}, h('button', { class: 'danger', onclick: async () => {
      try { await api('DELETE', '/api/v1/tokens/' + encodeURIComponent(t.id)); settingsPage(); } catch (err) { out.replaceChildren(errorNotice(err)); }
    } }, 'Revoke'))));
  return h('div', { class: 'panel' }, h('h2', {}, 'API tokens'), out,
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Role'), h('th', {}, 'Created by'),
      h('th', {}, 'Created'), h('th', {}, 'Last used'), h('th', {}, ''))), h('tbody', {}, rows)),
    h('form', { onsubmit: async (e) => {
      e.preventDefault();
      try {
        const issued = await api('POST', '/api/v1/tokens', { name: name.value, role: role.value });
        out.replaceChildren(notice('warn', 'Copy this token now; it is not shown again:', h('div', { class: 'token-once', id: 'token-value' }, issued.token)));
      } catch (err) { out.replaceChildren(errorNotice(err)); }
    } }, h('div', { class: 'filters mt' },
      h('div', {}, h('label', { for: 'token-name' }, 'Name'), name),
      h('div', {}, h('label', { for: 'token-role' }, 'Role'), role),
      h('div', {}, h('button', { type: 'submit' }, 'Create token')))));
}

function auditPanel(entries) {
  return h('div', { class: 'panel' }, h('h2', {}, 'Audit log (newest first)'),
    h('table', { id: 'audit' }, h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Who'), h('th', {}, 'What'),
      h('th', {}, 'Object'), h('th', {}, 'Details'))),
    h('tbody', {}, entries.map((e) => h('tr', {}, h('td', {}, when(e.time)), h('td', {}, e.actor), h('td', {}, e.action),
      h('td', {}, e.target || ''), h('td', { class: 'small' }, e.details ? JSON.stringify(e.details) : ''))))));
}

// ---------- start ----------

window.addEventListener('hashchange', route);
document.getElementById('logout').addEventListener('click', async () => {
  try { await api('DELETE', '/api/v1/session'); } catch (err) { /* signed out either way */ }
  state.me = null;
  renderLogin('Signed out.');
});

(async function boot() {
  try {
    const response = await fetch('/api/v1/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) { state.me = await response.json(); start(); return; }
  } catch (err) { /* fall through to sign-in */ }
  renderLogin();
}());
