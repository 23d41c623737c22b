// Profiles view: pick a profile; flat table (sort, filter, callers/callees), flame graph and tree.
const profileSelect = document.getElementById("profile-select");
JIG.profiles.forEach((p, i) => profileSelect.append(el("option", { value: i, text: p.title })));
profileSelect.addEventListener("change", () => showProfile(Number(profileSelect.value), true));

function showProfile(i, stay) {
  if (!stay) showView("profiles");
  profileSelect.value = i;
  const p = JIG.profiles[i];
  const body = clear(document.getElementById("profile-body"));
  const rows = p.flat.map(r => ({ method: frameName(r[0]), calls: r[1], self: r[2], total: r[3], callers: r[4], callees: r[5] }));
  const rel = el("div", { cls: "rel" });
  const fmt = v => fmtValue(v, p.unit);
  const columns = [
    { title: "Method", get: r => r.method },
    { title: "Calls", get: r => r.calls, num: true },
    { title: "Self", get: r => r.self, num: true, fmt: fmt },
    { title: "Total", get: r => r.total, num: true, fmt: fmt },
    { title: "Average", get: r => r.calls ? r.total / r.calls : 0, num: true, fmt: fmt }];
  const table = sortableTable(columns, rows, r => showRelations(rel, r), 2);
  table.classList.add("flat");
  const filter = el("input", { type: "search", placeholder: "Filter methods", cls: "flat-filter", style: "max-width:360px" });
  filter.addEventListener("input", () => { const q = filter.value.toLowerCase(); table.setRows(rows.filter(r => r.method.toLowerCase().includes(q))); });
  if (p.note) body.append(el("p", { cls: "hint profile-note", text: p.note }));
  if (p.tree) {
    const root = decodeTree(p.tree);
    body.append(el("h3", { text: "Call graph" }), flameGraph(root, p.unit));
    body.append(el("details", {}, el("summary", { text: "Tree view" }), treeView(root, p.unit)));
  }
  body.append(el("h3", { text: "Flat profile (" + rows.length + " methods)" }), filter, table, rel);
}

function showRelations(box, r) {
  clear(box);
  [["Callers", r.callers], ["Callees", r.callees]].forEach(([title, list]) => {
    const ul = el("ul");
    list.forEach(f => ul.append(el("li", { text: frameName(f) })));
    if (!list.length) ul.append(el("li", { cls: "hint", text: "none recorded" }));
    box.append(el("div", {}, el("h3", { text: title + " of " + r.method }), ul));
  });
}
if (JIG.profiles.length) showProfile(0, true);
