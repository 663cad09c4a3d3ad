package com.cityops.sim.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * A grid cell (网格), the unit grid workers patrol; code = street code + 3 digits.
 *
 * @param communityName the residents' committee (居委会) notified about cases in the cell
 */
public record Grid(
    String code,
    String name,
    String streetCode,
    String districtCode,
    String communityName,
    Geometry boundary) {}
