package com.cityops.app.scope;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.GeoJsonFeatureCollection;
import com.cityops.api.Json;
import com.cityops.app.search.Gazetteer;
import com.cityops.app.search.PinyinMatcher;
import com.cityops.app.shell.AreaScope;
import org.junit.jupiter.api.Test;

class ScopeRulesTest {
  private static final AreaScope PUTUO = new AreaScope(AreaScope.Level.DISTRICT, "310107", "普陀区");
  private static final AreaScope XUHUI = new AreaScope(AreaScope.Level.DISTRICT, "310104", "徐汇区");
  private static final AreaScope CHANGFENG =
      new AreaScope(AreaScope.Level.STREET, "310107011", "长风新村街道");
  private static final AreaScope ELSEWHERE =
      new AreaScope(AreaScope.Level.STREET, "310104001", "天平路街道");

  private final Gazetteer places = gazetteer();

  private static Gazetteer gazetteer() {
    Gazetteer g = new Gazetteer(new PinyinMatcher());
    g.add("districts", fc(feature("310107", "普陀区", null) + "," + feature("310104", "徐汇区", null)));
    g.add(
        "streets",
        fc(
            feature("310107011", "长风新村街道", "310107")
                + ","
                + feature("310104001", "天平路街道", "310104")));
    return g;
  }

  private static GeoJsonFeatureCollection fc(String features) {
    return Json.read(
        "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}",
        GeoJsonFeatureCollection.class);
  }

  private static String feature(String code, String name, String district) {
    return "{\"type\":\"Feature\",\"id\":\""
        + code
        + "\",\"properties\":{\"code\":\""
        + code
        + "\",\"name\":\""
        + name
        + "\""
        + (district == null ? "" : ",\"districtCode\":\"" + district + "\"")
        + "},\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.4,31.2]}}";
  }

  @Test
  void aCityWideOperatorMayLookAnywhere() {
    assertThat(ScopeRules.clamp(AreaScope.CITY, null, places)).isEqualTo(AreaScope.CITY);
    assertThat(ScopeRules.clamp(ELSEWHERE, null, places)).isEqualTo(ELSEWHERE);
  }

  @Test
  void aDistrictOperatorNeverSeesMoreThanTheirDistrict() {
    assertThat(ScopeRules.clamp(AreaScope.CITY, "310107", places)).isEqualTo(PUTUO);
    assertThat(ScopeRules.clamp(XUHUI, "310107", places)).isEqualTo(PUTUO);
    assertThat(ScopeRules.clamp(ELSEWHERE, "310107", places)).isEqualTo(PUTUO);
  }

  @Test
  void aDistrictOperatorMayDrillDownInsideTheirDistrict() {
    assertThat(ScopeRules.clamp(PUTUO, "310107", places)).isEqualTo(PUTUO);
    assertThat(ScopeRules.clamp(CHANGFENG, "310107", places)).isEqualTo(CHANGFENG);
  }

  @Test
  void beforeThePlacesArriveTheDistrictIsShownByItsCode() {
    Gazetteer empty = new Gazetteer(new PinyinMatcher());
    assertThat(ScopeRules.clamp(CHANGFENG, "310107", empty))
        .isEqualTo(new AreaScope(AreaScope.Level.DISTRICT, "310107", "310107"));
    // once named, the district's name replaces the code
    assertThat(
            ScopeRules.clamp(
                new AreaScope(AreaScope.Level.DISTRICT, "310107", "310107"), "310107", places))
        .isEqualTo(PUTUO);
  }
}
