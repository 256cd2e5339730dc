// Live progress (server-sent events from the SDK's watch), the usage chart refreshed every 10 s, and the
// passphrase revealed only on request.
(function () {
  const main = document.querySelector('main[data-instance]');
  const id = main.dataset.instance;
  const list = document.getElementById('progress');
  const status = document.getElementById('status');
  const setup = document.getElementById('setup');
  // the lines seen so far survive the reload at Ready (which brings the interactions)
  const key = 'progress-' + id;
  const seen = JSON.parse(sessionStorage.getItem(key) || '[]');
  const show = (line) => {
    const li = document.createElement('li');
    li.textContent = line;
    list.appendChild(li);
  };
  seen.forEach(show);
  if (['Building', 'Running Setup'].includes(status.textContent)) {
    const events = new EventSource('/instances/' + id + '/events');
    events.addEventListener('progress', (e) => {
      const p = JSON.parse(e.data);
      const line = p.state + ' — ' + p.message;
      show(line);
      seen.push(line);
      sessionStorage.setItem(key, JSON.stringify(seen));
      status.textContent = p.status;
      setup.textContent = p.setup;
      if (p.state === 'READY') {
        events.close();
        // the interactions (web shell, desktop ...) exist now: show them
        setTimeout(() => window.location.reload(), 500);
      }
    });
    events.onerror = () => events.close();
  }
  const chart = document.getElementById('usage-chart');
  const every = Number(chart.dataset.refreshSeconds || '10') * 1000;
  setInterval(() => { chart.src = '/instances/' + id + '/usage.svg?t=' + Date.now(); }, every);
  const reveal = document.getElementById('reveal-passphrase');
  if (reveal) {
    reveal.addEventListener('click', async () => {
      const r = await fetch('/instances/' + id + '/passphrase', { method: 'POST' });
      document.getElementById('passphrase').textContent = r.ok ? await r.text() : '(not available)';
      reveal.remove();
    });
  }
})();
