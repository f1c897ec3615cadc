// The tool side of 1EdTech "LTI Client Side postMessages" (platform storage): lti.put_data and lti.get_data sent
// to the frame the platform named in lti_storage_target, only to the platform's origin, and answers accepted only
// from that origin and for the message sent.
var LtiPlatformStorage = (function () {
  function targetFrame(name) {
    if (name === '_parent') { return window.parent; }
    try { return window.parent.frames[name] || null; } catch (e) { return null; }
  }
  function send(target, origin, message, timeoutMs) {
    return new Promise(function (resolve, reject) {
      var frame = targetFrame(target);
      if (!frame || frame === window) { reject(new Error('no platform frame')); return; }
      message.message_id = 'werkproces-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
      var timer = setTimeout(function () { done(); reject(new Error('timeout')); }, timeoutMs || 3000);
      function done() { clearTimeout(timer); window.removeEventListener('message', listener); }
      function listener(event) {
        var data = event.data;
        if (event.origin !== origin || !data || typeof data !== 'object'
            || data.message_id !== message.message_id || data.subject !== message.subject + '.response') {
          return;
        }
        done();
        if (data.error) { reject(new Error(String(data.error.code || 'error'))); } else { resolve(data); }
      }
      window.addEventListener('message', listener);
      frame.postMessage(message, origin);
    });
  }
  return {
    put: function (target, origin, key, value) {
      return send(target, origin, { subject: 'lti.put_data', key: key, value: value });
    },
    get: function (target, origin, key) {
      return send(target, origin, { subject: 'lti.get_data', key: key }).then(function (data) {
        if (data.key !== key || typeof data.value !== 'string') { throw new Error('no value'); }
        return data.value;
      });
    }
  };
})();
