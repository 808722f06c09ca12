// A link styled as a button (StartButton.astro, `link`) follows Space as a button does, not only Enter.
(function () {
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if ((e.key === ' ' || e.key === 'Spacebar') && t && t.matches && t.matches('a[data-space-activates]')) {
      e.preventDefault();
      t.click();
    }
  });
})();
