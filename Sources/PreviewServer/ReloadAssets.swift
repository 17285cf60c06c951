/// The live-reload script and the build-error overlay's stylesheet, served by the preview server at
/// `/__chancery/reload.js` and `/__chancery/overlay.css` (files of their own, so a theme's strict CSP —
/// `script-src 'self'; style-src 'self'` — allows them; the overlay is built with DOM APIs and classes,
/// never inline styles).
public enum ReloadAssets {
    public static let script = #"""
    // Chancery preview: reloads the page after a rebuild and shows build errors. Served only by `chancery serve`.
    (function () {
      'use strict';
      if (window.__chanceryPreview) return;
      window.__chanceryPreview = true;
      var OVERLAY = 'chancery-overlay';
      var server = null;

      function clear() {
        var old = document.getElementById(OVERLAY);
        if (old) old.parentNode.removeChild(old);
      }

      function show(status) {
        clear();
        if (!status || status.ok) return;
        var box = document.createElement('section');
        box.id = OVERLAY;
        box.className = OVERLAY;
        box.setAttribute('role', 'alert');
        box.setAttribute('aria-label', 'Build errors');
        var close = document.createElement('button');
        close.type = 'button';
        close.className = OVERLAY + '__close';
        close.setAttribute('aria-label', 'Dismiss');
        close.textContent = '\u00d7';
        close.addEventListener('click', clear);
        var title = document.createElement('p');
        title.className = OVERLAY + '__title';
        title.textContent = 'The last rebuild failed \u2014 what these errors concern is missing or out of date.';
        var list = document.createElement('ul');
        list.className = OVERLAY + '__errors';
        (status.errors || []).forEach(function (message) {
          var item = document.createElement('li');
          item.textContent = message;
          list.appendChild(item);
        });
        if (status.moreErrors > 0) {
          var more = document.createElement('li');
          more.className = OVERLAY + '__more';
          more.textContent = '\u2026 and ' + status.moreErrors + ' more (see the terminal)';
          list.appendChild(more);
        }
        box.appendChild(close);
        box.appendChild(title);
        box.appendChild(list);
        document.body.appendChild(box);
      }

      function refresh() {
        fetch('/__chancery/status', { cache: 'no-store' })
          .then(function (response) { return response.json(); })
          .then(show)
          .catch(function () {});
      }

      function data(event) {
        try { return JSON.parse(event.data); } catch (e) { return {}; }
      }

      var events = new EventSource('/__chancery/events');
      // On a reconnection (the server restarted, or rebuilt while we were away) reload if anything changed.
      events.addEventListener('hello', function (event) {
        var d = data(event);
        var key = d.server + ':' + d.generation;
        if (server !== null && server !== key) { location.reload(); return; }
        server = key;
      });
      events.addEventListener('reload', function () { location.reload(); });
      events.addEventListener('status', function (event) {
        var d = data(event);
        if (server !== null) server = server.split(':')[0] + ':' + d.generation;
        refresh();
      });
      refresh();
    })();

    """#

    public static let stylesheet = #"""
    /* Chancery preview: the build-error overlay. Served only by `chancery serve`. */
    .chancery-overlay {
      position: fixed;
      inset: auto 1rem 1rem 1rem;
      z-index: 2147483647;
      max-height: 50vh;
      overflow: auto;
      margin: 0;
      padding: 1rem 3rem 1rem 1.25rem;
      border: 2px solid #b3261e;
      border-radius: 6px;
      background: #fff5f5;
      color: #3b0b08;
      box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
      font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      text-align: left;
    }
    .chancery-overlay__title {
      margin: 0 0 0.5rem;
      font-weight: bold;
      color: #b3261e;
    }
    .chancery-overlay__errors {
      margin: 0;
      padding: 0 0 0 1.25rem;
    }
    .chancery-overlay__errors li {
      margin: 0.2rem 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .chancery-overlay__more {
      font-style: italic;
    }
    .chancery-overlay__close {
      position: absolute;
      top: 0.5rem;
      right: 0.5rem;
      width: 2rem;
      height: 2rem;
      border: 0;
      border-radius: 4px;
      background: transparent;
      color: inherit;
      font-size: 1.4rem;
      line-height: 1;
      cursor: pointer;
    }
    .chancery-overlay__close:hover,
    .chancery-overlay__close:focus-visible {
      background: rgba(179, 38, 30, 0.15);
    }
    @media (prefers-color-scheme: dark) {
      .chancery-overlay {
        background: #2b1110;
        color: #ffdad6;
        border-color: #ffb4ab;
      }
      .chancery-overlay__title {
        color: #ffb4ab;
      }
    }

    """#
}
