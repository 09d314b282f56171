// Keeps an open order page current: the server sends the order's state over Server-Sent Events
// whenever it changes; the page then fetches itself again and swaps its content in place.
(function () {
  var main = document.getElementById('live');
  if (!main || !window.EventSource) { return; }
  var state = main.getAttribute('data-live-state');
  var busy = false;
  var source = new EventSource(main.getAttribute('data-events'));

  function refresh() {
    if (busy) { return; }
    busy = true;
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (!next) { return; }
        // What the last action told the user ("request filed") was shown once, with the redirect;
        // the refetched page no longer has it, so the notices on screen stay.
        var notices = document.getElementById('notices');
        var nextNotices = next.querySelector('#notices');
        if (notices && nextNotices) { nextNotices.replaceWith(notices); }
        document.getElementById('live').replaceWith(next);
        main = next;
        var fresh = next.getAttribute('data-live-state');
        var stamp = document.getElementById('live-updated');
        if (stamp) { stamp.textContent = new Date().toLocaleTimeString(document.documentElement.lang || undefined); }
        var changed = fresh !== state;
        state = fresh;
        return changed;
      })
      .catch(function () { /* the next event tries again */ })
      .then(function () { busy = false; });
  }

  source.addEventListener('state', function (e) {
    if (e.data !== state) { state = e.data; refresh(); }
  });
  source.onopen = function () { document.body.classList.add('live'); };
  source.onerror = function () { document.body.classList.remove('live'); };
})();
