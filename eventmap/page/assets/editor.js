/* eventmap correction controls: the event editor (date, qualifier, places, dates of its sentence), the
   search over the names the page carries, and adding a place by selecting it in the text. Every change
   goes through EventMap.Edit.record (edit.js), which applies it, keeps it and marks it human. */
(function () {
  "use strict";

  var EventMap = window.EventMap;
  var Edit = EventMap.Edit;
  var S = EventMap.S, u = EventMap.util;
  var KIND_OF = { C: "continent", O: "ocean", R: "region", N: "country", S: "sea", P: "admin1", E: "peninsula",
                  I: "island", L: "lake", M: "mountain", T: "city" };
  var record = Edit.record, button = Edit.button;
  function nOps() { return Edit.ops().length; }

  Edit.initEditor = function () {
    Object.keys(S.items).forEach(function (id) { addEditButton(S.items[id]); });
    wireText();
  };

  /* ---------------------------------------------------------------- the event editor */

  function addEditButton(li) {
    if (li.querySelector(".tl-edit-btn")) return;
    var b = button(u.t("edit_event"), "em-btn tl-edit-btn", function () { openEditor(li.getAttribute("data-event")); });
    li.querySelector(".tl-when").appendChild(b);
  }

  function parseWhen(text, qualifier) {
    var v = text.trim();
    if (!v) return { ok: true, when: null };
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
    if (!m) return { ok: false };
    var y = +m[1], mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
    if (mo !== null && (mo < 1 || mo > 12)) return { ok: false };
    var last = new Date(Date.UTC(y, mo || 12, 0)).getUTCDate();
    if (d !== null && (d < 1 || d > last)) return { ok: false };
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var early = y + "-" + pad(mo || 1) + "-" + pad(d || 1), late = y + "-" + pad(mo || 12) + "-" + pad(d || (mo ? last : 31));
    return { ok: true, when: { value: v, type: "DATE", precision: d ? "day" : mo ? "month" : "year",
                               qualifier: qualifier || null, earliest: early, latest: late } };
  }
  Edit.parseWhen = parseWhen;

  function field(labelText, input) {
    var lab = u.el("label", "ed-field");
    lab.appendChild(u.el("span", "ed-label", labelText));
    lab.appendChild(input);
    return lab;
  }

  function openEditor(id) {
    var li = S.items[id], e = S.events[id];
    var old = li.querySelector(".tl-editor");
    if (old) { old.remove(); return; }
    var form = u.el("form", "tl-editor");
    form.setAttribute("aria-label", u.t("edit_event"));
    var date = u.el("input", "ed-date");
    date.type = "text";
    date.value = e.when && /^\d{4}(-\d{2}){0,2}$/.test(e.when.value) ? e.when.value : (e.when && e.when.earliest) || "";
    var q = u.el("select", "ed-qualifier"), names = S.words.qualifier_names || {};
    ["", "before", "after", "approx", "ongoing"].forEach(function (k) {
      var o = u.el("option", null, names[k] || k);
      o.value = k;
      if ((e.when && e.when.qualifier || "") === k) o.selected = true;
      q.appendChild(o);
    });
    var err = u.el("p", "ed-error");
    err.setAttribute("role", "alert");
    form.appendChild(field(u.t("date_label"), date));
    form.appendChild(field(u.t("qualifier_label"), q));
    form.appendChild(err);
    form.appendChild(placesBox(e));
    form.appendChild(datesBox(e));
    var bar = u.el("div", "ed-bar");
    var save = u.el("button", "em-btn is-primary", u.t("save"));
    save.type = "submit";
    bar.appendChild(save);
    bar.appendChild(button(u.t("close"), "em-btn", function () { form.remove(); li.focus(); }));
    form.appendChild(bar);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var r = parseWhen(date.value, q.value);
      if (!r.ok) { err.textContent = u.t("date_invalid"); date.focus(); return; }
      var before = JSON.stringify(e.when && [e.when.value, e.when.qualifier || null]);
      var after = JSON.stringify(r.when && [r.when.value, r.when.qualifier || null]);
      if (before !== after) record({ op: "set_when", event: id, when: r.when });
      form.remove();
      li.focus();
      u.announce(u.t("correction_done", { count: u.count("count_corrections", nOps()) }));
    });
    form.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { form.remove(); li.focus(); } });
    form.addEventListener("click", function (ev) { ev.stopPropagation(); });
    li.appendChild(form);
    date.focus();
  }

  function placesBox(e) {
    var box = u.el("div", "ed-places");
    box.appendChild(u.el("span", "ed-label", u.t("places_label")));
    var ul = u.el("ul", "ed-chips");
    e.places.forEach(function (i) {
      var p = S.doc.places[i];
      if (!p || p.removed) return;
      var li = u.el("li", "ed-chip", p.name);
      var x = button("×", "ed-x", function () {
        record({ op: "detach_place", event: e.id, mention: i });
        li.remove();
      });
      x.setAttribute("aria-label", u.t("remove_from_event", { name: p.name }));
      li.appendChild(x);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    box.appendChild(searchBox("", function (place) {
      var sent = e.sentence, text = S.doc.text.slice(sent.start, sent.end);
      var at = place.mention !== undefined ? -1 : findName(text, place.name);
      if (place.mention !== undefined) record({ op: "attach_place", event: e.id, mention: place.mention });
      else record({ op: "add_place", start: at < 0 ? sent.start : sent.start + at,
                    end: at < 0 ? sent.start : sent.start + at + place.found.length,
                    text: at < 0 ? "" : place.found, place: place.place, events: [e.id] });
      var li = u.el("li", "ed-chip", place.place.name);
      ul.appendChild(li);
    }));
    return box;
  }

  /* Where a picked name stands in the sentence, if it does (so the new mention points at its words). */
  function findName(text, name) {
    var variants = String(name).split("|"), low = text.toLowerCase();
    for (var k = 0; k < variants.length; k++) {
      var at = low.indexOf(variants[k].toLowerCase());
      if (at >= 0) return at;
    }
    return -1;
  }

  function datesBox(e) {
    var box = u.el("div", "ed-dates");
    var live = e.dates.filter(function (i) { return S.doc.dates[i] && !S.doc.dates[i].removed; });
    if (!live.length) return box;
    box.appendChild(u.el("span", "ed-label", u.t("dates_label")));
    var ul = u.el("ul", "ed-chips");
    live.forEach(function (i) {
      var d = S.doc.dates[i];
      var li = u.el("li", "ed-chip", d.text + " · " + d.value);
      var x = button("×", "ed-x", function () {
        record({ op: "remove_date", date: i });
        li.remove();
        u.announce(u.t("date_removed", { text: d.text }));
      });
      x.setAttribute("aria-label", u.t("remove_date") + ": " + d.text);
      li.appendChild(x);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }

  /* ---------------------------------------------------------------- searching the embedded names */

  function fold(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  function candidates(query) {
    var q = fold(query.trim());
    if (q.length < 2) return [];
    var out = [], seen = {};
    function consider(name, place, extra, rank) {
      var f = fold(name), score = f === q ? 0 : f.indexOf(q) === 0 ? 1 : (" " + f).indexOf(" " + q) >= 0 ? 2 : -1;
      if (score < 0) return;
      var key = fold(place.name) + "|" + place.country + "|" + place.kind;  // one row per place, the page's own first
      if (seen[key] !== undefined && out[seen[key]].score <= score * 10 + rank) return;
      var c = L.extend({ score: score * 10 + rank, found: name, place: place }, extra || {});
      if (seen[key] !== undefined) out[seen[key]] = c; else { seen[key] = out.length; out.push(c); }
    }
    S.doc.places.forEach(function (p, i) {
      if (p.removed) return;
      consider(p.name, { name: p.name, kind: p.kind, country: p.country, lat: p.lat, lon: p.lon }, { mention: i }, 0);
      (p.alternatives || []).forEach(function (a) {
        consider(a.name, { name: a.name, kind: a.kind, country: a.country, lat: a.lat, lon: a.lon }, null, 1);
      });
    });
    for (var k = 0; k < S.names.length && out.length < 60; k++) {
      var r = S.names[k], variants = String(r[0]).split("|");
      var place = { name: variants[variants.length - 1], kind: KIND_OF[r[1]] || "city", country: r[2] || null, lat: r[3], lon: r[4] };
      variants.forEach(function (v) { consider(v, place, null, 2); });
    }
    out.sort(function (a, b) { return a.score - b.score; });
    return out.slice(0, 8);
  }
  Edit.candidates = candidates;

  var searchSeq = 0;
  function searchBox(initial, onPick) {
    var wrap = u.el("div", "ed-search");
    var n = ++searchSeq, listId = "ed-results-" + n;
    var input = u.el("input", "ed-query");
    input.type = "text";
    input.value = initial;
    input.placeholder = u.t("search_placeholder");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-label", u.t("add_place"));
    var list = u.el("ul", "ed-results");
    list.id = listId;
    list.setAttribute("role", "listbox");
    var msg = u.el("p", "ed-nomatch");
    msg.setAttribute("aria-live", "polite");
    var found = [], active = -1;
    var kinds = S.words.kinds || {};
    function show() {
      found = candidates(input.value);
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      found.forEach(function (c, k) {
        var li = u.el("li", "ed-result", [c.found, kinds[c.place.kind] || c.place.kind, c.place.country].filter(Boolean).join(" · "));
        li.id = listId + "-" + k;
        li.setAttribute("role", "option");
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(k); });
        list.appendChild(li);
      });
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      msg.textContent = input.value.trim().length >= 2 && !found.length ? u.t("no_match") : "";
    }
    function pick(k) {
      var c = found[k];
      if (!c) return;
      onPick(c);
      input.value = "";
      show();
    }
    function move(d) {
      if (!found.length) return;
      active = (active + d + found.length) % found.length;
      Array.prototype.forEach.call(list.children, function (li, k) { li.setAttribute("aria-selected", k === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", listId + "-" + active);
    }
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); move(1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
      else if (ev.key === "Enter") { ev.preventDefault(); pick(active < 0 ? 0 : active); }
    });
    wrap.appendChild(input);
    wrap.appendChild(list);
    wrap.appendChild(msg);
    if (initial) window.setTimeout(show, 0);
    return wrap;
  }
  Edit.searchBox = searchBox;

  /* ---------------------------------------------------------------- adding a place from the text */

  function wireText() {
    var text = document.querySelector(".em-text");
    if (!text) return;
    var pop = u.el("div", "ed-float");
    pop.hidden = true;
    document.body.appendChild(pop);
    function offer() {
      if (!Edit.editing()) return;
      var sel = window.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) { pop.hidden = true; return; }
      var r = sel.getRangeAt(0);
      if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return;
      var start = Edit.offsetOf(r.startContainer, r.startOffset), end = Edit.offsetOf(r.endContainer, r.endOffset);
      var said = S.doc.text.slice(start, end);
      var lead = said.length - said.replace(/^\s+/, "").length, trail = said.length - said.replace(/\s+$/, "").length;
      start += lead; end -= trail;
      if (start < 0 || end <= start || end - start > 80) return;
      openAdder(start, end, null, r.getBoundingClientRect());
    }
    text.addEventListener("mouseup", function () { window.setTimeout(offer, 0); });
    text.addEventListener("keyup", function (ev) { if (ev.shiftKey) offer(); });
    text.addEventListener("click", function (ev) {
      var mark = ev.target.closest && ev.target.closest("mark[data-unresolved]");
      if (mark && Edit.editing()) {
        var j = +mark.getAttribute("data-unresolved"), m = S.doc.unresolved[j];
        openAdder(m.start, m.end, j, mark.getBoundingClientRect());
      }
    });
    Edit.float = pop;
  }

  function openAdder(start, end, unresolved, rect) {
    var pop = Edit.float, said = S.doc.text.slice(start, end);
    pop.textContent = "";
    pop.appendChild(u.el("p", "ed-label", u.t("add_selection", { text: said })));
    var events = S.doc.events.filter(function (e) { return e.sentence.start <= start && start < e.sentence.end; })
      .map(function (e) { return e.id; });
    pop.appendChild(searchBox(said, function (c) {
      record({ op: "add_place", start: start, end: end, text: said, place: c.place, events: events,
               unresolved: unresolved });
      pop.hidden = true;
      u.announce(u.t("correction_done", { count: u.count("count_corrections", nOps()) }));
    }));
    pop.appendChild(button(u.t("cancel"), "em-btn", function () { pop.hidden = true; }));
    pop.style.left = Math.max(8, Math.min(window.innerWidth - 340, rect.left + window.scrollX)) + "px";
    pop.style.top = (rect.bottom + window.scrollY + 6) + "px";
    pop.hidden = false;
    var input = pop.querySelector("input");
    if (input) input.focus();
  }
  Edit.openAdder = openAdder;
})();
