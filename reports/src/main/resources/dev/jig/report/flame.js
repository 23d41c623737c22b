// Flame graph: decode the compact pre-order tree, draw it as SVG, zoom on click, search, flip.
function decodeTree(tree) {
  const nodes = [], stack = [];
  for (let i = 0; i < tree.d.length; i++) {
    const n = { name: tree.names ? tree.names[i] : frameName(tree.f[i]), total: tree.t[i], self: tree.s[i], calls: tree.c[i], base: tree.b ? tree.b[i] : undefined, children: [], parent: null };
    stack.length = tree.d[i];
    if (stack.length) { n.parent = stack[stack.length - 1]; n.parent.children.push(n); }
    stack.push(n);
    nodes.push(n);
  }
  return nodes[0];
}

function flameGraph(root, unit) {
  const width = 1100, rowH = 18;
  const state = { focus: root, icicle: true, query: "" };
  const box = el("div", { cls: "flame-box" });
  const info = el("span", { cls: "hint flame-info" });
  const search = el("input", { type: "search", placeholder: "Search methods (regex)", cls: "flame-search", style: "width:260px" });
  const reset = el("button", { text: "Reset zoom", cls: "flame-reset", on: { click: () => { state.focus = root; draw(); } } });
  const flip = el("button", { text: "Flame / icicle", cls: "flame-flip", on: { click: () => { state.icicle = !state.icicle; draw(); } } });
  search.addEventListener("input", () => { state.query = search.value; draw(); });
  const chart = svg("svg", { class: "flame", width: width });
  box.append(el("div", { cls: "toolbar" }, reset, flip, search, info), chart);

  function depthOf(n) { let d = 0; while (n.parent) { d++; n = n.parent; } return d; }
  function matcher() {
    if (!state.query) return null;
    try { return new RegExp(state.query, "i"); } catch (e) { const q = state.query.toLowerCase(); return { test: s => s.toLowerCase().includes(q) }; }
  }
  function colour(n) {
    if (n.base !== undefined) {
      const delta = n.total - n.base, scale = Math.min(1, Math.abs(delta) / Math.max(1, n.base, n.total));
      const c = Math.round(235 - 150 * scale);
      return delta > 0 ? "rgb(235," + c + "," + c + ")" : delta < 0 ? "rgb(" + c + "," + c + ",235)" : "rgb(225,225,225)";
    }
    let h = 0;
    for (let i = 0; i < n.name.length; i++) h = (h * 31 + n.name.charCodeAt(i)) >>> 0;
    return "hsl(" + (18 + h % 36) + ",80%," + (58 + h % 14) + "%)";
  }
  function draw() {
    clear(chart);
    const focus = state.focus, base = depthOf(focus), re = matcher();
    const rows = [], ancestors = [];
    for (let a = focus.parent; a; a = a.parent) ancestors.unshift(a);
    ancestors.forEach((a, i) => rows.push({ n: a, x: 0, w: width, depth: i }));
    let matched = 0;
    (function layout(n, x, w, depth, insideMatch) {
      rows.push({ n: n, x: x, w: w, depth: depth });
      const isMatch = re && re.test(n.name);
      if (isMatch && !insideMatch) matched += n.total;
      let cx = x;
      n.children.forEach(c => {
        const cw = n.total > 0 ? w * c.total / n.total : 0;
        if (cw >= 0.5) layout(c, cx, cw, depth + 1, insideMatch || isMatch);
        else if (re && !insideMatch && !isMatch) countHidden(c);
        cx += cw;
      });
    })(focus, 0, width, ancestors.length, false);
    function countHidden(n) { if (re.test(n.name)) matched += n.total; else n.children.forEach(countHidden); }
    const maxDepth = Math.max(...rows.map(r => r.depth)) + 1;
    chart.setAttribute("height", maxDepth * rowH);
    rows.forEach(r => chart.append(box1(r, maxDepth, re)));
    info.textContent = re ? "matches: " + pct(matched, focus.total) + " of " + fmtValue(focus.total, unit) : "total " + fmtValue(focus.total, unit) + (base ? " (zoomed)" : "");
  }
  function box1(r, maxDepth, re) {
    const y = state.icicle ? r.depth * rowH : (maxDepth - 1 - r.depth) * rowH;
    const g = svg("g", { class: "frame" });
    const rect = svg("rect", { x: r.x, y: y, width: Math.max(0.5, r.w), height: rowH - 1, fill: colour(r.n) });
    if (re && re.test(r.n.name)) rect.classList.add("match");
    const n = r.n, root = state.focus;
    let tip = n.name + "\ntotal " + fmtValue(n.total, unit) + " (" + pct(n.total, root.total) + ")\nself " + fmtValue(n.self, unit);
    if (n.calls) tip += "\ncalls " + n.calls;
    if (n.base !== undefined) tip += "\nbase " + fmtValue(n.base, unit) + ", delta " + fmtValue(n.total - n.base, unit);
    rect.append(svg("title", {}, tip));
    rect.addEventListener("click", () => { state.focus = n; draw(); });
    g.append(rect);
    if (r.w > 40) g.append(svg("text", { x: r.x + 3, y: y + 12 }, n.name.length * 6.5 > r.w - 6 ? n.name.slice(0, Math.floor((r.w - 6) / 6.5)) + "…" : n.name));
    return g;
  }
  draw();
  return box;
}

// Tree view: nested <details>, children built only when opened so big trees stay cheap.
function treeView(root, unit) {
  function node(n) {
    const d = el("details");
    const sum = el("summary", {}, n.name, el("span", { cls: "share", text: fmtValue(n.total, unit) + " · " + pct(n.total, root.total) + " · self " + fmtValue(n.self, unit) }));
    d.append(sum);
    d.addEventListener("toggle", () => {
      if (d.open && d.childElementCount === 1) n.children.slice().sort((a, b) => b.total - a.total).slice(0, 200).forEach(c => d.append(node(c)));
    });
    return d;
  }
  return el("div", { cls: "tree" }, node(root));
}
