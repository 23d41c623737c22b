"use strict";
// Jig report. Data comes from the JSON block; every string from it is set with textContent, never as HTML.
const JIG = JSON.parse(document.getElementById("jig-data").textContent);
const SVG_NS = "http://www.w3.org/2000/svg";

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  applyProps(node, props);
  children.forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}
function applyProps(node, props) {
  Object.entries(props || {}).forEach(([k, v]) => {
    if (k === "text") node.textContent = v;
    else if (k === "on") Object.entries(v).forEach(([ev, fn]) => node.addEventListener(ev, fn));
    else if (k === "cls") node.className = v;
    else node.setAttribute(k, v);
  });
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function fmtNanos(n) {
  if (n >= 1e9) return (n / 1e9).toFixed(2) + " s";
  if (n >= 1e6) return (n / 1e6).toFixed(1) + " ms";
  if (n >= 1e3) return (n / 1e3).toFixed(1) + " µs";
  return Math.round(n) + " ns";
}
function fmtValue(v, unit) { return unit === "ns" ? fmtNanos(v) : Number(v).toLocaleString("en") + " " + unit; }
function pct(part, whole) { return whole > 0 ? (100 * part / whole).toFixed(1) + "%" : "–"; }
function frameName(i) { return JIG.frames[i]; }

function showView(name) {
  document.querySelectorAll("#tabs button").forEach(b => b.classList.toggle("active", b.dataset.view === name));
  document.querySelectorAll(".view").forEach(v => v.classList.toggle("active", v.id === "view-" + name));
}
document.querySelectorAll("#tabs button").forEach(b => b.addEventListener("click", () => showView(b.dataset.view)));
document.querySelectorAll(".test-link").forEach(a => a.addEventListener("click", e => {
  e.preventDefault();
  showTest(Number(a.dataset.test));
}));

// Sortable table: columns = [{title, get, num, fmt}], rows = data objects.
function sortableTable(columns, rows, onRowClick, initialSort) {
  const table = el("table", { cls: "grid" });
  const body = el("tbody");
  let sortCol = initialSort === undefined ? -1 : initialSort, asc = false;
  const head = el("tr");
  columns.forEach((c, i) => head.append(el("th", {
    cls: "sortable" + (c.num ? " num" : ""), text: c.title,
    on: { click: () => { asc = sortCol === i ? !asc : !c.num; sortCol = i; render(); } } })));
  table.append(el("thead", {}, head), body);
  function render() {
    const sorted = rows.slice();
    if (sortCol >= 0) {
      const get = columns[sortCol].get;
      sorted.sort((a, b) => { const x = get(a), y = get(b); return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1); });
    }
    head.querySelectorAll("th").forEach((th, i) => { th.classList.toggle("sorted", i === sortCol); th.classList.toggle("asc", asc); });
    clear(body);
    sorted.slice(0, 500).forEach(r => {
      const tr = el("tr");
      columns.forEach(c => tr.append(el("td", { cls: c.num ? "num" : "", text: c.fmt ? c.fmt(c.get(r), r) : c.get(r) })));
      if (onRowClick) tr.addEventListener("click", () => {
        body.querySelectorAll("tr.sel").forEach(s => s.classList.remove("sel"));
        tr.classList.add("sel");
        onRowClick(r);
      });
      body.append(tr);
    });
  }
  table.setRows = r => { rows = r; render(); };
  render();
  return table;
}
