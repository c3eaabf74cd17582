// The dashboard: reads the HTTP API (with the Functions key from ?code= when there is one) and polls it, so runs move
// without a reload. Every value from the API is set as text, never as HTML. DashboardPage wraps this file, upload.js,
// leaderboards.js and start.js (in that order) in one strict-mode function, so they share these helpers.
const POLL_MS = 2000;
const PAGE_SIZE = 12;
const PHASES = ['Pending', 'Validating', 'CreatingOrder', 'Uploading', 'Submitting', 'WaitingForCrowd', 'Downloading',
  'WritingResults', 'Completed'];
const ENDED = ['Completed', 'Failed', 'Rejected', 'Cancelled'];
const KNOWN_RUN_KEYS = ['runId', 'status', 'phase', 'progress', 'dataset', 'orderId', 'orderState', 'matchupCount', 'totalVotes',
  'votesOrdered', 'winner', 'leaders', 'error', 'notificationFailures', 'startedAt', 'completedAt', 'links', 'flow', 'jobState',
  'estimatedCost'];
const KNOWN_RESULT_KEYS = ['runId', 'status', 'orderId', 'totalVotes', 'winner', 'leaders', 'models', 'matchups'];
const code = new URLSearchParams(location.search).get('code');
const main = document.getElementById('main');
const live = document.getElementById('live');
let view = null;
let timer = null;

// ---- helpers ----
function url(path, query) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null) u.searchParams.set(k, v);
  if (code) u.searchParams.set('code', code);
  return u.pathname + u.search;
}
async function api(path, options) {
  const response = await fetch(url(path, options && options.query), { method: (options && options.method) || 'GET',
    headers: { Accept: 'application/json' } });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = text; }
  if (!response.ok) {
    const detail = body && typeof body === 'object' ? (body.detail || body.title) : body;
    const error = new Error(detail || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}
const n = v => (typeof v === 'number' ? v.toLocaleString('en') : '–');
const runPath = id => `/api/runs/${encodeURIComponent(id)}`;
const when = t => (t ? new Date(t).toLocaleString() : '–');
function duration(run) {
  if (!run.startedAt) return '–';
  const end = run.completedAt ? new Date(run.completedAt) : (ENDED.includes(run.status) ? null : new Date());
  if (!end) return '–';
  const s = Math.max(0, Math.round((end - new Date(run.startedAt)) / 1000));
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor(s % 3600 / 60)} min`;
}
function votes(run) {
  const ordered = typeof run.votesOrdered === 'number' ? n(run.votesOrdered) : '–';
  if (typeof run.totalVotes === 'number') return `${n(run.totalVotes)} / ${ordered}`;
  const p = run.progress;
  if (p && p.phase === 'WaitingForCrowd' && p.total > 0) return `crowd ${n(p.done)} of ${n(p.total)} matchups; ${ordered} ordered`;
  return `– / ${ordered}`;
}
const phaseOf = run => (run.progress && run.progress.phase) || run.phase || 'Pending';
const outcome = run => run.winner || (run.leaders && run.leaders.length ? `tied: ${run.leaders.join(', ')}` : '–');
function badge(status) { return el('span', { class: `badge s-${status || 'Pending'}`, text: status || 'Pending' }); }
function humanize(key) { return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase()); }
function setLive(text) { live.textContent = text; }

// A table of any array of flat objects: the sections other features add (rounds, demographics, leaderboards).
function dataTable(caption, rows) {
  if (!Array.isArray(rows) || rows.length === 0) return el('p', { class: 'muted', text: `${caption}: nothing yet.` });
  const keys = [...new Set(rows.flatMap(r => (r && typeof r === 'object' ? Object.keys(r) : ['value'])))];
  const cell = v => (v === null || v === undefined ? '' : typeof v === 'number' ? n(Math.round(v * 1000) / 1000)
    : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return el('div', { class: 'scroll' }, el('table', {}, el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, keys.map(k => el('th', { scope: 'col', text: humanize(k) })))),
    el('tbody', {}, rows.map(r => el('tr', {}, keys.map(k => el('td', { text: cell(r && typeof r === 'object' ? r[k] : r) })))))));
}
function dataSection(title, value, id) {
  const section = el('section', { class: 'card', id, 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h`, text: title }));
  if (Array.isArray(value)) section.append(dataTable(title, value));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      section.append(Array.isArray(v) ? dataTable(humanize(k), v) : el('p', {}, el('strong', { text: `${humanize(k)}: ` }),
        typeof v === 'object' ? JSON.stringify(v) : String(v)));
    }
  }
  return section;
}
function extraSections(source, known, prefix) {
  return Object.entries(source || {}).filter(([k, v]) => !known.includes(k) && v && typeof v === 'object')
    .map(([k, v]) => dataSection(humanize(k), v, `${prefix}-${k}`));
}

// ---- runs list ----
function showList() {
  const tbody = el('tbody');
  const table = el('table', { id: 'runs' }, el('caption', { text: 'Runs, newest first (updates live)' }),
    el('thead', {}, el('tr', {}, ['Run', 'Dataset', 'Status', 'Phase', 'Votes received / ordered', 'Winner', 'Started', 'Duration']
      .map((h, i) => el('th', { scope: 'col', class: i === 1 || i === 6 ? 'hide-narrow' : null, text: h })))), tbody);
  const empty = el('p', { class: 'muted', id: 'no-runs', hidden: true,
    text: 'No runs yet. Drop a dataset above, upload one to the datasets container, or POST /api/runs.' });
  main.replaceChildren(el('h1', { text: 'Runs' }), uploadCard(), el('div', { class: 'scroll' }, table), empty);
  const rows = new Map();
  return {
    async refresh() {
      const runs = await api('/api/runs', { query: { limit: 100 } });
      empty.hidden = runs.length > 0;
      runs.forEach((run, index) => {
        let row = rows.get(run.runId);
        if (!row) {
          row = el('tr', { 'data-run': run.runId }, el('th', { scope: 'row' }, el('a', { href: `#/runs/${encodeURIComponent(run.runId)}`,
            text: run.runId })), ...Array.from({ length: 7 }, (_, i) => el('td', { class: i === 0 || i === 5 ? 'hide-narrow' : null })));
          rows.set(run.runId, row);
        }
        const cells = row.children;
        cells[1].textContent = run.dataset || '';
        if (cells[2].dataset.status !== run.status) { cells[2].dataset.status = run.status; cells[2].replaceChildren(badge(run.status)); }
        cells[3].textContent = phaseOf(run);
        cells[4].textContent = votes(run);
        cells[5].textContent = outcome(run);
        cells[6].textContent = when(run.startedAt);
        cells[7].textContent = duration(run);
        if (tbody.children[index] !== row) tbody.insertBefore(row, tbody.children[index] || null);
      });
    },
  };
}

// ---- one run ----
function showRun(runId) {
  const title = el('h1', { text: runId });
  const status = el('p', { id: 'run-status', 'aria-live': 'polite' });
  const timeline = el('ol', { class: 'timeline', id: 'timeline', 'aria-label': 'Phases' });
  const progress = el('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Progress of the current phase',
    'aria-valuemin': 0, 'aria-valuemax': 100 }, el('span'));
  const facts = el('dl', { class: 'facts', id: 'facts' });
  const message = el('p', { id: 'action-message', role: 'status', 'aria-live': 'polite' });
  const cancel = el('button', { type: 'button', class: 'danger', id: 'cancel', text: 'Cancel run…' });
  const resume = el('button', { type: 'button', id: 'resume', text: 'Resume run…' });
  const links = el('p', { id: 'links' });
  const results = el('div', { id: 'results' });
  main.replaceChildren(el('p', {}, el('a', { href: '#/', text: '← All runs' })), title, status,
    el('section', { class: 'card', 'aria-labelledby': 'progress-h' }, el('h2', { id: 'progress-h', text: 'Progress' }), timeline,
      progress, facts, el('div', { class: 'actions' }, cancel, resume), message, links),
    results);
  let last = null;
  let loadedFor = null;
  cancel.addEventListener('click', () => act('cancel', 'Cancel this run? A submitted order is paused (or as configured); ' +
    'you can resume it later.'));
  resume.addEventListener('click', () => act('resume', 'Resume this run? It waits for its submitted order again.'));

  async function act(action, question) {
    if (!await confirmDialog(question, action === 'cancel' ? 'Cancel run' : 'Resume run')) return;
    cancel.disabled = resume.disabled = true;
    message.textContent = action === 'cancel' ? 'Cancelling…' : 'Resuming…';
    try {
      await api(`${runPath(runId)}/${action}`, { method: 'POST' });
      message.textContent = action === 'cancel' ? 'Cancel requested.' : 'Resume requested.';
    } catch (e) {
      message.textContent = `Could not ${action}: ${e.message}`;
    }
    await view.refresh();
  }

  function fact(label, value) { return el('div', {}, el('dt', { text: label }), el('dd', { text: value })); }

  function renderTimeline(run) {
    const phase = phaseOf(run);
    const ended = ['Failed', 'Rejected', 'Cancelled'].includes(run.status);
    // An ended run's row keeps only how it ended; the phase it stopped in is known only while the progress still says so.
    const at = PHASES.indexOf(ended ? (run.progress && run.progress.phase !== 'Pending' ? run.progress.phase : '') : phase);
    timeline.replaceChildren(...PHASES.map((p, i) => {
      const done = run.status === 'Completed' || i < at;
      const current = !done && i === at;
      const li = el('li', { class: done ? 'done' : current ? (ended ? 'ended-bad' : 'current') : null, text: humanize(p) });
      if (current) li.setAttribute('aria-current', 'step');
      return li;
    }), ...(ended ? [el('li', { class: 'ended-bad', 'aria-current': 'step', text: run.status })] : []));
  }

  return {
    async refresh() {
      let run;
      try { run = await api(runPath(runId)); } catch (e) {
        if (e.status === 404) { status.textContent = 'No such run (yet): a run appears a second or two after its matchups.csv.'; return; }
        throw e;
      }
      last = run;
      status.replaceChildren(badge(run.status), ` ${humanize(phaseOf(run))}`, run.error ? el('span', { class: 'error', text: ` — ${run.error}` }) : '');
      renderTimeline(run);
      const p = run.progress;
      const percent = run.status === 'Completed' ? 100 : p && p.total > 0 ? Math.round(100 * Math.min(p.done, p.total) / p.total) : 0;
      progress.firstChild.style.width = `${percent}%`;
      progress.setAttribute('aria-valuenow', percent);
      facts.replaceChildren(fact('Dataset', run.dataset || '–'), fact('Votes received / ordered', votes(run)),
        fact('Matchups', n(run.matchupCount)), fact('Order', [run.orderState, run.jobState].filter(Boolean).join(' / ') || '–'),
        fact('Winner', outcome(run)), fact('Started', when(run.startedAt)), fact('Duration', duration(run)),
        fact('Flow', run.flow || '–'));
      cancel.disabled = ENDED.includes(run.status);
      resume.disabled = !['Failed', 'Cancelled'].includes(run.status);
      const linkList = [['Validation report', `${runPath(runId)}/validation`, { format: 'text' }]];
      if (run.status === 'Completed') {
        linkList.push(['Results (JSON)', `${runPath(runId)}/results`], ['Matchups (CSV)', `${runPath(runId)}/results`, { format: 'csv' }],
          ['Models (CSV)', `${runPath(runId)}/results`, { format: 'csv', table: 'models' }], ['Report', `${runPath(runId)}/report`]);
      }
      links.replaceChildren(...linkList.flatMap(([label, path, query], i) => [i ? ' · ' : '', el('a', { href: url(path, query), text: label })]));
      const key = `${run.status}`;
      if (loadedFor !== key && (run.status === 'Completed' || run.status === 'Rejected')) {
        loadedFor = key;
        results.replaceChildren(...extraSections(run, KNOWN_RUN_KEYS, 'run'));
        if (run.status === 'Rejected') results.append(await rejection(runId));
        else results.append(...await completed(runId));
      } else if (loadedFor === null) {
        results.replaceChildren(...extraSections(run, KNOWN_RUN_KEYS, 'run'));
      }
      setLive(`Run ${runId}: ${run.status} (${humanize(phaseOf(run))}), updated ${new Date().toLocaleTimeString()}`);
      return last;
    },
  };
}

// Every problem of a validation report (a rejected run's, or a folder the upload refused), errors first.
function problemTable(problems) {
  return el('div', { class: 'scroll' }, el('table', { class: 'problems' }, el('caption', { text: 'Every problem, errors first' }),
    el('thead', {}, el('tr', {}, ['Severity', 'File', 'Row', 'Column', 'Problem'].map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, [...problems].sort((a, b) => (a.severity === 'Error' ? 0 : 1) - (b.severity === 'Error' ? 0 : 1))
      .map(p => el('tr', {}, el('td', { class: `sev-${String(p.severity).toLowerCase()}`, text: p.severity }), el('td', { text: p.file }),
        el('td', { class: 'num', text: p.row ?? '' }), el('td', { text: p.column ?? '' }), el('td', { text: p.message }))))));
}

async function rejection(runId) {
  const section = el('section', { class: 'card', id: 'rejection', 'aria-labelledby': 'rejection-h' },
    el('h2', { id: 'rejection-h', text: 'Why the dataset was rejected' }));
  try {
    const report = await api(`${runPath(runId)}/validation`);
    section.append(el('p', { text: `${n(report.errorCount)} error(s), ${n(report.warningCount)} warning(s) in ${report.dataset}.` }));
    section.append(problemTable(report.problems));
    if (report.problemsNotListed > 0) section.append(el('p', { text: `… and ${n(report.problemsNotListed)} more not listed.` }));
  } catch (e) {
    section.append(el('p', { class: 'error', text: `The validation report could not be read: ${e.message}` }));
  }
  return section;
}

async function completed(runId) {
  let results;
  try { results = await api(`${runPath(runId)}/results`); } catch (e) {
    return [el('p', { class: 'error', text: `The results could not be read: ${e.message}` })];
  }
  return [leaderboard(results), gallery(runId, results.matchups || []), ...extraSections(results, KNOWN_RESULT_KEYS, 'results')];
}

// A model's score (dot) and 95% interval (bar) on the scale from the lowest interval's start to the highest one's end.
function intervalBar(m, low, high) {
  const span = high - low || 1;
  const pos = v => `${(100 * (v - low) / span).toFixed(2)}%`;
  const bar = el('div', { class: 'interval', role: 'img', 'aria-label': `${m.model}: ${Math.round(m.scoreLow)} to ${Math.round(m.scoreHigh)}` },
    el('span', { class: 'range' }), el('span', { class: 'dot' }));
  bar.children[0].style.left = pos(m.scoreLow);
  bar.children[0].style.width = `${(100 * (m.scoreHigh - m.scoreLow) / span).toFixed(2)}%`;
  bar.children[1].style.left = pos(m.score);
  return bar;
}

function leaderboard(results) {
  const models = results.models || [];
  const low = Math.min(...models.map(m => m.scoreLow)), high = Math.max(...models.map(m => m.scoreHigh));
  const verdict = results.winner ? `Winner: ${results.winner} (its interval lies wholly above every other model's).`
    : results.leaders && results.leaders.length ? `No clear winner: ${results.leaders.join(', ')} are tied at the top (their intervals overlap).`
      : 'No winner: the models were not all compared with each other.';
  return el('section', { class: 'card', id: 'leaderboard', 'aria-labelledby': 'leaderboard-h' },
    el('h2', { id: 'leaderboard-h', text: 'Leaderboard' }), el('p', { class: 'verdict', id: 'verdict', text: verdict }),
    el('div', { class: 'scroll' }, el('table', {}, el('caption', { text: 'Models by rank, with 95% intervals of their scores' }),
      el('thead', {}, el('tr', {}, ['Rank', 'Model', 'Score', '95% interval', '', 'Votes', 'Win rate']
        .map((h, i) => el('th', { scope: 'col', class: [2, 5, 6].includes(i) ? 'num' : i === 4 ? 'hide-narrow' : null, text: h })))),
      el('tbody', {}, models.map(m => {
        return el('tr', {}, el('td', { text: m.rank }), el('th', { scope: 'row', text: m.model }), el('td', { class: 'num', text: Math.round(m.score) }),
          el('td', { text: `${Math.round(m.scoreLow)} – ${Math.round(m.scoreHigh)}` }), el('td', { class: 'hide-narrow' }, intervalBar(m, low, high)),
          el('td', { class: 'num', text: n(m.votes) }), el('td', { class: 'num', text: `${(100 * m.winRate).toFixed(1)} %` }));
      })))));
}

function gallery(runId, matchups) {
  let order = 'one-sided';
  let page = 0;
  const list = el('div', { class: 'gallery', id: 'pairs' });
  const label = el('span', { 'aria-live': 'polite', id: 'page-label' });
  const prev = el('button', { type: 'button', text: '← Previous' });
  const next = el('button', { type: 'button', text: 'Next →' });
  const sort = el('select', { id: 'pair-order' }, el('option', { value: 'one-sided', text: 'Most one-sided first' }),
    el('option', { value: 'closest', text: 'Closest first' }));
  const sorted = () => [...matchups].sort((a, b) => (order === 'closest' ? a.ratio - b.ratio : b.ratio - a.ratio)
    || (b.votes1 + b.votes2) - (a.votes1 + a.votes2));
  const image = (path, model) => {
    const remote = /^https?:\/\//i.test(path);
    return el('figure', {}, remote ? el('a', { href: path, text: 'image at its URL' })
      : el('img', { src: url(`${runPath(runId)}/images`, { path }), alt: `${model}: ${path}` }),
      el('figcaption', { text: model }));
  };
  function render() {
    const all = sorted();
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    page = Math.min(Math.max(0, page), pages - 1);
    list.replaceChildren(...all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map(m => {
      const total = m.votes1 + m.votes2;
      const bar = el('div', { class: 'votebar', role: 'img', 'aria-label': `${m.model1} ${m.votes1} votes, ${m.model2} ${m.votes2} votes` },
        el('span', { class: 'a' }), el('span', { class: 'b' }));
      bar.children[0].style.width = `${total ? 100 * m.votes1 / total : 50}%`;
      bar.children[1].style.width = `${total ? 100 * m.votes2 / total : 50}%`;
      return el('article', { class: 'pair' }, el('p', { text: m.prompt }), el('div', { class: 'imgs' }, image(m.image1, m.model1), image(m.image2, m.model2)),
        bar, el('p', { class: 'muted', text: `${m.votes1} : ${m.votes2} votes · ratio ${m.ratio.toFixed(2)}${m.winner ? ` · ${m.winner} preferred` : ' · tie'}` }));
    }));
    label.textContent = `Page ${page + 1} of ${pages} (${matchups.length} matchups)`;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  prev.addEventListener('click', () => { page--; render(); });
  next.addEventListener('click', () => { page++; render(); });
  sort.addEventListener('change', () => { order = sort.value; page = 0; render(); });
  render();
  return el('section', { class: 'card', id: 'gallery', 'aria-labelledby': 'gallery-h' }, el('h2', { id: 'gallery-h', text: 'Pairs' }),
    el('div', { class: 'pager' }, el('label', { for: 'pair-order', text: 'Order' }), sort, prev, next, label), list);
}

function confirmDialog(text, okLabel, cancelLabel = 'Keep the run') {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = okLabel;
  document.getElementById('confirm-cancel').textContent = cancelLabel;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}
