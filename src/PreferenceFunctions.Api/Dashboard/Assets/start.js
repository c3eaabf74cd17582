// Runs last, after every script's declarations: routing (#/, #/runs/{id}, #/leaderboards, #/leaderboards/{name}) and polling.
async function tick() {
  try {
    await view.refresh();
    if (!live.textContent.startsWith('Run ')) setLive(`Updated ${new Date().toLocaleTimeString()}`);
  } catch (e) {
    setLive(`Cannot reach the API: ${e.message}`);
  }
}
function route() {
  clearInterval(timer);
  const run = location.hash.match(/^#\/runs\/(.+)$/);
  const board = location.hash.match(/^#\/leaderboards\/(.+)$/);
  view = run ? showRun(decodeURIComponent(run[1])) : board ? showLeaderboard(decodeURIComponent(board[1]))
    : location.hash === '#/leaderboards' ? showLeaderboards() : showList();
  setLive('Loading…');
  tick();
  timer = setInterval(tick, POLL_MS);
  main.focus({ preventScroll: true });
}
window.addEventListener('hashchange', route);
api('/api/leaderboards').then(() => { document.getElementById('nav-leaderboards').hidden = false; }).catch(() => { });
route();
