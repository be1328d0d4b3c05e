/* Sorting and filtering of the resumes table: a progressive enhancement (the table is complete
   without it). State lives in the address: #sort=score-desc&status=error&q=epic */
(function () {
  "use strict";
  var table = document.getElementById("rows-table");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var tools = document.getElementById("table-tools");
  var statusBox = document.getElementById("filter-status");
  var textBox = document.getElementById("filter-text");
  var shown = document.getElementById("rows-shown");
  var none = document.getElementById("rows-none");
  var state = { key: "", dir: "", status: "", q: "" };

  function column(key) {
    for (var i = 0; i < heads.length; i += 1) {
      if (heads[i].getAttribute("data-key") === key && heads[i].hasAttribute("data-sort")) {
        return i;
      }
    }
    return -1;
  }

  function readHash() {
    var next = { key: "", dir: "", status: "", q: "" };
    var parts = window.location.hash.replace(/^#/, "").split("&");
    parts.forEach(function (part) {
      var at = part.indexOf("=");
      if (at < 0) { return; }
      var name = part.slice(0, at);
      var value;
      try { value = decodeURIComponent(part.slice(at + 1).replace(/\+/g, " ")); } catch (e) { return; }
      if (name === "sort") {
        var cut = value.lastIndexOf("-");
        var key = cut < 0 ? value : value.slice(0, cut);
        var dir = cut < 0 ? "asc" : value.slice(cut + 1);
        if (column(key) >= 0 && (dir === "asc" || dir === "desc")) {
          next.key = key;
          next.dir = dir;
        }
      } else if (name === "status") {
        next.status = value;
      } else if (name === "q") {
        next.q = value;
      }
    });
    return next;
  }

  function writeHash() {
    var parts = [];
    if (state.key) { parts.push("sort=" + state.key + "-" + state.dir); }
    if (state.status) { parts.push("status=" + encodeURIComponent(state.status)); }
    if (state.q) { parts.push("q=" + encodeURIComponent(state.q)); }
    var url = window.location.pathname + window.location.search + (parts.length ? "#" + parts.join("&") : "");
    try { window.history.replaceState(null, "", url); } catch (e) { /* a page opened from disk may refuse */ }
  }

  function sortRows() {
    var at = column(state.key);
    var keyed = rows.map(function (row) {
      return { row: row, index: Number(row.getAttribute("data-index")), value: null };
    });
    if (at >= 0) {
      var numeric = heads[at].getAttribute("data-sort") === "number";
      var sign = state.dir === "desc" ? -1 : 1;
      keyed.forEach(function (item) {
        var raw = item.row.cells[at].getAttribute("data-value") || "";
        item.value = raw === "" ? null : (numeric ? Number(raw) : raw);
      });
      keyed.sort(function (a, b) {
        if (a.value === null || b.value === null) {  /* empty cells last, either way */
          if (a.value === b.value) { return a.index - b.index; }
          return a.value === null ? 1 : -1;
        }
        var order = numeric ? a.value - b.value
          : String(a.value).localeCompare(String(b.value), undefined, { numeric: true, sensitivity: "base" });
        return order !== 0 ? sign * order : a.index - b.index;
      });
    } else {
      keyed.sort(function (a, b) { return a.index - b.index; });
    }
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
    heads.forEach(function (head, i) {
      if (i === at) {
        head.setAttribute("aria-sort", state.dir === "desc" ? "descending" : "ascending");
      } else {
        head.removeAttribute("aria-sort");
      }
    });
  }

  function filterRows() {
    var q = state.q.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var visible = (!state.status || row.getAttribute("data-status") === state.status) &&
        (!q || (row.getAttribute("data-search") || "").indexOf(q) >= 0);
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    if (shown) {
      shown.textContent = count === rows.length
        ? "Showing all " + rows.length + (rows.length === 1 ? " file" : " files")
        : "Showing " + count + " of " + rows.length + (rows.length === 1 ? " file" : " files");
    }
    if (none) { none.hidden = count > 0; }
  }

  function apply() {
    sortRows();
    filterRows();
    if (statusBox) { statusBox.value = state.status; }
    if (textBox && textBox.value !== state.q) { textBox.value = state.q; }
  }

  heads.forEach(function (head) {
    if (!head.hasAttribute("data-sort")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (head.firstChild) { button.appendChild(head.firstChild); }
    var arrow = document.createElement("span");
    arrow.className = "arrow";
    arrow.setAttribute("aria-hidden", "true");
    button.appendChild(arrow);
    head.appendChild(button);
    button.addEventListener("click", function () {
      var key = head.getAttribute("data-key");
      if (state.key === key) {
        state.dir = state.dir === "asc" ? "desc" : "asc";
      } else {
        state.key = key;
        state.dir = head.getAttribute("data-sort") === "number" ? "desc" : "asc";
      }
      apply();
      writeHash();
    });
  });
  if (statusBox) {
    statusBox.addEventListener("change", function () {
      state.status = statusBox.value;
      apply();
      writeHash();
    });
  }
  if (textBox) {
    textBox.addEventListener("input", function () {
      state.q = textBox.value;
      filterRows();
      writeHash();
    });
  }
  window.addEventListener("hashchange", function () {
    state = readHash();
    apply();
  });
  if (tools) { tools.hidden = false; }
  var hint = document.getElementById("sort-hint");
  if (hint) { hint.hidden = false; }
  state = readHash();
  apply();
}());
