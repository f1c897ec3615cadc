// Live preview of the rubric score on the grading screen: the same rules as RubricScoring (the server recomputes).
(function () {
  var form = document.getElementById('grading-form');
  if (!form) { return; }
  var maximum = parseInt(form.dataset.maximum, 10);
  var cesuur = parseInt(form.dataset.cesuur, 10);
  var labels = document.getElementById('score-labels').dataset;

  // tenths = numerator / denominator, rounded half up in integers, as RubricScoring does
  function tenths(numerator, denominator) {
    return Math.floor((2 * numerator + denominator) / (2 * denominator)) / 10;
  }

  function cijfer(points, knockOut) {
    var value;
    if (points >= cesuur) {
      var range = maximum - cesuur;
      value = tenths(55 * range + 45 * (points - cesuur), range);
      if (points < maximum) { value = Math.min(value, 9.9); }
    } else {
      value = Math.min(tenths(10 * cesuur + 45 * points, cesuur), 5.4);
    }
    return knockOut ? Math.min(value, 5.0) : value;
  }

  function update() {
    var criteria = form.querySelectorAll('fieldset.criterion');
    var points = 0, complete = criteria.length > 0, knockOut = false, allVoldoende = true;
    criteria.forEach(function (fieldset) {
      var chosen = fieldset.querySelector('input[type=radio]:checked');
      if (!chosen) { complete = false; return; }
      var level = parseInt(chosen.value, 10);
      points += level;
      if (level < 2) {
        allVoldoende = false;
        if (fieldset.dataset.kritisch === 'true') { knockOut = true; }
      }
    });
    document.getElementById('score-points').textContent = points;
    if (!complete) {
      document.getElementById('score-verdict').textContent = '–';
      document.getElementById('score-cijfer').textContent = '–';
      return;
    }
    var verdict = (knockOut || points < cesuur) ? labels.onvoldoende
      : (100 * points >= 85 * maximum && allVoldoende) ? labels.goed : labels.voldoende;
    var decimal = document.documentElement.lang === 'en' ? '.' : ',';
    document.getElementById('score-verdict').textContent = verdict;
    document.getElementById('score-cijfer').textContent = cijfer(points, knockOut).toFixed(1).replace('.', decimal);
  }

  form.addEventListener('change', update);
  update();
})();

// Guards: leaving with unsaved levels or remarks asks first (browser prompt when the page unloads, the page's own
// question on in-app links); "Definitief maken", "Bevestigen" and "Heropenen" say what happens in Moodle and ask.
// Without JavaScript the buttons and links simply work.
(function () {
  var form = document.getElementById('grading-form');
  var dirty = false;
  var leaving = false;
  if (form) {
    form.addEventListener('change', function () { dirty = true; });
    form.addEventListener('input', function () { dirty = true; });
  }

  window.addEventListener('beforeunload', function (event) {
    if (dirty && !leaving) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href]') : null;
    if (!link || !dirty || link.hasAttribute('data-no-guard') || link.target === '_blank') { return; }
    if (window.confirm(form.dataset.unsaved)) {
      leaving = true;
    } else {
      event.preventDefault();
    }
  });

  document.querySelectorAll('button[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      var shown = document.getElementById(form && form.dataset.mode === 'POINTS' ? 'score-points' : 'score-cijfer');
      var text = button.dataset.confirm.replace('{0}', shown ? shown.textContent : '');
      if (!window.confirm(text)) {
        event.preventDefault();
        return;
      }
      leaving = true;
    });
  });

  document.querySelectorAll('form').forEach(function (each) {
    each.addEventListener('submit', function () { leaving = true; });
  });
})();
