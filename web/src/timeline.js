// The Goldstein timeline of a dyad: mean Goldstein per period, A→B and B→A, as two
// lines of dots (a dot's area grows with the number of events).
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear, scaleSqrt, scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";

import { clear, el, fmtNum, periodStart } from "./dom.js";

export const DIRECTION_COLORS = { ab: "#1f77b4", ba: "#ff7f0e" };

const STEP_DAYS = { day: 1, week: 7, month: 31, year: 366 };

export function drawTimeline(svgNode, legendNode, dyad, onPoint) {
  const width = 640;
  const height = 260;
  const m = { top: 12, right: 20, bottom: 28, left: 40 };
  const svg = select(svgNode).attr("viewBox", `0 0 ${width} ${height}`);
  svg.selectAll("*").remove();
  const a = dyad.a;
  const b = dyad.b;
  clear(legendNode).append(
    el("span", { class: "key", style: `--c:${DIRECTION_COLORS.ab}` }, `${a} → ${b}`),
    el("span", { class: "key", style: `--c:${DIRECTION_COLORS.ba}` }, `${b} → ${a}`),
    el("span", { class: "muted" }, ` ${dyad.total.ab + dyad.total.ba} events`),
  );
  if (!dyad.periods.length) {
    svg
      .append("text")
      .attr("class", "empty")
      .attr("x", width / 2)
      .attr("y", height / 2)
      .attr("text-anchor", "middle")
      .text(`No events between ${a} and ${b}`);
    return;
  }
  const rows = dyad.periods.map((p) => ({ ...p, t: periodStart(p.period) }));
  const step = (STEP_DAYS[dyad.by] || 31) * 86400000;
  const t0 = rows[0].t.getTime();
  const t1 = rows[rows.length - 1].t.getTime();
  const x = scaleUtc()
    .domain([new Date(t0 - step / 2), new Date(t1 + step / 2)])
    .range([m.left, width - m.right]);
  const y = scaleLinear().domain([-10, 10]).range([height - m.bottom, m.top]);
  const maxCount = Math.max(1, ...rows.map((r) => Math.max(r.ab.count, r.ba.count)));
  const radius = scaleSqrt().domain([0, maxCount]).range([0, 12]);

  svg
    .append("g")
    .attr("class", "axis x")
    .attr("transform", `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).ticks(Math.min(8, rows.length + 1)));
  svg.append("g").attr("class", "axis y").attr("transform", `translate(${m.left},0)`).call(axisLeft(y).ticks(5));
  svg
    .append("line")
    .attr("class", "zero")
    .attr("x1", m.left)
    .attr("x2", width - m.right)
    .attr("y1", y(0))
    .attr("y2", y(0));

  for (const dir of ["ab", "ba"]) {
    // The two directions side by side, so that equal scores do not hide each other.
    const dx = dir === "ab" ? -4 : 4;
    const pts = rows.filter((r) => r[dir].count > 0);
    const path = line()
      .x((r) => x(r.t) + dx)
      .y((r) => y(r[dir].goldstein_mean));
    svg
      .append("path")
      .attr("class", `tl-line tl-${dir}`)
      .attr("fill", "none")
      .attr("stroke", DIRECTION_COLORS[dir])
      .attr("stroke-width", 2)
      .attr("d", path(pts));
    svg
      .append("g")
      .selectAll("circle")
      .data(pts)
      .join("circle")
      .attr("class", "tl-point")
      .attr("data-dir", dir)
      .attr("data-period", (r) => r.period)
      .attr("data-count", (r) => r[dir].count)
      .attr("cx", (r) => x(r.t) + dx)
      .attr("cy", (r) => y(r[dir].goldstein_mean))
      .attr("r", (r) => Math.max(4, radius(r[dir].count)))
      .attr("fill", DIRECTION_COLORS[dir])
      .attr("fill-opacity", 0.75)
      .attr("stroke", "#fff")
      .on("click", (_ev, r) => onPoint && onPoint(dir, r.period))
      .append("title")
      .text((r) => {
        const [s, t] = dir === "ab" ? [a, b] : [b, a];
        return `${s} → ${t}, ${r.period}: ${r[dir].count} events, Goldstein mean ${fmtNum(
          r[dir].goldstein_mean,
        )}, sum ${fmtNum(r[dir].goldstein_sum)}`;
      });
  }
}
