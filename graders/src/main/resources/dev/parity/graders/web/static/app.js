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

// Page images on the assignment page: zoom, A and B kept at the same page number while one of them
// scrolls, and pages still being drawn fetched again until they are there. The page is not
// reloaded for that, so nothing the grader is typing is lost.
(function () {
  'use strict';
  var sides = document.getElementById('sides');
  if (!sides) {
    return;
  }
  var tools = document.getElementById('page-tools');
  var levels = [50, 75, 100, 125, 150, 200];
  var level = 2;
  if (tools) {
    tools.hidden = false;
    tools.addEventListener('click', function (event) {
      var step = event.target.getAttribute('data-zoom');
      if (!step) {
        return;
      }
      sides.classList.remove('zoom-' + levels[level]);
      level = Math.max(0, Math.min(levels.length - 1, level + Number(step)));
      if (levels[level] !== 100) {
        sides.classList.add('zoom-' + levels[level]);
      }
      document.getElementById('zoom-level').textContent = levels[level] + '%';
    });
  }

  var inStep = document.getElementById('keep-in-step');
  var partners = {'side-A': 'side-B', 'side-B': 'side-A'};

  // The page at the top of a side's scroll area, and how far into it the top is (0 to 1).
  function topPage(side) {
    var top = side.getBoundingClientRect().top;
    var pages = side.querySelectorAll('img.page');
    for (var i = 0; i < pages.length; i++) {
      var box = pages[i].getBoundingClientRect();
      if (pages[i].offsetParent !== null && box.bottom > top + 1) {
        return {page: pages[i], into: Math.max(0, Math.min(1, (top - box.top) / box.height))};
      }
    }
    return null;
  }

  // The same page of the same file on the other side (pages-A-1-p3 and pages-B-1-p3), or that file's last page.
  function partnerPage(page, other) {
    var id = page.id.replace(/^pages-[AB]-/, 'pages-' + other.id.slice(-1) + '-');
    var same = document.getElementById(id);
    if (same && same.offsetParent !== null) {
      return same;
    }
    var file = document.getElementById(id.replace(/-p\d+$/, '-view'));
    var all = file ? file.querySelectorAll('img.page') : [];
    return all.length && all[all.length - 1].offsetParent !== null ? all[all.length - 1] : null;
  }

  function follow(side) {
    if (side.getAttribute('data-following') === 'true') {
      side.removeAttribute('data-following');
      return;
    }
    if (inStep && !inStep.checked) {
      return;
    }
    var other = document.getElementById(partners[side.id]);
    var at = topPage(side);
    var target = at && other ? partnerPage(at.page, other) : null;
    if (!target) {
      return;
    }
    var wanted = Math.round(other.scrollTop + target.getBoundingClientRect().top - other.getBoundingClientRect().top
        + at.into * target.getBoundingClientRect().height);
    if (Math.abs(wanted - other.scrollTop) >= 1) {
      // Its own scroll event must not move this side back.
      other.setAttribute('data-following', 'true');
      other.scrollTop = wanted;
    }
  }

  ['side-A', 'side-B'].forEach(function (id) {
    var side = document.getElementById(id);
    if (side) {
      side.addEventListener('scroll', function () {
        follow(side);
      });
    }
  });

  // A file shown as pages gets its text view when its Text tab is first opened: the page request
  // itself only looks pages up, it never converts a document.
  function loadText(views) {
    var holder = views && views.querySelector('.text-view[data-src]');
    if (!holder) {
      return;
    }
    var src = holder.getAttribute('data-src');
    var link = holder.innerHTML;
    holder.removeAttribute('data-src');
    holder.textContent = 'Loading…';
    fetch(src, {credentials: 'same-origin'}).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      var text = new DOMParser().parseFromString(html, 'text/html').getElementById('text');
      holder.textContent = '';
      Array.prototype.forEach.call(text ? text.childNodes : [], function (node) {
        holder.appendChild(document.importNode(node, true));
      });
    }).catch(function () {
      holder.innerHTML = link;
      holder.setAttribute('data-src', src);
    });
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.classList && target.classList.contains('tab') && target.checked) {
      loadText(target.closest('.views'));
    }
  });

  function waiting() {
    return document.querySelectorAll('.page-view[data-status="queued"], .page-view[data-status="rendering"]');
  }

  function poll() {
    if (waiting().length === 0) {
      return;
    }
    fetch(location.pathname, {credentials: 'same-origin'}).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      Array.prototype.forEach.call(waiting(), function (old) {
        var now = fresh.getElementById(old.id);
        if (now && now.getAttribute('data-status') !== old.getAttribute('data-status')) {
          old.replaceWith(document.importNode(now, true));
        }
      });
    }).catch(function () {
      // Tried again below.
    }).then(function () {
      if (waiting().length) {
        setTimeout(poll, 2000);
      }
    });
  }
  setTimeout(poll, 2000);
}());

// The work page's clock: the server keeps the time; this only counts on from what the page was
// given, so that the shown time moves while the clock runs.
(function () {
  var clock = document.getElementById('work-clock');
  if (!clock || clock.getAttribute('data-running') !== 'true') {
    return;
  }
  var shown = document.getElementById('clock-time');
  var base = parseInt(clock.getAttribute('data-active-ms'), 10) || 0;
  var loaded = Date.now();
  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }
  function tick() {
    var seconds = Math.floor((base + Date.now() - loaded) / 1000);
    shown.textContent = Math.floor(seconds / 3600) + ':' + pad(Math.floor(seconds / 60) % 60) + ':' + pad(seconds % 60);
  }
  setInterval(tick, 1000);
}());
