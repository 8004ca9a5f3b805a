/* eventmap time axis: the dated events over the timeline list, drawn so that it stays readable.

   Two layouts, chosen by how the dates fall and switchable by the reader:
   - "to scale": a proportional axis (zoom buttons widen it; it scrolls sideways), used when the dates
     spread out;
   - "in order": one column per distinct day (or month, year), equally wide, with the gap between
     columns written on the break ("+3 days"), used when most events pile up on one or two days.
   A day is a dot; a month, a year or a range a fuzzy bar over its whole span; "before" an arrow
   pointing back from its anchor, "after" one pointing forward, "ongoing" an open bar running to the
   end of the axis; "about" a dot with a haze. The axis is decorative for screen readers (the list
   says the same); its two buttons are not. Everything is laid out again after a correction. */
(function () {
  "use strict";

  var EventMap = (window.EventMap = window.EventMap || {});
  var Axis = (EventMap.Axis = { mode: null, zoom: 1 });
  var LANE_PX = 16, MIN_GAP = 2.2, MAX_LANES = 5, DAY = 86400000;

  function iso(d) { return new Date(d + "T00:00:00Z").getTime(); }
  function days(a, b) { return Math.round((b - a) / DAY); }

  function span(e) {
    var w = e.when, a = iso(w.earliest), b = w.latest ? iso(w.latest) : a;
    return { e: e, a: a, b: Math.max(a, b), q: w.qualifier, fuzzy: b > a };
  }

  /* Clustered: fewer than three distinct days, or half the events or more would sit on top of
     another (closer than the gap a mark needs) on a proportional axis. */
  function clustered(spans) {
    var dayset = {};
    spans.forEach(function (s) { dayset[s.a] = 1; });
    if (Object.keys(dayset).length < 3) return spans.length > 1;
    var lo = Math.min.apply(null, spans.map(function (s) { return s.a; }));
    var hi = Math.max.apply(null, spans.map(function (s) { return s.b; }));
    var total = Math.max(1, hi - lo), crowded = 0;
    spans.forEach(function (s, i) {
      if (spans.some(function (o, j) { return j !== i && Math.abs(o.a - s.a) / total * 100 < MIN_GAP; })) crowded++;
    });
    return crowded >= spans.length / 2;
  }

  function lane(lanes, x0, x1) {
    for (var i = 0; i < lanes.length; i++) if (x0 > lanes[i] + MIN_GAP) { lanes[i] = x1; return i; }
    if (lanes.length < MAX_LANES) { lanes.push(x1); return lanes.length - 1; }
    var k = lanes.indexOf(Math.min.apply(null, lanes));
    lanes[k] = Math.max(lanes[k], x1);
    return k;
  }

  function mark(track, s, left, width, top) {
    var node = document.createElement("span");
    var cls = "ax-ev";
    if (s.q === "before") cls += " is-before";
    else if (s.q === "after") cls += " is-after";
    else if (s.q === "ongoing") cls += " is-ongoing";
    else if (s.q === "approx") cls += " is-approx";
    if (width !== null) cls += s.q === "ongoing" ? "" : " is-fuzzy";
    node.className = cls;
    node.setAttribute("data-event", s.e.id);
    node.style.left = left + "%";
    node.style.top = top + "px";
    if (width !== null) node.style.width = width + "%";
    node.title = EventMap.whenWords(s.e);
    node.addEventListener("click", function () {
      EventMap.activateEvent(s.e.id, { scrollItem: true, scrollText: false });
    });
    track.appendChild(node);
  }

  function tick(ticks, left, label, cls) {
    var n = document.createElement("span");
    n.className = "ax-tick" + (cls ? " " + cls : "");
    n.style.left = left + "%";
    n.textContent = label;
    ticks.appendChild(n);
  }

  function proportional(spans, track, ticks) {
    var lo = Math.min.apply(null, spans.map(function (s) { return s.a; }));
    var hi = Math.max.apply(null, spans.map(function (s) { return s.b; }));
    var pad = Math.max(1, Math.round(days(lo, hi) / 20)) * DAY;
    lo -= pad; hi += pad;
    var total = hi - lo;
    function pos(t) { return Math.round(10000 * (t - lo) / total) / 100; }
    var lanes = [];
    spans.forEach(function (s) {
      var x0 = pos(s.a), x1 = s.q === "ongoing" ? 100 : pos(s.b);
      if (s.q === "before" || s.q === "after") {  // an arrow from the anchor: the start of "before", the end of "after"
        var at = s.q === "before" ? x0 : x1;
        mark(track, s, at, null, 4 + lane(lanes, s.q === "before" ? at - 4 : at, s.q === "after" ? at + 4 : at) * LANE_PX);
        return;
      }
      var width = s.q === "ongoing" ? 100 - x0 : (s.fuzzy ? Math.max(x1 - x0, 0.8) : null);
      mark(track, s, x0, width, 4 + lane(lanes, x0, x1) * LANE_PX);
    });
    timeTicks(lo, hi, pos, ticks);
    return lanes.length;
  }

  function timeTicks(lo, hi, pos, ticks) {
    var n = days(lo, hi), out = [], d = new Date(lo), step, prec;
    if (n > 3 * 366) {
      step = Math.max(1, Math.ceil((new Date(hi).getUTCFullYear() - d.getUTCFullYear()) / 7 / Axis.zoom));
      for (var y = d.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= hi; y += step) out.push([Date.UTC(y, 0, 1), "year"]);
    } else if (n > 75) {
      var months = Math.round(n / 30.4);
      step = Math.max(1, Math.ceil(months / 7 / Axis.zoom));
      for (var m = d.getUTCMonth() + 1, yy = d.getUTCFullYear(); Date.UTC(yy, m, 1) <= hi; m += step) out.push([Date.UTC(yy, m, 1), "month"]);
    } else {
      step = Math.max(1, Math.ceil(n / 7 / Axis.zoom));
      for (var k = step; k <= n; k += step) out.push([lo + k * DAY, "day"]);
    }
    out.forEach(function (p) {
      var x = pos(p[0]);
      if (x >= 2 && x <= 98) tick(ticks, x, EventMap.dayWords(new Date(p[0]).toISOString().slice(0, 10), p[1]));
    });
  }

  /* One column per distinct start (a day, or a month, a year ... as precise as the event), in order. */
  function ordered(spans, track, ticks) {
    var cols = [];
    spans.forEach(function (s) {
      var prec = s.e.when.precision, coarse = prec && ["minute", "hour", "day"].indexOf(prec) < 0;
      var key = s.e.when.earliest + "|" + (coarse ? prec : "day");  // times of day go with their day
      var c = cols.filter(function (c) { return c.key === key; })[0];
      if (!c) cols.push(c = { key: key, a: s.a, items: [], e: s.e });
      c.items.push(s);
    });
    var width = 100 / cols.length, maxRows = 1;
    cols.forEach(function (c, k) {
      var left = k * width, n = c.items.length;
      c.items.forEach(function (s, j) {
        var x = left + width * (j + 1) / (n + 1);
        var arrow = s.q === "before" || s.q === "after";
        var w = s.q === "ongoing" ? Math.min(width * 0.45, 100 - x) : (s.fuzzy && !arrow ? width * 0.3 : null);
        mark(track, s, w !== null && s.q !== "ongoing" ? x - width * 0.15 : x, w, 18 + (j % 2) * LANE_PX);
        maxRows = Math.max(maxRows, (j % 2) + 1);
      });
      var p = c.e.when.precision === "month" || c.e.when.precision === "year" ? c.e.when.precision : "day";
      tick(ticks, left + width / 2, EventMap.dayWords(c.e.when.earliest, p));
      if (k > 0) {
        var gap = days(cols[k - 1].a, c.a);
        var br = document.createElement("span");
        br.className = "ax-break";
        br.style.left = left + "%";
        br.title = gapWords(gap);
        track.appendChild(br);
        if (gap > 1) tick(track, left, gapWords(gap), "is-gap");
      }
    });
    return maxRows + 1;
  }

  /* "+3 days", "+4 months", "+5 years": the gap between two columns, in the unit that reads best. */
  function gapWords(gap) {
    var count = EventMap.util.count;
    if (gap >= 730) return count("years_later", Math.round(gap / 365.25));
    if (gap >= 60) return count("months_later", Math.round(gap / 30.44));
    return count("days_later", gap);
  }

  function button(bar, label, pressed, onclick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ax-btn";
    b.textContent = label;
    if (pressed !== null) b.setAttribute("aria-pressed", pressed ? "true" : "false");
    b.addEventListener("click", onclick);
    bar.appendChild(b);
    return b;
  }

  /* Tick labels are as long as the language makes them ("Sept. 2021", "сент. 2021 г."): a label that
     would overlap the one before it keeps its tick mark and loses its text, so none is written over another. */
  function thinTicks(ticks) {
    var nodes = Array.prototype.slice.call(ticks.querySelectorAll(".ax-tick")), right = -Infinity;
    nodes.forEach(function (n) { n.classList.remove("is-crowded"); });
    var boxes = nodes.map(function (n) { return n.getBoundingClientRect(); });  // one layout, then the writes
    nodes.forEach(function (n, k) {
      if (boxes[k].width && boxes[k].left < right + 6) n.classList.add("is-crowded");
      else right = boxes[k].right;
    });
  }
  var resizeFrame = null;
  window.addEventListener("resize", function () {
    if (resizeFrame) return;
    resizeFrame = window.requestAnimationFrame(function () {
      resizeFrame = null;
      var ticks = document.querySelector("#em-axis .ax-ticks");
      if (ticks) thinTicks(ticks);
    });
  });

  Axis.draw = function () {
    var box = document.getElementById("em-axis");
    if (!box) return;
    var t = EventMap.util.t;
    var spans = EventMap.datedEvents().map(span);
    box.textContent = "";
    box.hidden = !spans.length;
    if (!spans.length) return;
    var auto = clustered(spans) ? "ordered" : "proportional";
    var mode = Axis.mode || auto;
    box.setAttribute("data-mode", mode);
    box.setAttribute("data-auto", auto);
    var bar = document.createElement("div");
    bar.className = "ax-bar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", t("axis_label"));
    button(bar, t("axis_proportional"), mode === "proportional", function () { Axis.mode = "proportional"; Axis.draw(); });
    button(bar, t("axis_ordered"), mode === "ordered", function () { Axis.mode = "ordered"; Axis.zoom = 1; Axis.draw(); });
    if (mode === "proportional") {
      var out = button(bar, "−", null, function () { Axis.zoom = Math.max(1, Axis.zoom / 2); Axis.draw(); });
      out.setAttribute("aria-label", t("zoom_out"));
      out.disabled = Axis.zoom <= 1;
      var inn = button(bar, "+", null, function () { Axis.zoom = Math.min(32, Axis.zoom * 2); Axis.draw(); });
      inn.setAttribute("aria-label", t("zoom_in"));
    }
    box.appendChild(bar);
    var scroll = document.createElement("div");
    scroll.className = "ax-scroll";
    scroll.setAttribute("aria-hidden", "true");
    var inner = document.createElement("div");
    inner.className = "ax-inner";
    inner.style.width = (mode === "proportional" ? 100 * Axis.zoom : 100) + "%";
    var track = document.createElement("div");
    track.className = "ax-track";
    var ticks = document.createElement("div");
    ticks.className = "ax-ticks";
    inner.appendChild(track);
    inner.appendChild(ticks);
    scroll.appendChild(inner);
    box.appendChild(scroll);
    var rows = mode === "proportional" ? proportional(spans, track, ticks) : ordered(spans, track, ticks);
    track.style.height = (12 + rows * LANE_PX) + "px";
    thinTicks(ticks);
    var sel = document.querySelector(".tl-item.is-selected");
    if (sel) EventMap.util.each('.ax-ev[data-event="' + sel.getAttribute("data-event") + '"]', function (d) { d.classList.add("is-selected"); });
  };
})();
