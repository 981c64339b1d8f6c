// Parity grading: keyboard shortcuts, time on task and draft autosave for the assignment page.
// Served as a file: the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';
  var form = document.getElementById('grade');
  if (!form) {
    return;
  }
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var status = document.getElementById('draft-status');
  var secondsField = document.getElementById('seconds');
  var rationale = document.getElementById('rationale');
  var count = document.getElementById('count');
  var unsentSeconds = 0;
  var saveTimer = null;
  var dirty = false;
  var submitting = false;

  // Time on the assignment: seconds while the page is visible, sent with each save and the submission.
  setInterval(function () {
    if (document.visibilityState === 'visible') {
      unsentSeconds += 1;
    }
  }, 1000);

  function values() {
    var data = new FormData(form);
    return {
      verdict: data.get('verdict') || null,
      rubric_a: data.getAll('rubric_a'),
      rubric_b: data.getAll('rubric_b'),
      rationale: data.get('rationale') || '',
      ai_guess: data.get('ai_guess') || null,
      flag: data.get('flag') || null,
      flag_note: data.get('flag_note') || ''
    };
  }

  function save() {
    saveTimer = null;
    if (submitting) {
      return;
    }
    var body = values();
    body.seconds = unsentSeconds;
    var sent = unsentSeconds;
    status.textContent = 'Saving…';
    fetch(form.getAttribute('data-draft-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      unsentSeconds -= sent;
      dirty = false;
      status.textContent = 'Draft saved at ' + new Date().toLocaleTimeString();
    }).catch(function () {
      dirty = true;
      status.textContent = 'Not saved yet: retrying';
      schedule(5000);
    });
  }

  function schedule(delay) {
    if (saveTimer) {
      clearTimeout(saveTimer);
    }
    saveTimer = setTimeout(save, delay);
  }

  function changed() {
    dirty = true;
    schedule(800);
    updateCount();
  }

  function updateCount() {
    if (rationale && count) {
      count.textContent = Array.from(rationale.value.trim()).length;
    }
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  // A heartbeat keeps the time on task even while the grader only reads.
  setInterval(function () {
    if (unsentSeconds >= 30 && !saveTimer) {
      save();
    }
  }, 30000);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && (dirty || unsentSeconds > 0)) {
      save();
    }
  });

  form.addEventListener('submit', function () {
    submitting = true;
    if (saveTimer) {
      clearTimeout(saveTimer);
    }
    secondsField.value = unsentSeconds;
  });

  function choose(value) {
    var radio = form.querySelector('input[name="verdict"][value="' + value + '"]');
    if (radio) {
      radio.checked = true;
      radio.focus();
      changed();
    }
  }

  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
      return;
    }
    var target = event.target;
    var typing = target && (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'
        || (target.tagName === 'INPUT' && target.type !== 'radio' && target.type !== 'checkbox'));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var keys = {'1': 'A', 'a': 'A', '2': 'tie', 't': 'tie', '=': 'tie', '3': 'B', 'b': 'B'};
    var value = keys[event.key];
    if (value) {
      event.preventDefault();
      choose(value);
    } else if (event.key === 'r') {
      event.preventDefault();
      rationale.focus();
    }
  });

  updateCount();
}());
