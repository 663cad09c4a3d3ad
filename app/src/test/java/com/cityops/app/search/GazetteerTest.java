package com.cityops.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.GeoJsonFeatureCollection;
import com.cityops.api.Json;
import com.cityops.app.shell.AreaScope;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private static final String DISTRICTS =
      """
      {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"310107","properties":{"code":"310107","name":"普陀区"},
         "geometry":{"type":"Polygon","coordinates":[[[121.35,31.22],[121.45,31.22],[121.45,31.30],[121.35,31.30],[121.35,31.22]]]}},
        {"type":"Feature","id":"310104","properties":{"code":"310104","name":"徐汇区"},
         "geometry":{"type":"Polygon","coordinates":[[[121.40,31.12],[121.47,31.12],[121.47,31.21],[121.40,31.21],[121.40,31.12]]]}},
        {"type":"Feature","id":"broken","properties":{"code":"bad","name":"坏数据"},
         "geometry":{"type":"Polygon","coordinates":"not coordinates"}}
      ]}""";
  private static final String STREETS =
      """
      {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"310107011","properties":{"code":"310107011","name":"长风新村街道","districtCode":"310107"},
         "geometry":{"type":"Polygon","coordinates":[[[121.38,31.22],[121.41,31.22],[121.41,31.24],[121.38,31.24],[121.38,31.22]]]}}
      ]}""";
  private static final String GRIDS =
      """
      {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"G1","properties":{"code":"310107011-01","name":"长风一村网格","districtCode":"310107","streetCode":"310107011"},
         "geometry":{"type":"Polygon","coordinates":[[[121.38,31.22],[121.39,31.22],[121.39,31.23],[121.38,31.23],[121.38,31.22]]]}}
      ]}""";

  private final Gazetteer gazetteer = loaded();

  private static Gazetteer loaded() {
    Gazetteer g = new Gazetteer(new PinyinMatcher());
    g.add("districts", Json.read(DISTRICTS, GeoJsonFeatureCollection.class));
    g.add("streets", Json.read(STREETS, GeoJsonFeatureCollection.class));
    g.add("grids", Json.read(GRIDS, GeoJsonFeatureCollection.class));
    g.add("rivers", Json.read(DISTRICTS, GeoJsonFeatureCollection.class));
    return g;
  }

  @Test
  void keepsEveryReadableAreaAndSkipsBrokenGeometry() {
    assertThat(gazetteer.size()).isEqualTo(4);
    assertThat(gazetteer.place("bad")).isEmpty();
  }

  @Test
  void findsADistrictByInitialsAndFullPinyin() {
    assertThat(gazetteer.search("ptq", 5)).extracting(Place::name).first().isEqualTo("普陀区");
    assertThat(gazetteer.search("putuo", 5)).extracting(Place::name).first().isEqualTo("普陀区");
    assertThat(gazetteer.search("xh", 5)).extracting(Place::name).containsExactly("徐汇区");
  }

  @Test
  void findsStreetsAndGridsByNameOrCode() {
    assertThat(gazetteer.search("长风", 5))
        .extracting(Place::name)
        .containsExactly("长风新村街道", "长风一村网格");
    assertThat(gazetteer.search("cfxc", 5)).extracting(Place::code).containsExactly("310107011");
    assertThat(gazetteer.search("310107011-01", 5))
        .extracting(Place::level)
        .containsExactly(AreaScope.Level.GRID);
  }

  @Test
  void knowsWhereEachAreaLiesAndItsExtent() {
    Place street = gazetteer.place("310107011").orElseThrow();
    assertThat(gazetteer.path(street.scope()))
        .extracting(Place::name)
        .containsExactly("普陀区", "长风新村街道");
    assertThat(street.bounds().getMinX()).isEqualTo(121.38);
    assertThat(street.bounds().getMaxY()).isEqualTo(31.24);
    assertThat(street.bounds().contains(street.lon(), street.lat())).isTrue();
    assertThat(gazetteer.cityBounds().getMinY()).isEqualTo(31.12);
  }

  @Test
  void listsTheAreasOneLevelDown() {
    assertThat(gazetteer.children(AreaScope.CITY))
        .extracting(Place::name)
        .containsExactly("徐汇区", "普陀区");
    Place putuo = gazetteer.place("310107").orElseThrow();
    assertThat(gazetteer.children(putuo.scope())).extracting(Place::name).containsExactly("长风新村街道");
  }

  @Test
  void tellsWhetherOneAreaLiesInAnother() {
    AreaScope grid = gazetteer.place("310107011-01").orElseThrow().scope();
    AreaScope putuo = gazetteer.place("310107").orElseThrow().scope();
    AreaScope xuhui = gazetteer.place("310104").orElseThrow().scope();
    assertThat(gazetteer.within(grid, putuo)).isTrue();
    assertThat(gazetteer.within(grid, xuhui)).isFalse();
    assertThat(gazetteer.within(putuo, AreaScope.CITY)).isTrue();
    assertThat(gazetteer.within(AreaScope.CITY, putuo)).isFalse();
  }

  @Test
  void replacesALayerThatArrivesAgain() {
    gazetteer.add("streets", GeoJsonFeatureCollection.of(java.util.List.of()));
    assertThat(gazetteer.place("310107011")).isEmpty();
    assertThat(gazetteer.place("310107")).isPresent();
  }
}
