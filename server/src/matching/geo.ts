// Where a region is, roughly: the seat of each prefecture the region table knows (every
// prefecture of Qinghai and Gansu, every provincial capital). A county is placed at its
// prefecture's seat and a province at its capital: good enough to tell "same city",
// "neighbouring prefecture" and "across the country" apart for the distance factor.

const SEATS: Record<string, [lat: number, lon: number]> = {
  '110100': [39.9, 116.4],
  '120100': [39.13, 117.2],
  '130100': [38.04, 114.51],
  '140100': [37.87, 112.55],
  '150100': [40.84, 111.75],
  '210100': [41.8, 123.43],
  '220100': [43.82, 125.32],
  '230100': [45.8, 126.53],
  '310100': [31.23, 121.47],
  '320100': [32.06, 118.8],
  '330100': [30.27, 120.16],
  '340100': [31.82, 117.23],
  '350100': [26.07, 119.3],
  '360100': [28.68, 115.86],
  '370100': [36.65, 117.12],
  '410100': [34.75, 113.63],
  '420100': [30.59, 114.31],
  '430100': [28.23, 112.94],
  '440100': [23.13, 113.26],
  '450100': [22.82, 108.37],
  '460100': [20.04, 110.2],
  '500100': [29.56, 106.55],
  '510100': [30.57, 104.07],
  '520100': [26.65, 106.63],
  '530100': [25.04, 102.71],
  '540100': [29.65, 91.17],
  '610100': [34.34, 108.94],
  '640100': [38.49, 106.23],
  '650100': [43.83, 87.62],
  // Gansu
  '620100': [36.06, 103.83],
  '620200': [39.77, 98.29],
  '620300': [38.52, 102.19],
  '620400': [36.54, 104.14],
  '620500': [34.58, 105.72],
  '620600': [37.93, 102.64],
  '620700': [38.93, 100.45],
  '620800': [35.54, 106.67],
  '620900': [39.73, 98.49],
  '621000': [35.71, 107.64],
  '621100': [35.58, 104.63],
  '621200': [33.4, 104.92],
  '622900': [35.6, 103.21],
  '623000': [34.99, 102.91],
  // Qinghai
  '630100': [36.62, 101.78],
  '630200': [36.48, 102.4],
  '632200': [36.96, 100.9],
  '632300': [35.52, 102.02],
  '632500': [36.28, 100.62],
  '632600': [34.47, 100.24],
  '632700': [33.0, 97.01],
  '632800': [37.37, 97.37],
};

/** The seat of the region's prefecture, or of its province's capital. */
export function seatOf(code: string): [number, number] | undefined {
  return SEATS[`${code.slice(0, 4)}00`] ?? SEATS[`${code.slice(0, 2)}0100`];
}

/** Great-circle distance in km between two regions' seats; undefined when one is unknown. */
export function distanceKm(a: string, b: string): number | undefined {
  return kmBetween(seatOf(a) ?? null, seatOf(b) ?? null);
}

/** Great-circle distance in km between two points; undefined when one is unknown. */
export function kmBetween(p: [number, number] | null, q: [number, number] | null): number | undefined {
  if (!p || !q) return undefined;
  const rad = Math.PI / 180;
  const dLat = (q[0] - p[0]) * rad;
  const dLon = (q[1] - p[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p[0] * rad) * Math.cos(q[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
