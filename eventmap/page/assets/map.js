/* eventmap map script: the offline land outline and the places on the folium map, drawn by what they
   are - a country as its outline, a larger place as a circle of about its size, a town as a marker
   numbered in timeline order - markers at one spot spread apart, labels that would overlap hidden,
   and the popups that tell how each place was read. Called by page.js (EventMap.init). */
(function () {
  "use strict";

  var EventMap = window.EventMap;
  var S = EventMap.S, u = EventMap.util;
  var el = u.el, each = u.each, fill = u.fill, t = u.t, count = u.count;
  var PLACE_COLOR = "#c2410c";
  var ZOOM_BY_KIND = EventMap.ZOOM_BY_KIND;

  EventMap.drawLand = function (map, land) {
    var pane = map.createPane("basemap");
    pane.style.zIndex = 150;  // under the tiles (tilePane is 200)
    pane.style.pointerEvents = "none";
    map.createPane("areas").style.zIndex = 390;  // over the tiles, under markers and their shadows
    if (land) {
      L.geoJSON(land, { pane: "basemap", interactive: false,
        style: { color: "#a8b3bb", weight: 0.7, fillColor: "#f3f0e8", fillOpacity: 1 } }).addTo(map);
    }
  };

  /* ---------------------------------------------------------------- places on the map */

  function isPoint(m) { return m.shape === "point"; }

  /* A place put on the map only approximately (where the text says it is, or a guess: maps/placement.py)
     is drawn hollow, so that a reader sees at once which pins are the text's own places. */
  var GUESSED = { within: 1, nearby: 1, country: 1 };
  function isGuess(m) {
    return m.mentions.every(function (i) { var p = S.doc.places[i]; return p && GUESSED[p.basis]; });
  }
  EventMap.isGuess = isGuess;

  function markerIcon(m) {
    var html = isPoint(m) ? '<span class="em-pin-in"><b>' + Number(m.number) + "</b></span>"
                          : '<span class="em-chip-in"><b>' + Number(m.number) + "</b><span></span></span>";
    return L.divIcon({ className: (isPoint(m) ? "em-pin" : "em-chip") + (isGuess(m) ? " is-guess" : ""), html: html,
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

  var markerLabel = EventMap.markerLabel = function (m) {
    var kinds = S.words.kinds || {};
    return fill(S.words.selected_place || "{number}. {name}", {
      number: m.number, name: m.name, n_events: count("n_events", m.events.length) }) +
      (m.kind && kinds[m.kind] ? " (" + kinds[m.kind] + ")" : "");
  };

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
    layer.on("click", function () { EventMap.onMarker(m.id, false); });
    layer.on("add", function () { decorateMarker(layer); });
    layer.on("popupopen", function () { if (layer._byKeyboard) focusPopup(layer); layer._byKeyboard = false; });
    var area = areaLayer(m);
    if (area) {
      area.on("click", function () { layer.openPopup(); EventMap.onMarker(m.id, false); });
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
        EventMap.onMarker(m.id, true);
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
      rec.area.on("click", function () { rec.layer.openPopup(); EventMap.onMarker(m.id, false); });
      rec.area.addTo(S.map);
    }
    if (rec.layer.isPopupOpen()) rec.layer.setPopupContent(EventMap.popupFor(m));
    each('.tl-place[data-marker="' + mid + '"]', function (chip) { EventMap.setChip(chip, m); });
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
    if (GUESSED[first.basis] && first.located_at) row(box, t("popup_placed"), t("popup_basis_" + first.basis, { place: first.located_at }));
    if (m.events.length) {
      var ul = el("ul", "pop-events");
      m.events.forEach(function (id) {
        var e = S.events[id];
        if (!e) return;
        var li = el("li");
        var b = el("button", "pop-event", EventMap.whenWords(e));
        b.type = "button";
        b.setAttribute("data-event", id);
        b.addEventListener("click", function () { EventMap.activateEvent(id, { fly: false, focusItem: true }); });
        li.appendChild(b);
        var said = e.dates.map(function (i) { return S.doc.dates[i]; }).filter(function (d) { return d && !d.removed; })
          .map(function (d) { return d.text; });
        var meta = [said.length ? t("popup_written") + ": " + said.join(", ") : "",
                    EventMap.whenCode(e) ? t("popup_normalised") + ": " + EventMap.whenCode(e) : ""].filter(Boolean).join(" · ");
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

})();
