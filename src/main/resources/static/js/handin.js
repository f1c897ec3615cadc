// Hand-in: once sent, the button is disabled (no second hand-in by a double click) and the page says that the
// work is being sent; the form itself works without JavaScript.
(function () {
  var form = document.getElementById('handin-form');
  if (!form) { return; }
  form.addEventListener('submit', function () {
    var button = document.getElementById('submit');
    var progress = document.getElementById('handin-progress');
    // after this event: disabling the button now would drop it from what the form sends
    window.setTimeout(function () {
      button.disabled = true;
      button.textContent = form.dataset.sending;
      progress.hidden = false;
      document.getElementById('handin-progress-text').textContent = form.dataset.sendingStatus;
    }, 0);
  });
})();
