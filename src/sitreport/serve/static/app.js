// The timeline: stacked counts per period and type, and a line of people killed; drag (or
// Tab + Enter on a bar) to filter. The server picks the period (by=auto: day, week, month or
// year) so that every dated event is drawn whatever the range. Data comes from /api/timeline;
// every label is set with textContent, never as HTML.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const HEIGHT = 110;
  const AXIS = 16;

  function svg(name, attributes) {
    const element = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes || {})) element.setAttribute(key, String(value));
    return element;
  }

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  // First and last day a period label stands for: "2018-08" -> 2018-08-01..2018-08-31.
  function periodRange(period, by) {
    if (by === "year") return [period + "-01-01", period + "-12-31"];
    if (by === "month") {
      const [year, month] = period.split("-").map(Number);
      return [period + "-01", isoDay(new Date(Date.UTC(year, month, 0)))];
    }
    if (by === "week") {
      const end = new Date(period + "T00:00:00Z");
      end.setUTCDate(end.getUTCDate() + 6);
      return [period, isoDay(end)];
    }
    return [period, period];
  }

  // The label of the period after this one, so quiet periods get an empty bar and time stays linear.
  function nextPeriod(period, by) {
    if (by === "year") return String(Number(period) + 1);
    if (by === "month") {
      const [year, month] = period.split("-").map(Number);
      return isoDay(new Date(Date.UTC(year, month, 1))).slice(0, 7);
    }
    const day = new Date(period + "T00:00:00Z");
    day.setUTCDate(day.getUTCDate() + (by === "week" ? 7 : 1));
    return isoDay(day);
  }

  function allPeriods(rows, by) {
    const labels = rows.map((row) => row.period).filter(Boolean).sort();
    const periods = [];
    for (let period = labels[0]; labels.length && period <= labels[labels.length - 1]; period = nextPeriod(period, by)) {
      periods.push(period);
    }
    return periods;
  }

  async function fetchCounts(api) {
    const response = await fetch(api + (api.includes("?") ? "&" : "?") + "by=auto");
    if (!response.ok) throw new Error("the server answered " + response.status);
    return response.json();
  }

  // Rows [{period, event_type, count}] to one bar per period, empty ones included, in date order;
  // each bar also carries the period's fatalities ({period, fatalities} rows).
  function toBars(rows, fatalities, by) {
    const killed = new Map(fatalities.map((row) => [row.period, row.fatalities]));
    const byPeriod = new Map();
    for (const row of rows) {
      if (!byPeriod.has(row.period)) byPeriod.set(row.period, []);
      byPeriod.get(row.period).push({ type: row.event_type, count: row.count });
    }
    return allPeriods(rows, by).map((period) => {
      const stack = (byPeriod.get(period) || []).sort((a, b) => a.type.localeCompare(b.type));
      return { period, stack, total: stack.reduce((sum, part) => sum + part.count, 0), killed: killed.get(period) || 0 };
    });
  }

  function filteredUrl(from, to) {
    const url = new URL(window.location.href);
    url.searchParams.set("date_from", from);
    url.searchParams.set("date_to", to);
    url.searchParams.delete("offset");
    return url.pathname + url.search;
  }

  function draw(container, bars, by) {
    const width = Math.max(container.clientWidth, 300);
    const step = width / bars.length;
    const peak = Math.max(...bars.map((bar) => bar.total));
    const scale = (HEIGHT - AXIS - 6) / peak;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${HEIGHT}`, role: "group", "aria-label": `Events per ${by}` });
    const selected = [container.dataset.from, container.dataset.to];
    bars.forEach((bar, index) => {
      const [from, to] = periodRange(bar.period, by);
      const label = `${bar.period}: ${bar.total} events, ${bar.killed.toLocaleString("en")} killed`;
      const link = svg("a", { href: filteredUrl(from, to), "aria-label": label });
      const isSelected = selected[0] && selected[1] && from >= selected[0] && to <= selected[1];
      link.appendChild(svg("rect", { class: isSelected ? "hit selected" : "hit", x: index * step, y: 0, width: step, height: HEIGHT - AXIS }));
      let y = HEIGHT - AXIS;
      for (const part of bar.stack) {
        const height = part.count * scale;
        y -= height;
        const rect = svg("rect", { class: "bar t-" + part.type, x: index * step + step * 0.1, y, width: Math.max(step * 0.8, 1), height });
        const title = svg("title");
        title.textContent = `${bar.period} · ${part.type.replace(/_/g, " ")}: ${part.count}`;
        rect.appendChild(title);
        link.appendChild(rect);
      }
      chart.appendChild(link);
    });
    for (const [index, anchor] of [[0, "start"], [bars.length - 1, "end"]]) {
      const label = svg("text", { x: anchor === "start" ? 2 : width - 2, y: HEIGHT - 4, "text-anchor": anchor });
      label.textContent = bars[index].period;
      chart.appendChild(label);
    }
    const peakLabel = svg("text", { x: 2, y: 11 });
    peakLabel.textContent = `max ${peak} events per ${by}`;
    chart.appendChild(peakLabel);
    drawFatalities(chart, bars, by, width, step);
    container.replaceChildren(chart);
    enableBrush(chart, bars, by, step);
  }

  // People killed per period as a line on its own scale (labelled at the right), over the bars.
  function drawFatalities(chart, bars, by, width, step) {
    const peak = Math.max(...bars.map((bar) => bar.killed));
    if (peak === 0) return;
    const scale = (HEIGHT - AXIS - 16) / peak;
    const points = bars.map((bar, index) => `${(index + 0.5) * step},${HEIGHT - AXIS - bar.killed * scale}`);
    chart.appendChild(svg("polyline", { class: "killed", points: points.join(" ") }));
    const label = svg("text", { class: "killed-label", x: width / 2, y: HEIGHT - 4, "text-anchor": "middle" });
    label.textContent = `max ${peak.toLocaleString("en")} killed per ${by}`;
    chart.appendChild(label);
  }

  // Drag across bars to pick a date range; a plain click on one bar picks that bar.
  function enableBrush(chart, bars, by, step) {
    let start = null;
    const brush = svg("rect", { class: "brush", y: 0, height: HEIGHT - AXIS, width: 0, visibility: "hidden" });
    chart.appendChild(brush);
    const indexAt = (event) => {
      const box = chart.getBoundingClientRect();
      const x = ((event.clientX - box.left) / box.width) * (step * bars.length);
      return Math.min(bars.length - 1, Math.max(0, Math.floor(x / step)));
    };
    chart.addEventListener("pointerdown", (event) => {
      start = indexAt(event);
      chart.setPointerCapture(event.pointerId);
    });
    chart.addEventListener("pointermove", (event) => {
      if (start === null) return;
      const [low, high] = [start, indexAt(event)].sort((a, b) => a - b);
      brush.setAttribute("x", low * step);
      brush.setAttribute("width", (high - low + 1) * step);
      brush.setAttribute("visibility", "visible");
    });
    chart.addEventListener("pointerup", (event) => {
      if (start === null) return;
      const [low, high] = [start, indexAt(event)].sort((a, b) => a - b);
      start = null;
      window.location.assign(filteredUrl(periodRange(bars[low].period, by)[0], periodRange(bars[high].period, by)[1]));
    });
    // Mouse clicks are handled by pointerup; keyboard Enter (detail 0) follows the bar's link.
    chart.addEventListener("click", (event) => {
      if (event.detail > 0) event.preventDefault();
    });
  }

  async function initTimeline(container) {
    try {
      const { by, periods, fatalities } = await fetchCounts(container.dataset.api);
      const bars = toBars(periods, fatalities, by);
      container.dataset.by = by;
      if (bars.length === 0) {
        container.querySelector(".status").textContent = "No dated events for this filter.";
        return;
      }
      draw(container, bars, by);
    } catch (error) {
      container.querySelector(".status").textContent = "Timeline unavailable: " + error.message;
    }
  }

  const timeline = document.getElementById("timeline");
  if (timeline) initTimeline(timeline);
})();
