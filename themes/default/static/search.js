/* digest search: a small vanilla script over static/search-index.js.
   Results are built with textContent only, so nothing from the index is parsed as HTML. */
(function () {
  "use strict";
  var index = window.DIGEST_SEARCH_INDEX || [];
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list) return;
  var labels = { article: "Article", summary: "Summary", quote: "Quote", speaker: "Speaker" };
  var weight = { speaker: 4, article: 3, quote: 2, summary: 1 };

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  }
  var folded = index.map(function (doc) { return fold(doc.t + " \u0001 " + doc.x); });

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var text = folded[i], ok = true;
      for (var j = 0; j < terms.length && ok; j++) ok = text.indexOf(terms[j]) !== -1;
      if (ok) hits.push(i);
    }
    hits.sort(function (a, b) { return (weight[index[b].k] || 0) - (weight[index[a].k] || 0) || a - b; });
    return hits.slice(0, 60);
  }

  function show(query) {
    list.textContent = "";
    var hits = search(query);
    status.textContent = query.trim() ? hits.length + (hits.length === 60 ? "+" : "") + " result" + (hits.length === 1 ? "" : "s") + " for \u201c" + query.trim() + "\u201d" : "";
    hits.forEach(function (i) {
      var doc = index[i];
      var item = document.createElement("li");
      item.className = "result result-" + doc.k;
      var kind = document.createElement("span");
      kind.className = "badge";
      kind.textContent = labels[doc.k] || doc.k;
      var link = document.createElement("a");
      link.href = doc.u;
      link.textContent = doc.k === "quote" ? "\u201c" + doc.x + "\u201d" : (doc.k === "summary" ? doc.x : doc.t);
      var meta = document.createElement("p");
      meta.className = "attribution";
      meta.textContent = doc.k === "quote" ? doc.t + (doc.d ? " \u00b7 " + doc.d : "") : (doc.k === "summary" ? doc.t : doc.x) ;
      item.appendChild(kind); item.appendChild(document.createTextNode(" ")); item.appendChild(link); item.appendChild(meta);
      list.appendChild(item);
    });
  }

  var params = new URLSearchParams(location.search);
  if (params.get("q")) { input.value = params.get("q"); show(input.value); }
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    show(input.value);
  });
})();
