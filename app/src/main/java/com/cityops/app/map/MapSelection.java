package com.cityops.app.map;

import com.cityops.map.data.Feature;

/** A feature the operator pointed at, with the layer it was drawn in. */
public record MapSelection(String layerId, Feature feature) {}
