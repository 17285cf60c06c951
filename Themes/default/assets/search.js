/* Chancery search (index: Sources/SiteBuilder/Search): /search/ answers the query in its URL, a cable page
marks the words of ?highlight=. */
(() => {
const STOP = new Set('an and are as at be been but by for from had has have he his in is it its of on or that the their there they this to was were which will with would'.split(' '));
const SP = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ς: 'σ' };
const WORD = /[\p{L}\p{N}\p{M}]+/gu, PER = 10;

// as SearchTokenizer.swift
function term(raw) {
 let t = raw.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[ßæœøđðłþıς]/g, (c) => SP[c]);
 const n = [...t].length;
 if (n < 2 || n > 48 || (n > 3 && /^x+$/.test(t)) || t === 'sipdis' || t === 'nnnn' || /^(rueh|vzczc)/.test(t) || STOP.has(t)) return null;
 if (n > 3 && !/\p{N}/u.test(raw) && t.endsWith('s')) {
  const m = t.length, p = t[m - 2], r = t[m - 4];
  if (p === 'e' && t[m - 3] === 'i' && r !== 'e' && r !== 'a') t = t.slice(0, -3) + 'y';
  else if (p !== 'u' && p !== 's') t = t.slice(0, -1);
 }
 return t;
}
const tokens = (text) => (text.match(WORD) || []).map(term).filter(Boolean);

let root = '/search/', meta = null, files = {}, shards = {};
const get = (path, json) => files[path] || (files[path] = fetch(root + path).then((r) => {
 if (!r.ok) throw new Error(path + ': ' + r.status);
 return json ? r.json() : r.arrayBuffer().then((b) => new Uint8Array(b));
}));
class Reader {
 constructor(u) { this.u = u; this.o = 0; }
 v() { let v = 0, s = 1, b; do { b = this.u[this.o++]; v += (b & 127) * s; s *= 128; } while (b > 127); return v; }
}
function fnv(s) {
 let h = 0x811c9dc5;
 for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193);
 return h >>> 0;
}
const hex = (n, d) => n.toString(16).padStart(d, '0');
// vocabulary shard: term → {df, flags, lengths, offsets or file x}
const shard = (s) => shards[s] || (shards[s] = get('t/' + hex(s, meta.digits) + '.bin').then((u) => {
 const r = new Reader(u), n = r.v(), map = new Map(), dec = new TextDecoder();
 let prev = new Uint8Array(0), off = 0, poff = 0;
 for (let i = 0; i < n; i++) {
  const shared = r.v(), len = r.v(), b = new Uint8Array(shared + len);
  b.set(prev.subarray(0, shared)); b.set(u.subarray(r.o, r.o += len), shared); prev = b;
  const e = { s, df: r.v(), f: u[r.o++], pl: r.v(), ql: r.v() };
  if (e.f & 1) e.x = Array.from(u.subarray(r.o, r.o += 8), (c) => hex(c, 2)).join('');
  else { e.po = off; off += e.pl; e.qo = poff; poff += e.ql; }
  map.set(dec.decode(b), e);
 }
 return { u: u.subarray(r.o), map };
}));
const entry = async (t) => (await shard(fnv(t) & (meta.shards - 1))).map.get(t);
async function postings(e) {
 const u = e.f & 1 ? await get('x/' + e.x + '.bin') : (await shard(e.s)).u.subarray(e.po, e.po + e.pl);
 const r = new Reader(u), docs = new Int32Array(e.df), w = new Float64Array(e.df);
 for (let i = 0, d = -1, v; i < e.df; i++) { v = r.v(); docs[i] = d += e.f & 2 ? v : Math.floor(v / 16); w[i] = v % 16 / 15 * 2.2; }
 return { docs, w, e };
}
async function positions(l, want) {
 const e = l.e, u = e.f & 1 ? await get('y/' + e.x + '.bin') : (await get('p/' + hex(e.s, meta.digits) + '.bin')).subarray(e.qo, e.qo + e.ql);
 const r = new Reader(u), out = new Map();
 l.docs.forEach((d) => {
  const ps = want.has(d) && out.set(d, new Set()).get(d);
  for (let k = r.v(), p = 0; k > 0; k--) { p += r.v(); if (ps) ps.add(p); }
 });
 return out;
}

function intersect(lists) {
 lists.sort((a, b) => a.docs.length - b.docs.length);
 let out = Array.from(lists[0].docs);
 for (const l of lists.slice(1)) { const s = new Set(l.docs); out = out.filter((d) => s.has(d)); }
 return out;
}
// {q, tag, origin, cls, year} → {docs (ranked), terms, mode: all|words|some|id|cites|none|empty, redirect}
async function search(p) {
 meta = meta || await get('meta.json', 1);
 const q = p.q || '', idm = /^\s*(\d\d)?\s*([a-z][a-z .-]*[a-z])\s*0*(\d{1,8})\s*$/i.exec(q);
 const k = idm && (idm[1] || '') + idm[2].replace(/[ .-]/g, '').toLowerCase() + idm[3];
 const ide = idm && await entry('#' + k), id = ide || idm && await entry('r:' + k); // or cables citing it
 let c, mode = 'all';
 // terms in a row: a "phrase", or a word the tokenizer splits (al-Qaida)
 const groups = [];
 if (!id) q.replace(/["“”]([^"“”]*)["“”]?|[^\s"“”]+/g, (m, ph) => { const t = tokens(ph ?? m); if (t.length) groups.push(t); });
 const terms = [...new Set(groups.flat())], y = meta.years.find((y) => y[0] === +p.year);
 const filters = [p.tag && 't:' + p.tag, p.origin && 'o:' + p.origin, p.cls && 'c:' + p.cls].filter(Boolean);
 if (!id && !terms.length && !filters.length && !p.year) return { docs: [], terms, mode: !q.trim() ? 'empty' : q.match(WORD)?.some((w) => STOP.has(w.toLowerCase())) ? 'none' : mode };
 const ls = await Promise.all(terms.concat(filters).map(async (t) => { const e = await entry(t); return e && postings(e); }));
 const lists = {}, found = [], fl = ls.slice(terms.length), none = { docs: [], terms, mode };
 terms.forEach((t, i) => { if (ls[i]) found.push(lists[t] = ls[i]); });
 if (fl.some((l) => !l) || (p.year && !y)) return none;
 const allow = fl.length && new Set(intersect(fl)), ok = (d) => (!allow || allow.has(d)) && (!y || (d >= y[1] && d < y[1] + y[2]));
 if (!terms.length) {
  c = (id ? Array.from((await postings(id)).docs) : allow ? [...allow] : Array.from({ length: y[2] }, (_, i) => y[1] + i)).filter(ok).sort((a, b) => a - b);
  return { ...none, docs: c, ...id && { mode: ide ? 'id' : 'cites', redirect: ide && c.length === 1 ? c[0] : -1 } };
 }
 const all = c = found.length === terms.length ? intersect(found.slice()).filter(ok) : [];
 for (const g of groups) {
  if (g.length < 2 || !c.length) continue;
  const want = new Set(c), pos = await Promise.all(g.map((t) => positions(lists[t], want)));
  c = c.filter((d) => [...pos[0].get(d)].some((x) => pos.every((m, i) => m.get(d).has(x + i))));
 }
 if (!c.length && all.length) { mode = 'words'; c = all; }   // no phrase matched: the words anywhere
 if (!c.length && terms.length > 1 && found.length) {
  mode = 'some';
  c = [...new Set(found.flatMap((l) => Array.from(l.docs)))].filter(ok);
 }
 const score = new Map(c.map((d) => [d, 0]));   // BM25: idf × stored impact
 for (const l of found) {
  const w = Math.log(1 + (meta.count - l.e.df + 0.5) / (l.e.df + 0.5));
  l.docs.forEach((d, i) => { if (score.has(d)) score.set(d, score.get(d) + w * l.w[i]); });
 }
 c.sort((a, b) => score.get(b) - score.get(a) || b - a);
 return { docs: c, terms, mode };
}
// [id, title, date, origin, cls, tags, folder, original (1 .txt, 2 .html)]
const doc = async (n) => (await get('d/' + Math.floor(n / meta.ds) + '.json', 1))[n % meta.ds];
function years(docs) {
 const c = new Map();
 for (const d of docs) { const y = meta.years.find((y) => d >= y[1] && d < y[1] + y[2]); if (y) c.set(y[0], (c.get(y[0]) || 0) + 1); }
 return c;
}
// {origin, cls, tag: [[value, name, count]]}
const facetShards = (docs) => [...new Set(docs.map((d) => Math.floor(d / meta.fs)))];
const facetBytes = (docs) => facetShards(docs).reduce((s, k) => s + meta.fb[k], 0);
async function facets(docs) {
 const per = meta.fs, sh = {}, n = [new Map(), new Map(), new Map()], dict = await get('f/dict.json', 1), out = {};
 await Promise.all(facetShards(docs).map(async (k) => {
  const u = await get('f/' + k + '.bin'), r = new Reader(u), list = sh[k] = [];
  while (r.o < u.length) { const f = [r.v(), r.v()]; for (let t = r.v(); t > 0; t--) f.push(r.v() + 1); list.push(f); }
 }));
 for (const d of docs) sh[Math.floor(d / per)][d % per].forEach((v, i) => { const m = n[Math.min(i, 2)]; if (v) m.set(v - 1, (m.get(v - 1) || 0) + 1); });
 const names = [dict.origins, meta.cls.map((c) => [c[0], 0, c[1]]), dict.tags];
 ['origin', 'cls', 'tag'].forEach((k, i) => { out[k] = [...n[i]].map(([v, c]) => [names[i][v][0], names[i][v][2], c]).sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1)); });
 return out;
}
// the stretch with the most matches, escaped, matches in <mark>
const esc = (s) => s.replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
function snippet(text, want) {
 const ws = [...text.matchAll(WORD)].map((m) => ({ a: m.index, b: m.index + m[0].length, t: term(m[0]) }));
 let best = -1, top = 0, first = null;
 ws.forEach((w, i) => {
  if (!want.has(w.t)) return;
  const hits = ws.slice(i, i + 30).filter((x) => want.has(x.t)), s = new Set(hits.map((x) => x.t)).size * 100 + hits.length;
  if (s > top) { top = s; best = i; }
 });
 if (best < 0) return { html: '' };
 const from = Math.max(0, best - 6), to = Math.min(ws.length, from + 30);
 let out = from ? '… ' : '', at = ws[from].a;
 for (const w of ws.slice(from, to)) {
  const t = text.slice(w.a, w.b), hit = want.has(w.t);
  out += esc(text.slice(at, w.a).replace(/\s+/g, ' ')) + (hit ? '<mark>' + esc(t) + '</mark>' : esc(t));
  if (hit) first = first || t;
  at = w.b;
 }
 return { html: out + (to < ws.length ? ' …' : ''), first };
}
const api = { tokens, search, doc, years, facets, snippet, setRoot: (r) => { root = r; meta = null; files = {}; shards = {}; } };
if (typeof module === 'object') module.exports = api;
if (typeof document === 'undefined') return;

// the page
const $ = (id) => D.getElementById(id);
const D = document, fmt = (n) => n.toLocaleString('en');
function el(tag, cls, text, parent) {
 const e = D.createElement(tag);
 if (cls) e.className = cls;
 if (text != null) e.textContent = text;
 parent?.append(e);
 return e;
}
const KEYS = ['q', 'tag', 'origin', 'cls', 'year', 'page'], F = { cls: 'Classification', tag: 'Tag', origin: 'Origin', year: 'Year' }, P = {}, U = new URLSearchParams(location.search);
KEYS.forEach((k) => { if (U.get(k)) P[k] = U.get(k); });
function href(change) {
 const q = { ...P, ...change, page: change.page || '' }, u = new URLSearchParams();
 KEYS.forEach((k) => { if (q[k]) u.set(k, q[k]); });
 return location.pathname + (u.toString() ? '?' + u : '');
}
let base = '';
const cableURL = (row) => base + '/cable/' + row[6] + '/' + row[0] + '/';
async function show() {
 const status = $('search-status'), aside = $('search-facets'), filtered = P.tag || P.origin || P.cls || P.year;
 $('search-q').value = P.q || '';
 if (!P.q && !filtered) return;
 $('search-out').hidden = false;
 status.textContent = 'Searching…';
 const res = await search(P), n = res.docs.length, page = Math.max(1, +P.page || 1), pages = Math.ceil(n / PER);
 if (res.redirect >= 0 && !filtered) return location.replace(cableURL(await doc(res.redirect)));
 status.textContent = res.mode === 'none' ? 'These words are too common.' : !n ? 'No cable matches.'
  : fmt(n) + ' cable' + (n > 1 ? 's' : '') + ({ some: ' with some of the words (none has all)', words: ' with the words, none as the phrase', id: ' with this reference', cites: ` citing ${P.q} (not in this archive)` }[res.mode] || '')
   + (pages > 1 ? ` · page ${page} of ${pages}` : '');
 for (const k in F) if (P[k]) {
  Object.assign(el('input', null, null, $('search-form')), { type: 'hidden', name: k, value: P[k] });
  el('a', null, 'remove', el('li', null, `${F[k]}: ${P[k]} `, $('search-active'))).href = href({ [k]: '' });
 }
 if (!n) return;
 chart(years(res.docs));
 const want = new Set(res.terms), nav = $('search-pages');
 for (const d of res.docs.slice((page - 1) * PER, page * PER)) {
  const li = el('li', 'search-hit', null, $('search-results'));
  doc(d).then(async (row) => {
   const url = cableURL(row), a = el('a', null, null, li);
   a.href = url + (want.size ? '?highlight=' + encodeURIComponent(P.q) : '');
   el('span', 'mono', row[0], a); a.append(' '); el('span', 'cl-title', row[1] || '(no subject)', a);
   if (row[2]) el('span', 'cl-date', ' ' + row[2], li);
   if (row[3]) el('span', 'cl-origin', ' ' + row[3], li);
   if (row[4]) { li.append(' '); el('span', 'badge cls-' + row[4], meta.cls.find((c) => c[0] === row[4])[1], li); }
   if (!want.size || !row[7]) return;
   const r = await fetch(url + row[0] + '.txt'), s = snippet(r.ok ? await r.text() : '', want);
   if (s.html) { el('p', 'search-snippet', null, li).innerHTML = s.html; a.hash = ':~:text=' + encodeURIComponent(s.first); }
  });
 }
 if (page > 1) el('a', null, '← Previous', nav).href = href({ page: page - 1 });
 if (page < pages) el('a', null, 'Next →', nav).href = href({ page: page + 1 });
 const bytes = facetBytes(res.docs);
 if (bytes < 4e5) return counts(res.docs);
 const b = el('button', null, `Count by tag, origin and classification (${bytes >> 10} KB)`, aside);
 b.onclick = () => { b.remove(); counts(res.docs); };
}
async function counts(docs) {
 const f = await facets(docs);
 ['cls', 'tag', 'origin'].forEach((k) => {
  if (!f[k].length) return;
  const sec = el('section', 'panel', null, $('search-facets')), ul = el('ul', 'ranked');
  el('h2', null, F[k], sec); sec.append(ul);
  for (const [v, name, c] of f[k].slice(0, 12)) {
   const li = el('li', null, null, ul), a = el('a', null, k === 'cls' ? name : v, li);
   a.href = href({ [k]: v });
   if (k === 'tag' && name && name !== v) el('span', 'tag-name', ' ' + name, a);
   el('span', 'count', fmt(c), li);
  }
 });
}
// results per year: SVG bars that filter by year
function chart(by) {
 const ys = meta.years.map((y) => y[0]).filter((y) => by.has(y)), NS = 'http://www.w3.org/2000/svg';
 if (ys.length < 2) return;
 const lo = ys[0], n = ys[ys.length - 1] - lo + 1, max = Math.max(...by.values());
 const bw = Math.max(4, Math.min(40, (600 / n | 0) - 4)), h = 80, W = n * (bw + 4) + 4;
 const sv = (tag, at, parent) => { const e = D.createElementNS(NS, tag); for (const k in at) e.setAttribute(k, at[k]); return parent.appendChild(e); };
 const svg = sv('svg', { class: 'chart', viewBox: `0 0 ${W} ${h + 20}`, width: W, height: h + 20, role: 'img', 'aria-label': 'Results per year' }, $('search-years'));
 for (let i = 0; i < n; i++) {
  const y = lo + i, c = by.get(y) || 0, bh = c && Math.max(2, Math.round(c / max * h)), x = 4 + i * (bw + 4);
  sv('title', {}, sv('rect', { class: 'chart-bar', x, y: h - bh, width: bw, height: bh }, sv('a', { href: href({ year: y }) }, svg))).textContent = `${y}: ${c} cable${c === 1 ? '' : 's'}`;
  if (bw > 23 || y % 5 === 0) sv('text', { class: 'chart-label', x: x + bw / 2, y: h + 15, 'text-anchor': 'middle' }, svg).textContent = String(y).slice(bw > 29 ? 0 : 2);
 }
}
function highlight() {
 const want = new Set(tokens(U.get('highlight') || '')), walk = D.createTreeWalker(D.querySelector('main'), 4), nodes = [];
 if (!want.size) return;
 while (walk.nextNode()) nodes.push(walk.currentNode);
 for (const node of nodes) {
  const t = node.nodeValue, h = t.replace(WORD, (w) => want.has(term(w)) ? '\0' + w + '\x01' : w), s = el('span');
  if (h === t) continue;
  s.innerHTML = esc(h).replace(/\0/g, '<mark class="search-mark">').replace(/\x01/g, '</mark>');
  node.replaceWith(...s.childNodes);
 }
 if (!location.hash) D.querySelector('.search-mark')?.scrollIntoView({ block: 'center' });
}
function init() {
 const page = $('search');
 if (!page) return highlight();
 base = page.dataset.base || '';
 root = page.dataset.index || base + '/search/';
 $('search-nojs').hidden = true;
 show().catch((e) => { $('search-status').textContent = 'Search failed: ' + e.message; });
}
if (D.readyState === 'loading') D.addEventListener('DOMContentLoaded', init); else init();
})();
