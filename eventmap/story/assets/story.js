/* eventmap story script: draws the places of every article on the folium map, one marker per place,
   links markers and timeline items both ways, and filters both by article, source, language and dates.
   Called once from folium's map script (EventStory.init). It reads the page's JSON data block (markers,
   items, articles, words); article text only ever reaches the DOM through textContent, and links only
   take the hrefs the page was written with. */
(function () {
  "use strict";

  var EventStory = (window.EventStory = { ready: false });
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

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

  function byId(id) { return document.getElementById(id); }

  EventStory.init = function (map, opts) {
    var data = readJSON(opts.data) || { markers: [], items: {}, articles: [], words: {} };
    var items = data.items, words = data.words || {};
    var rows = {}, layers = {}, visible = {};
    Array.prototype.forEach.call(document.querySelectorAll(".st-item"), function (li) {
      rows[li.getAttribute("data-event")] = li;
    });

    var pane = map.createPane("basemap");
    pane.style.zIndex = 150;
    pane.style.pointerEvents = "none";
    var land = readJSON(opts.land);
    if (land) {
      L.geoJSON(land, { pane: "basemap", interactive: false,
        style: { color: "#a8b3bb", weight: 0.7, fillColor: "#f3f0e8", fillOpacity: 1 } }).addTo(map);
      map.attributionControl.addAttribution(words.land);
    }

    /* A marker's popup is made when it opens, from the events the filters let through. */
    function popupFor(m) {
      var box = el("div", "pop");
      box.appendChild(el("strong", "pop-name", m.name));
      var meta = [m.kind, m.country].filter(Boolean).join(" · ");
      if (meta) box.appendChild(el("div", "pop-meta", meta));
      var ul = el("ul", "pop-events");
      m.events.filter(function (id) { return visible[id]; }).forEach(function (id) {
        var it = items[id], li = el("li", "pop-event-row");
        li.setAttribute("data-event", id);
        var b = el("button", "pop-event", it.words || words.undated);
        b.type = "button";
        b.addEventListener("click", function () { select(id, { fly: false, scroll: true }); });
        li.appendChild(b);
        li.appendChild(el("span", "pop-summary", it.summary));
        var src = el("span", "pop-sources");
        it.sources.forEach(function (s, k) {
          if (k) src.appendChild(document.createTextNode(" · "));
          var a = el("a", "pop-source", s.title);
          a.href = s.href;
          src.appendChild(a);
        });
        li.appendChild(src);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      return box;
    }

    var bounds = [];
    data.markers.forEach(function (m) {
      var layer = L.circleMarker([m.lat, m.lon], {
        radius: Math.min(14, 6 + Math.sqrt(m.events.length)), color: "#ffffff", weight: 2,
        fillColor: "#c2410c", fillOpacity: 0.9, className: "em-marker em-marker-" + m.id
      });
      layer.bindPopup(function () { return popupFor(m); }, { maxWidth: 320, autoPanPadding: [24, 24] });
      layer.bindTooltip(el("span", null, m.name), { direction: "top", offset: [0, -6] });
      layer.on("click", function () { relate(m); });
      layer.eventmap = m;
      layer.addTo(map);
      layers[m.id] = layer;
      bounds.push([m.lat, m.lon]);
    });
    EventStory.markers = layers;

    function fitAll(animate) {
      var shown = Object.keys(layers).filter(function (k) { return map.hasLayer(layers[k]); })
        .map(function (k) { return layers[k].getLatLng(); });
      if (shown.length === 1) map.setView(shown[0], 5, { animate: animate });
      else if (shown.length) map.fitBounds(shown, { padding: [30, 30], maxZoom: 6, animate: animate });
      else map.setView([20, 10], 1, { animate: animate });
    }

    /* Filters: a happening stays when one of its tellings is of the article, source and language asked
       for, and its dates meet the range asked for (an undated one only when no range is asked for). */
    function filters() {
      return { article: byId("st-article").value, origin: byId("st-origin").value, lang: byId("st-lang").value,
               from: byId("st-from").value, to: byId("st-to").value };
    }

    function passes(it, f) {
      var told = it.sources.some(function (s) {
        return (f.article === "" || String(s.article) === f.article) && (f.origin === "" || s.origin === f.origin) &&
          (f.lang === "" || s.lang === f.lang);
      });
      if (!told) return false;
      if (!f.from && !f.to) return true;
      if (!it.earliest) return false;
      return (!f.from || (it.latest || it.earliest) >= f.from) && (!f.to || it.earliest <= f.to);
    }

    function apply() {
      var f = filters(), shown = 0, total = 0;
      Object.keys(items).forEach(function (id) {
        total += 1;
        visible[id] = passes(items[id], f);
        if (visible[id]) shown += 1;
        if (rows[id]) rows[id].hidden = !visible[id];
      });
      data.markers.forEach(function (m) {
        var on = m.events.some(function (id) { return visible[id]; }), layer = layers[m.id];
        if (on && !map.hasLayer(layer)) layer.addTo(map);
        if (!on && map.hasLayer(layer)) { layer.closePopup(); map.removeLayer(layer); }
      });
      Array.prototype.forEach.call(document.querySelectorAll(".st-articles li[data-article]"), function (li) {
        li.hidden = f.article !== "" && li.getAttribute("data-article") !== f.article;
      });
      byId("st-shown").textContent = (words.shown || "").replace("{shown}", shown).replace("{total}", total);
      EventStory.shown = shown;
      fitAll(false);
    }

    ["st-article", "st-origin", "st-lang", "st-from", "st-to"].forEach(function (id) {
      byId(id).addEventListener("change", apply);
      byId(id).addEventListener("input", apply);
    });
    byId("st-reset").addEventListener("click", function () {
      ["st-article", "st-origin", "st-lang", "st-from", "st-to"].forEach(function (id) { byId(id).value = ""; });
      apply();
    });

    /* Selection: an item flies the map to its places; a marker lights up its items. */
    function clear(cls) {
      Array.prototype.forEach.call(document.querySelectorAll("." + cls), function (n) { n.classList.remove(cls); });
    }

    function select(id, how) {
      clear("is-selected");
      var li = rows[id];
      if (li) {
        li.classList.add("is-selected");
        if (how.scroll) li.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
      }
      if (how.fly === false) return;
      var shown = items[id].markers.map(function (k) { return layers[k]; })
        .filter(function (l) { return l && map.hasLayer(l); });
      if (!shown.length) return;
      if (shown.length === 1) {
        map.flyTo(shown[0].getLatLng(), Math.max(map.getZoom(), 6), { animate: !reduceMotion });
      } else {
        map.flyToBounds(L.latLngBounds(shown.map(function (l) { return l.getLatLng(); })),
          { padding: [50, 50], maxZoom: 7, animate: !reduceMotion });
      }
      shown[0].openPopup();
    }

    function relate(m) {
      clear("is-related");
      var first = null;
      m.events.forEach(function (id) {
        if (rows[id] && visible[id]) {
          rows[id].classList.add("is-related");
          first = first || id;
        }
      });
      if (first) select(first, { fly: false, scroll: true });
    }

    Object.keys(rows).forEach(function (id) {
      rows[id].addEventListener("click", function (ev) {
        if (ev.target.closest && ev.target.closest("a")) return;   // a source link just opens
        select(id, { scroll: false });
      });
      rows[id].addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          select(id, { scroll: false });
        }
      });
    });

    apply();
    EventStory.map = map;
    EventStory.select = select;
    EventStory.apply = apply;
    EventStory.ready = true;
  };
})();
