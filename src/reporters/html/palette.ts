/**
 * The Okabe–Ito palette: eight colours that people with the common colour-vision deficiencies
 * tell apart. Series also differ by dash pattern, so no chart relies on colour alone.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Colours in the order given to series that have no fixed colour (yellow last: weak on white). */
export const SERIES_CYCLE: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** Dash patterns (canvas setLineDash, px) cycled with the colours. */
export const DASH_CYCLE: ReadonlyArray<readonly number[]> = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
