// The login check page in a platform's frame: goes on to the platform at once when the tool's cookie comes back in
// this frame; else stores state and nonce in the platform's storage when the platform offered it; else offers to
// start the login again in a new window (the platform has not seen this login yet, so its hint is still unused).
(function () {
  var page = document.getElementById('login-check');
  var data = page.dataset;
  function toPlatform() { window.location.replace(data.authorization); }
  function offerNewWindow() { document.getElementById('cookies-blocked').hidden = false; }
  function usePlatformStorage() {
    if (!data.storageTarget || typeof LtiPlatformStorage === 'undefined') { offerNewWindow(); return; }
    Promise.all([
      LtiPlatformStorage.put(data.storageTarget, data.platformOrigin, data.stateKey, data.stateValue),
      LtiPlatformStorage.put(data.storageTarget, data.platformOrigin, data.nonceKey, data.nonceValue)
    ]).then(toPlatform, offerNewWindow);
  }
  fetch(data.cookieCheck, { credentials: 'same-origin', cache: 'no-store' })
    .then(function (response) { return response.ok ? response.json() : { cookie: false }; })
    .then(function (answer) { if (answer.cookie === true) { toPlatform(); } else { usePlatformStorage(); } },
      usePlatformStorage);
})();
