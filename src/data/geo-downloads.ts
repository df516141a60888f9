/**
 * The geography as files for GIS users (GDAL, QGIS, shapefile export), made from the one
 * committed topology. The live map reads the same TopoJSON bytes; only the GeoJSON is changed
 * for other tools, because d3 wants the opposite ring winding from RFC 7946.
 */
import { rewind, truncate } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { Area } from '../views/geo-data.ts';
import type { LvliangTopology } from '../schema/geo.ts';
import { CountiesGeoJson, type CountyDownloadProperties } from '../schema/geo-downloads.ts';
import type { SiteData } from './load.ts';

/**
 * The topology with `"type":"Topology"` first: GDAL (and so QGIS) recognises TopoJSON by
 * sniffing the file's first bytes, and the committed file's sorted keys put `arcs` first.
 * Served at /geo/ (the live map) and /data/ (the download), identical bytes.
 */
export function topologyJson(topology: SiteData['topology']): string {
  const { type, bbox, transform, objects, arcs, ...rest } = topology as LvliangTopology;
  if (Object.keys(rest).length) throw new Error(`lvliang.topo.json: unexpected top-level keys ${Object.keys(rest).join(', ')}`);
  return JSON.stringify({ type, bbox, transform, objects, arcs });
}


/** Decimal places of the GeoJSON coordinates: 6 ≈ 0.1 m, finer than the 1/1024° (~100 m) source grid. */
export const GEOJSON_PRECISION = 6;

/**
 * The 13 counties as RFC 7946 GeoJSON: outer rings counter-clockwise, holes clockwise
 * (turf rewind; the topology's rings are clockwise for d3-geo), coordinates to 6 decimals,
 * and the label point as two numbers instead of a list (flat scalars, so a shapefile keeps
 * every property). Checked against its schema before it is written.
 */
export function countiesGeoJson(geo: SiteData['geo']): CountiesGeoJson {
  const features = geo.counties.features.map((f): Feature<Area, CountyDownloadProperties> => {
    const { code, zh, en, label } = f.properties;
    return { type: 'Feature', id: f.id, properties: { code, zh, en, label_lon: label[0], label_lat: label[1] }, geometry: f.geometry };
  });
  const fc: FeatureCollection<Area, CountyDownloadProperties> = { type: 'FeatureCollection', features };
  const wound = rewind(fc, { mutate: false }) as typeof fc;
  const result = CountiesGeoJson.safeParse(truncate(wound, { precision: GEOJSON_PRECISION, coordinates: 2, mutate: true }));
  if (!result.success) {
    const i = result.error.issues[0]!;
    throw new Error(`lvliang-counties.geojson does not match its schema (src/schema/geo-downloads.ts): ${i.path.join('.')}: ${i.message}`);
  }
  return result.data;
}
