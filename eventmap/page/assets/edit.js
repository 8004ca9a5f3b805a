/* eventmap corrections: fix the reading in the page, then download the corrected JSON and page.
   (editor.js holds the controls that make them: the event editor, the name search, the text adder.)

   Every change is an operation ({op: "remove_place", ...}) applied to the page's working copy of the
   export and to what is shown; the list of operations is the page's memory of what a person did:
   - "Download JSON" writes the export with the corrections applied: removed mentions gone, indexes
     renumbered, corrected places and events marked "source": "human", and a "corrections" record;
     `eventmap render` draws every output from it.
   - "Download page" writes this page as it was drawn, with the operations in its corrections block;
     opened again, it replays them, so it shows the corrections and can be corrected further.
   - The operations are kept in sessionStorage too, so a reload (and Undo, which reloads) keeps them.
   Operations name mentions by their index in the page's own export, which never changes in the page
   (a removed mention is only marked removed). No server, no network. */
(function () {
  "use strict";

  var EventMap = (window.EventMap = window.EventMap || {});
  var Edit = (EventMap.Edit = {});
  var CORRECTIONS_ID = "eventmap-corrections";
  var RANK = { minute: 0, hour: 1, day: 2, week: 3, month: 4, season: 5, quarter: 5, half: 6, year: 7, decade: 8, century: 9 };
  var S, u, ops = [], base = "[]";

  /* ---------------------------------------------------------------- start */

  Edit.init = function () {
    S = EventMap.S;
    u = EventMap.util;
    var node = document.getElementById(CORRECTIONS_ID);
    var saved = [];
    try { saved = JSON.parse(node ? node.textContent : "[]") || []; } catch (e) { saved = []; }
    base = JSON.stringify(saved);
    var session = loadSession();
    (session && session.base === base ? session.ops : saved).forEach(function (op) {
      try { apply(op); ops.push(op); } catch (e) { /* an operation that no longer fits this page is skipped */ }
    });
    wireToolbar();
    if (Edit.initEditor) Edit.initEditor();
    updateCount();
  };

  Edit.editing = function () { return document.body.classList.contains("is-editing"); };

  function storageKey() {
    var h = 5381, s = S.doc.text || "";
    for (var i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
    return "eventmap:" + (S.doc.id || "") + ":" + h.toString(36);
  }
  function loadSession() {
    try { return JSON.parse(window.sessionStorage.getItem(storageKey()) || "null"); } catch (e) { return null; }
  }
  function saveSession() {
    try { window.sessionStorage.setItem(storageKey(), JSON.stringify({ base: base, ops: ops })); } catch (e) { /* private mode */ }
  }

  function record(op) {
    op.at = op.at || new Date().toISOString();
    apply(op);
    ops.push(op);
    saveSession();
    updateCount();
  }
  Edit.record = record;
  Edit.ops = function () { return ops.slice(); };

  function updateCount() {
    var n = ops.length, box = document.getElementById("em-count"), undo = document.getElementById("em-undo");
    if (box && n) box.textContent = u.count("count_corrections", n);
    if (undo) undo.disabled = !n;
  }

  /* ---------------------------------------------------------------- applying operations */

  function apply(op) {
    var fn = APPLY[op.op];
    if (!fn) throw new Error("unknown correction " + op.op);
    fn(op);
  }

  var APPLY = {
    remove_place: function (op) { op.mentions.forEach(removeMention); },
    remove_date: function (op) { removeDate(op.date); },
    move_place: function (op) {
      op.mentions.forEach(function (i) {
        var p = S.doc.places[i];
        p.lat = +op.lat; p.lon = +op.lon;
        humanPlace(p);
      });
      moveMarkerOf(op.mentions, { lat: +op.lat, lon: +op.lon });
    },
    pick_alternative: function (op) {
      var a = op.alternative;
      op.mentions.forEach(function (i) {
        var p = S.doc.places[i], old = { name: p.name, country: p.country, lat: p.lat, lon: p.lon, kind: p.kind };
        p.alternatives = [old].concat((p.alternatives || []).filter(function (x) {
          return !(x.name === a.name && x.lat === a.lat && x.lon === a.lon);
        }));
        p.name = String(a.name); p.kind = String(a.kind); p.country = a.country || null;
        p.lat = +a.lat; p.lon = +a.lon;
        humanPlace(p);
      });
      moveMarkerOf(op.mentions, { name: String(a.name), kind: String(a.kind), country: a.country || null,
                                  lat: +a.lat, lon: +a.lon });
    },
    set_when: function (op) {
      var e = S.events[op.event];
      e.when = op.when ? withEdtf(op.when) : null;
      e.human = e.humanWhen = true;
      EventMap.refreshEvent(e.id);
    },
    detach_place: function (op) {
      var e = S.events[op.event];
      e.places = e.places.filter(function (i) { return i !== op.mention; });
      e.human = true;
      placesChanged([S.markerOfMention[op.mention]], [e.id]);
    },
    attach_place: function (op) {
      var e = S.events[op.event];
      if (e.places.indexOf(op.mention) < 0) e.places.push(op.mention);
      e.human = true;
      placesChanged([S.markerOfMention[op.mention]], [e.id]);
    },
    add_place: function (op) { addMention(op); }
  };

  function humanPlace(p) {
    p.source = "human";
    p.basis = "human";
    p.confidence = 1;
    delete p.geonameid;
    delete p.located_at;
  }

  var withEdtf = Edit.withEdtf = function (w) {
    var out = { value: String(w.value), type: "DATE", precision: w.precision || null, qualifier: w.qualifier || null,
                earliest: w.earliest || null, latest: w.latest || null, edtf: null };
    if (out.earliest) {
      var b = /^\d{4}/.test(out.value) ? out.value : out.earliest;
      out.edtf = out.qualifier === "approx" ? b + "~" : out.qualifier === "before" ? "../" + b
        : (out.qualifier === "after" || out.qualifier === "ongoing") ? b + "/.." : b;
    }
    return out;
  };

  function eventsWith(key, i) { return S.doc.events.filter(function (e) { return e[key].indexOf(i) >= 0; }); }

  function removeMention(i) {
    var p = S.doc.places[i];
    if (!p || p.removed) return;
    p.removed = true;
    unwrap(document.querySelector('mark[data-place="' + i + '"]'));
    var evs = eventsWith("places", i);
    evs.forEach(function (e) { e.places = e.places.filter(function (k) { return k !== i; }); e.human = true; });
    var mid = S.markerOfMention[i], rec = S.markers[mid];
    delete S.markerOfMention[i];
    if (rec) {
      rec.data.mentions = rec.data.mentions.filter(function (k) { return k !== i; });
      if (!rec.data.mentions.length) EventMap.dropMarker(mid);
    }
    placesChanged([mid], evs.map(function (e) { return e.id; }));
  }

  function removeDate(i) {
    var d = S.doc.dates[i];
    if (!d || d.removed) return;
    d.removed = true;
    unwrap(document.querySelector('mark[data-date="' + i + '"]'));
    eventsWith("dates", i).forEach(function (e) {
      e.dates = e.dates.filter(function (k) { return k !== i; });
      if (e.when && e.when.value === d.value) {
        var rest = e.dates.map(function (k) { return S.doc.dates[k]; }).filter(function (x) { return x && !x.removed; })
          .sort(function (a, b) { return (RANK[a.precision] || 99) - (RANK[b.precision] || 99); });
        e.when = rest.length ? withEdtf(rest[0]) : null;
      }
      e.human = e.humanWhen = true;
      EventMap.refreshEvent(e.id);
    });
  }

  /* The mentions' marker takes the new reading when all its mentions changed; else they leave it for a
     marker of their own (a new one, or one already standing at the new reading). */
  function moveMarkerOf(mentions, change) {
    var mid = S.markerOfMention[mentions[0]], rec = S.markers[mid];
    if (!rec) return;
    var all = rec.data.mentions.every(function (i) { return mentions.indexOf(i) >= 0; });
    if (all) {
      L.extend(rec.data, change);
      reshape(rec.data);
      EventMap.refreshMarker(mid);
      placesChanged([mid], []);
      return;
    }
    rec.data.mentions = rec.data.mentions.filter(function (i) { return mentions.indexOf(i) < 0; });
    mentions.forEach(function (i) { delete S.markerOfMention[i]; joinMarker(i); });
    placesChanged([mid], []);
  }

  function reshape(m) {
    var shapes = S.shapes || {};
    var points = shapes.point_kinds || ["city", "landmark", "street", "river"];
    if (!m.kind || points.indexOf(m.kind) >= 0) { m.shape = "point"; m.radius_km = null; return; }
    if (m.kind === "country" && S.outlines[m.country]) { m.shape = "outline"; m.radius_km = null; return; }
    m.shape = "circle";
    m.radius_km = (shapes.extent_km || {})[m.kind] || 50;
  }

  /* Mention i (already holding its place) joins the marker at the same name and point, or a new one. */
  function joinMarker(i) {
    var p = S.doc.places[i];
    var found = Object.keys(S.markers).filter(function (k) {
      var m = S.markers[k].data;
      return m.name === p.name && Math.abs(m.lat - p.lat) < 1e-4 && Math.abs(m.lon - p.lon) < 1e-4;
    })[0];
    if (found) {
      S.markers[found].data.mentions.push(i);
      S.markerOfMention[i] = found;
      return found;
    }
    var id = "p" + (S.markerSeq = (S.markerSeq || Object.keys(S.markers).length + 100) + 1);
    var m = { id: id, name: p.name, lat: p.lat, lon: p.lon, kind: p.kind, country: p.country, bbox: null,
              number: S.nextNumber, shape: "point", radius_km: null, mentions: [i], events: [] };
    reshape(m);
    EventMap.addMarker(m);
    return id;
  }

  function placesChanged(mids, eventIds) {
    var touched = {};
    eventIds.forEach(function (id) { touched[id] = 1; });
    mids.forEach(function (mid) {
      var rec = S.markers[mid];
      if (!rec) return;
      rec.data.events.forEach(function (id) { touched[id] = 1; });
      var order = EventMap.datedEvents().concat(S.doc.events.filter(function (e) { return !(e.when && e.when.earliest); }));
      rec.data.events = order.filter(function (e) {
        return e.places.some(function (i) { return rec.data.mentions.indexOf(i) >= 0; });
      }).map(function (e) { return e.id; });
      rec.data.events.forEach(function (id) { touched[id] = 1; });
      if (rec.layer.isPopupOpen()) rec.layer.setPopupContent(EventMap.popupFor(rec.data));
    });
    Object.keys(touched).forEach(EventMap.refreshEvent);
  }

  function addMention(op) {
    var i = S.doc.places.length;
    var pl = op.place;
    S.doc.places.push({ start: +op.start, end: +op.end, text: String(op.text), name: String(pl.name),
                        kind: String(pl.kind), country: pl.country || null, lat: +pl.lat, lon: +pl.lon,
                        source: "human", confidence: 1, basis: "human" });
    var mark = null;
    if (op.unresolved !== undefined && op.unresolved !== null && S.doc.unresolved[op.unresolved]) {
      S.doc.unresolved[op.unresolved].removed = true;
      mark = document.querySelector('mark[data-unresolved="' + op.unresolved + '"]');
      if (mark) { mark.removeAttribute("data-unresolved"); mark.classList.remove("is-unresolved"); }
    } else if (op.end > op.start) {
      mark = wrap(+op.start, +op.end);
    }
    if (mark) {
      mark.classList.add("m-place");
      mark.setAttribute("data-place", String(i));
      mark.setAttribute("role", "button");
      mark.tabIndex = 0;
      mark.title = pl.name;
      EventMap.wireMark(mark);
    }
    (op.events || []).forEach(function (id) {
      var e = S.events[id];
      if (e && e.places.indexOf(i) < 0) { e.places.push(i); e.human = true; }
    });
    var mid = joinMarker(i);
    placesChanged([mid], op.events || []);
  }

  /* ---------------------------------------------------------------- the article text */

  function textNodes() {
    var root = document.querySelector(".em-text"), out = [], pos = 0;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      out.push({ node: n, start: pos });
      pos += n.nodeValue.length;
    }
    return out;
  }

  Edit.offsetOf = function (node, offset) {
    var nodes = textNodes();
    for (var k = 0; k < nodes.length; k++) if (nodes[k].node === node) return nodes[k].start + offset;
    return -1;
  };

  function wrap(start, end) {
    var hit = textNodes().filter(function (t) { return t.start <= start && end <= t.start + t.node.nodeValue.length; })[0];
    if (!hit || (hit.node.parentNode && hit.node.parentNode.tagName === "MARK")) return null;
    var range = document.createRange();
    range.setStart(hit.node, start - hit.start);
    range.setEnd(hit.node, end - hit.start);
    var mark = document.createElement("mark");
    range.surroundContents(mark);
    return mark;
  }

  function unwrap(mark) {
    if (!mark) return;
    var parent = mark.parentNode;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }

  /* ---------------------------------------------------------------- the export and the downloads */

  function kept(list) {
    var idx = list.map(function (x, i) { return i; }).filter(function (i) { return !list[i].removed; });
    idx.sort(function (a, b) { return list[a].start - list[b].start || list[a].end - list[b].end || a - b; });
    var map = {};
    idx.forEach(function (old, k) { map[old] = k; });
    return { map: map, items: idx.map(function (i) { return list[i]; }) };
  }

  function remapped(ids, map) {
    var out = [];
    ids.forEach(function (i) { if (map[i] !== undefined && out.indexOf(map[i]) < 0) out.push(map[i]); });
    return out;
  }

  function describe(op) {
    var out = { action: op.op, source: "human", at: op.at || null };
    function m(i) { var p = S.doc.places[i]; return { start: p.start, end: p.end, text: p.text }; }
    if (op.mentions) out.mentions = op.mentions.map(m);
    if (op.op === "remove_date") { var d = S.doc.dates[op.date]; out.date = { start: d.start, end: d.end, text: d.text }; }
    if (op.op === "move_place") { out.lat = op.lat; out.lon = op.lon; }
    if (op.op === "pick_alternative") out.place = op.alternative;
    if (op.op === "set_when") { out.event = op.event; out.when = op.when ? withEdtf(op.when) : null; }
    if (op.op === "detach_place" || op.op === "attach_place") { out.event = op.event; out.mention = m(op.mention); }
    if (op.op === "add_place") {
      out.mention = { start: op.start, end: op.end, text: op.text };
      out.place = op.place;
      out.events = op.events || [];
    }
    return out;
  }

  Edit.exportDoc = function () {
    var src = S.doc, places = kept(src.places), dates = kept(src.dates);
    var clean = function (x) {
      var y = JSON.parse(JSON.stringify(x));
      delete y.removed;
      return y;
    };
    var out = {};
    Object.keys(src).forEach(function (k) { out[k] = src[k]; });
    out.places = places.items.map(clean);
    out.dates = dates.items.map(clean);
    out.unresolved = (src.unresolved || []).filter(function (x) { return !x.removed; }).map(clean);
    out.events = src.events.map(function (e) {
      var y = { id: e.id, when: e.when, dates: remapped(e.dates, dates.map), places: remapped(e.places, places.map),
                sentence: e.sentence, summary: e.summary };
      if (e.human || e.source === "human") y.source = "human";
      return y;
    });
    out.corrections = (src.corrections || []).concat(ops.map(describe));
    if (!out.corrections.length) delete out.corrections;
    return out;
  };

  function safeJSON(x) {
    return JSON.stringify(x).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026")
      .replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }

  /* The page as it was drawn (a copy taken before the script changed anything), its map emptied for
     Leaflet to draw again, with this session's operations in its corrections block. */
  Edit.pageHTML = function () {
    var clone = EventMap.pristine.cloneNode(true);
    var mapDiv = clone.querySelector("#" + EventMap.mapId);
    if (mapDiv) {
      mapDiv.textContent = "";
      mapDiv.className = "folium-map";
      mapDiv.removeAttribute("tabindex");
      mapDiv.removeAttribute("style");
    }
    var block = clone.querySelector("#" + CORRECTIONS_ID);
    if (block) block.textContent = safeJSON(ops);
    return "<!DOCTYPE html>\n" + clone.outerHTML + "\n";
  };

  function fileStem() {
    return String(S.doc.id || "eventmap").replace(/[^\w.-]+/g, "-").replace(/\.corrected$/, "") + ".corrected";
  }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  /* ---------------------------------------------------------------- controls */

  var button = Edit.button = function (label, cls, onclick) {
    var b = u.el("button", cls || "em-btn", label);
    b.type = "button";
    b.addEventListener("click", function (ev) { ev.stopPropagation(); onclick(ev); });
    return b;
  };

  function wireToolbar() {
    var toggle = document.getElementById("em-edit-toggle");
    toggle.addEventListener("click", function () {
      var on = !Edit.editing();
      document.body.classList.toggle("is-editing", on);
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
      document.getElementById("em-edit-help").hidden = !on;
      S.map.closePopup();
    });
    document.getElementById("em-download-json").addEventListener("click", function () {
      download(fileStem() + ".json", JSON.stringify(Edit.exportDoc(), null, 1) + "\n", "application/json");
    });
    document.getElementById("em-download-page").addEventListener("click", function () {
      download(fileStem() + ".html", Edit.pageHTML(), "text/html");
    });
    document.getElementById("em-undo").addEventListener("click", function () {
      if (!ops.length) return;
      ops.pop();
      saveSession();
      window.location.reload();
    });
  }

  /* In the popup: runner-ups to pick, and (while correcting) move and remove. */
  Edit.altButton = function (li, m, k) {
    if (!Edit.editing()) return;
    li.appendChild(button(u.t("use_this"), "pop-btn", function () {
      var a = (S.doc.places[m.mentions[0]].alternatives || [])[k];
      if (!a) return;
      record({ op: "pick_alternative", mentions: m.mentions.slice(), alternative: {
        name: a.name, kind: a.kind, country: a.country || null, lat: a.lat, lon: a.lon } });
      u.announce(u.t("correction_done", { count: u.count("count_corrections", ops.length) }));
    }));
  };

  Edit.placeTools = function (box, m) {
    if (!Edit.editing()) return;
    var bar = u.el("div", "pop-tools");
    bar.appendChild(button(u.t("move_place"), "pop-btn", function () { startMove(m); }));
    bar.appendChild(button(u.t("remove_place"), "pop-btn is-danger", function () {
      var name = m.name;
      S.map.closePopup();
      record({ op: "remove_place", mentions: m.mentions.slice() });
      u.announce(u.t("place_removed", { name: name }));
    }));
    box.appendChild(bar);
  };

  /* Move: drag the marker, or (keyboard) arrows move it 10 pixels, Enter puts it down. */
  function startMove(m) {
    var rec = S.markers[m.id];
    if (!rec) return;
    S.map.closePopup();
    var layer = rec.layer, node = layer.getElement();
    layer.dragging.enable();
    if (node) { node.classList.add("is-moving"); node.focus(); }
    u.announce(u.t("move_help"));
    function done() {
      layer.dragging.disable();
      layer.off("dragend", done);
      if (node) { node.classList.remove("is-moving"); node.removeEventListener("keydown", keys, true); }
      var ll = layer.getLatLng().wrap();
      record({ op: "move_place", mentions: m.mentions.slice(), lat: Math.round(ll.lat * 1e5) / 1e5,
               lon: Math.round(ll.lng * 1e5) / 1e5 });
      u.announce(u.t("place_moved", { name: m.name }));
    }
    function keys(ev) {
      var d = { ArrowLeft: [-10, 0], ArrowRight: [10, 0], ArrowUp: [0, -10], ArrowDown: [0, 10] }[ev.key];
      if (d) {
        ev.preventDefault(); ev.stopPropagation();
        var p = S.map.latLngToContainerPoint(layer.getLatLng()).add(d);
        layer.setLatLng(S.map.containerPointToLatLng(p));
      } else if (ev.key === "Enter") {
        ev.preventDefault(); ev.stopPropagation();
        done();
      }
    }
    layer.on("dragend", done);
    if (node) node.addEventListener("keydown", keys, true);
  }

})();
