// Chancery search (index: SearchFormat.swift); marks ?highlight= words on a cable page
(() => {
const STOP = new Set('an and are as at be been but by for from had has have he his in is it its of on or that the their there they this to was were which will with would'.split(' '));
const SP = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ς: 'σ' };
const WORD = /[\p{L}\p{N}\p{M}]+/gu, PER = 10;
// as SearchTokenizer.swift
function term(raw) {
 const t = raw.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[ßæœøđðłþıς]/g, c => SP[c]);
 const n = [...t].length;
 if (n < 2 || n > 48 || /^(x{4,}|sipdis|nnnn)$|^(rueh|vzczc)/.test(t) || STOP.has(t)) return null;
 return n < 4 || /\p{N}/u.test(raw) || /^(new|arm|good|mean|custom|serie|specie)s$/.test(t) ? t : t.replace(/([^ea])ies$|([^us])s$/, (m, a, b) => a ? a + 'y' : b);
}
const tokens = text => (text.match(WORD) || []).map(term).filter(Boolean);
let root = '/search/', meta = null, files = {};
const get = (path, json) => files[path] || (files[path] = fetch(root + path).then(r => {
 if (!r.ok) throw new Error(path + ': ' + r.status);
 return json ? r.json() : r.arrayBuffer().then(b => new Uint8Array(b));
}));
class Reader {
 constructor(u) { this.u = u; this.o = 0; }
 v() { let v = 0, s = 1, b; do { b = this.u[this.o++]; v += (b & 127) * s; s *= 128; } while (b > 127); return v; }
}
const fnv = s => new TextEncoder().encode(s).reduce((h, b) => Math.imul(h ^ b, 0x01000193), 0x811c9dc5) >>> 0;
const hex = (n, d) => n.toString(16).padStart(d, '0');
// t/ shard: term → entry
const shard = s => files[s] || (files[s] = get('t/' + hex(s, meta.digits) + '.bin').then(u => {
 const r = new Reader(u), map = new Map(), dec = new TextDecoder();
 let prev = new Uint8Array(), off = 0, poff = 0;
 for (let n = r.v(); n > 0; n--) {
  const shared = r.v(), len = r.v(), b = new Uint8Array(shared + len);
  b.set(prev.subarray(0, shared)); b.set(u.subarray(r.o, r.o += len), shared); prev = b;
  const e = { s, df: r.v(), f: u[r.o++], pl: r.v(), ql: r.v() };
  if (e.f & 1) e.x = Array.from(u.subarray(r.o, r.o += 8), c => hex(c, 2)).join('');
  else { e.po = off; off += e.pl; e.qo = poff; poff += e.ql; }
  map.set(dec.decode(b), e);
 }
 return { u: u.subarray(r.o), map };
}));
const entry = async t => (await shard(fnv(t) & (meta.shards - 1))).map.get(t);
async function postings(e) {
 const u = e.f & 1 ? await get('x/' + e.x + '.bin') : (await shard(e.s)).u.subarray(e.po, e.po + e.pl);
 const r = new Reader(u), docs = new Int32Array(e.df), w = new Float64Array(e.df);
 for (let i = 0, d = -1, v; i < e.df; i++) { v = r.v(); docs[i] = d += e.f & 2 ? v : (v / 16 | 0); w[i] = v % 16 / 15 * 2.2; }
 return { docs, w, e };
}
async function positions(l, want) {
 const e = l.e, u = e.f & 1 ? await get('y/' + e.x + '.bin') : (await get('p/' + hex(e.s, meta.digits) + '.bin')).subarray(e.qo, e.qo + e.ql);
 const r = new Reader(u), out = new Map();
 l.docs.forEach(d => {
  const ps = want.has(d) && out.set(d, new Set()).get(d);
  for (let k = r.v(), p = 0; k > 0; k--) { p += r.v(); if (ps) ps.add(p); }
 });
 return out;
}

function intersect(lists) {
 lists.sort((a, b) => a.docs.length - b.docs.length);
 let out = [...lists[0].docs];
 for (const l of lists.slice(1)) { const s = new Set(l.docs); out = out.filter(d => s.has(d)); }
 return out;
}
// 08 STATE 037957 → 08state37957, or null
function idKey(s) {
 const m = /^\s*(\d\d)?\s*([a-z][a-z .-]*[a-z])\s*0*(\d{1,8})\s*$/i.exec(s);
 return m && (m[1] || '') + m[2].replace(/[ .-]/g, '').toLowerCase() + m[3];
}
// {q, cites, tag, origin, cls, year} → {docs (ranked), terms, mode, redirect, cites}
async function search(p) {
 meta ||= await get('meta.json', 1);
 let q = p.q || '', k = idKey(q), id = k && await entry('#' + k), cites = p.cites && idKey(p.cites);
 if (k && !id && !cites && await entry('r:' + k)) { cites = k; q = ''; } // an id not held: cables citing it
 let c, mode = cites ? 'cites' : 'all';
 // a "phrase", or a word split in two (al-Qaida)
 const groups = [];
 if (!id) q.replace(/["“”]([^"“”]*)["“”]?|[^\s"“”]+/g, (m, ph) => { const t = tokens(ph ?? m); if (t.length) groups.push(t); });
 const terms = [...new Set(groups.flat())], y = meta.years.find(y => y[0] === +p.year), none = { docs: [], terms, mode, cites, redirect: -1 };
 const filters = [p.tag && 't:' + p.tag, p.origin && 'o:' + p.origin, p.cls && 'c:' + p.cls, cites && 'r:' + cites, id && '#' + k].filter(Boolean);
 if (!terms.length && !filters.length && !p.year) return { ...none, mode: q.trim() ? 'none' : 'empty' };
 const ls = await Promise.all(terms.concat(filters).map(async t => { const e = await entry(t); return e && postings(e); }));
 const lists = {}, found = [], fl = ls.slice(terms.length);
 terms.forEach((t, i) => { if (ls[i]) found.push(lists[t] = ls[i]); });
 if (fl.some(l => !l) || (p.year && !y)) return none;
 const allow = fl.length && new Set(intersect(fl)), ok = d => (!allow || allow.has(d)) && (!y || yearOf(d) === y);
 if (!terms.length) {
  c = (allow ? [...allow] : Array.from({ length: y[2] }, (_, i) => y[1] + i)).filter(ok); // in date order
  return { ...none, docs: c, ...id && { mode: 'id', redirect: c.length === 1 ? c[0] : -1 } };
 }
 const all = c = found.length === terms.length ? intersect(found).filter(ok) : [];
 for (const g of groups) {
  if (g.length < 2 || !c.length) continue;
  const want = new Set(c), pos = await Promise.all(g.map(t => positions(lists[t], want)));
  c = c.filter(d => [...pos[0].get(d)].some(x => pos.every((m, i) => m.get(d).has(x + i))));
 }
 if (!c.length && all.length) { mode = 'words'; c = all; }
 if (!c.length && terms.length > 1 && found.length) {
  mode = 'some';
  c = [...new Set(found.flatMap(l => [...l.docs]))].filter(ok);
 }
 const score = new Map(c.map(d => [d, 0])); // BM25: idf × stored impact
 for (const l of found) {
  const w = Math.log(1 + (meta.count - l.e.df + 0.5) / (l.e.df + 0.5));
  l.docs.forEach((d, i) => { if (score.has(d)) score.set(d, score.get(d) + w * l.w[i]); });
 }
 c.sort((a, b) => score.get(b) - score.get(a) || b - a);
 return { ...none, docs: c, mode };
}
const clsName = v => meta.cls.find(c => c[0] === v)?.[1] || v;
const yearOf = d => meta.years.find(y => d >= y[1] && d < y[1] + y[2]), tally = (m, k) => m.set(k, (m.get(k) || 0) + 1);
// [id, title, date, origin, cls, tags, folder, original (1 .txt, 2 .html)]
const doc = async n => (await get('d/' + (n / meta.ds | 0) + '.json', 1))[n % meta.ds];
function years(docs) {
 const c = new Map();
 for (const d of docs) { const y = yearOf(d); if (y) tally(c, y[0]); }
 return c;
}
// {origin, cls, tag: [[value, name, count]]}
const facetShards = docs => [...new Set(docs.map(d => d / meta.fs | 0))];
async function facets(docs) {
 const sh = {}, n = [new Map(), new Map(), new Map()], dict = await get('f/dict.json', 1), out = {};
 await Promise.all(facetShards(docs).map(async k => {
  const u = await get('f/' + k + '.bin'), r = new Reader(u), list = sh[k] = [];
  while (r.o < u.length) { const f = [r.v(), r.v()]; for (let t = r.v(); t > 0; t--) f.push(r.v() + 1); list.push(f); }
 }));
 for (const d of docs) sh[d / meta.fs | 0][d % meta.fs].forEach((v, i) => { if (v) tally(n[Math.min(i, 2)], v - 1); });
 const names = [dict.origins, meta.cls.map(c => [c[0], 0, c[1]]), dict.tags];
 ['origin', 'cls', 'tag'].forEach((k, i) => { out[k] = [...n[i]].map(([v, c]) => [names[i][v][0], names[i][v][2], c]).sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1)); });
 return out;
}
// the stretch of text with most matches, escaped, matches in <mark>
const esc = s => s.replace(/[&<>"]/g, c => '&#' + c.charCodeAt(0) + ';');
function snippet(text, want) {
 const ws = [...text.matchAll(WORD)].map(m => ({ a: m.index, b: m.index + m[0].length, t: term(m[0]) }));
 let best = -1, top = 0;
 ws.forEach((w, i) => {
  if (!want.has(w.t)) return;
  const hits = ws.slice(i, i + 30).filter(x => want.has(x.t)), s = new Set(hits.map(x => x.t)).size * 100 + hits.length;
  if (s > top) { top = s; best = i; }
 });
 if (best < 0) return { html: '' };
 const from = Math.max(0, best - 6), to = Math.min(ws.length, from + 30), f = ws[best];
 let out = from ? '… ' : '', at = ws[from].a;
 for (const w of ws.slice(from, to)) {
  const t = esc(text.slice(w.a, w.b));
  out += esc(text.slice(at, w.a).replace(/\s+/g, ' ')) + (want.has(w.t) ? '<mark>' + t + '</mark>' : t);
  at = w.b;
 }
 return { html: out + (to < ws.length ? ' …' : ''), first: text.slice(f.a, f.b) };
}
if (typeof module === 'object') module.exports = { tokens, idKey, search, doc, years, facets, snippet, setRoot: r => { root = r; meta = null; files = {}; } };
if (typeof document === 'undefined') return;

const D = document, $ = id => D.getElementById(id), fmt = n => n.toLocaleString('en');
function el(tag, cls, text, parent) {
 const e = D.createElement(tag);
 if (cls) e.className = cls;
 if (text) e.textContent = text;
 parent?.append(e);
 return e;
}
const F = { cites: 'Citing', cls: 'Classification', tag: 'Tag', origin: 'Origin', year: 'Year' }, KEYS = ['q', ...Object.keys(F), 'page'], P = {}, U = new URLSearchParams(location.search);
for (const k of KEYS) if (U.get(k)) P[k] = U.get(k);
function href(change) {
 const q = { ...P, ...change, page: change.page || '' }, u = new URLSearchParams();
 for (const k of KEYS) if (q[k]) u.set(k, q[k]);
 return location.pathname + (u.toString() ? '?' + u : '');
}
let base = '';
const cableURL = row => base + '/cable/' + row[6] + '/' + row[0] + '/';
async function show() {
 const status = $('search-status'), filtered = Object.keys(F).some(k => P[k]);
 $('search-q').value = P.q || '';
 if (!P.q && !filtered) return;
 $('search-out').hidden = false;
 status.textContent = 'Searching…';
 const res = await search(P), n = res.docs.length, pages = Math.ceil(n / PER), page = Math.min(Math.max(1, +P.page || 1), pages || 1);
 if (res.redirect >= 0 && !filtered) return location.replace(cableURL(await doc(res.redirect)));
 const e = res.cites && await entry('#' + res.cites), row = e?.df === 1 && await doc((await postings(e)).docs[0]), id = res.cites?.toUpperCase();
 if (id) $('search-h').replaceChildren('Cables citing ', Object.assign(el(row ? 'a' : 'span', 'mono', id), row && { href: cableURL(row) }));
 status.textContent = res.mode === 'none' ? 'No word to search: common words, single letters and punctuation are left out.' : !n ? 'No cable matches.'
  : fmt(n) + ' cable' + (n > 1 ? 's' : '') + (id ? ' citing ' + id + (row ? '' : ' (not in this archive)') : '') + ({ some: ' with some of the words (none has all)', words: ' with the words, none as the phrase', id: ' with this reference' }[res.mode] || '')
   + (pages > 1 ? ` · page ${page} of ${pages}` : '');
 for (const k in F) if (P[k]) {
  Object.assign(el('input', null, null, $('search-form')), { type: 'hidden', name: k, value: P[k] });
  el('a', null, 'remove', el('li', null, `${F[k]}: ${k === 'cls' ? clsName(P[k]) : P[k]} `, $('search-active'))).href = href({ [k]: '' });
 }
 if (!n) return;
 chart(years(res.docs));
 const want = new Set(res.terms), nav = $('search-pages');
 for (const d of res.docs.slice((page - 1) * PER, page * PER)) {
  const li = el('li', 'search-hit', null, $('search-results'));
  doc(d).then(async row => {
   const url = cableURL(row), a = el('a', null, null, li);
   a.href = url + (want.size ? '?highlight=' + encodeURIComponent(P.q) : '');
   el('span', 'mono', row[0], a); a.append(' '); el('span', 'cl-title', row[1] || '(no subject)', a);
   if (row[2]) el('span', 'cl-date', row[2], li);
   if (row[3]) el('span', 'cl-origin', row[3], li);
   if (row[4]) { li.append(' '); el('span', 'badge cls-' + row[4], clsName(row[4]), li); }
   if (!want.size) return;
 // the body: no header, page breaks or scan noise
   const r = await fetch(url), s = snippet(r.ok && new DOMParser().parseFromString(await r.text(), 'text/html').querySelector('.cable-body')?.textContent || '', want);
   if (s.html) { el('p', 'search-snippet', null, li).innerHTML = s.html; a.hash = ':~:text=' + encodeURIComponent(s.first); }
  });
 }
 if (page > 1) el('a', null, '← Previous', nav).href = href({ page: page - 1 });
 if (page < pages) el('a', null, 'Next →', nav).href = href({ page: page + 1 });
 const bytes = facetShards(res.docs).reduce((s, k) => s + meta.fb[k], 0);
 if (bytes < 4e5) return counts(res.docs);
 const b = el('button', null, `Count by tag, origin and classification (${bytes >> 10} KB)`, $('search-facets'));
 b.onclick = () => { b.remove(); counts(res.docs); };
}
async function counts(docs) {
 const f = await facets(docs);
 for (const k of ['cls', 'tag', 'origin']) if (f[k].length) {
  const sec = el('section', 'panel', null, $('search-facets'));
  el('h2', null, F[k], sec);
  const ul = el('ul', 'ranked', null, sec);
  for (const [v, name, c] of f[k].slice(0, 12)) {
   const li = el('li', null, null, ul), a = el('a', null, k === 'cls' ? name : v, li);
   a.href = href({ [k]: v });
   if (k === 'tag' && name && name !== v) el('span', 'tag-name', ' ' + name, a);
   el('span', 'count', fmt(c), li);
  }
 }
}
// results per year, bars filter by year
function chart(by) {
 if (by.size < 2) return;
 const lo = Math.min(...by.keys()), n = Math.max(...by.keys()) - lo + 1, max = Math.max(...by.values());
 const bw = Math.max(4, Math.min(40, (600 / n | 0) - 4)), W = n * (bw + 4) + 4;
 let s = `<svg class="chart" viewBox="0 0 ${W} 100" width="${W}" height="100" role="img" aria-label="Results per year">`;
 for (let i = 0; i < n; i++) {
  const y = lo + i, c = by.get(y) || 0, bh = c && Math.max(2, Math.round(c / max * 80)), x = 4 + i * (bw + 4);
  s += `<a href="${esc(href({ year: y }))}"><rect class="chart-bar" x="${x}" y="${80 - bh}" width="${bw}" height="${bh}"><title>${y}: ${c} cable${c === 1 ? '' : 's'}</title></rect></a>`;
  if (bw > 23 || y % 5 === 0) s += `<text class="chart-label" x="${x + bw / 2}" y="95" text-anchor="middle">${String(y).slice(bw > 29 ? 0 : 2)}</text>`;
 }
 $('search-years').innerHTML = s + '</svg>';
}
function highlight() {
 const want = new Set(tokens(U.get('highlight') || '')), walk = D.createTreeWalker(D.querySelector('main'), 4), nodes = [];
 if (!want.size) return;
 while (walk.nextNode()) nodes.push(walk.currentNode);
 for (const node of nodes) {
  const t = node.nodeValue, h = t.replace(WORD, w => want.has(term(w)) ? '\0' + w + '\x01' : w), s = el('span');
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
 show().catch(e => { $('search-status').textContent = 'Search failed: ' + e.message; });
}
D.addEventListener('DOMContentLoaded', init);
})();
