// Keeps an open order page current: the server sends the order's state over Server-Sent Events
// whenever it changes; the page then fetches itself again and swaps its content in place.
(function () {
  var main = document.getElementById('live');
  if (!main || !window.EventSource) { return; }
  var state = main.getAttribute('data-live-state');
  var busy = false;
  // The server sends a state once. A state that arrives while the page is being fetched, or a fetched
  // page older than the last state (its data-live-state is read before the rest of it), is fetched
  // again, a few times at most, so the page ends at what the server said last.
  var again = false;
  var tries = 0;
  var source = new EventSource(main.getAttribute('data-events'));

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    again = false;
    tries++;
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
        if (fresh !== state) { again = true; }
      })
      .catch(function () { /* the next event tries again */ })
      .then(function () {
        busy = false;
        if (again && tries < 5) { setTimeout(refresh, 200); } else { tries = 0; }
      });
  }

  source.addEventListener('state', function (e) {
    if (e.data !== state) { state = e.data; tries = 0; refresh(); }
  });
  source.onopen = function () { document.body.classList.add('live'); };
  source.onerror = function () { document.body.classList.remove('live'); };
})();
