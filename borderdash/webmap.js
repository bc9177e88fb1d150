// borderdash live map: context layers fetched once from the app's static files (or inlined, config.data), views applied in place.
// Called by the base map's script as borderdashMap(map, config); a view is applied by window.borderdash.show(state).
/* global L */
function borderdashMap(map, config) {
  "use strict";
  const S = config.styles;
  const FINE_ZOOM = 7;
  const cache = {};
  const load = (name) => {
    if (!cache[name]) {
      const inlined = config.data && config.data[name];
      cache[name] = inlined
        ? Promise.resolve(inlined)
        : fetch(config.files[name]).then((r) => {
            if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
            return r.json();
          });
      cache[name].catch(() => delete cache[name]);
    }
    return cache[name];
  };
  const esc = (v) => String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const name = (p) => (config.lang === "en" ? p.name_en || p.name_zh : p.name_zh || p.name_en);
  // The scale bar reads 公里/米 on a Chinese page, as the print maps do; Leaflet's own words on an English one.
  const scale = L.Control.Scale.prototype;
  scale._metricInLeaflet = scale._metricInLeaflet || scale._updateMetric;
  scale._updateMetric =
    config.lang === "en"
      ? scale._metricInLeaflet
      : function (maxMeters) {
          const meters = this._getRoundNum(maxMeters);
          this._updateScale(this._mScale, meters < 1000 ? `${meters} 米` : `${meters / 1000} 公里`, meters / maxMeters);
        };
  map.fire("move");
  const pane = (id, z, events) => {
    const el = map.createPane(id);
    el.style.zIndex = z;
    if (!events) el.style.pointerEvents = "none";
    return L.canvas({ pane: id, padding: 0.3 });
  };

  map.options.zoomSnap = 0.25;  // the national frame fills the map instead of snapping a whole level out
  map.options.zoomDelta = 0.5;
  if (map.attributionControl) {
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(esc(config.attribution));
  }

  // One canvas takes the clicks (a canvas in a higher pane would swallow them): neighbours and counties share it.
  const areas = pane("bdAreas", 400, true);
  const neighbours = L.geoJSON(null, {
    renderer: areas,
    style: { fillColor: S.neighbour_fill, fillOpacity: 1, color: S.neighbour_edge, weight: 0.6 },
    onEachFeature: (f, l) => l.bindTooltip(esc(name(f.properties)), { sticky: true }),
  }).addTo(map);
  const land = L.geoJSON(null, {
    renderer: pane("bdLand", 210, false),
    interactive: false,
    style: { fillColor: S.other_land_fill, fillOpacity: 1, color: S.other_land_edge, weight: 0.5 },
  }).addTo(map);
  const provinces = L.geoJSON(null, {
    renderer: pane("bdProvinces", 220, false),
    interactive: false,
    style: { fillColor: S.land_fill, fillOpacity: 1, color: S.province_edge, weight: 0.8 },
  }).addTo(map);
  const outline = L.geoJSON(null, {
    renderer: pane("bdOutline", 420, false),
    interactive: false,
    style: { fill: false, color: S.outline, weight: 1.2 },
  }).addTo(map);
  const maritime = L.geoJSON(null, {
    renderer: pane("bdMaritime", 421, false),
    interactive: false,
    style: { color: S.maritime, weight: 1.5, dashArray: "6 4" },
  }).addTo(map);
  const countyStyle = (f) => {
    const selected = view.selected === f.properties.adcode;
    const edge = { color: selected ? S.selected : S.county_edge, weight: selected ? 3 : 0.4 };
    if (view.thematic) {
      const fill = view.thematic.fills[f.properties.adcode];
      if (!fill) return { ...S.no_data, weight: selected ? 3 : S.no_data.weight };
      return { fillColor: fill, fillOpacity: 0.85, ...edge };
    }
    if (highlight.has(f.properties.adcode))
      return { fillColor: S.highlight_fill, fillOpacity: 0.6, color: selected ? S.selected : S.highlight_edge, weight: selected ? 3 : 1.4 };
    const fill = f.properties.is_border_county ? S.border_county_fill : S.other_county_fill;
    return { fillColor: fill, fillOpacity: highlight.size ? 0.35 : 0.55, ...edge };
    };
  const counties = L.geoJSON(null, {
    renderer: areas,
    style: countyStyle,
    onEachFeature: (f, l) => {
      const p = f.properties;
      const km = Number(p.border_length_km || 0).toLocaleString(undefined, { maximumFractionDigits: 1 });
      const province = (config.lang === "en" && p.province_en) || p.province_zh;
      const across = p[`neighbours_${config.lang}`] || p.neighbours || "—";
      const unit = config.lang === "en" ? "km" : "公里";
      l.bindTooltip(() => {
        const value = view.thematic ? `<br>${esc(view.thematic.indicator)}: ${esc(view.thematic.values[p.adcode] ?? "")}` : "";
        return `<b>${esc(name(p))}</b><br>${esc(province)} · ${esc(across)} · ${esc(km)} ${unit}${value}`;
      }, { sticky: true });
      // A click answers on the map: the name, how many measures apply, and the way to the profile.
      l.bindPopup(() => {
        const T = config.popup;
        const link = `/place?place=${encodeURIComponent(p.adcode)}${config.lang === "en" ? "&lang=en" : ""}`;
        return `<b>${esc(name(p))}</b><br>${esc(province)}<br>${esc(T.measures.replace("{n}", p.measure_count ?? 0))}`
          + `<br><a href="${esc(link)}" target="_top">${esc(T.open)}</a>`;
      }, { autoPan: true, closeButton: true, className: "bd-popup" });
    },
  }).addTo(map);
  const border = L.geoJSON(null, {
    renderer: pane("bdBorder", 430, false),
    interactive: false,
    style: (f) => borderStyle(f.properties),
  }).addTo(map);
  // Regiments, platforms and corridors on the clickable canvas, drawn after the counties so they stay on top.
  const tip = (p) =>
    [`<b>${esc(name(p))}</b>`, ...["detail", "precision", "note"].map((k) => esc(p[`${k}_${config.lang}`] || p[`${k}_zh`] || ""))]
      .filter(Boolean)
      .join("<br>");
  const ringed = (kind, p) => ((view.rings || {})[kind] || []).includes(p.id);
  const markerStyle = (kind, colour, p) => ({
    radius: ringed(kind, p) ? 8 : p.exact ? 5 : 6,
    color: ringed(kind, p) ? S.selected : colour,
    weight: ringed(kind, p) ? 3 : 2,
    fill: Boolean(p.exact),
    fillColor: colour,
    fillOpacity: p.exact ? 0.9 : 0,
    dashArray: p.uncertain ? S.uncertain_dash : null,
  });
  // Platforms are squares and regiments circles, as in print and in the legend.
  const Square = L.CircleMarker.extend({
    _updatePath() {
      const r = this._renderer;
      if (!r._drawing || this._empty()) return;
      const p = this._point, s = this._radius * 0.85, ctx = r._ctx;
      ctx.beginPath();
      ctx.rect(p.x - s, p.y - s, 2 * s, 2 * s);
      r._fillStroke(ctx, this);
    },
  });
  const extras = {};
  for (const kind of ["corridors", "platforms", "regiments"]) {
    const colour = kind === "regiments" ? S.regiment : S.platform;
    extras[kind] = L.geoJSON(null, {
      renderer: areas,
      pointToLayer: (f, ll) => (kind === "platforms" ? new Square(ll, { renderer: areas }) : L.circleMarker(ll, { renderer: areas })),
      style: (f) =>
        kind === "corridors"
          ? { color: f.properties.stroke, weight: f.properties.width, dashArray: f.properties.dash, opacity: 0.9 }
          : markerStyle(kind, colour, f.properties),
      onEachFeature: (f, l) => l.bindTooltip(tip(f.properties), { sticky: true }),
    }).addTo(map);
  }
  // A screening's own features (the planner's points, lines, areas) over the border line. SVG in its own pane: it takes
  // events only on the shapes, so the counties' canvas below still gets every other click.
  map.createPane("bdFeatures").style.zIndex = 450;
  const featureStyle = { color: S.feature, weight: 3, fillColor: S.feature_fill, fillOpacity: 0.45 };
  const pointStyle = { radius: 7, color: S.feature, weight: 2, fillColor: S.feature_fill, fillOpacity: 1 };
  const featureRenderer = L.svg({ pane: "bdFeatures" });
  const features = L.geoJSON(null, {
    renderer: featureRenderer,
    pane: "bdFeatures",
    style: (f) => (f.geometry.type === "Point" ? pointStyle : featureStyle),
    pointToLayer: (f, ll) => L.circleMarker(ll, { renderer: featureRenderer, pane: "bdFeatures", ...pointStyle }),
    onEachFeature: (f, l) => l.bindTooltip(`<b>${esc(f.properties.feature_id)}</b> ${esc(f.properties.name)}`, { sticky: true }),
  }).addTo(map);
  const labelLayer = L.layerGroup().addTo(map);
  map.createPane("bdLabels").style.zIndex = 640;
  map.getPane("bdLabels").style.pointerEvents = "none";

  let view = { counties: [], sources: [], border: null, extras: {}, legend: [] };
  let highlight = new Set();
  let drawnCounties = null;
  let drawnExtras = null;
  let token = 0;
  let fitted = null;
  const filtered = (p) => !view.border || view.border.has(p.segment_id);
  const borderStyle = (p) => ({
    color: S.neighbour_colours[p.iso3] || "#333",
    weight: filtered(p) ? 3 : 1.2,
    opacity: filtered(p) ? 1 : 0.45,
    dashArray: p.data_unit_en !== p.neighbour_en ? "6 4" : null,
  });

  const context = Promise.all(["neighbours", "provinces", "china", "maritime", "border", "land"].map((n) => load(n).catch(() => null))).then(
    ([n, p, c, m, b, o]) => {
      if (o) land.addData(o);
      if (n) neighbours.addData(n);
      if (p) provinces.addData(p);
      if (c) outline.addData(c);
      if (m) maritime.addData(m);
      if (b) border.addData(b);
      placeLabels();
    },
  );
  // Other countries come coarse first (no islets, ~1 km detail: enough below zoom 7); their full outlines once a map is closer.
  let fine = false;
  function refine() {
    if (fine || map.getZoom() < FINE_ZOOM || !config.files["neighbours-fine"]) return;
    fine = true;
    Promise.all([context, load("neighbours-fine"), load("land-fine")]).then(([, n, o]) => {
      neighbours.clearLayers();
      neighbours.addData(n);
      land.clearLayers();
      land.addData(o);
      placeLabels();
    });
  }
  map.on("zoomend", refine);

  // Frame the view once per filter, after the iframe has its size (st_folium sizes it after the script runs).
  function fit() {
    if (!view.fit || view.fit_key === fitted) return;
    map.invalidateSize(false);
    const size = map.getSize();
    if (size.x < 50 || size.y < 50) {
      setTimeout(fit, 50);
      return;
    }
    map.fitBounds(view.fit, { animate: false, maxZoom: view.max_zoom || 18 });
    fitted = view.fit_key;
    moved = false;
    refine();
  }
  // The frame follows the map's size (a phone, a window made narrower, st_folium sizing the frame late) until the user pans or zooms.
  let moved = false;
  map.on("dragstart", () => (moved = true));
  for (const event of ["wheel", "touchstart", "dblclick"]) map.getContainer().addEventListener(event, () => (moved = true), { passive: true });
  if (map.zoomControl) map.zoomControl.getContainer().addEventListener("click", () => (moved = true));
  map.on("resize", () => {
    if (moved || !view.fit) return;
    map.fitBounds(view.fit, { animate: false, maxZoom: view.max_zoom || 18 });
  });

  async function apply() {
    const mine = ++token;
    fit();
    legend.update(view.legend);
    const sources = view.sources || [];
    const kinds = Object.keys(extras).filter((k) => (view.extras || {})[k]);
    const [collections, drawn] = await Promise.all([Promise.all(sources.map(load)), Promise.all(kinds.map(load))]);
    if (mine !== token) return;
    // Redraw only what changed: a view that keeps its counties (a click, a new highlight) restyles them, so an open popup stays.
    const countyKey = JSON.stringify([sources, view.counties]);
    if (countyKey !== drawnCounties) {
      const wanted = new Set(view.counties);
      counties.clearLayers();
      for (const fc of collections) counties.addData(fc.features.filter((f) => wanted.has(f.properties.adcode)));
      drawnCounties = countyKey;
    } else {
      counties.setStyle(countyStyle);
    }
    const extrasKey = JSON.stringify([view.extras, view.rings]);
    if (extrasKey !== drawnExtras) {
      for (const layer of Object.values(extras)) layer.clearLayers();
      kinds.forEach((k, i) => {
        const ids = new Set(view.extras[k]);
        extras[k].addData(drawn[i].features.filter((f) => ids.has(f.properties.id)));
      });
      drawnExtras = extrasKey;
    }
    features.clearLayers();
    if (view.features) features.addData(view.features);
    await context;
    if (mine !== token) return;
    border.setStyle((f) => borderStyle(f.properties));
    placeLabels();
  }

  // A country's name goes at its label point, or where the country shows when that point is out of view.
  function inside(geometry, x, y) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let odd = false;
    for (const rings of polygons)
      for (const ring of rings)
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
        }
    return odd;
  }
  function visiblePoint(layer, lat, lon) {
    const shown = map.getBounds().pad(-0.1);
    if (shown.contains([lat, lon])) return [lat, lon];
    const b = layer.getBounds();
    if (!shown.intersects(b)) return null;
    const s = Math.max(b.getSouth(), shown.getSouth()), n = Math.min(b.getNorth(), shown.getNorth());
    const w = Math.max(b.getWest(), shown.getWest()), e = Math.min(b.getEast(), shown.getEast());
    for (const [fy, fx] of [[0.5, 0.5], [0.25, 0.5], [0.75, 0.5], [0.5, 0.25], [0.5, 0.75], [0.25, 0.25], [0.75, 0.75], [0.25, 0.75], [0.75, 0.25]]) {
      const y = s + (n - s) * fy, x = w + (e - w) * fx;
      if (inside(layer.feature.geometry, x, y)) return [y, x];
    }
    return null;
  }

  // Labels: ordered candidates placed greedily, each measured as drawn and dropped if it would overlap one already placed.
  function candidates() {
    const z = map.getZoom();
    const out = [];
    const push = (lat, lon, text, cls, size) => text && lat != null && out.push({ lat, lon, text, cls, size });
    for (const [lat, lon, text] of view.named || []) push(lat, lon, text, "bd-named", 13);
    neighbours.eachLayer((l) => {
      const at = visiblePoint(l, l.feature.properties.label_lat, l.feature.properties.label_lon);
      if (at && l.feature.properties.labelled !== false) push(at[0], at[1], name(l.feature.properties), "bd-country", 13);
    });
    if (z <= 5) provinces.eachLayer((l) => push(l.feature.properties.label_lat, l.feature.properties.label_lon, name(l.feature.properties), "bd-province", 12));
    if (z >= 5) extras.corridors.eachLayer((l) => push(l.feature.properties.label_lat, l.feature.properties.label_lon, name(l.feature.properties), "bd-corridor", 11));
    if (z >= 6) extras.platforms.eachLayer((l) => push(l.getLatLng().lat, l.getLatLng().lng, name(l.feature.properties), "bd-platform", 11));
    if (z >= 5) counties.eachLayer((l) => push(l.feature.properties.lat, l.feature.properties.lon, name(l.feature.properties), "bd-county", 11));
    return out;
  }
  function placeLabels() {
    labelLayer.clearLayers();
    const bounds = map.getBounds();
    const placed = [];
    for (const c of candidates()) {
      const ll = L.latLng(c.lat, c.lon);
      if (!bounds.contains(ll)) continue;
      const el = document.createElement("span");
      el.className = `bd-label ${c.cls}`;
      el.textContent = c.text;
      el.style.fontSize = `${c.size}px`;
      const marker = L.marker(ll, {
        icon: L.divIcon({ className: "bd-label-icon", html: el, iconSize: null }),
        interactive: false,
        keyboard: false,
        pane: "bdLabels",
      }).addTo(labelLayer);
      // A place the view is about (bd-named) may move a line below or above its point rather than go unnamed.
      const shifts = c.cls === "bd-named" ? [0, 1, -1] : [0];
      let box = null;
      let step = 0;
      for (const shift of shifts) {
        el.style.transform = `translate(-50%, calc(-50% + ${shift * step}px))`;
        const r = el.getBoundingClientRect();
        step = step || r.height + 4;
        const b = [r.left - 2, r.top - 1, r.right + 2, r.bottom + 1];
        if (!placed.some((p) => b[0] < p[2] && b[2] > p[0] && b[1] < p[3] && b[3] > p[1])) {
          box = b;
          break;
        }
      }
      if (!box) {
        labelLayer.removeLayer(marker);
        continue;
      }
      placed.push(box);
    }
  }
  map.on("zoomend moveend", placeLabels);

  // Legend: rows of (colour, style, label) sent with each view.
  const legend = L.control({ position: "bottomright" });
  legend.onAdd = () => {
    const div = L.DomUtil.create("div", "bd-legend");
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  // Folded by a click on its title; folded from the start on small maps, where it would cover the map.
  let folded = map.getSize().y < 450 || map.getSize().x < 600;
  legend.update = (rows) => {
    const div = legend.getContainer();
    if (!div) return;
    div.replaceChildren();
    if (!rows || !rows.length) return;
    const title = document.createElement("button");
    title.className = "bd-legend-toggle";
    const body = document.createElement("div");
    const show = () => {
      title.textContent = `${config.legend_title} ${folded ? "▸" : "▾"}`;
      body.hidden = folded;
    };
    title.addEventListener("click", () => {
      folded = !folded;
      show();
    });
    let grid = null;
    for (const [colour, style, label] of rows) {
      if (style === "header") {
        const head = document.createElement("div");
        head.className = "bd-legend-head";
        head.textContent = label;
        grid = document.createElement("div");
        grid.className = "bd-legend-grid";
        body.append(head, grid);
        continue;
      }
      const row = document.createElement("div");
      const sw = document.createElement("span");
      sw.className = `bd-sw ${style}`;
      sw.style.setProperty("--c", colour);
      row.append(sw, document.createTextNode(label));
      if (style !== "line") grid = null;
      (grid || body).append(row);
    }
    div.append(title, body);
    show();
  };
  legend.addTo(map);

  // Leaflet.draw (pages that screen a drawn point, line or area): what is drawn stays in window.drawnItems, where st_folium reads it.
  if (config.draw && L.Control && L.Control.Draw) {
    // Leaflet.draw's own words in the page's language: its texts merged over the plugin's English ones.
    const merge = (into, from) => {
      for (const [k, v] of Object.entries(from || {})) {
        if (v && typeof v === "object") merge((into[k] = into[k] || {}), v);
        else into[k] = v;
      }
    };
    merge(L.drawLocal, config.draw_texts);
    const drawn = new L.FeatureGroup().addTo(map);
    window.drawnItems = drawn;
    map.addControl(new L.Control.Draw({ edit: { featureGroup: drawn }, draw: { circle: false, circlemarker: false } }));
    map.on("draw:created", (e) => drawn.addLayer(e.layer));
    // A plain click is a point to screen, as if placed with the marker tool (the delete tool removes it); never while a tool
    // draws, edits or deletes, nor on the click that finishes a shape.
    let busy = false;
    let quietUntil = 0;
    map.on("draw:drawstart draw:editstart draw:deletestart", () => {
      busy = true;
    });
    map.on("draw:drawstop draw:editstop draw:deletestop", () => {
      busy = false;
      quietUntil = Date.now() + 400;
    });
    map.on("click", (e) => {
      if (!busy && Date.now() > quietUntil) map.fire("draw:created", { layer: L.marker(e.latlng), layerType: "marker" });
    });
  }

  window.borderdash = {
    show(state) {
      view = { ...state, border: state.border ? new Set(state.border) : null };
      highlight = new Set(state.highlight || []);
      apply();
    },
  };
}
