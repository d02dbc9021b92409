"""Live reload: the script injected into served HTML, and the server-sent-event hub.

The script is added to HTML responses as they are served and is never written into the
site. It listens on ``/__digest__/events`` (EventSource reconnects by itself), through a
SharedWorker where the browser has one so that all tabs share one stream, for:

* ``status`` — sent on connect and after every build: the served build id, the
  current build errors and whether the served build is older than the last build
  (it failed). Errors show an overlay (file:line: message); none clear it.
  A page from an older build than the one now served reloads (it missed a reload).
* ``reload`` — a new build is served; the page reloads if its own file changed, or a
  script or image it loads did (a 404 or placeholder page always reloads); changed
  stylesheets are swapped in place.
* ``css`` — only stylesheets changed: they are swapped in place, no reload.
"""

from __future__ import annotations

import json
import re
import threading
from collections import deque
from dataclasses import dataclass

EVENTS_PATH = "/__digest__/events"
WORKER_PATH = "/__digest__/worker.js"

_SCRIPT = """<script data-digest-serve>
(function () {
  var page = %(page)s, build = %(build)s, overlay = null;
  function show(errors, stale) {
    if (overlay) { overlay.remove(); overlay = null; }
    if (!errors.length) return;
    overlay = document.createElement("div");
    overlay.setAttribute("data-digest-overlay", "");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(24,4,4,.96);color:#fff;" +
      "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2em;overflow:auto;white-space:pre-wrap";
    var close = document.createElement("button");
    close.textContent = "\\u00d7"; close.title = "hide (the next good build clears it)";
    close.style.cssText = "float:right;font-size:20px;background:none;color:#fff;border:0;cursor:pointer";
    close.onclick = function () { overlay.remove(); overlay = null; };
    var head = document.createElement("div");
    head.style.cssText = "font-weight:bold;color:#ff8a80;margin-bottom:1em";
    head.textContent = stale ? "digest: the last build failed; this is the last good site." :
      "digest: these articles could not be built; the site shows the others.";
    overlay.appendChild(close); overlay.appendChild(head);
    errors.forEach(function (e) {
      var line = document.createElement("div");
      line.style.cssText = "margin:.5em 0;border-left:3px solid #ff8a80;padding-left:1em";
      var at = /^(.*?:\\d+:|[^:\\s]+:)\\s([\\s\\S]*)$/.exec(e);  // "path:line: message"
      if (at) {
        var where = document.createElement("b");
        where.style.color = "#ffd54f"; where.textContent = at[1] + " ";
        line.appendChild(where); line.appendChild(document.createTextNode(at[2]));
      } else line.textContent = e;
      overlay.appendChild(line);
    });
    document.body.appendChild(overlay);
  }
  function swapCss(version) {
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (old) {
      var link = old.cloneNode();
      link.href = old.href.replace(/[?#].*$/, "") + "?v=" + encodeURIComponent(version);
      link.onload = function () { old.remove(); };
      old.after(link);
    });
  }
  function uses(path) {  // this page, or a script, image or other file it loads (CSS is swapped)
    if (path === page) return true;
    if (/\\.css$/.test(path)) return false;
    var url = new URL("/" + path, location.href).href;
    return Array.prototype.some.call(document.querySelectorAll("script[src],img[src],source[src],video[src],audio[src],iframe[src]"),
      function (el) { return el.src === url; });
  }
  var on = {
    status: function (data) {
      if (build !== null && data.build !== null && data.build !== build) { location.reload(); return; }
      window.digestServeConnected = true;  // for tests: the page now hears every rebuild
      show(data.errors, data.stale);
    },
    reload: function (data) {
      if (page === null || build === null || data.changed === null || data.changed.some(uses)) { location.reload(); return; }
      build = data.build;
      if (data.changed.some(function (p) { return /\\.css$/.test(p); })) swapCss(data.build);
    },
    css: function (data) { build = data.build; swapCss(data.build); }
  };
  function handle(type, text) { if (on[type]) on[type](JSON.parse(text)); }
  // One event stream shared by all tabs (a SharedWorker): browsers allow about six
  // connections per host, and a stream per tab would stall the seventh tab's loading.
  try {
    var worker = new SharedWorker("%(worker)s");
    worker.port.onmessage = function (m) { handle(m.data.type, m.data.data); };
    worker.port.start();
  } catch (err) {
    var source = new EventSource("%(events)s");
    Object.keys(on).forEach(function (type) {
      source.addEventListener(type, function (e) { handle(type, e.data); });
    });
  }
})();
</script>
"""

# The SharedWorker: holds the one EventSource and passes every message to every tab;
# a tab that connects gets the latest status at once.
WORKER_SCRIPT = """var ports = [], status = null;
var source = new EventSource("%(events)s");
["status", "reload", "css"].forEach(function (type) {
  source.addEventListener(type, function (e) {
    if (type === "status") status = e.data;
    ports.forEach(function (port) { port.postMessage({type: type, data: e.data}); });
  });
});
onconnect = function (e) {
  var port = e.ports[0];
  ports.push(port);
  if (status !== null) port.postMessage({type: "status", data: status});
  port.start();
};
""" % {"events": EVENTS_PATH}

_BODY_END = re.compile(rb"</body\s*>", re.I)


def reload_script(page: str | None, build: str | None) -> str:
    """The script for one page: `page` is its site file ("articles/x.html"), None for a 404."""
    return _SCRIPT % {"page": _js(page), "build": _js(build), "events": EVENTS_PATH, "worker": WORKER_PATH}


def inject(html: bytes, page: str | None, build: str | None) -> bytes:
    """The HTML with the reload script before its last </body> (or at the end)."""
    script = reload_script(page, build).encode("utf-8")
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + script
    at = matches[-1].start()
    return html[:at] + script + html[at:]


def _js(value: str | None) -> str:
    # json.dumps is a JS literal; "</" is escaped so a path cannot end the <script>.
    return json.dumps(value).replace("</", "<\\/")


@dataclass(frozen=True)
class Message:
    seq: int
    event: str
    data: dict

    def encode(self) -> bytes:
        return f"id: {self.seq}\nevent: {self.event}\ndata: {json.dumps(self.data)}\n\n".encode("utf-8")


class Hub:
    """Messages for every connected browser; each client waits on its own cursor."""

    def __init__(self, keep: int = 64) -> None:
        self._cond = threading.Condition()
        self._messages: deque[Message] = deque(maxlen=keep)
        self._seq = 0
        self.closed = False
        self.clients = 0  # open event streams (one per browser, through the SharedWorker)
        self.status: dict = {"build": None, "errors": [], "stale": False}

    def publish(self, event: str, data: dict) -> Message:
        with self._cond:
            self._seq += 1
            message = Message(self._seq, event, data)
            self._messages.append(message)
            if event == "status":
                self.status = data
            self._cond.notify_all()
            return message

    def cursor(self) -> int:
        with self._cond:
            return self._seq

    def wait(self, after: int, timeout: float) -> list[Message]:
        """Messages newer than `after`; waits up to `timeout` for one. Empty on timeout or close."""
        with self._cond:
            self._cond.wait_for(lambda: self.closed or self._seq > after, timeout=timeout)
            return [m for m in self._messages if m.seq > after]

    def connected(self, change: int) -> None:
        with self._cond:
            self.clients += change

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()


__all__ = ["EVENTS_PATH", "WORKER_PATH", "WORKER_SCRIPT", "Hub", "Message", "inject", "reload_script"]
