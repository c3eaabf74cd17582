// ---- dropping a dataset (POST /api/datasets/{name}): the server checks the folder as `upload` does and writes it to the
// datasets container only when it would be accepted, matchups.csv last; the run then appears in the list below. ----
const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
// DatasetUploadRules' caps, checked here too: the server stops reading a body over its cap, which the browser reports only
// as a failed request.
const MAX_UPLOAD_BYTES = 90 * 1024 * 1024;
const MAX_UPLOAD_FILES = 5000;

function uploadCard() {
  let chosen = []; // [{ path, file }]: the dataset folder's files, paths relative to the folder
  const name = el('input', { id: 'dataset-name', name: 'dataset', required: true, autocomplete: 'off', spellcheck: 'false',
    pattern: DATASET_NAME.source, 'aria-describedby': 'dataset-name-hint' });
  const files = el('input', { type: 'file', id: 'dataset-files', multiple: true });
  const folder = el('input', { type: 'file', id: 'dataset-folder', webkitdirectory: true });
  const summary = el('p', { id: 'dataset-chosen', class: 'muted', text: 'No files chosen.' });
  const send = el('button', { type: 'submit', id: 'dataset-upload', disabled: true, text: 'Upload and start the run' });
  const message = el('p', { id: 'upload-message', role: 'status', 'aria-live': 'polite' });
  const problems = el('div', { id: 'upload-problems' });
  const zone = el('div', { class: 'dropzone', id: 'drop-zone' },
    el('p', { text: 'Drop a dataset folder (or its files) here: matchups.csv, optional order.json, images.zip or the images.' }),
    el('div', { class: 'pickers' }, el('label', {}, 'Its files ', files), el('label', {}, 'or the whole folder ', folder)), summary);
  const form = el('form', { id: 'upload', novalidate: true },
    el('label', { for: 'dataset-name', class: 'field', text: 'Dataset name' }), name,
    el('p', { id: 'dataset-name-hint', class: 'muted hint', text: 'Letters, digits, - _ . (up to 63); a new name for every upload.' }),
    zone, el('div', { class: 'actions' }, send), message, problems);

  function choose(list, folderName) {
    chosen = list.filter(f => !f.path.split('/').some(part => part.startsWith('.'))); // .DS_Store and the like, as `upload` skips them
    if (folderName && !name.value) name.value = folderName.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 63);
    const bytes = chosen.reduce((sum, f) => sum + f.file.size, 0);
    summary.textContent = chosen.length ? `${n(chosen.length)} file(s), ${n(Math.round(bytes / 1024))} KB: ` +
      `${chosen.slice(0, 5).map(f => f.path).join(', ')}${chosen.length > 5 ? ', …' : ''}` : 'No files chosen.';
    const tooMuch = bytes > MAX_UPLOAD_BYTES ? `${n(Math.round(bytes / 1048576))} MB, over the ${MAX_UPLOAD_BYTES / 1048576} MB one upload here takes`
      : chosen.length > MAX_UPLOAD_FILES ? `${n(chosen.length)} files, over the ${n(MAX_UPLOAD_FILES)} one upload here takes (zip the images)` : null;
    send.disabled = chosen.length === 0 || tooMuch !== null;
    message.textContent = tooMuch ? `Too big for the dashboard: ${tooMuch}; use the upload command.` : '';
    problems.replaceChildren();
  }
  // A folder picked or dropped: paths inside it, without the folder's own name (which names the dataset by default).
  function inFolder(list) {
    const top = list.length && list[0].path.includes('/') ? list[0].path.split('/')[0] : null;
    if (!top || !list.every(f => f.path.startsWith(`${top}/`))) return choose(list, null);
    choose(list.map(f => ({ path: f.path.slice(top.length + 1), file: f.file })), top);
  }
  files.addEventListener('change', () => choose([...files.files].map(file => ({ path: file.name, file })), null));
  folder.addEventListener('change', () => inFolder([...folder.files].map(file => ({ path: file.webkitRelativePath || file.name, file }))));
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', async e => {
    e.preventDefault();
    zone.classList.remove('over');
    const entries = [...e.dataTransfer.items].map(item => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
    inFolder((await Promise.all(entries.map(entry => walk(entry, '')))).flat());
  });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    problems.replaceChildren();
    if (!DATASET_NAME.test(name.value) || name.value.includes('..')) {
      message.textContent = 'Give the dataset a name: letters, digits, - _ . (up to 63), starting with a letter or digit.';
      name.setAttribute('aria-invalid', 'true');
      name.focus();
      return;
    }
    name.removeAttribute('aria-invalid');
    send.disabled = true;
    message.textContent = `Checking and uploading ${n(chosen.length)} file(s)…`;
    try {
      await upload(name.value, chosen);
    } finally {
      send.disabled = false;
    }
  });

  async function upload(dataset, list) {
    const body = new FormData();
    for (const f of list) body.append('file', f.file, f.path);
    let response, answer = null;
    try {
      response = await fetch(url(`/api/datasets/${encodeURIComponent(dataset)}`), { method: 'POST', body, headers: { Accept: 'application/json' } });
      answer = await response.json().catch(() => null);
    } catch (error) {
      message.textContent = `The upload failed: ${error.message}`;
      return;
    }
    if (response.ok) {
      message.replaceChildren(`Uploaded ${n(answer.files)} file(s) to ${answer.container}/${answer.dataset}/; run `,
        el('a', { href: `#/runs/${encodeURIComponent(answer.runId)}`, text: answer.runId }), ' starts below.');
      return;
    }
    const report = answer && answer.validation;
    message.textContent = `Not uploaded: ${(answer && (answer.detail || answer.title)) || `${response.status} ${response.statusText}`}`;
    if (report) problems.append(problemTable(report.problems));
  }
  return el('section', { class: 'card', id: 'upload-card', 'aria-labelledby': 'upload-h' },
    el('h2', { id: 'upload-h', text: 'Drop a dataset' }), form);
}

// A dropped file or folder (FileSystemEntry) as [{ path, file }], folders walked to the end of their listings.
async function walk(entry, prefix) {
  if (entry.isFile) return [{ path: prefix + entry.name, file: await new Promise((ok, fail) => entry.file(ok, fail)) }];
  const reader = entry.createReader();
  const children = [];
  for (;;) {
    const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(child => walk(child, `${prefix}${entry.name}/`)))).flat();
}
