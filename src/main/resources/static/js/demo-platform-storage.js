// The platform side of 1EdTech "LTI Client Side postMessages" on the demo course page: answers lti.capabilities,
// lti.put_data and lti.get_data from the tool's frame. Only messages from the tool's origin are answered, always
// to that origin, and what one origin stored is never given to another.
(function () {
  var toolOrigin = document.getElementById('demo-course').dataset.toolOrigin;
  var stored = {};
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== toolOrigin || !data || typeof data !== 'object' || typeof data.subject !== 'string'
        || !event.source) {
      return;
    }
    var answer = { subject: data.subject + '.response', message_id: data.message_id };
    var place = event.origin + '\n' + data.key;
    if (data.subject === 'lti.capabilities') {
      answer.supported_messages = [{ subject: 'lti.put_data', frame: '_parent' },
        { subject: 'lti.get_data', frame: '_parent' }];
    } else if (data.subject === 'lti.put_data' && typeof data.key === 'string') {
      if (data.value === undefined || data.value === null) { delete stored[place]; } else { stored[place] = String(data.value); }
      answer.key = data.key;
      answer.value = data.value;
    } else if (data.subject === 'lti.get_data' && typeof data.key === 'string') {
      answer.key = data.key;
      if (Object.prototype.hasOwnProperty.call(stored, place)) {
        answer.value = stored[place];
      } else {
        answer.error = { code: 'bad_request', message: 'no value stored under this key' };
      }
    } else {
      answer.error = { code: 'unsupported_subject', message: 'not supported: ' + data.subject };
    }
    event.source.postMessage(answer, event.origin);
  });
})();
