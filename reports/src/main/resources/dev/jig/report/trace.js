// Message trace: one lane per participant on the phase timeline's time axis, zoomable; the slowest hops.
function traceEnd(t) {
  const ends = t.phases.map(p => p[1] + p[2]);
  t.trace.messages.forEach(m => ends.push(m.receivedNanos ?? m.sentNanos ?? 0, m.sentNanos ?? 0));
  (t.trace.holds || []).forEach(h => ends.push(h.startNanos + h.durationNanos));
  (t.trace.waits || []).forEach(w => ends.push(w.startNanos + w.durationNanos));
  return Math.max(1, ...ends);
}

function timelineWithTrace(t) {
  const whole = [0, traceEnd(t)];
  const body = t.phases.find(p => p[0] === "test body" || p[0].startsWith("test"));
  let view = whole.slice();
  const box = el("div", { cls: "trace" });
  const charts = el("div");
  function render() {
    clear(charts);
    if (t.phases.length) charts.append(gantt(t.phases, view[0], view[1]));
    charts.append(sequence(t.trace, view[0], view[1]));
  }
  function zoom(factor) {
    const mid = (view[0] + view[1]) / 2, half = Math.max(1e3, (view[1] - view[0]) * factor / 2);
    view = [Math.max(0, mid - half), Math.min(whole[1], mid + half)];
    render();
  }
  const bar = el("div", { cls: "toolbar" },
    el("button", { text: "Zoom in", on: { click: () => zoom(0.5) } }),
    el("button", { text: "Zoom out", on: { click: () => zoom(2) } }),
    el("button", { text: "Whole test", on: { click: () => { view = whole.slice(); render(); } } }));
  if (body) bar.append(el("button", { text: "Test body", on: { click: () => { view = [body[1], body[1] + body[2]]; render(); } } }));
  bar.append(el("span", { cls: "hint", text: "Drag across the messages to zoom to a range." }));
  charts.addEventListener("mousedown", e => {
    const rect = charts.getBoundingClientRect(), x0 = e.clientX - rect.left;
    const up = ev => {
      document.removeEventListener("mouseup", up);
      const x1 = ev.clientX - rect.left, a = Math.min(x0, x1) - AXIS.labelW, b = Math.max(x0, x1) - AXIS.labelW;
      if (b - a < 8) return;
      const span = view[1] - view[0];
      view = [view[0] + span * Math.max(0, a) / AXIS.chartW, view[0] + span * Math.min(AXIS.chartW, b) / AXIS.chartW];
      render();
    };
    document.addEventListener("mouseup", up);
  });
  render();
  box.append(el("h3", { text: "Timeline and messages" }), bar, charts);
  const slow = (t.trace.holds || []).slice().sort((a, b) => b.durationNanos - a.durationNanos).slice(0, 20);
  if (slow.length) {
    box.append(el("h3", { text: "Slowest hops" }), sortableTable([
      { title: "Who", get: h => h.participant },
      { title: "Held it", get: h => h.what },
      { title: "For", get: h => h.durationNanos, num: true, fmt: fmtNanos },
      { title: "At", get: h => h.startNanos, num: true, fmt: v => "+" + fmtNanos(v) }], slow, null, 2));
  }
  if ((t.trace.waits || []).length) {
    box.append(el("h3", { text: "Where the test JVM waited" }), sortableTable([
      { title: "Thread", get: w => w.thread },
      { title: "Waited", get: w => w.kind + (w.detail ? " on " + w.detail : "") },
      { title: "For", get: w => w.durationNanos, num: true, fmt: fmtNanos },
      { title: "At", get: w => w.startNanos, num: true, fmt: v => "+" + fmtNanos(v) },
      { title: "Where", get: w => w.frames.slice(0, 3).join(" ← ") }], t.trace.waits, null, 2));
  }
  const more = t.trace.dropped ? "; " + t.trace.dropped + " later ones not kept" : "";
  box.append(el("details", {}, el("summary", { text: "Messages (" + t.trace.messages.length + more + ")" }),
    sortableTable([
      { title: "#", get: m => m.id, num: true },
      { title: "From → to", get: m => m.from + " → " + m.to },
      { title: "Kind", get: m => m.kind + (m.replyTo ? " to #" + m.replyTo : "") },
      { title: "What", get: m => (m.label || "") + (m.outcome ? " (" + m.outcome + ")" : "") },
      { title: "Sent", get: m => m.sentNanos ?? -1, num: true, fmt: v => v < 0 ? "–" : "+" + fmtNanos(v) },
      { title: "Received", get: m => m.receivedNanos ?? -1, num: true, fmt: v => v < 0 ? "–" : "+" + fmtNanos(v) },
      { title: "Bytes", get: m => m.bytes, num: true }], t.trace.messages, null, 0)));
  return box;
}

const WAIT_LANE = "test JVM waits";
function sequence(trace, from, to) {
  const waits = trace.waits || [];
  const lanes = trace.participants.concat(waits.length ? [WAIT_LANE] : []), laneH = 34, top = 8;
  const span = Math.max(1, to - from), inView = v => v >= from && v <= to;
  const x = v => AXIS.labelW + AXIS.chartW * Math.max(0, Math.min(1, (v - from) / span));
  const y = name => top + lanes.indexOf(name) * laneH + laneH / 2;
  const chart = svg("svg", { width: AXIS.width, height: lanes.length * laneH + top + 20, class: "sequence" });
  lanes.forEach(name => {
    chart.append(svg("text", { x: 4, y: y(name) + 4 }, name),
      svg("line", { x1: AXIS.labelW, x2: AXIS.labelW + AXIS.chartW, y1: y(name), y2: y(name), class: "lane" }));
  });
  (trace.holds || []).forEach(h => {
    if (h.startNanos + h.durationNanos < from || h.startNanos > to) return;
    const x0 = x(h.startNanos), w = Math.max(2, x(h.startNanos + h.durationNanos) - x0);
    const r = svg("rect", { x: x0, y: y(h.participant) - 6, width: w, height: 12, rx: 2, class: "hold" });
    r.append(svg("title", {}, h.participant + ": " + fmtNanos(h.durationNanos) + " " + h.what));
    chart.append(r);
  });
  trace.messages.forEach(m => {
    const sent = m.sentNanos ?? m.receivedNanos, got = m.receivedNanos ?? m.sentNanos;
    if (!inView(sent) && !inView(got)) return;
    const cls = "msg " + m.kind + (m.outcome ? " bad" : "");
    const line = m.kind === "connection"
      ? svg("line", { x1: x(sent), x2: x(got), y1: y(m.to) + 9, y2: y(m.to) + 9, class: cls })
      : svg("line", { x1: x(sent), x2: x(got), y1: y(m.from), y2: y(m.to), class: cls, "marker-end": "url(#arrow)" });
    line.append(svg("title", {}, "#" + m.id + " " + m.kind + (m.replyTo ? " to #" + m.replyTo : "") + " " + m.from + " → " + m.to
      + ": " + (m.label || "") + " · " + m.bytes + " B" + (m.sentNanos != null ? " · sent +" + fmtNanos(m.sentNanos) : "")
      + (m.receivedNanos != null ? " · received +" + fmtNanos(m.receivedNanos) : "") + (m.outcome ? " · " + m.outcome : "")));
    chart.append(line);
  });
  waits.forEach(w => {
    if (w.startNanos + w.durationNanos < from || w.startNanos > to) return;
    const x0 = x(w.startNanos), r = svg("rect", { x: x0, y: y(WAIT_LANE) - 6, width: Math.max(2, x(w.startNanos + w.durationNanos) - x0), height: 12, rx: 2, class: "wait" });
    r.append(svg("title", {}, w.thread + ": " + w.kind + (w.detail ? " on " + w.detail : "") + " for " + fmtNanos(w.durationNanos)
      + " at +" + fmtNanos(w.startNanos) + (w.frames.length ? "\n" + w.frames.slice(0, 4).join("\n") : "")));
    chart.append(r);
  });
  (trace.marks || []).forEach(k => {
    if (!inView(k.atNanos)) return;
    const dot = svg("circle", { cx: x(k.atNanos), cy: y(k.participant) - 10, r: 3, class: "mark" });
    dot.append(svg("title", {}, k.participant + " +" + fmtNanos(k.atNanos) + ": " + k.text));
    chart.append(dot);
  });
  const defs = svg("defs"), marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto" });
  marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }));
  defs.append(marker);
  chart.append(defs, svg("text", { x: AXIS.labelW, y: lanes.length * laneH + top + 14 }, from ? "+" + fmtNanos(from) : "0"),
    svg("text", { x: AXIS.labelW + AXIS.chartW - 30, y: lanes.length * laneH + top + 14 }, fmtNanos(to)));
  return chart;
}
