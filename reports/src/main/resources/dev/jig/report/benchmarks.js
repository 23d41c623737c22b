// Benchmarks view: statistics table, box plots per group, delta to the baseline coloured by significance.
function benchTable(list) {
  const f = (v, r) => fmtValue(v, r.unit);
  return sortableTable([
    { title: "Test", get: r => r.test || "" },
    { title: "Group", get: r => r.group || "" },
    { title: "Benchmark", get: r => r.name },
    { title: "Mean", get: r => r.stats.mean, num: true, fmt: f },
    { title: "Median", get: r => r.stats.median, num: true, fmt: f },
    { title: "Std dev", get: r => r.stats.stddev, num: true, fmt: f },
    { title: "Min", get: r => r.stats.min, num: true, fmt: f },
    { title: "Max", get: r => r.stats.max, num: true, fmt: f },
    { title: "ops/s", get: r => r.stats.ops, num: true, fmt: v => Number(v).toFixed(1) },
    { title: "Rounds", get: r => r.stats.rounds, num: true },
    { title: "vs baseline", get: r => r.baseline ? r.baseline.deltaPercent : 0, num: true, fmt: (v, r) => r.baseline ? deltaText(r.baseline) : "–" }], list);
}
function deltaText(b) { return (b.deltaPercent > 0 ? "+" : "") + b.deltaPercent.toFixed(1) + "%" + (b.significant ? " (significant)" : " (noise)"); }

function boxPlot(group, list) {
  const rowH = 28, labelW = 220, width = 760, chartW = width - labelW - 20;
  const lo = Math.min(...list.map(b => b.stats.min)), hi = Math.max(...list.map(b => b.stats.max));
  const x = v => labelW + chartW * (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  const chart = svg("svg", { width: width, height: list.length * rowH + 24, class: "boxplot" });
  list.forEach((b, i) => {
    const s = b.stats, y = i * rowH + 6, mid = y + 9;
    const colour = b.baseline && b.baseline.significant ? (b.baseline.deltaPercent > 0 ? "#d64545" : "#1f9d55") : "#3b6fd8";
    chart.append(svg("text", { x: 4, y: mid + 4 }, b.name),
      svg("line", { x1: x(s.min), x2: x(s.max), y1: mid, y2: mid, stroke: "#6b7080" }),
      svg("rect", { x: x(s.q1), y: y, width: Math.max(1, x(s.q3) - x(s.q1)), height: 18, fill: colour, "fill-opacity": 0.35, stroke: colour }),
      svg("line", { x1: x(s.median), x2: x(s.median), y1: y, y2: y + 18, stroke: colour, "stroke-width": 2 }));
  });
  chart.append(svg("text", { x: labelW, y: list.length * rowH + 20 }, fmtValue(lo, list[0].unit)),
    svg("text", { x: width - 90, y: list.length * rowH + 20 }, fmtValue(hi, list[0].unit)));
  return el("div", {}, el("h3", { text: "Group " + group }), chart);
}

(function renderBenchmarks() {
  const all = [];
  JIG.tests.forEach(t => (t.benchmarks || []).forEach(b => all.push(Object.assign({ test: t.name }, b))));
  if (!all.length) return;
  const body = clear(document.getElementById("bench-body"));
  body.append(benchTable(all));
  const groups = new Map();
  all.forEach(b => { const g = b.group || "(no group)"; if (!groups.has(g)) groups.set(g, []); groups.get(g).push(b); });
  groups.forEach((list, g) => body.append(boxPlot(g, list)));
})();
