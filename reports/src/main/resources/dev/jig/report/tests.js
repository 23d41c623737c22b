// Tests view: list with filter, detail with failure, Gantt timeline, process output and fake journals.
const testList = document.getElementById("test-list");
const testFilter = document.getElementById("test-filter");
const statusFilter = document.getElementById("status-filter");
const shownStatuses = new Set(["passed", "failed", "hung", "aborted", "skipped"]);
["passed", "failed", "hung", "aborted", "skipped"].forEach(s => {
  const n = JIG.tests.filter(t => t.status === s).length;
  if (!n) return;
  const box = el("input", { type: "checkbox", "data-status": s });
  box.checked = true;
  box.addEventListener("change", () => { if (box.checked) shownStatuses.add(s); else shownStatuses.delete(s); renderTestList(); });
  statusFilter.append(el("label", { cls: "filters" }, box, " " + s + " (" + n + ")"));
});
function renderTestList() {
  const q = testFilter.value.toLowerCase();
  clear(testList);
  JIG.tests.forEach((t, i) => {
    if (!shownStatuses.has(t.status)) return;
    if (q && !(t.cls + " " + t.name).toLowerCase().includes(q)) return;
    const li = el("li", { "data-test": i, on: { click: () => showTest(i) } },
      el("span", { cls: "dot st-" + t.status }),
      el("span", { cls: "n" }, el("span", { cls: "c", text: t.cls.slice(t.cls.lastIndexOf(".") + 1) }), t.name), el("span", { cls: "d", text: fmtNanos(t.dur) }));
    li.title = t.cls;
    testList.append(li);
  });
}
testFilter.addEventListener("input", renderTestList);
renderTestList();

function showTest(i) {
  showView("tests");
  const t = JIG.tests[i];
  testList.querySelectorAll("li").forEach(li => li.classList.toggle("sel", Number(li.dataset.test) === i));
  const d = clear(document.getElementById("test-detail"));
  d.append(el("h2", {}, el("span", { cls: "badge st-" + t.status, text: t.status }), " ", t.name),
    el("div", { cls: "hint", text: t.cls + " · " + fmtNanos(t.dur) }));
  if (t.failure) {
    d.append(el("div", { cls: "failure" }, el("strong", { text: t.failure.type }), el("div", { text: t.failure.message || "" })),
      el("details", {}, el("summary", { text: "Stack trace" }), el("pre", { text: t.failure.stackTrace || "" })));
  }
  if (t.diagnostics) d.append(diagnosticsView(t.diagnostics));
  if (t.trace) d.append(timelineWithTrace(t));
  else if (t.phases.length) d.append(el("h3", { text: "Timeline" }), gantt(t.phases));
  const failed = t.status === "failed" || t.status === "aborted" || t.status === "hung";
  t.processes.forEach(p => d.append(processView(p, failed)));
  t.fakes.forEach(f => d.append(fakeView(f)));
  JIG.profiles.forEach((p, pi) => {
    if (p.test === i) d.append(el("p", {}, el("a", { href: "#", text: "Profile: " + p.title, on: { click: e => { e.preventDefault(); showProfile(pi); } } })));
  });
  if (t.benchmarks) d.append(el("h3", { text: "Benchmarks" }), benchTable(t.benchmarks.map(b => Object.assign({ test: t.name }, b))));
}

// The time axis that the phase timeline and the message trace share: labels left, [from, to] across chartW.
const AXIS = { rowH: 22, labelW: 180, width: 760, chartW: 760 - 180 - 70 };
function gantt(phases, from, to) {
  from = from || 0;
  const end = to || Math.max(1, ...phases.map(p => p[1] + p[2]));
  const span = Math.max(1, end - from);
  const rowH = AXIS.rowH, labelW = AXIS.labelW, width = AXIS.width, chartW = AXIS.chartW;
  const chart = svg("svg", { width: width, height: phases.length * rowH + 24, class: "gantt" });
  phases.forEach((p, r) => {
    const x0 = Math.max(0, Math.min(1, (p[1] - from) / span)), x1 = Math.max(0, Math.min(1, (p[1] + p[2] - from) / span));
    const x = labelW + chartW * x0, w = Math.max(2, chartW * (x1 - x0)), y = r * rowH + 4;
    chart.append(svg("text", { x: 4, y: y + 14 }, p[0]));
    const bar = svg("rect", { x: x, y: y, width: w, height: rowH - 6, rx: 3, fill: p[0].startsWith("test") ? "#3b6fd8" : p[0].startsWith("stop") ? "#8a8f9c" : "#1f9d55" });
    bar.append(svg("title", {}, p[0] + ": " + fmtNanos(p[2]) + " at +" + fmtNanos(p[1])));
    chart.append(bar, svg("text", { x: x + w + 4, y: y + 14 }, fmtNanos(p[2])));
  });
  chart.append(svg("text", { x: labelW, y: phases.length * rowH + 18 }, from ? "+" + fmtNanos(from) : "0"),
    svg("text", { x: labelW + chartW - 30, y: phases.length * rowH + 18 }, fmtNanos(end)));
  return chart;
}

const TAIL = 30;
function processView(p, failed) {
  const exit = "exit " + (p.exit === null || p.exit === undefined ? "–" : p.exit);
  const title = p.kind === "container"
    ? "Container " + p.name + " (image " + p.image + ", " + exit + ")"
    : "Process " + p.name + " (pid " + p.pid + ", " + exit
      + (p.stoppedBy && p.stoppedBy !== "tree" ? ", some of it found only by its " + p.stoppedBy : "") + ")";
  const box = el("div", { cls: "process" }, el("h3", { text: title }),
    commandView(p.command.join(" ")));
  const lines = p.output;
  if (failed && lines.length > TAIL) {
    box.append(el("details", {}, el("summary", { text: "Earlier output (" + (lines.length - TAIL) + " lines)" }), el("pre", { text: lines.slice(0, -TAIL).join("\n") })),
      el("pre", { cls: "output-tail", text: lines.slice(-TAIL).join("\n") }));
  } else if (failed) {
    box.append(el("pre", { cls: "output-tail", text: lines.join("\n") || "(no output)" }));
  } else {
    box.append(el("details", {}, el("summary", { text: "Output (" + lines.length + " lines)" }), el("pre", { text: lines.join("\n") })));
  }
  if (p.truncated) box.append(el("div", { cls: "hint", text: "Older lines were dropped; the full log may be under logs/." }));
  return box;
}

function commandView(command) {
  if (command.length <= 160) return el("div", { cls: "hint", text: command });
  return el("details", { cls: "hint" }, el("summary", { text: command.slice(0, 150) + "…" }), el("pre", { text: command }));
}

function diagnosticsView(diag) {
  const box = el("div", { cls: "diagnostics" }, el("h3", { text: "What Jig captured" }));
  if (diag.pending && diag.pending.length) {
    box.append(el("div", { cls: "failure" }, el("strong", { text: "Pending when the deadline passed" }),
      el("pre", { text: diag.pending.map(p => p.request + (p.since ? "  (since " + p.since + ")" : "")).join("\n") })));
  }
  (diag.threadDumps || []).forEach(dump => box.append(el("details", {},
    el("summary", { text: "Thread dump of " + dump.of }), el("pre", { cls: "thread-dump", text: dump.text }))));
  return box;
}

function fakeView(f) {
  const box = el("div", {}, el("h3", { text: "Fake " + f.name + " (" + f.kind + " at " + f.address + "): " + f.received + " received" }));
  if (f.unmatched && f.unmatched.length) box.append(el("div", { cls: "failure" }, el("strong", { text: f.unmatched.length + " unmatched request(s)" }), el("pre", { text: f.unmatched.join("\n") })));
  if (f.protocolErrors && f.protocolErrors.length) box.append(el("pre", { text: f.protocolErrors.join("\n") }));
  if (f.stubFailures && f.stubFailures.length) box.append(el("div", { cls: "failure" }, el("strong", { text: f.stubFailures.length + " stub(s) threw" }), el("pre", { text: f.stubFailures.join("\n") })));
  if (f.unanswered && f.unanswered.length) box.append(el("div", {}, el("strong", { text: f.unanswered.length + " unanswered request(s)" }), el("pre", { text: f.unanswered.join("\n") })));
  if (f.faults && f.faults.length) box.append(el("div", {}, el("strong", { text: f.faults.length + " injected fault(s)" }), el("pre", { text: f.faults.join("\n") })));
  return box;
}
