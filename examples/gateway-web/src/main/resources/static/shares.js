// A share's mount command holds its cephx access key: it is fetched only when the user asks for it.
(function () {
  document.querySelectorAll('.share').forEach((share) => {
    const reveal = share.querySelector('.reveal-mount-command');
    if (!reveal) {
      return;
    }
    reveal.addEventListener('click', async () => {
      const r = await fetch('/shares/' + share.dataset.share + '/mount-command', { method: 'POST' });
      share.querySelector('.share-mount-command').textContent = r.ok ? await r.text() : '(not available)';
      reveal.remove();
    });
  });
})();
