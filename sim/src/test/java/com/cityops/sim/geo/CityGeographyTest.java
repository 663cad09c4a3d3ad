package com.cityops.sim.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.GeoJsonFeatureCollection;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

class CityGeographyTest {
  static CityGeography city;

  @BeforeAll
  static void build() {
    city = CityGeography.shanghai(7);
  }

  @Test
  void hasShanghaisSixteenRealDistricts() {
    assertThat(city.districts()).hasSize(16);
    assertThat(city.district("310107")).get().extracting(District::name).isEqualTo("普陀区");
    assertThat(city.district("310151")).get().extracting(District::name).isEqualTo("崇明区");
  }

  @Test
  void putuoCarriesItsRealStreetNames() {
    assertThat(city.streetsOf("310107"))
        .extracting(Street::name)
        .containsExactlyInAnyOrder(
            "长寿路街道", "曹家渡街道", "甘泉路街道", "石泉路街道", "宜川路街道", "真如镇街道", "长征镇", "桃浦镇", "万里街道", "长风新村街道");
  }

  @Test
  void streetsPartitionTheirDistrictAndGridsTheirStreet() {
    for (District district : city.districts()) {
      List<Street> streets = city.streetsOf(district.code());
      double covered = streets.stream().mapToDouble(s -> s.boundary().getArea()).sum();
      assertThat(covered / district.boundary().getArea()).as(district.name()).isBetween(0.99, 1.01);
      for (Street street : streets) {
        assertThat(street.boundary().isValid()).isTrue();
        assertThat(street.boundary().difference(district.boundary()).getArea()).isLessThan(1e-9);
      }
    }
    assertThat(city.grids()).hasSizeBetween(1_500, 3_500);
  }

  @Test
  void locatesAPointInItsGridStreetAndDistrict() {
    Grid grid = city.gridsOf(city.streetsOf("310107").get(0).code()).get(0);
    GeoPoint inside = city.randomPointIn(grid.boundary(), new SplittableRandom(1));
    Place place = city.locate(inside.lon(), inside.lat()).orElseThrow();
    assertThat(place.grid().code()).isEqualTo(grid.code());
    assertThat(place.district().code()).isEqualTo("310107");
    assertThat(city.locate(122.8, 30.5)).as("East China Sea").isEmpty();
  }

  @Test
  void theSameSeedBuildsTheSameCity() {
    CityGeography again = CityGeography.shanghai(7);
    assertThat(again.grids())
        .extracting(Grid::code, Grid::name)
        .isEqualTo(
            city.grids().stream()
                .map(g -> org.assertj.core.groups.Tuple.tuple(g.code(), g.name()))
                .toList());
    Geometry a = again.grids().get(100).boundary();
    assertThat(a.equalsExact(city.grids().get(100).boundary())).isTrue();
  }

  @Test
  void servesLayersAsGeoJsonFilteredByBbox() {
    assertThat(city.layers())
        .extracting(l -> l.id())
        .containsExactly("districts", "streets", "grids");
    Envelope putuo = new Envelope(121.36, 121.40, 31.24, 31.27);
    GeoJsonFeatureCollection some = city.features("grids", putuo);
    assertThat(some.features()).isNotEmpty().hasSizeLessThan(city.grids().size() / 10);
    var geometry = some.features().get(0).geometry();
    assertThat(geometry.get("type").asText()).isIn("Polygon", "MultiPolygon");
  }
}
