// Building the page from data without ever parsing data as HTML: every string goes into the document as a
// text node or an attribute value, so corpus text such as `<script>` shows as the characters it is.

/** h('p', { class: 'x', onclick: f }, 'text', child, [more]) → an element. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replace an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A number with `d` decimals, or NA when it is undefined (null). */
export function fmt(x, d = 3) {
  return x === null || x === undefined ? 'NA' : x.toFixed(d);
}

/** `0.812 [0.70, 0.89]` */
export function withCi(value, low, high, d = 3) {
  return low === null || low === undefined || value === null ? fmt(value, d) : `${fmt(value, d)} [${fmt(low, 2)}, ${fmt(high, 2)}]`;
}

/** A table from a header and rows of cells (strings or nodes). */
export function table(header, rows, props) {
  return h('table', props, h('thead', null, h('tr', null, header.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows.map((r) => (r instanceof Node ? r : h('tr', null, r.map((c) => h('td', null, c)))))));
}

export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Is the key event typed into a form field (so view keys must not act on it)? */
export function inField(e) {
  const t = e.target;
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));
}
