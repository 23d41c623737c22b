// Diff view (only in pages rendered by "diff"): status changes, slower/faster items, differential flame graph.
(function renderDiff() {
  const diff = JIG.diff;
  if (!diff) return;
  const body = document.getElementById("diff-body");
  body.append(el("p", { cls: "hint", text: "Base " + diff.base + " → head " + diff.head + ". Changes under " + diff.thresholdPercent + "% are left out." }));
  body.append(el("h3", { text: "Status changes (" + diff.statusChanges.length + ")" }),
    sortableTable([{ title: "Test", get: r => r.test }, { title: "Before", get: r => r.before }, { title: "After", get: r => r.after }], diff.statusChanges));
  const f = (v, r) => fmtValue(v, r.unit);
  const changeCols = [
    { title: "Kind", get: r => r.kind }, { title: "What", get: r => r.name },
    { title: "Before", get: r => r.before, num: true, fmt: f }, { title: "After", get: r => r.after, num: true, fmt: f },
    { title: "Delta", get: r => r.deltaPercent, num: true, fmt: v => (v > 0 ? "+" : "") + v.toFixed(1) + "%" }];
  body.append(el("h3", { text: "Slower (" + diff.slower.length + ")" }), sortableTable(changeCols, diff.slower, null, 4),
    el("h3", { text: "Faster (" + diff.faster.length + ")" }), sortableTable(changeCols, diff.faster, null, 4));
  if (diff.flame) {
    body.append(el("h3", { text: "Differential flame graph (red gained time, blue lost time; width = head)" }),
      flameGraph(decodeTree(diff.flame), diff.flameUnit));
  }
})();
