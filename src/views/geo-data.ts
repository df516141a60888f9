import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { CountyProperties, NeighbourProperties } from '../schema/geo.ts';

export type Area = Polygon | MultiPolygon;
export interface GeoData {
  counties: FeatureCollection<Area, CountyProperties>;
  neighbours: FeatureCollection<Area, NeighbourProperties>;
  river: Feature<MultiLineString>;
}

/** The topology's objects as GeoJSON, for d3-geo, turf and MapLibre alike. */
export function geoFromTopology(topology: unknown): GeoData {
  const t = topology as Topology<Record<'counties' | 'neighbours' | 'yellowRiver', GeometryObject>>;
  const river = feature(t, t.objects.yellowRiver) as unknown as Feature<MultiLineString> | FeatureCollection<MultiLineString>;
  const riverLines: Feature<MultiLineString> =
    river.type === 'FeatureCollection'
      ? {
          type: 'Feature',
          properties: {},
          geometry: { type: 'MultiLineString', coordinates: river.features.flatMap((f) => f.geometry.coordinates) },
        }
      : river;
  return {
    counties: feature(t, t.objects.counties) as unknown as FeatureCollection<Area, CountyProperties>,
    neighbours: feature(t, t.objects.neighbours) as unknown as FeatureCollection<Area, NeighbourProperties>,
    river: riverLines,
  };
}
