// Writes a synthetic national data.police.uk archive, deterministically (same ROWS, same bytes): the 43 territorial
// forces of England and Wales, 36 monthly folders (2022-01 to 2024-12) laid out as the archive ships them,
// OUT/YYYY-MM/YYYY-MM-<force-slug>-street.csv, with the columns of the real street files. Rows per force follow the
// force's size (the Metropolitan Police Service largest, City of London Police smallest) and vary a little by month;
// each force has its own LSOAs (E01… in England, W01… in Wales) and the 14 data.police.uk crime types.
// Usage: node benchmarks/generate-national.mjs OUT [ROWS]   (ROWS default 18,000,000, the whole archive)
import { mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

const [, , out, rowsArg] = process.argv;
const total = Number(rowsArg ?? 18_000_000);
const months = Array.from({ length: 36 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}`);

// slug, name as "Falls within", a local authority for LSOA names, relative size (recorded crime, thousands a year), Welsh
const forces = [
  ['avon-and-somerset', 'Avon and Somerset Constabulary', 'Bristol', 130], ['bedfordshire', 'Bedfordshire Police', 'Bedford', 60],
  ['cambridgeshire', 'Cambridgeshire Constabulary', 'Cambridge', 70], ['cheshire', 'Cheshire Constabulary', 'Cheshire West and Chester', 80],
  ['city-of-london', 'City of London Police', 'City of London', 8], ['cleveland', 'Cleveland Police', 'Middlesbrough', 70],
  ['cumbria', 'Cumbria Constabulary', 'Carlisle', 30], ['derbyshire', 'Derbyshire Constabulary', 'Derby', 80],
  ['devon-and-cornwall', 'Devon & Cornwall Police', 'Plymouth', 110], ['dorset', 'Dorset Police', 'Bournemouth, Christchurch and Poole', 45],
  ['durham', 'Durham Constabulary', 'County Durham', 55], ['dyfed-powys', 'Dyfed-Powys Police', 'Carmarthenshire', 30, true],
  ['essex', 'Essex Police', 'Chelmsford', 170], ['gloucestershire', 'Gloucestershire Constabulary', 'Gloucester', 45],
  ['greater-manchester', 'Greater Manchester Police', 'Manchester', 330], ['gwent', 'Gwent Police', 'Newport', 50, true],
  ['hampshire', 'Hampshire Constabulary', 'Southampton', 170], ['hertfordshire', 'Hertfordshire Constabulary', 'St Albans', 90],
  ['humberside', 'Humberside Police', 'Kingston upon Hull', 90], ['kent', 'Kent Police', 'Maidstone', 180],
  ['lancashire', 'Lancashire Constabulary', 'Preston', 140], ['leicestershire', 'Leicestershire Police', 'Leicester', 85],
  ['lincolnshire', 'Lincolnshire Police', 'Lincoln', 50], ['merseyside', 'Merseyside Police', 'Liverpool', 130],
  ['metropolitan', 'Metropolitan Police Service', 'Westminster', 900], ['norfolk', 'Norfolk Constabulary', 'Norwich', 65],
  ['north-wales', 'North Wales Police', 'Wrexham', 55, true], ['north-yorkshire', 'North Yorkshire Police', 'York', 50],
  ['northamptonshire', 'Northamptonshire Police', 'West Northamptonshire', 60], ['northumbria', 'Northumbria Police', 'Newcastle upon Tyne', 150],
  ['nottinghamshire', 'Nottinghamshire Police', 'Nottingham', 95], ['south-wales', 'South Wales Police', 'Cardiff', 120, true],
  ['south-yorkshire', 'South Yorkshire Police', 'Sheffield', 150], ['staffordshire', 'Staffordshire Police', 'Stoke-on-Trent', 90],
  ['suffolk', 'Suffolk Constabulary', 'Ipswich', 50], ['surrey', 'Surrey Police', 'Guildford', 75],
  ['sussex', 'Sussex Police', 'Brighton and Hove', 140], ['thames-valley', 'Thames Valley Police', 'Oxford', 160],
  ['warwickshire', 'Warwickshire Police', 'Warwick', 40], ['west-mercia', 'West Mercia Police', 'Worcester', 100],
  ['west-midlands', 'West Midlands Police', 'Birmingham', 300], ['west-yorkshire', 'West Yorkshire Police', 'Leeds', 310],
  ['wiltshire', 'Wiltshire Police', 'Swindon', 40],
];
const types = [
  ['Anti-social behaviour', 20], ['Violence and sexual offences', 38], ['Criminal damage and arson', 8], ['Other theft', 6],
  ['Vehicle crime', 6], ['Shoplifting', 7], ['Public order', 8], ['Burglary', 3], ['Drugs', 4], ['Other crime', 2],
  ['Possession of weapons', 1], ['Robbery', 1], ['Bicycle theft', 1], ['Theft from the person', 1],
];
const outcomes = ['Investigation complete; no suspect identified', 'Unable to prosecute suspect', 'Under investigation', 'Local resolution', ''];
const size = forces.reduce((a, f) => a + f[3], 0);
const weights = types.reduce((a, [, w]) => a + w, 0);
const totalLsoas = 35_700; // LSOAs in England and Wales (2021)

let seed = 0;
const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
const pickType = () => { let r = next() * weights; for (const [t, w] of types) { if ((r -= w) < 0) return t; } return types[0][0]; };
const hex = () => { let s = ''; for (let i = 0; i < 8; i++) s += ((next() * 4294967296) >>> 0).toString(16).padStart(8, '0'); return s; };

// Each force's LSOAs: a share of England and Wales's by size (at least 60), codes unique across forces.
let england = 0, wales = 0;
const lsoasOf = forces.map(([, , place, weight, welsh]) => {
  const n = Math.max(60, Math.round((totalLsoas * weight) / size));
  return Array.from({ length: n }, (_, i) => [
    welsh ? `W0100${String(wales++).padStart(4, '0')}` : `E01${String(england++).padStart(6, '0')}`,
    `${place} ${String(1 + Math.floor(i / 4)).padStart(3, '0')}${'ABCD'[i % 4]}`]);
});

// The rows of each force-month: the force's share, ±10% by month, scaled to add up to the total exactly.
const plan = [];
forces.forEach((f, fi) => months.forEach((m, mi) => {
  seed = 7919 * (fi + 1) + mi;
  next();
  plan.push([fi, mi, f[3] * (0.9 + 0.2 * next())]);
}));
const raw = plan.reduce((a, p) => a + p[2], 0);
let planned = 0;
for (const p of plan) { p[2] = Math.max(1, Math.round((total * p[2]) / raw)); planned += p[2]; }
plan.reduce((a, p) => (p[2] > a[2] ? p : a))[2] += total - planned; // the remainder on the largest force-month

let written = 0;
for (const [fi, mi, rows] of plan) {
  const [slug, name, place] = forces[fi];
  const month = months[mi];
  const lsoas = lsoasOf[fi];
  const lon0 = -5 + ((fi * 37) % 60) / 10, lat0 = 50.2 + ((fi * 53) % 50) / 10;
  mkdirSync(join(out, month), { recursive: true });
  const fd = openSync(join(out, month, `${month}-${slug}-street.csv`), 'w');
  writeSync(fd, 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n');
  seed = 20240112 + fi * 1000 + mi;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const type = pickType();
    const [code, lsoaName] = lsoas[Math.floor(next() * lsoas.length)];
    const id = type === 'Anti-social behaviour' ? '' : hex();
    const lon = (lon0 + next() * 0.5).toFixed(6);
    const lat = (lat0 + next() * 0.5).toFixed(6);
    const outcome = type === 'Anti-social behaviour' ? '' : outcomes[Math.floor(next() * outcomes.length)];
    const ln = lsoaName.includes(',') ? `"${lsoaName}"` : lsoaName;
    chunk += `${id},${month},${name},${name},${lon},${lat},On or near ${place.split(/[ ,]/)[0]} Road,${code},${ln},${type},${outcome},\n`;
    if (chunk.length > 1 << 20) { writeSync(fd, chunk); chunk = ''; }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  written += rows;
}
console.log(`${written} rows, ${forces.length} forces, ${months.length} months, ${plan.length} files`);
