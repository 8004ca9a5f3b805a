/* eventmap page script: draws the offline land outline and the places on the folium map, and links
   map, timeline and article text both ways, by mouse and by keyboard.
   Called once from folium's map script (EventMap.init), right after the map exists.
   It reads the page's JSON data block: the export (doc), the markers, the outlines of the countries
   it names, the timeline's labels and the page's words (languages/data/<code>/ui.json).
   axis.js draws the time axis; edit.js makes corrections. Article text only ever reaches the DOM
   through textContent or attribute values, and no link is ever made from data. */
(function () {
  "use strict";

  var EventMap = (window.EventMap = window.EventMap || { ready: false });
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var ZOOM_BY_KIND = { continent: 3, ocean: 3, region: 4, sea: 5, country: 5, peninsula: 5, island: 7,
                       admin1: 7, admin2: 9, city: 10, landmark: 12 };
  var QUALIFIER_ORDER = { before: 0, start: 1, approx: 1, mid: 1, end: 1, ongoing: 2, after: 2 };
  var PLACE_COLOR = "#c2410c";
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
  function dayWords(iso, precision) {
    var p = iso.split("-").map(Number), d = new Date(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1));
    try {
      if (precision === "year") return String(p[0]);
      if (precision === "month") return new Intl.DateTimeFormat(S.locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(d);
      // a day as the page's Python writes it: CLDR's pattern "d MMM y", whatever the locale's usual order
      var parts = {};
      new Intl.DateTimeFormat(S.locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
        .formatToParts(d).forEach(function (x) { parts[x.type] = x.value; });
      return parts.day + " " + parts.month + " " + parts.year;
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
    drawLand(map, readJSON(opts.land));
    payload.markers.forEach(addMarker);
    map.on("zoomend moveend resize", layoutMarkers);
    fitAll(false);
    layoutMarkers();
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
    fitAll(false);
  };

  function drawLand(map, land) {
    var pane = map.createPane("basemap");
    pane.style.zIndex = 150;  // under the tiles (tilePane is 200)
    pane.style.pointerEvents = "none";
    map.createPane("areas").style.zIndex = 390;  // over the tiles, under markers and their shadows
    if (land) {
      L.geoJSON(land, { pane: "basemap", interactive: false,
        style: { color: "#a8b3bb", weight: 0.7, fillColor: "#f3f0e8", fillOpacity: 1 } }).addTo(map);
    }
  }

  /* ---------------------------------------------------------------- places on the map */

  function isPoint(m) { return m.shape === "point"; }

  function markerIcon(m) {
    var html = isPoint(m) ? '<span class="em-pin-in"><b>' + Number(m.number) + "</b></span>"
                          : '<span class="em-chip-in"><b>' + Number(m.number) + "</b><span></span></span>";
    return L.divIcon({ className: isPoint(m) ? "em-pin" : "em-chip", html: html,
                       iconSize: isPoint(m) ? [24, 24] : null, iconAnchor: isPoint(m) ? [12, 12] : [0, 10] });
  }

  function areaLayer(m) {
    // the bigger the area, the fainter its fill, so that places under it stay readable
    var big = m.shape === "outline" || (m.radius_km || 0) >= 400;
    var style = { pane: "areas", color: PLACE_COLOR, weight: big ? 1 : 1.5, fillColor: PLACE_COLOR,
                  fillOpacity: big ? 0.06 : 0.12, className: "em-area em-area-" + m.id };
    if (m.shape === "outline" && S.outlines[m.country]) {
      return L.geoJSON({ type: "MultiPolygon", coordinates: S.outlines[m.country] }, { style: function () { return style; } });
    }
    style.dashArray = "5 4";
    if (m.shape === "box" && m.bbox) return L.rectangle([[m.bbox[0], m.bbox[1]], [m.bbox[2], m.bbox[3]]], style);
    if (m.shape === "circle") return L.circle([m.lat, m.lon], L.extend({ radius: (m.radius_km || 50) * 1000 }, style));
    return null;
  }

  function markerLabel(m) {
    var kinds = S.words.kinds || {};
    return fill(S.words.selected_place || "{number}. {name}", {
      number: m.number, name: m.name, n_events: count("n_events", m.events.length) }) +
      (m.kind && kinds[m.kind] ? " (" + kinds[m.kind] + ")" : "");
  }

  function addMarker(m) {
    S.nextNumber = Math.max(S.nextNumber, m.number + 1);
    var layer = L.marker([m.lat, m.lon], { icon: markerIcon(m), keyboard: true, riseOnHover: true,
                                            title: "", alt: "" });
    layer.eventmap = m;
    layer.bindPopup(function () { return EventMap.popupFor(m); }, { maxWidth: 300, autoPanPadding: [24, 24] });
    if (isPoint(m)) {
      layer.bindTooltip(el("span", null, m.name), { permanent: true, direction: "right", offset: [10, 0],
                                                    className: "em-label" });
    }
    layer.on("click", function () { onMarker(m.id, false); });
    layer.on("add", function () { decorateMarker(layer); });
    layer.on("popupopen", function () { if (layer._byKeyboard) focusPopup(layer); layer._byKeyboard = false; });
    var area = areaLayer(m);
    if (area) {
      area.on("click", function () { layer.openPopup(); onMarker(m.id, false); });
      area.addTo(S.map);
    }
    layer.addTo(S.map);
    S.markers[m.id] = { data: m, layer: layer, area: area };
    m.mentions.forEach(function (i) { S.markerOfMention[i] = m.id; });
    return S.markers[m.id];
  }
  EventMap.addMarker = addMarker;

  function decorateMarker(layer) {
    var m = layer.eventmap, node = layer.getElement();
    if (!node) return;
    node.classList.add("em-marker", "em-marker-" + m.id);
    node.setAttribute("aria-label", markerLabel(m));
    node.removeAttribute("title");
    var name = node.querySelector(".em-chip-in > span");
    if (name) name.textContent = m.name;
    node.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        layer._byKeyboard = true;
        layer.openPopup();
        onMarker(m.id, true);
      }
    });
  }

  EventMap.refreshMarker = function (mid) {
    var rec = S.markers[mid];
    if (!rec) return;
    var m = rec.data;
    rec.layer.setLatLng([m.lat, m.lon]);
    rec.layer.setIcon(markerIcon(m));
    decorateMarker(rec.layer);
    if (rec.layer.getTooltip()) rec.layer.getTooltip().setContent(el("span", null, m.name));
    if (rec.area) S.map.removeLayer(rec.area);
    rec.area = areaLayer(m);
    if (rec.area) {
      rec.area.on("click", function () { rec.layer.openPopup(); onMarker(m.id, false); });
      rec.area.addTo(S.map);
    }
    if (rec.layer.isPopupOpen()) rec.layer.setPopupContent(EventMap.popupFor(m));
    each('.tl-place[data-marker="' + mid + '"]', function (chip) { setChip(chip, m); });
    layoutMarkers();
  };

  EventMap.dropMarker = function (mid) {
    var rec = S.markers[mid];
    if (!rec) return;
    S.map.removeLayer(rec.layer);
    if (rec.area) S.map.removeLayer(rec.area);
    delete S.markers[mid];
    layoutMarkers();
  };

  /* Markers at one spot are spread apart on a small ring (their points stay true: the icon moves, not
     the marker), then labels that would overlap an earlier one are hidden until hovered. */
  function layoutMarkers() {
    var recs = Object.keys(S.markers).map(function (k) { return S.markers[k]; });
    var groups = [];
    recs.forEach(function (r) {
      var p = S.map.latLngToContainerPoint(r.layer.getLatLng());
      var g = groups.filter(function (g) { return g.p.distanceTo(p) < 16; })[0];
      if (g) g.items.push(r); else groups.push({ p: p, items: [r] });
    });
    groups.forEach(function (g) {
      g.items.forEach(function (r, k) {
        var node = r.layer.getElement(), inner = node && node.firstChild;
        if (!inner) return;
        var n = g.items.length, dx = 0, dy = 0;
        if (n > 1) {
          var a = 2 * Math.PI * k / n - Math.PI / 2, rad = 10 + 3 * n;
          dx = Math.round(rad * Math.cos(a)); dy = Math.round(rad * Math.sin(a));
        }
        inner.style.transform = n > 1 ? "translate(" + dx + "px," + dy + "px)" : "";
        node.classList.toggle("is-spread", n > 1);
      });
    });
    declutter(recs);
  }
  EventMap.layoutMarkers = layoutMarkers;

  /* A label (a town's name beside its pin, an area's name in its chip) that would cover one placed
     before it is hidden, the area's number staying; places named most often are placed first;
     hovering a marker shows its label anyway. */
  function declutter(recs) {
    var placed = [];
    function hits(b) {
      return placed.some(function (p) { return !(b.right < p.left || b.left > p.right || b.bottom < p.top || b.top > p.bottom); });
    }
    recs.slice().sort(function (a, b) { return b.data.mentions.length - a.data.mentions.length; }).forEach(function (r) {
      var tip = r.layer.getTooltip(), node = tip && tip.getElement(), chip = r.layer.getElement();
      if (node) {
        node.classList.remove("is-hidden");
        var b = node.getBoundingClientRect();
        if (hits(b)) node.classList.add("is-hidden"); else placed.push(b);
      } else if (chip && chip.classList.contains("em-chip")) {
        chip.classList.remove("is-short");
        var c = chip.firstChild.getBoundingClientRect();
        if (hits(c)) chip.classList.add("is-short"); else placed.push(c);
      }
    });
  }

  function fitAll(animate) {
    var pts = Object.keys(S.markers).map(function (k) { return S.markers[k].layer.getLatLng(); });
    if (pts.length === 1) S.map.setView(pts[0], Math.min(ZOOM_BY_KIND[S.markers[Object.keys(S.markers)[0]].data.kind] || 6, 6), { animate: animate });
    else if (pts.length) S.map.fitBounds(L.latLngBounds(pts), { padding: [40, 40], maxZoom: 8, animate: animate });
    else S.map.setView([20, 20], 2, { animate: animate });
  }
  EventMap.fitAll = fitAll;

  /* ---------------------------------------------------------------- popups */

  function row(box, label, value) {
    if (value === null || value === undefined || value === "") return;
    var r = el("div", "pop-row");
    r.appendChild(el("span", "pop-key", label + ": "));
    r.appendChild(el("span", "pop-val", value));
    box.appendChild(r);
  }

  EventMap.popupFor = function (m) {
    var box = el("div", "pop");
    var head = el("div", "pop-head");
    head.appendChild(el("b", "pop-num", m.number));
    head.appendChild(el("strong", "pop-name", m.name));
    box.appendChild(head);
    var first = S.doc.places[m.mentions[0]] || {};
    var kinds = S.words.kinds || {}, sources = S.words.sources || {};
    row(box, t("popup_kind"), [kinds[m.kind] || m.kind, m.country].filter(Boolean).join(" · "));
    if (!isPoint(m)) box.appendChild(el("div", "pop-note", t(m.shape === "outline" ? "popup_outline" : "popup_extent")));
    var written = [];
    m.mentions.forEach(function (i) { var p = S.doc.places[i]; if (p && written.indexOf(p.text) < 0) written.push(p.text); });
    row(box, t("popup_written"), written.join(", "));
    row(box, t("popup_source"), sources[first.source] || first.source);
    if (typeof first.confidence === "number") row(box, t("popup_confidence"), Math.round(first.confidence * 100) + " %");
    if (m.events.length) {
      var ul = el("ul", "pop-events");
      m.events.forEach(function (id) {
        var e = S.events[id];
        if (!e) return;
        var li = el("li");
        var b = el("button", "pop-event", whenWords(e));
        b.type = "button";
        b.setAttribute("data-event", id);
        b.addEventListener("click", function () { EventMap.activateEvent(id, { fly: false, focusItem: true }); });
        li.appendChild(b);
        var said = e.dates.map(function (i) { return S.doc.dates[i]; }).filter(function (d) { return d && !d.removed; })
          .map(function (d) { return d.text; });
        var meta = [said.length ? t("popup_written") + ": " + said.join(", ") : "",
                    whenCode(e) ? t("popup_normalised") + ": " + whenCode(e) : ""].filter(Boolean).join(" · ");
        if (meta) li.appendChild(el("div", "pop-when", meta));
        li.appendChild(el("span", "pop-summary", e.summary));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    var alts = first.alternatives || [];
    if (alts.length) {
      box.appendChild(el("div", "pop-key pop-alts-h", t("popup_runner_ups")));
      var al = el("ul", "pop-alts");
      alts.forEach(function (a, k) {
        var li = el("li", null, [a.name, kinds[a.kind] || a.kind, a.country].filter(Boolean).join(" · "));
        if (EventMap.Edit) EventMap.Edit.altButton(li, m, k);
        al.appendChild(li);
      });
      box.appendChild(al);
    }
    if (EventMap.Edit) EventMap.Edit.placeTools(box, m);
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") {
        S.map.closePopup();
        var node = S.markers[m.id] && S.markers[m.id].layer.getElement();
        if (node) node.focus();
      }
    });
    return box;
  };

  function focusPopup(layer) {
    window.setTimeout(function () {
      var pop = layer.getPopup() && layer.getPopup().getElement();
      var target = pop && pop.querySelector(".pop-event, button");
      if (target) target.focus();
    }, 0);
  }

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
        L.extend({ padding: [50, 50], maxZoom: 6 }, anim));
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
    announce(markerLabel(m) + (byKeyboard ? "" : ""));
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
      if (mid && S.markers[mid]) { showMarkers([mid], mid); announce(markerLabel(S.markers[mid].data)); }
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
