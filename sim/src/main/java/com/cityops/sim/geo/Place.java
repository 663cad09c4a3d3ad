package com.cityops.sim.geo;

/** Where a point lies: district, street and grid cell. */
public record Place(District district, Street street, Grid grid) {}
