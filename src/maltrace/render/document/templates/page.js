(function () {
  "use strict";
  // The red thread's data comes from the analysis (see render/thread_data.py); this script
  // only walks it. With JavaScript off, none of this runs and the page reads as a plain report.
  var source = document.getElementById("maltrace-thread");
  if (!source) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var words = data.words;
  var nodes = data.nodes;
  var has = Object.prototype.hasOwnProperty;
  var kids = {};
  var followers = {};
  var targets = {};
  var byBox = {};
  var alert = {};
  function push(map, key, value) {
    if (!has.call(map, key)) {
      map[key] = [];
    }
    map[key].push(value);
  }
  Object.keys(nodes).forEach(function (id) {
    var parent = nodes[id].parent;
    if (parent !== null && has.call(nodes, parent)) {
      push(kids, parent, id);
    }
    byBox[nodes[id].box] = id;
  });
  data.links.forEach(function (link) {
    push(followers, link[1], link[0]);
    push(targets, link[0], link[1]);
  });
  data.alert.forEach(function (id) {
    alert[id] = true;
  });

  // "{count}", or a count's forms "{count:# rad|# rader}" (one|other) or
  // "{count:ingen|# rad|# rader}" (zero|one|other), "#" the number: as the catalogue's t().
  function say(template, params) {
    return template.replace(/\{(\w+)(?::([^{}]*))?\}/g, function (whole, key, forms) {
      if (!has.call(params, key)) return whole;
      var value = params[key];
      if (forms === undefined) return String(value);
      var f = forms.split("|");
      var form = f.length === 3
        ? (value === 0 ? f[0] : value === 1 ? f[1] : f[2])
        : (value === 1 ? f[0] : f[1]);
      return form.replace(/#/g, String(value));
    });
  }

  // Everything that shows a node: table rows and the diagrams' boxes.
  var shown = [];
  document.querySelectorAll("tr[data-node]").forEach(function (row) {
    if (has.call(nodes, row.getAttribute("data-node"))) {
      row.tabIndex = 0;
      row.setAttribute("aria-describedby", "page-hint");
      shown.push(row);
    }
  });
  document.querySelectorAll("figure.diagram g[id^='a_box-']").forEach(function (box) {
    var id = byBox[box.id.slice(6)];
    if (id === undefined) {
      return;
    }
    box.setAttribute("data-node", id);
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "button");
    box.setAttribute("aria-label", id + " " + nodes[id].title);
    box.setAttribute("aria-describedby", "page-hint");
    if (alert[id]) {
      box.setAttribute("data-alert", "");
    }
    shown.push(box);
  });
  // The arrows: a link is on a thread when both its boxes are (its id names them).
  var links = [];
  document.querySelectorAll("figure.diagram g.edge[id^='link-']").forEach(function (edge) {
    var ends = edge.id.slice(5).split("~");
    var from = byBox[ends[0]];
    var to = byBox[ends[1]];
    if (from !== undefined && to !== undefined) {
      edge.setAttribute("data-link", "");
      links.push({ edge: edge, from: from, to: to });
    }
  });
  // A picture with buttons in it is a group, not an image: role="img" would hide the boxes
  // from screen readers. Its name (the figure's description) stays.
  document.querySelectorAll("figure.diagram[role='img']").forEach(function (figure) {
    if (figure.querySelector("g[data-node]")) {
      figure.setAttribute("role", "group");
    }
  });
  document.documentElement.classList.add("js");

  var tools = document.getElementById("page-tools");
  var search = document.getElementById("page-search");
  var onlyAlert = document.getElementById("page-only-alert");
  var clearButton = document.getElementById("page-clear");
  var status = document.getElementById("page-status");
  tools.hidden = false;
  document.getElementById("page-bar").hidden = false;

  // The thread of a node: the node; what is nested under it and what follows it up, on down
  // to tiltak; and upwards, the goals it sits under and what it (or they) follow up.
  function thread(id) {
    var on = {};
    on[id] = true;
    var todo = [id];
    while (todo.length) {
      var x = todo.pop();
      (kids[x] || []).concat(followers[x] || []).forEach(function (y) {
        if (!on[y]) {
          on[y] = true;
          todo.push(y);
        }
      });
    }
    var up = {};
    todo = [id];
    while (todo.length) {
      var z = todo.pop();
      var next = (targets[z] || []).slice();
      if (has.call(nodes, z) && nodes[z].parent !== null) {
        next.push(nodes[z].parent);
      }
      next.forEach(function (y) {
        if (!up[y]) {
          up[y] = true;
          todo.push(y);
        }
      });
    }
    Object.keys(up).forEach(function (y) {
      on[y] = true;
    });
    return on;
  }

  var current = null;
  function clear() {
    current = null;
    document.body.classList.remove("threading");
    shown.forEach(function (el) {
      el.removeAttribute("data-on-thread");
      el.removeAttribute("aria-current");
    });
    links.forEach(function (link) {
      link.edge.removeAttribute("data-lit");
    });
    clearButton.disabled = true;
    status.textContent = words.cleared;
  }
  function select(id) {
    if (current === id) {
      clear();
      return;
    }
    current = id;
    var on = thread(id);
    document.body.classList.add("threading");
    shown.forEach(function (el) {
      var node = el.getAttribute("data-node");
      if (on[node]) {
        el.setAttribute("data-on-thread", "");
      } else {
        el.removeAttribute("data-on-thread");
      }
      if (node === id) {
        el.setAttribute("aria-current", "true");
      } else {
        el.removeAttribute("aria-current");
      }
    });
    links.forEach(function (link) {
      if (on[link.from] && on[link.to]) {
        link.edge.setAttribute("data-lit", "");
      } else {
        link.edge.removeAttribute("data-lit");
      }
    });
    clearButton.disabled = false;
    status.textContent = say(words.selected, {
      node: id + " " + nodes[id].title,
      count: Object.keys(on).length
    });
  }
  function target(event) {
    var el = event.target.closest ? event.target.closest("[data-node]") : null;
    return el && shown.indexOf(el) >= 0 ? el : null;
  }
  document.addEventListener("click", function (event) {
    var el = target(event);
    if (el) {
      select(el.getAttribute("data-node"));
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current !== null) {
      clear();
      return;
    }
    if (event.key === "Enter" || event.key === " ") {
      var el = target(event);
      if (el && el === document.activeElement) {
        event.preventDefault();
        select(el.getAttribute("data-node"));
      }
    }
  });
  clearButton.addEventListener("click", clear);

  // Search and "only what is not followed up": rows of the tables that show plan nodes or
  // alerts; a table of plans (neither) is left alone.
  var rows = [];
  var tables = [];
  document.querySelectorAll("main table").forEach(function (table) {
    var body = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    if (body.some(function (r) { return r.hasAttribute("data-node") || r.classList.contains("alert"); })) {
      body.forEach(function (r) {
        rows.push({ row: r, text: r.textContent.toLowerCase() });
      });
      // said under a table whose every row the search hides
      var none = document.createElement("p");
      none.className = "empty no-match";
      none.textContent = words.no_match;
      none.hidden = true;
      var wrap = table.closest(".table-wrap") || table;
      wrap.parentNode.insertBefore(none, wrap.nextSibling);
      tables.push({ rows: body, none: none });
    }
  });
  function filter() {
    var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var only = onlyAlert.checked;
    var count = 0;
    rows.forEach(function (item) {
      var match = terms.every(function (term) { return item.text.indexOf(term) >= 0; });
      var show = match && (!only || item.row.classList.contains("alert"));
      item.row.hidden = !show;
      if (show) {
        count += 1;
      }
    });
    tables.forEach(function (table) {
      table.none.hidden = !table.rows.every(function (r) { return r.hidden; });
    });
    document.body.classList.toggle("only-alert", only);
    status.textContent = terms.length || only
      ? say(words.rows, { shown: count, total: rows.length })
      : "";
  }
  search.addEventListener("input", filter);
  onlyAlert.addEventListener("change", filter);
})();
