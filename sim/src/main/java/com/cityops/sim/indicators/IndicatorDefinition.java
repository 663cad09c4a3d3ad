package com.cityops.sim.indicators;

import com.cityops.api.IndicatorDomain;
import com.cityops.api.Threshold;

/**
 * One vital sign and how the simulator makes its values: {@code baseline + amplitude ×
 * profile(hour) + rainGain × rain + incidentGain × open cases + noise}, clamped to [min, max].
 *
 * @param districtCode null for a city-wide indicator
 * @param rainGain change per mm/h of rain
 * @param incidentGain change per open case (in the district, or city-wide)
 */
public record IndicatorDefinition(
    String id,
    String name,
    IndicatorDomain domain,
    String unit,
    String districtCode,
    Threshold threshold,
    double baseline,
    double amplitude,
    DailyProfile profile,
    double noise,
    double min,
    double max,
    int decimals,
    double rainGain,
    double incidentGain) {}
