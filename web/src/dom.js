// Small DOM helpers: elements are built with textContent, never from HTML strings, so
// text from the news cannot inject markup.

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function clear(e) {
  while (e.firstChild) e.removeChild(e.firstChild);
  return e;
}

export function fmtNum(v, digits = 1) {
  return v === null || v === undefined || Number.isNaN(v) ? "" : Number(v).toFixed(digits);
}

export function actorLabel(a) {
  return a ? a.code : "—";
}

// A stored event's date ("2014", "2014-10", "2014-10-14") as the Date of its first day.
export function periodStart(p) {
  const [y, m = "01", d = "01"] = p.split("-");
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}
