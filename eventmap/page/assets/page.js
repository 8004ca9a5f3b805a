/* eventmap page script: links map, timeline and article text both ways, by mouse and by keyboard.
   Called once from folium's map script (EventMap.init), right after the map exists.
   It reads the page's JSON data block: the export (doc), the markers, the outlines of the countries
   it names, the timeline's labels and the page's words (languages/data/<code>/ui.json).
   map.js draws the places and their popups, axis.js the time axis; edit.js and editor.js make
   corrections. Article text only ever reaches the DOM through textContent or attribute values, and no
   link is ever made from data. */
(function () {
  "use strict";

  var EventMap = (window.EventMap = window.EventMap || { ready: false });
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var ZOOM_BY_KIND = EventMap.ZOOM_BY_KIND = { continent: 3, ocean: 3, region: 4, sea: 5, country: 5, peninsula: 5, island: 7,
                       admin1: 7, admin2: 9, city: 10, landmark: 12 };
  var QUALIFIER_ORDER = { before: 0, start: 1, approx: 1, mid: 1, end: 1, ongoing: 2, after: 2 };
  var S = (EventMap.S = {});

  /* ---------------------------------------------------------------- small helpers */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function each(sel, fn, root) { Array.prototype.forEach.call((root || document).querySelectorAll(sel), fn); }
  function readJSON(id) {
    var node = id && document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function fill(s, vals) {
    return String(s).replace(/\{(\w*)\}/g, function (m, k) { return k in vals ? vals[k] : (k === "" ? vals[0] : m); });
  }
  function t(key, vals) { var w = S.words[key]; return w === undefined ? key : fill(w, vals || {}); }
  function count(key, n) {
    var forms = S.words[key] || {}, cat = "other";
    try { cat = new Intl.PluralRules(S.locale).select(n); } catch (e) { /* an unknown locale counts as English */ }
    return fill(forms[cat] || forms.other || String(n), { n: n });
  }
  function announce(msg) {
    var box = document.getElementById("em-status");
    if (!box) return;
    box.textContent = "";
    window.setTimeout(function () { box.textContent = msg; }, 30);
  }
  EventMap.util = { el: el, each: each, t: t, count: count, announce: announce, fill: fill };

  /* How a time span reads: the page's own labels (written by Babel in Python) for spans the page was
     drawn with; the browser's Intl (the same CLDR data) for a span a person corrected here. */
  /* The few fields of a CLDR date pattern a day label uses: d, MMM, y; 'quoted' text and marks as written. */
  function cldrPattern(pattern, parts) {
    return String(pattern).replace(/'([^']*)'|d+|M+|y+/g, function (m, quoted) {
      if (quoted !== undefined) return quoted === "" ? "'" : quoted;
      return m[0] === "d" ? parts.day : m[0] === "M" ? parts.month : parts.year;
    });
  }
  function dayWords(iso, precision) {
    var p = iso.split("-").map(Number), d = new Date(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1));
    try {
      if (precision === "year") return String(p[0]);
      if (precision === "month") return new Intl.DateTimeFormat(S.locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(d);
      // a day as the page's Python writes it: the CLDR pattern of ui.json's "day_pattern" ("d MMM y",
      // German "d. MMM y", Russian "d MMM y 'г'."), its day, month and year filled in by Intl
      var parts = {};
      new Intl.DateTimeFormat(S.locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
        .formatToParts(d).forEach(function (x) { parts[x.type] = x.value; });
      return cldrPattern(S.words.day_pattern || "d MMM y", parts);
    } catch (e) { return iso; }
  }
  function whenWords(e) {
    if (!e.when) return t("undated");
    if (!e.humanWhen && S.labels[e.id]) return S.labels[e.id].words;
    var w = e.when, refs = S.words.references || {}, base;
    if (refs[w.value]) base = refs[w.value];
    else if (w.earliest) base = dayWords(w.earliest, w.precision);
    else base = w.value;
    var q = w.qualifier && (S.words.qualifiers || {})[w.qualifier];
    return q ? fill(q, { 0: base }) : base;
  }
  function whenCode(e) {
    if (!e.when) return "";
    if (!e.humanWhen && S.labels[e.id]) return S.labels[e.id].code;
    return e.when.edtf || e.when.value || "";
  }
  EventMap.whenWords = whenWords;
  EventMap.whenCode = whenCode;
  EventMap.dayWords = dayWords;

  function timelineKey(e) {
    return [e.when.earliest, QUALIFIER_ORDER[e.when.qualifier] === undefined ? 1 : QUALIFIER_ORDER[e.when.qualifier],
            e.sentence.start];
  }
  EventMap.compareEvents = function (a, b) {
    var x = timelineKey(a), y = timelineKey(b);
    for (var i = 0; i < 3; i++) { if (x[i] < y[i]) return -1; if (x[i] > y[i]) return 1; }
    return 0;
  };
  EventMap.datedEvents = function () {
    return S.doc.events.filter(function (e) { return e.when && e.when.earliest; }).sort(EventMap.compareEvents);
  };

  /* ---------------------------------------------------------------- init */

  EventMap.init = function (map, opts) {
    EventMap.pristine = EventMap.pristine || document.documentElement.cloneNode(true);
    EventMap.mapId = map.getContainer().id;
    var payload = readJSON(opts.data) || { doc: { events: [], places: [], dates: [] }, markers: [], labels: {} };
    S.map = map;
    S.doc = payload.doc;
    S.labels = payload.labels || {};
    S.words = payload.words || {};
    S.locale = payload.locale || "en";
    S.names = payload.names || [];
    S.outlines = payload.outlines || {};
    S.shapes = payload.shapes || {};
    S.events = {};
    S.items = {};
    S.markers = {};
    S.markerOfMention = {};
    S.sentenceOfEvent = {};
    S.nextNumber = 1;
    S.doc.events.forEach(function (e) { S.events[e.id] = e; });
    each(".sent[data-events]", function (s) {
      s.getAttribute("data-events").split(" ").forEach(function (id) { if (id) S.sentenceOfEvent[id] = s; });
    });
    each(".tl-item", function (li) { S.items[li.getAttribute("data-event")] = li; wireItem(li); });
    EventMap.drawLand(map, readJSON(opts.land));
    payload.markers.forEach(EventMap.addMarker);
    map.on("zoomend moveend resize", EventMap.layoutMarkers);
    EventMap.fitAll(false);
    EventMap.layoutMarkers();
    each("mark[data-place], mark[data-date]", wireMark);
    each(".tl-place[data-marker]", wireChip);
    window.addEventListener("beforeprint", EventMap.preparePrint);
    // Chromium lays the page out for paper after beforeprint: fit the map again once it has
    if (window.matchMedia) {
      var paper = window.matchMedia("print");
      if (paper.addEventListener) paper.addEventListener("change", function (q) { if (q.matches) EventMap.preparePrint(); });
    }
    if (EventMap.Axis) EventMap.Axis.draw();
    if (EventMap.Edit) EventMap.Edit.init();
    EventMap.map = map;
    EventMap.markers = S.markers;
    EventMap.ready = true;
  };

  /* Print (and the pdf output): every place in view, the undated events shown. */
  EventMap.preparePrint = function () {
    each("details.tl-undated, details.em-credits", function (d) { d.open = true; });
    S.map.closePopup();
    S.map.invalidateSize();
    EventMap.fitAll(false);
  };

  /* ---------------------------------------------------------------- linking */

  function clearClass(cls) { each("." + cls, function (n) { n.classList.remove(cls); }); }

  function selectItem(id, scroll) {
    Object.keys(S.items).forEach(function (k) {
      var li = S.items[k], on = k === id;
      li.classList.toggle("is-selected", on);
      li.setAttribute("aria-selected", on ? "true" : "false");
      li.tabIndex = on ? 0 : -1;
    });
    each(".ax-ev", function (d) { d.classList.toggle("is-selected", d.getAttribute("data-event") === id); });
    var li = S.items[id];
    if (!li) return;
    var box = li.closest("details");
    if (box && !box.open) box.open = true;
    if (scroll) li.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
  }
  EventMap.selectItem = selectItem;

  function highlightSentence(node, scroll) {
    clearClass("is-current");
    if (!node) return;
    node.classList.add("is-current");
    if (scroll) node.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  }

  function zoomFor(m) { return ZOOM_BY_KIND[m.kind] || 8; }

  function showMarkers(ids, openId) {
    var recs = ids.map(function (id) { return S.markers[id]; }).filter(Boolean);
    if (!recs.length) return;
    var first = S.markers[openId] || recs.reduce(function (best, r) {
      return zoomFor(r.data) > zoomFor(best.data) ? r : best;
    }, recs[0]);
    first.layer.openPopup();
    var anim = { animate: !reduceMotion, duration: 0.6 };
    if (recs.length === 1) {
      var m = first.data, bounds = first.area && first.area.getBounds && first.area.getBounds();
      if (bounds && bounds.isValid()) S.map.flyToBounds(bounds, L.extend({ maxZoom: zoomFor(m), padding: [30, 30] }, anim));
      else S.map.flyTo(first.layer.getLatLng(), Math.max(S.map.getZoom(), Math.min(zoomFor(m), 8)), anim);
    } else {
      S.map.flyToBounds(L.latLngBounds(recs.map(function (r) { return r.layer.getLatLng(); })),
        L.extend({ padding: [50, 50], maxZoom: 8 }, anim));
    }
  }

  function markersOfEvent(id) {
    var out = [];
    (S.events[id] ? S.events[id].places : []).forEach(function (i) {
      var mid = S.markerOfMention[i];
      if (mid && S.markers[mid] && out.indexOf(mid) < 0) out.push(mid);
    });
    return out;
  }
  EventMap.markersOfEvent = markersOfEvent;

  function activateEvent(id, how) {
    how = how || {};
    var e = S.events[id];
    if (!e) return;
    clearClass("is-related");
    selectItem(id, how.scrollItem);
    highlightSentence(S.sentenceOfEvent[id], how.scrollText !== false);
    var mids = markersOfEvent(id);
    if (how.fly !== false) showMarkers(mids);
    mids.forEach(function (mid) {
      var node = S.markers[mid].layer.getElement();
      if (node) node.classList.add("is-related");
    });
    if (how.focusItem && S.items[id]) S.items[id].focus();
    announce(fill(S.words.selected_event || "{when}. {places}", {
      when: whenWords(e), places: mids.map(function (mid) { return S.markers[mid].data.name; }).join(", ") }));
  }
  EventMap.activateEvent = activateEvent;

  function onMarker(mid, byKeyboard) {
    var rec = S.markers[mid];
    if (!rec) return;
    var m = rec.data;
    clearClass("is-related");
    m.events.forEach(function (id) { if (S.items[id]) S.items[id].classList.add("is-related"); });
    if (m.events.length) {
      selectItem(m.events[0], true);
      highlightSentence(S.sentenceOfEvent[m.events[0]], false);
    } else {
      var mark = document.querySelector('mark[data-place="' + m.mentions[0] + '"]');
      highlightSentence(mark, false);
    }
    announce(EventMap.markerLabel(m));
  }
  EventMap.onMarker = onMarker;

  function sentenceOf(node) { return node.closest ? node.closest(".sent") : null; }

  function onMention(mark) {
    var sent = sentenceOf(mark);
    highlightSentence(sent || mark, false);
    var ids = sent ? sent.getAttribute("data-events").split(" ") : [];
    if (mark.hasAttribute("data-place")) {
      var mid = S.markerOfMention[+mark.getAttribute("data-place")];
      var owner = ids.filter(function (id) { return S.events[id] && S.events[id].places.indexOf(+mark.getAttribute("data-place")) >= 0; })[0];
      if (owner || ids[0]) selectItem(owner || ids[0], false);
      if (mid && S.markers[mid]) { showMarkers([mid], mid); announce(EventMap.markerLabel(S.markers[mid].data)); }
    } else if (mark.hasAttribute("data-date")) {
      var i = +mark.getAttribute("data-date");
      var eid = S.doc.events.filter(function (e) { return e.dates.indexOf(i) >= 0; }).map(function (e) { return e.id; })[0] || ids[0];
      if (eid) {
        selectItem(eid, false);
        showMarkers(markersOfEvent(eid));
        announce(whenWords(S.events[eid]));
      }
    }
  }

  function wireItem(li) {
    var id = li.getAttribute("data-event");
    li.addEventListener("click", function (ev) {
      if (ev.target.closest(".tl-editor, button, .tl-place")) return;
      activateEvent(id, {});
    });
    li.addEventListener("keydown", function (ev) {
      if (ev.target !== li) return;
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        activateEvent(id, {});
      } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp" || ev.key === "Home" || ev.key === "End") {
        ev.preventDefault();
        var all = Array.prototype.slice.call(document.querySelectorAll(".tl-item")).filter(function (n) {
          return n.offsetParent !== null || n === li;
        });
        var k = all.indexOf(li), next = ev.key === "Home" ? all[0] : ev.key === "End" ? all[all.length - 1]
          : all[k + (ev.key === "ArrowDown" ? 1 : -1)];
        if (next) {
          all.forEach(function (n) { n.tabIndex = n === next ? 0 : -1; });
          next.focus();
        }
      }
    });
  }
  EventMap.wireItem = wireItem;

  function wireMark(mark) {
    mark.addEventListener("click", function () { if (!window.getSelection || String(window.getSelection()) === "") onMention(mark); });
    mark.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onMention(mark); }
    });
  }
  EventMap.wireMark = wireMark;

  function setChip(chip, m) {
    chip.textContent = "";
    var b = el("b", "tl-num", m.number);
    b.setAttribute("aria-hidden", "true");
    chip.appendChild(b);
    chip.appendChild(document.createTextNode(m.name));
  }
  EventMap.setChip = setChip;

  function wireChip(chip) {
    chip.addEventListener("click", function (ev) {
      ev.stopPropagation();
      var mid = chip.getAttribute("data-marker");
      if (S.markers[mid]) { showMarkers([mid], mid); onMarker(mid, false); }
    });
  }
  EventMap.wireChip = wireChip;

  /* An event whose date or places changed: its item says so, and moves to its place in the list. */
  EventMap.refreshEvent = function (id) {
    var e = S.events[id], li = S.items[id];
    if (!e || !li) return;
    li.querySelector(".tl-words").textContent = whenWords(e);
    var code = li.querySelector(".tl-code");
    if (!code) { code = el("code", "tl-code"); li.querySelector(".tl-when").appendChild(code); }
    code.textContent = whenCode(e);
    code.hidden = !whenCode(e);
    if (e.human && !li.querySelector(".tl-human")) li.querySelector(".tl-when").appendChild(el("span", "tl-human", t("human_badge")));
    li.classList.toggle("is-human", !!e.human);
    var places = li.querySelector(".tl-places");
    places.textContent = "";
    markersOfEvent(id).forEach(function (mid) {
      var chip = el("span", "tl-place");
      chip.setAttribute("data-marker", mid);
      setChip(chip, S.markers[mid].data);
      wireChip(chip);
      places.appendChild(chip);
    });
    var dated = !!(e.when && e.when.earliest);
    li.classList.toggle("is-undated", !dated);
    var list = document.getElementById(dated ? "tl-dated" : "tl-undated-list");
    var busy = li.querySelector(".tl-editor") || li.contains(document.activeElement);
    list.hidden = false;
    list.appendChild(li);
    EventMap.reorderLists();
    if (!dated && busy) document.getElementById("tl-undated-box").open = true;
  };

  EventMap.reorderLists = function () {
    var dated = document.getElementById("tl-dated");
    EventMap.datedEvents().forEach(function (e) { if (S.items[e.id]) dated.appendChild(S.items[e.id]); });
    dated.hidden = !dated.children.length;
    var undated = document.getElementById("tl-undated-list");
    var rest = Array.prototype.slice.call(undated.children).sort(function (a, b) {
      return S.events[a.getAttribute("data-event")].sentence.start - S.events[b.getAttribute("data-event")].sentence.start;
    });
    rest.forEach(function (li) { undated.appendChild(li); });
    document.getElementById("tl-undated-n").textContent = String(rest.length);
    document.getElementById("tl-undated-box").hidden = !rest.length;
    var first = document.querySelector(".tl-item[tabindex='0']");
    if (!first) { var any = document.querySelector(".tl-item"); if (any) any.tabIndex = 0; }
    if (EventMap.Axis) EventMap.Axis.draw();
  };
})();
