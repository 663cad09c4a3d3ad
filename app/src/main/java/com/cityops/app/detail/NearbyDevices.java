package com.cityops.app.detail;

import com.cityops.api.Device;
import com.cityops.api.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The field devices (cameras, sensors) around a case, nearest first. Pure. */
final class NearbyDevices {
  /** How far around a case devices are worth looking at. */
  static final double RADIUS_M = 500;

  /** How many are listed at most (a dense centre has dozens within the radius). */
  static final int LIMIT = 12;

  private NearbyDevices() {}

  /** A device and how far it is from the case. */
  record Nearby(Device device, double metres) {}

  static List<Nearby> around(Location place, List<Device> devices, double radiusM, int limit) {
    double dLat = Distances.latDegrees(radiusM);
    double dLon = Distances.lonDegrees(radiusM, place.lat());
    List<Nearby> near = new ArrayList<>();
    for (Device d : devices) {
      Location l = d.location();
      if (Math.abs(l.lat() - place.lat()) > dLat || Math.abs(l.lon() - place.lon()) > dLon) {
        continue;
      }
      double m = Distances.metres(place, l);
      if (m <= radiusM) {
        near.add(new Nearby(d, m));
      }
    }
    near.sort(Comparator.comparingDouble(Nearby::metres).thenComparing(n -> n.device().id()));
    return near.size() > limit ? List.copyOf(near.subList(0, limit)) : List.copyOf(near);
  }
}
