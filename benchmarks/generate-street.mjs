// Writes a data.police.uk-format street-level CSV of N rows, deterministically (same N, same bytes).
// Usage: node benchmarks/generate-street.mjs OUT.csv ROWS [YYYY-MM]
// Without a month the rows spread over the twelve months of 2023; with one, every row is in that month (a monthly file).
import { createWriteStream } from 'node:fs';

const [, , out, rowsArg, fixedMonth] = process.argv;
const rows = Number(rowsArg ?? 5_000_000);
let seed = 20240112 + (fixedMonth ? Number(fixedMonth.replace('-', '')) : 0);
const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;

const types = [
  ['Anti-social behaviour', 20], ['Violence and sexual offences', 38], ['Criminal damage and arson', 8], ['Other theft', 6],
  ['Vehicle crime', 6], ['Shoplifting', 7], ['Public order', 8], ['Burglary', 3], ['Drugs', 4], ['Other crime', 2],
  ['Possession of weapons', 1], ['Robbery', 1], ['Bicycle theft', 1], ['Theft from the person', 1],
];
const weights = types.reduce((a, [, w]) => a + w, 0);
const pickType = () => { let r = next() * weights; for (const [t, w] of types) { if ((r -= w) < 0) return t; } return types[0][0]; };
const authorities = ['Basildon', 'Braintree', 'Brentwood', 'Castle Point', 'Chelmsford', 'Colchester', 'Epping Forest', 'Harlow',
  'Maldon', 'Rochford', 'Southend-on-Sea', 'Tendring', 'Thurrock', 'Uttlesford'];
const lsoas = Array.from({ length: 1100 }, (_, i) => [`E0102${String(1000 + i).padStart(4, '0')}`,
  `${authorities[i % authorities.length]} ${String(1 + (i % 120)).padStart(3, '0')}${'ABCDE'[i % 5]}`]);
const outcomes = ['Investigation complete; no suspect identified', 'Unable to prosecute suspect', 'Under investigation', 'Local resolution', ''];
const hex = () => { let s = ''; for (let i = 0; i < 8; i++) s += ((next() * 4294967296) >>> 0).toString(16).padStart(8, '0'); return s; };

const stream = createWriteStream(out);
stream.write('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n');
let chunk = '';
for (let i = 0; i < rows; i++) {
  const month = fixedMonth ?? `2023-${String(1 + Math.floor((i * 12) / rows)).padStart(2, '0')}`;
  const type = pickType();
  const [code, name] = lsoas[Math.floor(next() * lsoas.length)];
  const id = type === 'Anti-social behaviour' ? '' : hex();
  const lon = (0.2 + next() * 1.0).toFixed(6);
  const lat = (51.5 + next() * 0.5).toFixed(6);
  const outcome = type === 'Anti-social behaviour' ? '' : outcomes[Math.floor(next() * outcomes.length)];
  chunk += `${id},${month},Essex Police,Essex Police,${lon},${lat},On or near ${name.split(' ')[0]} Road,${code},${name},${type},${outcome},\n`;
  if (chunk.length > 1 << 20) {
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
    chunk = '';
  }
}
stream.end(chunk);
await new Promise((r) => stream.on('finish', r));
