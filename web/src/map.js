// The world map: country shapes from the npm package world-atlas (Natural Earth,
// TopoJSON, bundled into the build: nothing is fetched from the internet) and a marker
// per event location, sized by its number of events.
import { geoEqualEarth, geoGraticule10, geoPath } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { feature, mesh } from "topojson-client";
import world from "world-atlas/countries-110m.json";

const WIDTH = 720;
const HEIGHT = 380;

const countries = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);

// Events grouped by place (name and coordinates).
export function placesOf(events) {
  const byKey = new Map();
  for (const e of events) {
    const loc = e.location;
    if (!loc || loc.lat === null || loc.lon === null) continue;
    const key = `${loc.name}|${loc.lat}|${loc.lon}`;
    if (!byKey.has(key)) byKey.set(key, { ...loc, count: 0, goldstein: 0 });
    const p = byKey.get(key);
    p.count += 1;
    p.goldstein += e.goldstein || 0;
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

// The part of the world to show: the box around the places, at least 40° by 24° (so
// that a few places in one country still show their neighbours), else the whole globe.
function extentOf(places) {
  if (!places.length) return { type: "Sphere" };
  let [w, e, s, n] = [180, -180, 90, -90];
  for (const p of places) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  const grow = (lo, hi, min, limit) => {
    const pad = Math.max((min - (hi - lo)) / 2, (hi - lo) * 0.15);
    return [Math.max(-limit, lo - pad), Math.min(limit, hi + pad)];
  };
  [w, e] = grow(w, e, 40, 180);
  [s, n] = grow(s, n, 24, 85);
  if (e - w > 200) return { type: "Sphere" };
  return {
    type: "MultiPoint",
    coordinates: [
      [w, s],
      [w, n],
      [e, s],
      [e, n],
      [(w + e) / 2, n],
      [(w + e) / 2, s],
    ],
  };
}

export function drawMap(svgNode, events, onPlace, { world: wholeWorld = false } = {}) {
  const svg = select(svgNode).attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  svg.selectAll("*").remove();
  const places = placesOf(events);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    wholeWorld ? { type: "Sphere" } : extentOf(places),
  );
  const path = geoPath(projection);
  svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  svg.append("path").attr("class", "graticule").attr("d", path(geoGraticule10()));
  svg
    .append("g")
    .attr("class", "countries")
    .selectAll("path")
    .data(countries.features)
    .join("path")
    .attr("class", "country")
    .attr("d", path)
    .append("title")
    .text((f) => f.properties.name);
  svg.append("path").attr("class", "borders").attr("d", path(borders));

  const r = scaleSqrt()
    .domain([0, Math.max(1, ...places.map((p) => p.count))])
    .range([0, 14]);
  const g = svg
    .append("g")
    .attr("class", "places")
    .selectAll("g")
    .data(places)
    .join("g")
    .attr("class", "place-marker")
    .attr("data-place", (p) => p.name)
    .attr("data-count", (p) => p.count)
    .attr("transform", (p) => {
      const [x, y] = projection([p.lon, p.lat]);
      return `translate(${x.toFixed(1)},${y.toFixed(1)})`;
    })
    .on("click", (_ev, p) => onPlace && onPlace(p));
  g.append("circle")
    .attr("r", (p) => Math.max(4, r(p.count)))
    .append("title")
    .text((p) => `${p.name} (${p.country}): ${p.count} events, Goldstein sum ${p.goldstein.toFixed(1)}`);
  g.append("text")
    .attr("class", "place-label")
    .attr("x", (p) => Math.max(4, r(p.count)) + 3)
    .attr("y", 4)
    .text((p) => p.name);
}
