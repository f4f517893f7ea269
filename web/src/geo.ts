// The district boundaries the API sends (GeoJSON, data/geo/ on the server). A feature carries its
// GSO district code; the files in ../shared/data/geo/ call it district_code.
export type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown };
export type GeoJson = { type: 'FeatureCollection'; features: Feature[] };

const CODE_KEYS = ['district_code', 'code', 'gso_code', 'ma'];

/** The GSO code of a feature, as a string ("964"), or "" when it has none. */
export function featureCode(props: Record<string, unknown> | null | undefined): string {
  if (!props) return '';
  for (const k of CODE_KEYS) {
    const v = props[k];
    if (typeof v === 'string' && v) return v;
    if (typeof v === 'number') return String(v).padStart(3, '0');
  }
  return '';
}
