// "Lämna sidan snabbt": leave for the neutral site, replacing this page in the history; Escape does the same.
(function () {
  var link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  var leave = function (e) {
    if (e) e.preventDefault();
    try { document.body.style.visibility = 'hidden'; } catch (_) { /* leave anyway */ }
    window.location.replace(link.href);
  };
  link.addEventListener('click', leave);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') leave(e);
  });
})();
