// The launch without the tool's cookie, on the platform-storage path: reads the secret and nonce the login page
// stored in the platform's frame and posts the launch again, from this page of the tool, with them.
(function () {
  var data = document.getElementById('storage-launch').dataset;
  var form = document.getElementById('storage-form');
  Promise.all([
    LtiPlatformStorage.get(data.storageTarget, data.platformOrigin, data.stateKey),
    LtiPlatformStorage.get(data.storageTarget, data.platformOrigin, data.nonceKey)
  ]).then(function (values) {
    form.elements.lti_storage_secret.value = values[0];
    form.elements.lti_storage_nonce.value = values[1];
    form.submit();
  }, function () { document.getElementById('storage-failed').hidden = false; });
})();
