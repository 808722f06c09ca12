// "Lämna sidan snabbt": leave for the neutral site through the portal, replacing this page in the
// history so that Back does not return to it. The keyboard gesture is Shift pressed three times
// within five seconds with no other key between (as GOV.UK's "Exit this page"): typing, even
// capital letters, never triggers it, and Escape is left to the browser and to form fields.
(function () {
  var link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  var leaving = false;
  var leave = function (e) {
    if (e) e.preventDefault();
    if (leaving) return;
    leaving = true;
    try { document.body.style.visibility = 'hidden'; } catch (_) { /* leave anyway */ }
    window.location.replace(link.href);
  };
  link.addEventListener('click', leave);
  // The gesture works only with this script: the hint saying so is shown only then.
  var hints = document.querySelectorAll('[data-quick-exit-keys]');
  for (var i = 0; i < hints.length; i++) hints[i].hidden = false;
  var WINDOW_MS = 5000;
  var presses = [];
  var shiftAlone = false;
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Shift') {
      if (!e.repeat) shiftAlone = true;
      return;
    }
    // Any other key (also Shift+letter while typing) breaks the sequence.
    shiftAlone = false;
    presses = [];
  }, true);
  document.addEventListener('keyup', function (e) {
    if (e.key !== 'Shift') return;
    if (!shiftAlone) { presses = []; return; }
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) leave();
  }, true);
})();
