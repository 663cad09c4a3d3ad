// node places.js cities500.txt out.geojson
// GeoNames cities500 dump (tab-separated) -> GeoJSON points inside the Shanghai bbox.
// name_zh: among the CJK entries of GeoNames' alternatenames column, the one whose pinyin
// (pinyin-pro, any per-character reading) equals the English `name`; simplified forms
// (opencc t2s leaves them unchanged) and shorter forms preferred; null when none matches.
const fs = require('fs');
const {execFileSync} = require('child_process');
const {pinyin} = require(process.env.PINYIN_PRO || 'pinyin-pro');
const [,, txt, out] = process.argv;
const B = [120.8, 30.6, 122.2, 31.95];
const cjk = s => /^[\u3400-\u9fff]+$/.test(s);
const norm = s => s.toLowerCase().normalize('NFD').replace(/\u0308/g, 'v').replace(/[^a-z]/g, '');
function readings(word) {            // all pinyin spellings (no tones) of a CJK word, capped
  let acc = [''];
  for (const ch of word) {
    const r = [...new Set(pinyin(ch, {toneType: 'none', type: 'array', multiple: true}).map(norm))];
    acc = acc.flatMap(a => r.map(x => a + x)).slice(0, 256);
  }
  return acc;
}
const kindOf = fc => ({PPLC: 'capital', PPLA: 'city', PPLA2: 'city', PPLA3: 'district', PPLA4: 'town', PPLX: 'suburb'}[fc] || 'village');
const rows = [];
for (const line of fs.readFileSync(txt, 'utf8').split('\n')) {
  const c = line.split('\t'); if (c.length < 15) continue;
  const lat = +c[4], lon = +c[5];
  if (lon < B[0] || lon > B[2] || lat < B[1] || lat > B[3]) continue;
  rows.push(c);
}
const allHan = [...new Set(rows.flatMap(c => (c[3] || '').split(',').filter(cjk)))];
const simp = execFileSync('opencc', ['-c', 't2s.json'], {input: allHan.join('\n') + '\n'}).toString().split('\n');
const isSimp = Object.fromEntries(allHan.map((h, i) => [h, simp[i] === h]));
const feats = rows.map(c => {
  const want = norm(c[1]);
  const cands = (c[3] || '').split(',').filter(cjk).filter(h => readings(h).includes(want));
  cands.sort((a, b) => (isSimp[b] - isSimp[a]) || (a.length - b.length));
  return {type: 'Feature', properties: {name: c[1], name_zh: cands[0] || null, kind: kindOf(c[7]), fcode: c[7],
    population: +c[14] || 0, geonameid: +c[0]}, geometry: {type: 'Point', coordinates: [+c[5], +c[4]]}};
});
feats.sort((a, b) => b.properties.population - a.properties.population);
fs.writeFileSync(out, JSON.stringify({type: 'FeatureCollection', features: feats}));
console.log(out, feats.length, 'places;', feats.filter(f => f.properties.name_zh).length, 'with name_zh');
