// The picker's due date: a date before today (on the school's clock) shows a warning and asks for confirmation
// on submit; the value is kept either way.
(function () {
  var due = document.getElementById('due');
  var warning = document.getElementById('due-past');
  if (!due || !warning) {
    return;
  }
  function inPast() {
    return due.value !== '' && due.value < due.dataset.today;
  }
  function show() {
    warning.hidden = !inPast();
  }
  due.addEventListener('input', show);
  due.addEventListener('change', show);
  show();
  due.form.addEventListener('submit', function (event) {
    if (inPast() && !window.confirm(due.dataset.pastConfirm)) {
      event.preventDefault();
      due.focus();
    }
  });
})();
