package com.cityops.api;

/**
 * The view of one map panel of a wall: the centre of the whole panel (however many screens it
 * spans) and its Web Mercator zoom.
 *
 * @param panel the panel's key in the layout: {@code <mode>/<index>}, e.g. {@code normal/0}
 */
public record WallPanelView(String panel, double lon, double lat, double zoom) {}
