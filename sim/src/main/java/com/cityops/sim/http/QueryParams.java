package com.cityops.sim.http;

import com.cityops.api.DeviceStatus;
import com.cityops.api.DeviceType;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.IndicatorDomain;
import com.cityops.api.ProblemType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * Parses query parameters strictly: a bad value is a 400 naming the parameter and what is allowed.
 */
final class QueryParams {
  private QueryParams() {}

  /** {@code minLon,minLat,maxLon,maxLat} in WGS84 degrees, or null when absent. */
  static Envelope bbox(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw bad("bbox must be minLon,minLat,maxLon,maxLat (4 numbers), got '" + text + "'");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw bad("bbox value '" + parts[i] + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw bad("bbox value '" + parts[i] + "' is not finite");
      }
    }
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
      throw bad(
          "bbox "
              + text
              + " is outside lon [-180,180] / lat [-90,90] (order: minLon,minLat,maxLon,maxLat)");
    }
    if (v[0] > v[2] || v[1] > v[3]) {
      throw bad("bbox " + text + " has min greater than max (order: minLon,minLat,maxLon,maxLat)");
    }
    return new Envelope(v[0], v[2], v[1], v[3]);
  }

  private static BadRequest bad(String detail) {
    return new BadRequest(ProblemType.BAD_BBOX, detail);
  }

  static IncidentStatus status(String text) {
    return text == null ? null : enumOf(IncidentStatus.class, "status", text);
  }

  static DeviceStatus deviceStatus(String text) {
    return text == null ? null : enumOf(DeviceStatus.class, "status", text);
  }

  static IndicatorDomain domain(String text) {
    return text == null ? null : enumOf(IndicatorDomain.class, "domain", text);
  }

  static DeviceType deviceType(String text) {
    if (text == null) {
      return null;
    }
    try {
      return DeviceType.ofCode(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(ProblemType.INVALID_REQUEST, e.getMessage());
    }
  }

  static IncidentLevel level(String text) {
    if (text == null) {
      return null;
    }
    try {
      return IncidentLevel.ofCode(Integer.parseInt(text.trim()));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST, "level must be 1 (Ⅰ) to 4 (Ⅳ), got '" + text + "'");
    }
  }

  static Instant instant(String name, String text, Instant fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          name + " must be an ISO-8601 instant such as 2026-11-22T08:00:00Z, got '" + text + "'");
    }
  }

  static long since(String text) {
    if (text == null || text.isBlank()) {
      return -1;
    }
    try {
      long since = Long.parseLong(text.trim());
      if (since < 0) {
        throw new NumberFormatException();
      }
      return since;
    } catch (NumberFormatException e) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST, "since must be a stream seq ≥ 0, got '" + text + "'");
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name, String text) {
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          name
              + " '"
              + text
              + "' is unknown; allowed: "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList());
    }
  }
}
