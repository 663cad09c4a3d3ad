// Like a plain bbox prefilter, but also drops polygon holes lying entirely outside the bbox window
// (the OSM Eurasia polygon has invalid far-away rings; GEOS then clips what is left).
const fs = require('fs');
const [,, inp, out, kind] = process.argv;
const B = [120.7, 30.5, 122.3, 32.05];
const g = JSON.parse(fs.readFileSync(inp, 'utf8'));
const geoms = g.type === 'GeometryCollection' ? g.geometries : g.features.map(f => f.geometry);
function bb(r){let b=[1e9,1e9,-1e9,-1e9];for(const c of r){if(c[0]<b[0])b[0]=c[0];if(c[1]<b[1])b[1]=c[1];if(c[0]>b[2])b[2]=c[0];if(c[1]>b[3])b[3]=c[1];}return b;}
const hit=b=>!(b[2]<B[0]||b[0]>B[2]||b[3]<B[1]||b[1]>B[3]);
const feats=[];
for (const geom of geoms) {
  const polys = geom.type==='MultiPolygon'?geom.coordinates:[geom.coordinates];
  for (const p of polys) { if(!hit(bb(p[0]))) continue;
    const rings=[p[0], ...p.slice(1).filter(r=>hit(bb(r)))];
    feats.push({type:'Feature',properties:{kind},geometry:{type:'Polygon',coordinates:rings}}); }
}
fs.writeFileSync(out, JSON.stringify({type:'FeatureCollection',features:feats}));
console.log(feats.length, feats.map(f=>f.geometry.coordinates.length+':'+f.geometry.coordinates[0].length).join(' '));
