// Tells the platform that dynamic registration is finished, so Moodle closes its dialog (LTI DR 1.0 §3.7).
(function () {
  function close() {
    var target = window.opener || window.parent;
    if (target && target !== window) {
      target.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('close');
    if (button) { button.addEventListener('click', close); }
    close();
  });
})();
