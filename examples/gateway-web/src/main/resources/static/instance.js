// Live progress (server-sent events from the SDK's watch), the usage chart refreshed every 10 s, and the
// passphrase revealed only on request.
(function () {
  const main = document.querySelector('main[data-instance]');
  const id = main.dataset.instance;
  const list = document.getElementById('progress');
  const status = document.getElementById('status');
  const setup = document.getElementById('setup');
  if (status.textContent !== 'Ready') {
    const events = new EventSource('/instances/' + id + '/events');
    events.addEventListener('progress', (e) => {
      const p = JSON.parse(e.data);
      const li = document.createElement('li');
      li.textContent = p.state + ' — ' + p.message;
      list.appendChild(li);
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
  setInterval(() => { chart.src = '/instances/' + id + '/usage.svg?t=' + Date.now(); }, 10000);
  const reveal = document.getElementById('reveal-passphrase');
  if (reveal) {
    reveal.addEventListener('click', async () => {
      const r = await fetch('/instances/' + id + '/passphrase', { method: 'POST' });
      document.getElementById('passphrase').textContent = r.ok ? await r.text() : '(not available)';
      reveal.remove();
    });
  }
})();
