/* eventmap page script: draws the offline land outline and the place markers on the folium map,
   and links map, timeline and article text both ways.
   Called once from folium's map script (EventMap.init), right after the map exists.
   It reads the page's JSON data block: the export (doc), the markers, the timeline's labels and
   its few words (languages/data/<code>/ui.json). Article text only ever reaches the DOM through textContent. */
(function () {
  "use strict";

  var EventMap = (window.EventMap = { ready: false });
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var ZOOM_BY_KIND = { continent: 3, region: 4, sea: 5, country: 5, peninsula: 5, island: 7,
                       admin1: 7, admin2: 9, city: 10, landmark: 12 };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function readJSON(id) {
    var node = id && document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  EventMap.init = function (map, opts) {
    var payload = readJSON(opts.data) || { doc: { events: [], places: [], dates: [] }, markers: [], labels: {} };
    var doc = payload.doc, labels = payload.labels || {}, words = payload.words || {};
    var events = {}, markerById = {}, markerOfMention = {}, eventOfDate = {}, sentenceOfEvent = {};
    var items = {};

    doc.events.forEach(function (e) {
      events[e.id] = e;
      e.dates.forEach(function (i) { if (!(i in eventOfDate)) eventOfDate[i] = e.id; });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".sent[data-events]"), function (s) {
      s.getAttribute("data-events").split(" ").forEach(function (id) { if (id) sentenceOfEvent[id] = s; });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".tl-item"), function (li) {
      items[li.getAttribute("data-event")] = li;
    });

    /* Offline basemap: a pane under the tiles (tilePane is z-index 200). */
    var pane = map.createPane("basemap");
    pane.style.zIndex = 150;
    pane.style.pointerEvents = "none";
    var land = readJSON(opts.land);
    if (land) {
      L.geoJSON(land, { pane: "basemap", interactive: false,
        style: { color: "#a8b3bb", weight: 0.7, fillColor: "#f3f0e8", fillOpacity: 1 } }).addTo(map);
      map.attributionControl.addAttribution(words.land);
    }

    /* Markers, one per place, drawn from the page's data block. */
    function popupFor(m) {
      var box = el("div", "pop");
      box.appendChild(el("strong", "pop-name", m.name));
      var meta = [m.kind, m.country].filter(Boolean).join(" · ");
      if (meta) box.appendChild(el("div", "pop-meta", meta));
      if (m.events.length) {
        var ul = el("ul", "pop-events");
        m.events.forEach(function (id) {
          var e = events[id];
          if (!e) return;
          var li = el("li");
          var b = el("button", "pop-event", (labels[id] && labels[id].words) || words.undated);
          b.type = "button";
          b.setAttribute("data-event", id);
          b.addEventListener("click", function () { activateEvent(id, { fly: false }); });
          li.appendChild(b);
          li.appendChild(el("span", "pop-summary", e.summary));
          ul.appendChild(li);
        });
        box.appendChild(ul);
      }
      return box;
    }

    var bounds = [];
    payload.markers.forEach(function (m) {
      var layer = L.circleMarker([m.lat, m.lon], {
        radius: 7, color: "#ffffff", weight: 2, fillColor: "#c2410c", fillOpacity: 0.95,
        className: "em-marker em-marker-" + m.id
      });
      layer.bindPopup(popupFor(m), { maxWidth: 280, autoPanPadding: [24, 24] });
      // Names stay on the map (and in print) while they can fit; with many places only on hover.
      var permanent = payload.markers.length <= 12;
      layer.bindTooltip(el("span", null, m.name), permanent
        ? { permanent: true, direction: "right", offset: [8, 0], className: "em-label" }
        : { direction: "top", offset: [0, -6] });
      layer.on("click", function () { onMarker(m); });
      layer.addTo(map);
      layer.eventmap = m;
      markerById[m.id] = layer;
      m.mentions.forEach(function (i) { markerOfMention[i] = m.id; });
      bounds.push([m.lat, m.lon]);
    });
    EventMap.markers = markerById;

    /* Permanent labels that would overlap one drawn before them are hidden (places named most
       often are drawn first); hovering a marker shows its label anyway. */
    var byWeight = Object.keys(markerById).map(function (k) { return markerById[k]; })
      .sort(function (a, b) { return b.eventmap.mentions.length - a.eventmap.mentions.length; });
    function declutter() {
      var placed = [];
      byWeight.forEach(function (layer) {
        var tip = layer.getTooltip(), node = tip && tip.options.permanent && tip.getElement();
        if (!node) return;
        node.classList.remove("is-hidden");
        var r = node.getBoundingClientRect();
        var hit = placed.some(function (p) {
          return !(r.right < p.left || r.left > p.right || r.bottom < p.top || r.top > p.bottom);
        });
        if (hit) node.classList.add("is-hidden");
        else placed.push(r);
      });
    }
    byWeight.forEach(function (layer) {
      layer.on("mouseover", function () {
        var node = layer.getTooltip() && layer.getTooltip().getElement();
        if (node) node.classList.remove("is-hidden");
      });
      layer.on("mouseout", declutter);
    });
    map.on("zoomend moveend resize", declutter);

    function fitAll(animate) {
      if (bounds.length === 1) map.setView(bounds[0], 5, { animate: animate });
      else if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6, animate: animate });
      else map.setView([30, 10], 1, { animate: animate });
    }
    fitAll(false);
    declutter();

    /* Selection state. */
    function clearClass(cls) {
      Array.prototype.forEach.call(document.querySelectorAll("." + cls), function (n) { n.classList.remove(cls); });
    }

    function selectItem(id, scroll) {
      Object.keys(items).forEach(function (k) {
        var li = items[k], on = k === id;
        li.classList.toggle("is-selected", on);
        li.setAttribute("aria-selected", on ? "true" : "false");
      });
      Array.prototype.forEach.call(document.querySelectorAll(".ax-ev"), function (d) {
        d.classList.toggle("is-selected", d.getAttribute("data-event") === id);
      });
      var li = items[id];
      if (!li) return;
      Object.keys(items).forEach(function (k) { items[k].tabIndex = k === id ? 0 : -1; });
      if (scroll) li.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
    }

    function highlightSentence(node, scroll) {
      clearClass("is-current");
      if (!node) return;
      node.classList.add("is-current");
      if (scroll) node.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
    }

    function zoomFor(m) { return ZOOM_BY_KIND[m.kind] || 8; }

    function showMarkers(ids, openId) {
      var layers = ids.map(function (id) { return markerById[id]; }).filter(Boolean);
      if (!layers.length) return;
      // the popup opens on the most specific place of the event (a city before its country)
      var first = markerById[openId] || layers.reduce(function (best, l) {
        return zoomFor(l.eventmap) > zoomFor(best.eventmap) ? l : best;
      }, layers[0]);
      first.openPopup();
      if (layers.length === 1) {
        var m = first.eventmap;
        if (m.bbox && m.bbox.length === 4) {
          map.flyToBounds([[m.bbox[0], m.bbox[1]], [m.bbox[2], m.bbox[3]]], { maxZoom: zoomFor(m), animate: !reduceMotion });
        } else {
          map.flyTo(first.getLatLng(), Math.max(map.getZoom(), Math.min(zoomFor(m), 6)), { animate: !reduceMotion });
        }
      } else {
        map.flyToBounds(L.latLngBounds(layers.map(function (l) { return l.getLatLng(); })),
          { padding: [50, 50], maxZoom: 6, animate: !reduceMotion });
      }
    }

    function markersOfEvent(id) {
      var out = [];
      (events[id] ? events[id].places : []).forEach(function (i) {
        var mid = markerOfMention[i];
        if (mid && out.indexOf(mid) < 0) out.push(mid);
      });
      return out;
    }

    function activateEvent(id, how) {
      how = how || {};
      clearClass("is-related");
      selectItem(id, how.scrollItem);
      highlightSentence(sentenceOfEvent[id], how.scrollText !== false);
      if (how.fly !== false) showMarkers(markersOfEvent(id));
    }

    function onMarker(m) {
      clearClass("is-related");
      m.events.forEach(function (id) { if (items[id]) items[id].classList.add("is-related"); });
      if (m.events.length) {
        selectItem(m.events[0], true);
        highlightSentence(sentenceOfEvent[m.events[0]], false);
      }
    }

    function sentenceOf(node) {
      while (node && node !== document.body) {
        if (node.classList && node.classList.contains("sent")) return node;
        node = node.parentNode;
      }
      return null;
    }

    function onMention(mark) {
      var sent = sentenceOf(mark);
      highlightSentence(sent || mark, false);
      var ids = sent ? sent.getAttribute("data-events").split(" ") : [];
      if (mark.hasAttribute("data-place")) {
        var mid = markerOfMention[+mark.getAttribute("data-place")];
        if (ids[0]) selectItem(ids[0], false);
        if (mid) showMarkers([mid], mid);
      } else if (mark.hasAttribute("data-date")) {
        var eid = eventOfDate[+mark.getAttribute("data-date")] || ids[0];
        if (eid) {
          selectItem(eid, false);
          showMarkers(markersOfEvent(eid));
        }
      }
    }

    /* Wiring: timeline items (click, Enter/Space, arrows) and mentions (click, Enter/Space). */
    Object.keys(items).forEach(function (id) {
      var li = items[id];
      li.addEventListener("click", function () { activateEvent(id, {}); });
      li.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          activateEvent(id, {});
        } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
          ev.preventDefault();
          var all = Array.prototype.slice.call(document.querySelectorAll(".tl-item"));
          var next = all[all.indexOf(li) + (ev.key === "ArrowDown" ? 1 : -1)];
          if (next) {
            all.forEach(function (n) { n.tabIndex = n === next ? 0 : -1; });
            next.focus();
          }
        }
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".ax-ev"), function (d) {
      d.addEventListener("click", function () { activateEvent(d.getAttribute("data-event"), { scrollItem: true, scrollText: false }); });
    });
    Array.prototype.forEach.call(document.querySelectorAll("mark[data-place], mark[data-date]"), function (mark) {
      mark.addEventListener("click", function () { onMention(mark); });
      mark.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          onMention(mark);
        }
      });
    });

    /* Print: show every place, whatever the reader zoomed to. */
    window.addEventListener("beforeprint", function () { map.closePopup(); map.invalidateSize(); fitAll(false); });

    EventMap.map = map;
    EventMap.activateEvent = activateEvent;
    EventMap.ready = true;
  };
})();
