// ---- leaderboards (docs/leaderboards.md): the list, and one leaderboard with its models, runs and suggested matchups ----
const boardPath = name => `/api/leaderboards/${encodeURIComponent(name)}`;

function showLeaderboards() {
  const tbody = el('tbody');
  const empty = el('p', { class: 'muted', id: 'no-leaderboards', hidden: true,
    text: 'No leaderboards yet. A run joins one when its order.json names it: { "leaderboard": "weekly" }.' });
  main.replaceChildren(el('h1', { text: 'Leaderboards' }), el('div', { class: 'scroll' }, el('table', { id: 'leaderboards' },
    el('caption', { text: 'Every leaderboard, by name' }),
    el('thead', {}, el('tr', {}, ['Leaderboard', 'Models', 'Runs', 'Votes', 'Updated']
      .map((h, i) => el('th', { scope: 'col', class: [1, 2, 3].includes(i) ? 'num' : null, text: h })))), tbody)), empty);
  return {
    async refresh() {
      const { leaderboards } = await api('/api/leaderboards');
      empty.hidden = leaderboards.length > 0;
      tbody.replaceChildren(...leaderboards.map(b => el('tr', { 'data-leaderboard': b.name },
        el('th', { scope: 'row' }, el('a', { href: `#/leaderboards/${encodeURIComponent(b.name)}`, text: b.name })),
        el('td', { class: 'num', text: n(b.models) }), el('td', { class: 'num', text: n(b.runs) }), el('td', { class: 'num', text: n(b.votes) }),
        el('td', { text: when(b.updated) }))));
    },
  };
}

function showLeaderboard(name) {
  const facts = el('dl', { class: 'facts', id: 'board-facts' });
  const links = el('p', { id: 'board-links' },
    el('a', { href: url(boardPath(name), { format: 'csv' }), text: 'Leaderboard (CSV)' }), ' · ',
    el('a', { href: url(`${boardPath(name)}/report`), text: 'Report' }));
  const models = el('tbody');
  const runs = el('tbody');
  const message = el('p', { id: 'board-message', role: 'status', 'aria-live': 'polite' });
  main.replaceChildren(el('p', {}, el('a', { href: '#/leaderboards', text: '← All leaderboards' })), el('h1', { text: name }),
    el('section', { class: 'card', 'aria-labelledby': 'board-h' }, el('h2', { id: 'board-h', text: 'Models' }), facts, links,
      el('div', { class: 'scroll' }, el('table', { id: 'board-models' }, el('caption', { text: 'Models by rank, with 95% intervals of their scores' }),
        el('thead', {}, el('tr', {}, ['Rank', 'Model', 'Score', '95% interval', '', 'Votes', 'Runs']
          .map((h, i) => el('th', { scope: 'col', class: [2, 5].includes(i) ? 'num' : [4, 6].includes(i) ? 'hide-narrow' : null, text: h })))),
        models))),
    el('section', { class: 'card', 'aria-labelledby': 'board-runs-h' }, el('h2', { id: 'board-runs-h', text: 'Runs counted' }),
      el('div', { class: 'scroll' }, el('table', { id: 'board-runs' }, el('caption', { text: 'Runs whose votes this leaderboard counts' }),
        el('thead', {}, el('tr', {}, ['Run', 'Added', 'Votes', 'Matchups', ''].map((h, i) => el('th', { scope: 'col',
          class: i === 2 ? 'num' : i === 3 ? 'num hide-narrow' : i === 1 ? 'hide-narrow' : null, text: h })))), runs)), message),
    suggestion(name));
  let version = null;

  function render(board) {
    version = board.version;
    facts.replaceChildren(...[['Votes', n(board.votes)], ['Matchups', n(board.matchups)], ['Runs', n(board.runs.length)],
      ['Updated', when(board.updated)]].map(([label, value]) => el('div', {}, el('dt', { text: label }), el('dd', { text: value }))));
    const low = Math.min(...board.models.map(m => m.scoreLow)), high = Math.max(...board.models.map(m => m.scoreHigh));
    models.replaceChildren(...board.models.map(m => {
      return el('tr', { 'data-model': m.model }, el('td', { text: m.rank }), el('th', { scope: 'row', text: m.model }),
        el('td', { class: 'num', text: Math.round(m.score) }), el('td', { text: `${Math.round(m.scoreLow)} – ${Math.round(m.scoreHigh)}` }),
        el('td', { class: 'hide-narrow' }, intervalBar(m, low, high)), el('td', { class: 'num', text: n(m.votes) }),
        el('td', { class: 'num hide-narrow', text: n(m.runs) }));
    }));
    runs.replaceChildren(...board.runs.map(r => el('tr', { 'data-run': r.runId },
      el('th', { scope: 'row' }, el('a', { href: `#/runs/${encodeURIComponent(r.runId)}`, text: r.runId })),
      el('td', { class: 'hide-narrow', text: when(r.addedAt) }), el('td', { class: 'num', text: n(r.votes) }),
      el('td', { class: 'num hide-narrow', text: n(r.matchups) }),
      el('td', {}, el('button', { type: 'button', class: 'danger', 'aria-label': `Remove run ${r.runId} from ${name}`, text: 'Remove…',
        onclick: () => remove(r.runId) })))));
  }

  async function remove(runId) {
    if (!await confirmDialog(`Remove run ${runId} from leaderboard ${name}? Its votes stop counting; the run and its results stay.`,
      'Remove run', 'Keep the run')) return;
    message.textContent = `Removing ${runId}…`;
    try {
      render(await api(`${boardPath(name)}/runs/${encodeURIComponent(runId)}`, { method: 'DELETE' }));
      message.textContent = `Run ${runId} removed.`;
      document.getElementById('suggestion').replaceChildren(); // suggested for the leaderboard as it was
    } catch (e) {
      message.textContent = `Could not remove ${runId}: ${e.message}`;
    }
  }

  return {
    async refresh() {
      const board = await api(boardPath(name));
      if (board.version !== version) render(board);
    },
  };
}

// The next matchups to buy for N votes (GET .../suggest?votes=N), shown as pairs and downloadable as a matchups.csv skeleton.
function suggestion(name) {
  const votes = el('input', { type: 'number', id: 'suggest-votes', min: 1, max: 1000000, step: 1, value: 1000, required: true });
  const result = el('div', { id: 'suggestion', 'aria-live': 'polite' });
  const form = el('form', { id: 'suggest', class: 'pager' }, el('label', { for: 'suggest-votes', text: 'Votes to buy' }), votes,
    el('button', { type: 'submit', text: 'Suggest matchups' }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    result.replaceChildren(el('p', { text: 'Working…' }));
    try {
      const s = await api(`${boardPath(name)}/suggest`, { query: { votes: votes.value } });
      result.replaceChildren(el('p', {}, `${n(s.pairs.length)} pair(s), ${n(s.responsesPerMatchup)} votes per matchup. `,
        el('a', { id: 'suggest-csv', href: url(`${boardPath(name)}/suggest`, { votes: s.votes, format: 'csv' }),
          download: `${name}-matchups.csv`, text: 'Download matchups.csv (fill in prompts and images)' })),
      el('div', { class: 'scroll' }, el('table', {}, el('caption', { text: 'Suggested pairs, most useful first' }),
        el('thead', {}, el('tr', {}, ['Model 1', 'Model 2', 'Matchups', 'Votes'].map((h, i) => el('th', { scope: 'col', class: i > 1 ? 'num' : null,
          text: h })))),
        el('tbody', {}, s.pairs.map(p => el('tr', {}, el('td', { text: p.model1 }), el('td', { text: p.model2 }),
          el('td', { class: 'num', text: n(p.matchups) }), el('td', { class: 'num', text: n(p.votes) })))))));
    } catch (error) {
      result.replaceChildren(el('p', { class: 'error', text: `No suggestion: ${error.message}` }));
    }
  });
  return el('section', { class: 'card', id: 'suggest-card', 'aria-labelledby': 'suggest-h' },
    el('h2', { id: 'suggest-h', text: 'Next matchups' }),
    el('p', { class: 'muted', text: 'Which model pairs to compare next so the intervals shrink most for the votes you buy.' }), form, result);
}
