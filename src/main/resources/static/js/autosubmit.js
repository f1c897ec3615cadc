// Submits the page's form at once, as platforms do for LTI messages. Without JavaScript the button remains.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-autosubmit]');
  if (form) { form.submit(); }
});
