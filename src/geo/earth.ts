/** Mean Earth radius (IUGG), km: ground distances on the print scale bar, areas in the geo build. */
export const EARTH_RADIUS_KM = 6371.0088;
