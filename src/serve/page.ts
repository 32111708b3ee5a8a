/**
 * The self-test page: plain HTML, one stylesheet and one script, all served by `medcom-ig serve`
 * itself (no external asset, no framework). The script puts server data into the page only as
 * text (textContent, attributes), and shows report HTML in a sandboxed frame without scripts.
 */
import { pageHead } from '../api/html.js';

export const INDEX_HTML = `${pageHead({ lang: 'en', title: 'medcom-ig self-test' })}<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <h1>medcom-ig self-test</h1>
  <p>Check bundles against a MedCom standard, or run a MedCom test protocol on your evidence files — on this machine, offline.
     Files are sent to the local medcom-ig server only, validated in memory (a protocol run uses a temporary folder that is removed at once).</p>
</header>
<main>
  <form id="form" novalidate>
    <fieldset>
      <legend>What to run</legend>
      <label><input type="radio" name="mode" value="validate" checked> Validate against a standard</label>
      <select id="standard" aria-label="Standard"><option value="auto">From each file's meta.profile</option></select>
      <label title="What the files are exported for: the business rules on private notes and restricted reports depend on it">Exported for
        <select id="purpose"><option value="sharing">sharing</option><option value="aktindsigt">aktindsigt (access request)</option></select></label>
      <label><input type="radio" name="mode" value="protocol"> Run a test protocol</label>
      <select id="protocol" aria-label="Test protocol" disabled></select>
      <label>Language <select id="lang"><option value="en">English</option><option value="da">Dansk</option></select></label>
    </fieldset>
    <div id="drop" class="drop" tabindex="0">
      <p>Drop JSON or XML files here (for a protocol also screenshots and documents, named <code>&lt;Standard&gt;_&lt;step&gt;_&lt;letter&gt;.&lt;ext&gt;</code>), or</p>
      <input id="files" type="file" multiple aria-label="Files">
      <ul id="chosen" class="chosen"></ul>
    </div>
    <button id="run" type="submit" disabled>Run</button>
    <span id="status" role="status" aria-live="polite"></span>
  </form>
  <section id="result" hidden>
    <h2 id="verdict"></h2>
    <p id="summary"></p>
    <ul id="downloads" class="downloads"></ul>
    <iframe id="report" title="Report" sandbox=""></iframe>
  </section>
</main>
</body>
</html>
`;

export const APP_CSS = `:root { --ink: #1d2733; --muted: #5b6877; --line: #cfd6de; --accent: #00546e; --bad: #a4161a; --good: #2b6a2f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #f6f8fa; }
header { background: var(--accent); color: #fff; padding: 1rem 2rem; }
header h1 { margin: 0 0 .25rem; font-size: 1.4rem; }
header p { margin: 0; max-width: 60rem; opacity: .9; }
main { padding: 1rem 2rem 3rem; }
fieldset { border: 1px solid var(--line); background: #fff; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; }
legend { font-weight: 600; }
select, button, input { font: inherit; }
.drop { margin: 1rem 0; padding: 1rem; border: 2px dashed var(--line); background: #fff; }
.drop.over { border-color: var(--accent); background: #eef6f8; }
.chosen { margin: .5rem 0 0; padding-left: 1.2rem; color: var(--muted); }
button { background: var(--accent); color: #fff; border: 0; padding: .5rem 1.5rem; cursor: pointer; }
button:disabled { background: #8fa3ad; cursor: default; }
#status { margin-left: 1rem; color: var(--muted); }
#status.error { color: var(--bad); }
#result { margin-top: 1.5rem; }
#verdict.pass { color: var(--good); }
#verdict.fail { color: var(--bad); }
.downloads { display: flex; flex-wrap: wrap; gap: .5rem 1rem; padding: 0; list-style: none; }
.downloads a { color: var(--accent); }
#report { width: 100%; height: 75vh; border: 1px solid var(--line); background: #fff; }
`;

export const APP_JS = `'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $('form'), drop = $('drop'), input = $('files'), chosen = $('chosen'), run = $('run'), status = $('status');
  let files = [];
  let limits = { maxBodyBytes: 0, maxFiles: 0 };

  function option(select, value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  function mode() { return form.querySelector('input[name=mode]:checked').value; }

  function say(text, error) {
    status.textContent = text;
    status.className = error ? 'error' : '';
  }

  function setFiles(list) {
    files = Array.from(list);
    chosen.textContent = '';
    for (const f of files) {
      const li = document.createElement('li');
      li.textContent = f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)';
      chosen.appendChild(li);
    }
    run.disabled = files.length === 0;
  }

  form.addEventListener('change', () => {
    const m = mode();
    $('standard').disabled = m !== 'validate';
    $('purpose').disabled = m !== 'validate';
    $('protocol').disabled = m !== 'protocol';
  });
  input.addEventListener('change', () => setFiles(input.files));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); setFiles(e.dataTransfer.files); });

  function base64(buffer) {
    const bytes = new Uint8Array(buffer);
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }

  function download(file) {
    const data = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
    const url = URL.createObjectURL(new Blob([data], { type: file.type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.textContent = file.name;
    const li = document.createElement('li');
    li.appendChild(a);
    return li;
  }

  function show(result) {
    const s = result.summary;
    const verdict = $('verdict');
    if (result.kind === 'validation') {
      const ok = s.errors === 0;
      verdict.textContent = ok ? 'No errors' : s.errors + ' error(s)';
      verdict.className = ok ? 'pass' : 'fail';
      $('summary').textContent = s.files + ' file(s), ' + s.valid + ' valid; ' + s.errors + ' error(s), ' + s.warnings + ' warning(s), ' + s.information + ' information';
    } else {
      verdict.textContent = 'Protocol: ' + String(s.verdict).toUpperCase();
      verdict.className = s.verdict === 'passed' ? 'pass' : 'fail';
      const counts = Object.keys(s.byStatus).filter((k) => s.byStatus[k] > 0).map((k) => s.byStatus[k] + ' ' + k);
      $('summary').textContent = counts.join(', ') + (s.failedSteps.length ? '; failed steps: ' + s.failedSteps.join(', ') : '');
    }
    const list = $('downloads');
    list.textContent = '';
    for (const f of result.files) list.appendChild(download(f));
    // the report is sent once, among the files; the frame shows that copy
    const page = result.files.find((f) => f.name === 'report.html');
    $('report').srcdoc = page ? page.content : '';
    $('result').hidden = false;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (files.length === 0) return;
    if (limits.maxFiles && files.length > limits.maxFiles) { say('At most ' + limits.maxFiles + ' files at once.', true); return; }
    run.disabled = true;
    say('Running…', false);
    try {
      const body = { lang: $('lang').value, files: [] };
      for (const f of files) body.files.push({ name: f.name, content: base64(await f.arrayBuffer()), encoding: 'base64' });
      let url;
      if (mode() === 'validate') { url = '/api/validate'; body.standard = $('standard').value; body.purpose = $('purpose').value; }
      else { url = '/api/protocol'; body.protocol = $('protocol').value; }
      const payload = JSON.stringify(body);
      let response;
      // a busy server says when to try again (Retry-After); the page waits and tries, a few times
      for (let attempt = 1; ; attempt++) {
        response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
        const wait = Number(response.headers.get('retry-after'));
        if (response.status !== 503 || !(wait > 0) || attempt >= 12) break;
        say('The server is busy; trying again in ' + wait + ' s…', false);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        say('Running…', false);
      }
      const result = await response.json();
      if (!response.ok) { say(result.error || ('HTTP ' + response.status), true); return; }
      say('Done.', false);
      show(result);
    } catch (err) {
      say('Failed: ' + err.message, true);
    } finally {
      run.disabled = files.length === 0;
    }
  });

  fetch('/api/info').then((r) => r.json()).then((info) => {
    limits = info.limits;
    for (const s of info.standards) option($('standard'), s.id, s.title + ' — ' + s.package);
    for (const p of info.protocols) option($('protocol'), p.id, p.id + ' — ' + p.standard + ' ' + p.direction + ' ' + p.version + (p.status === 'draft' ? ' (draft)' : ''));
  }).catch(() => say('Cannot reach the medcom-ig server.', true));
})();
`;
