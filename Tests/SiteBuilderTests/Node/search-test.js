// Runs the real search client (Themes/default/assets/search.js) under Node against a built site, and checks
// its answers against what a plain scan of the cables' Markdown finds — computed here, not read from the index.
//
// usage: node search-test.js PUBLIC_DIR SITE_ROOT [TOKEN_CASES.json]
//   PUBLIC_DIR  the built site (with search/)
//   SITE_ROOT   the site folder whose Content/cables/**/*.md were built
//   TOKEN_CASES [{text, terms}] from the Swift tokenizer: the client must split them the same way
// Prints one line per check; exits 1 if any fails.
'use strict';
const fs = require('fs');
const path = require('path');

const [publicDir, siteRoot, casesFile] = process.argv.slice(2);
if (!publicDir || !siteRoot) { console.error('usage: node search-test.js PUBLIC_DIR SITE_ROOT [TOKEN_CASES.json]'); process.exit(2); }

// fetch() served from PUBLIC_DIR, counting bytes
let downloaded = 0;
global.fetch = async (url) => {
  const file = path.join(publicDir, decodeURIComponent(String(url).replace(/^https?:\/\/[^/]+/, '').split(/[?#]/)[0]));
  let bytes = null;
  try { bytes = fs.readFileSync(file); } catch (e) { /* 404 */ }
  if (bytes) downloaded += bytes.length;
  return {
    ok: !!bytes, status: bytes ? 200 : 404,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    json: async () => JSON.parse(bytes.toString('utf8')),
    text: async () => bytes.toString('utf8'),
  };
};
const client = require(path.resolve(__dirname, '../../../Themes/default/assets/search.js'));
client.setRoot('/search/');

// ---- the cables, read independently of the index
function walk(dir, out) {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, out); else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}
const cables = walk(path.join(siteRoot, 'Content/cables'), []).map((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const end = text.indexOf('\n---\n', 4);
  const front = text.slice(0, end), body = text.slice(end + 5);
  const field = (k) => { const m = new RegExp('^' + k + ': (.*)$', 'm').exec(front); return m ? m[1] : ''; };
  const unquote = (s) => s.replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"');
  const list = (s) => s.replace(/^\[|\]$/g, '').split(',').map((x) => unquote(x.trim())).filter(Boolean);
  return { id: unquote(field('id')), title: unquote(field('title')), tags: list(field('tags')), origin: field('origin'), refs: list(field('references')),
    cls: field('classification'), text: unquote(field('title')) + '\n' + body };
});
const ids = (list) => list.map((c) => c.id).sort();

let failures = 0;
function check(name, ok, detail) {
  console.log((ok ? 'ok   ' : 'FAIL ') + name + (detail ? ' — ' + detail : ''));
  if (!ok) failures++;
}
function sameSet(name, got, want) {
  const g = new Set(got), w = new Set(want);
  const missing = want.filter((x) => !g.has(x)), extra = got.filter((x) => !w.has(x));
  check(name, !missing.length && !extra.length && want.length > 0,
    `${got.length} found, ${want.length} expected` + (missing.length ? `; missing ${missing.slice(0, 5)}` : '') + (extra.length ? `; unexpected ${extra.slice(0, 5)}` : ''));
}
async function found(params) {
  const res = await client.search(params);
  const rows = await Promise.all(res.docs.map((d) => client.doc(d)));
  return { res, ids: rows.map((r) => r[0]).sort(), rows };
}

(async () => {
  // a word: exactly the cables whose title or text has it
  const kidwai = await found({ q: 'Kidwai' });
  sameSet('word "Kidwai"', kidwai.ids, ids(cables.filter((c) => /\bkidwai\b/i.test(c.text))));

  // a plural, and all-capitals text: "detainees" finds detainee, DETAINEES, Detainees
  const detainees = await found({ q: 'detainees' });
  sameSet('word "detainees" (plural folded, any case)', detainees.ids, ids(cables.filter((c) => /\bdetainees?\b/i.test(c.text))));

  // a phrase in quotes: only cables with the words next to each other
  const phrase = await found({ q: '"Shelter Now"' });
  sameSet('phrase "Shelter Now"', phrase.ids, ids(cables.filter((c) => /\bshelter\s+now\b/i.test(c.text))));
  const loose = await found({ q: 'release Khan' });
  const phrase2 = await found({ q: '"release Khan"' });
  check('phrase narrows the same words', phrase2.ids.length < loose.ids.length && phrase2.ids.every((id) => loose.ids.includes(id)),
    `${phrase2.ids.length} with the phrase, ${loose.ids.length} with both words`);

  // three words: every result has all of them (AND)
  const three = await found({ q: 'Shelter Now detainees' });
  sameSet('three words "Shelter Now detainees"', three.ids,
    ids(cables.filter((c) => /\bshelter\b/i.test(c.text) && /\bnow\b/i.test(c.text) && /\bdetainees?\b/i.test(c.text))));

  // filters, with a query and without one
  const tagged = ids(cables.filter((c) => c.tags.includes('PK')));
  sameSet('filter tag=PK, empty query', (await found({ tag: 'PK' })).ids, tagged);
  sameSet('filter tag=PK with "nuclear"', (await found({ q: 'nuclear', tag: 'PK' })).ids,
    ids(cables.filter((c) => c.tags.includes('PK') && /\bnuclear\b/i.test(c.text))));
  sameSet('filter cls=secret, empty query', (await found({ cls: 'secret' })).ids, ids(cables.filter((c) => c.cls === 'SECRET')));
  const y2001 = await found({ q: 'Taliban', year: '2001' });
  check('filter year=2001 with "Taliban"', y2001.ids.length > 0 && y2001.rows.every((r) => r[2].startsWith('2001')), `${y2001.ids.length} found`);

  // facet counts agree with the filters
  const all = await client.search({ q: 'nuclear' });
  const counts = await client.facets(all.docs);
  for (const [kind, value, filter] of [['tag', 'PK', { tag: 'PK' }], ['origin', 'Embassy Islamabad', { origin: 'Embassy Islamabad' }], ['cls', 'secret', { cls: 'secret' }]]) {
    const count = (counts[kind].find((x) => x[0] === value) || [])[2];
    const filtered = await client.search({ q: 'nuclear', ...filter });
    check(`facet count ${kind}=${value} equals the filtered result count`, count > 0 && count === filtered.docs.length, `${count} vs ${filtered.docs.length}`);
  }
  const years = client.years(all.docs);
  let sum = 0; years.forEach((n) => { sum += n; });
  check('year chart counts add up to the results', sum === all.docs.length, `${sum} vs ${all.docs.length}`);

  // a reference id goes straight to its cable, however it is typed
  for (const q of ['08STATE37957', '08 STATE 37957', 'state 37957', '08STATE037957']) {
    const r = await client.search({ q });
    const row = r.redirect >= 0 ? await client.doc(r.redirect) : null;
    check(`id query "${q}"`, row && row[0] === '08STATE37957', row ? row[0] : 'no redirect');
  }

  // a reference id the archive does not hold finds the cables that cite it, typed with or without its year
  const held = new Set(cables.map((c) => c.id)), absent = cables.flatMap((c) => c.refs).find((r) => !held.has(r));
  if (!absent) check('the sample cites a cable it does not hold', false);
  const forms = absent ? [absent, absent.replace(/^(\d\d)([A-Z]+)(\d+)$/, '$1 $2 $3')] : [];
  if (absent && ![...held].some((h) => h.slice(2) === absent.slice(2))) forms.push(absent.slice(2));   // unless another year's is held
  for (const q of forms) {
    const r = await client.search({ q }), citing = await Promise.all(r.docs.map(client.doc));
    const want = cables.filter((c) => c.refs.includes(absent) || (q === absent.slice(2) && c.refs.some((x) => x.slice(2) === absent.slice(2))));
    check(`absent id "${q}" finds the cables citing it`, r.mode === 'cites' && r.redirect < 0, r.mode);
    sameSet(`cables citing "${q}"`, citing.map((row) => row[0]), ids(want));
  }

  // cites=ID lists the cables citing an id, held or not, however it is typed, in date order, with filters and words
  check('idKey reads an id as the index keys it', client.idKey(' 08 State 037957 ') === '08state37957' && client.idKey('Kidwai') === null);
  const citers = (id) => cables.filter((c) => c.refs.includes(id));
  const cited = [...held].filter((id) => citers(id).length).sort((a, b) => citers(b).length - citers(a).length || (a < b ? -1 : 1))[0];
  if (!cited) check('the sample holds a cable another cites', false);
  else {
    for (const form of [cited, cited.replace(/^(\d\d)([A-Z]+)(\d+)$/, '$1 $2 $3')]) {
      const r = await found({ cites: form });
      check(`cites="${form}" lists the cables citing it`, r.res.mode === 'cites' && r.res.cites === cited.toLowerCase() && r.res.redirect < 0, r.res.mode);
      sameSet(`cables citing held ${form}`, r.ids, ids(citers(cited)));
      check(`cables citing ${form} in date order`, r.res.docs.every((d, i) => !i || r.res.docs[i - 1] < d));
    }
    const tag = citers(cited)[0].tags[0], year = (await client.doc((await client.search({ cites: cited })).docs[0]))[2].slice(0, 4);
    sameSet(`cables citing ${cited} with tag=${tag}`, (await found({ cites: cited, tag })).ids, ids(citers(cited).filter((c) => c.tags.includes(tag))));
    const inYear = await found({ cites: cited, year });
    check(`cables citing ${cited} in ${year}`, inYear.ids.length > 0 && inYear.rows.every((r) => r[2].startsWith(year)), `${inYear.ids.length} found`);
    const word = citers(cited)[0].title.split(/\s+/).find((w) => client.tokens(w).length === 1 && w.length > 4);
    const worded = await found({ q: word, cites: cited });
    sameSet(`cables citing ${cited} with the word "${word}"`, worded.ids,
      ids(citers(cited).filter((c) => client.tokens([c.text, ...c.tags, c.origin].join(' ')).includes(client.tokens(word)[0]))));
    const helds = await found({ q: cited });
    check(`the id ${cited} typed alone still opens the cable`, helds.res.redirect >= 0 && helds.res.mode === 'id', helds.res.mode);
  }
  // and an id the archive does not hold, the most cited one
  const most = cables.flatMap((c) => c.refs).filter((r) => !held.has(r)).sort((a, b) => citers(b).length - citers(a).length || (a < b ? -1 : 1))[0];
  if (most) {
    const r = await found({ cites: most });
    sameSet(`cites="${most}" (not held) lists the cables citing it`, r.ids, ids(citers(most)));
    const tag = citers(most)[0].tags[0];
    sameSet(`cables citing ${most} with tag=${tag}`, (await found({ cites: most, tag })).ids, ids(citers(most).filter((c) => c.tags.includes(tag))));
  }
  const nobody = await client.search({ cites: '01NOWHERE1' });
  check('cites an id no cable cites: nothing', nobody.docs.length === 0 && nobody.mode === 'cites', nobody.mode);

  // a reference id with filters: the filters apply to it too
  const idOut = await client.search({ q: '08STATE37957', tag: 'IR' }), idIn = await client.search({ q: 'STATE 37957', tag: 'PK', year: '2008' });
  check('id query with a filter it fails finds nothing', idOut.mode === 'id' && idOut.docs.length === 0 && idOut.redirect < 0, `${idOut.mode} ${idOut.docs.length}`);
  check('id query with filters it meets finds the cable', idIn.redirect >= 0 && (await client.doc(idIn.redirect))[0] === '08STATE37957', `${idIn.mode} ${idIn.docs.length}`);

  // a phrase no cable has, of words some cables have both of: those cables, not those with either word
  const unphrased = await found({ q: '"Khan Karzai"' });
  check('unmatched phrase says so', unphrased.res.mode === 'words', unphrased.res.mode);
  sameSet('unmatched phrase falls back to the cables with all its words', unphrased.ids,
    ids(cables.filter((c) => /\bkhans?\b/i.test(c.text) && /\bkarzais?\b/i.test(c.text) && !/\bkhan\W+karzai/i.test(c.text))));

  // nothing found
  const none = await client.search({ q: 'qwxzyplonk' });
  check('no results', none.docs.length === 0, `${none.docs.length} found`);
  const common = await client.search({ q: 'the of and' });
  check('only common words', common.mode === 'none', common.mode);
  // a query with no word the index holds says so ('U.S.' is two single letters), a blank one is no query
  for (const q of ['!!!', 'a', '1.4(b)', 'U.S.']) {
    const r = await client.search({ q });
    check(`no word to search in ${JSON.stringify(q)}`, r.mode === 'none' && r.docs.length === 0, r.mode);
  }
  check('a blank query is none', (await client.search({ q: ' ' })).mode === 'empty');

  // ranking: a cable with the word in its title and text ranks above one that only mentions it
  const ranked = await found({ q: 'Khan' });
  const top = await client.doc(ranked.res.docs[0]);
  check('ranking puts a title match first for "Khan"', /khan/i.test(top[1]), `${top[0]}: ${top[1]}`);

  // snippets mark the words
  const s = client.snippet('The envoy met Lt. Gen. Kidwai on Tuesday; KIDWAI said nothing.', new Set(['kidwai']));
  check('snippet marks matches', s.html.includes('<mark>Kidwai</mark>') && s.html.includes('<mark>KIDWAI</mark>'), s.html);

  // the snippet is the stretch with the most of the words (the text is the page's body: the browser test
  // checks that no telegram header reaches it)
  const filler = ' word'.repeat(40);
  const best = client.snippet('Kidwai alone.' + filler + ' Lt. Gen. Kidwai met Khan.' + filler, new Set(['kidwai', 'khan']));
  check('snippet takes the stretch with the most words', best.html.includes('<mark>Kidwai</mark> met <mark>Khan</mark>') && best.html.startsWith('… '), best.html);

  // the tokenizer agrees with the Swift one
  if (casesFile) {
    const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
    const bad = cases.filter((c) => JSON.stringify(client.tokens(c.text)) !== JSON.stringify(c.terms));
    check(`tokenizer matches Swift on ${cases.length} texts`, bad.length === 0,
      bad.slice(0, 3).map((c) => `${JSON.stringify(c.text)}: js ${JSON.stringify(client.tokens(c.text))} swift ${JSON.stringify(c.terms)}`).join('; '));
  }

  console.log(`downloaded ${downloaded} bytes in all`);
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
