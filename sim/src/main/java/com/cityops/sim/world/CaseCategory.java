package com.cityops.sim.world;

import com.cityops.api.IncidentSource;
import com.cityops.api.IndicatorDomain;
import java.time.Duration;
import java.util.List;

/**
 * A kind of case the centre handles, with how often it occurs, how severe it tends to be, where it
 * is reported from and which departments the routing rules send it to.
 *
 * @param weight relative frequency in normal weather
 * @param urgent urgent classes must be dispatched within 5 minutes
 * @param levelWeights relative odds of Ⅰ, Ⅱ, Ⅲ, Ⅳ
 * @param handling typical time departments need on site
 * @param titles title templates; {@code %s} is the road
 */
public record CaseCategory(
    String name,
    IndicatorDomain domain,
    double weight,
    boolean urgent,
    double[] levelWeights,
    List<IncidentSource> sources,
    List<String> departments,
    Duration handling,
    List<String> titles) {

  /** Categories named by the source documents, with plausible normal-weather weights. */
  public static final List<CaseCategory> ALL =
      List.of(
          of(
              "道路积水",
              IndicatorDomain.FLOOD_CONTROL,
              3,
              true,
              lv(0, 0.2, 8, 92),
              sources(
                  IncidentSource.IOT_SENSOR, IncidentSource.HOTLINE_12345, IncidentSource.VIDEO_AI),
              depts("城管", "交通", "应急"),
              50,
              "%s积水约20厘米，影响通行",
              "%s下立交积水",
              "%s路段积水，车辆缓行"),
          of(
              "工地扬尘",
              IndicatorDomain.ENVIRONMENT,
              8,
              false,
              lv(0, 0, 3, 97),
              sources(
                  IncidentSource.GRID_PATROL,
                  IncidentSource.VIDEO_AI,
                  IncidentSource.HOTLINE_12345),
              depts("住建", "生态环境"),
              90,
              "%s工地未覆盖裸土，扬尘明显",
              "%s渣土车带泥上路"),
          of(
              "餐饮油烟",
              IndicatorDomain.ENVIRONMENT,
              7,
              false,
              lv(0, 0, 1, 99),
              sources(IncidentSource.HOTLINE_12345, IncidentSource.GRID_PATROL),
              depts("生态环境", "市场监管"),
              100,
              "%s餐饮店油烟直排扰民",
              "%s夜宵摊油烟扰民"),
          of(
              "违停",
              IndicatorDomain.TRAFFIC,
              14,
              false,
              lv(0, 0, 1, 99),
              sources(
                  IncidentSource.VIDEO_AI,
                  IncidentSource.GRID_PATROL,
                  IncidentSource.HOTLINE_12345),
              depts("交警"),
              30,
              "%s机动车违停占用消防通道",
              "%s违停车辆阻碍通行"),
          of(
              "燃气泄漏",
              IndicatorDomain.GAS,
              1,
              true,
              lv(0.2, 2, 30, 68),
              sources(IncidentSource.IOT_SENSOR, IncidentSource.HOTLINE_12345),
              depts("燃气", "消防", "应急"),
              60,
              "%s居民楼闻到燃气味",
              "%s燃气管道压力异常",
              "%s餐饮店燃气报警"),
          of(
              "井盖缺失",
              IndicatorDomain.CITY_MANAGEMENT,
              3,
              true,
              lv(0, 0, 5, 95),
              sources(
                  IncidentSource.IOT_SENSOR,
                  IncidentSource.GRID_PATROL,
                  IncidentSource.HOTLINE_12345),
              depts("城管", "水务"),
              45,
              "%s井盖缺失，存在安全隐患",
              "%s井盖位移报警"),
          of(
              "占道经营",
              IndicatorDomain.CITY_MANAGEMENT,
              10,
              false,
              lv(0, 0, 0.5, 99.5),
              sources(IncidentSource.GRID_PATROL, IncidentSource.VIDEO_AI),
              depts("城管"),
              40,
              "%s流动摊贩占道经营",
              "%s店外经营占用人行道"),
          of(
              "噪声扰民",
              IndicatorDomain.ENVIRONMENT,
              9,
              false,
              lv(0, 0, 0.5, 99.5),
              sources(IncidentSource.HOTLINE_12345),
              depts("生态环境", "公安"),
              70,
              "%s夜间施工噪声扰民",
              "%s广场舞音响噪声扰民"),
          of(
              "地质灾害隐患",
              IndicatorDomain.FLOOD_CONTROL,
              0.4,
              true,
              lv(0.5, 5, 40, 54.5),
              sources(IncidentSource.IOT_SENSOR, IncidentSource.DEPARTMENT_REPORT),
              depts("规划资源", "应急"),
              120,
              "%s地面沉降监测超限",
              "%s基坑周边路面开裂"),
          of(
              "暴露垃圾",
              IndicatorDomain.CITY_MANAGEMENT,
              9,
              false,
              lv(0, 0, 0.5, 99.5),
              sources(
                  IncidentSource.GRID_PATROL,
                  IncidentSource.VIDEO_AI,
                  IncidentSource.HOTLINE_12345),
              depts("绿化市容"),
              40,
              "%s生活垃圾堆放未清运",
              "%s建筑垃圾乱倒"),
          of(
              "路灯损坏",
              IndicatorDomain.CITY_MANAGEMENT,
              4,
              false,
              lv(0, 0, 0.5, 99.5),
              sources(IncidentSource.HOTLINE_12345, IncidentSource.GRID_PATROL),
              depts("城管"),
              90,
              "%s多盏路灯不亮",
              "%s路灯杆倾斜"),
          of(
              "树木倒伏",
              IndicatorDomain.CITY_MANAGEMENT,
              1,
              true,
              lv(0, 0.5, 10, 89.5),
              sources(IncidentSource.HOTLINE_12345, IncidentSource.GRID_PATROL),
              depts("绿化市容", "交通"),
              60,
              "%s行道树倒伏压占车道",
              "%s树枝断裂悬挂"),
          of(
              "交通事故",
              IndicatorDomain.TRAFFIC,
              4,
              true,
              lv(0.1, 1, 10, 88.9),
              sources(IncidentSource.VIDEO_AI, IncidentSource.HOTLINE_12345),
              depts("交警", "应急"),
              40,
              "%s两车追尾，占用车道",
              "%s非机动车与机动车碰擦"),
          of(
              "火情",
              IndicatorDomain.FIRE,
              0.8,
              true,
              lv(0.3, 3, 25, 71.7),
              sources(
                  IncidentSource.IOT_SENSOR, IncidentSource.VIDEO_AI, IncidentSource.HOTLINE_12345),
              depts("消防", "应急"),
              45,
              "%s沿街商铺冒烟",
              "%s居民楼烟感报警"),
          of(
              "电梯困人",
              IndicatorDomain.LIVELIHOOD,
              1.2,
              true,
              lv(0, 0, 8, 92),
              sources(IncidentSource.IOT_SENSOR, IncidentSource.HOTLINE_12345),
              depts("市场监管", "消防"),
              30,
              "%s小区电梯困人",
              "%s商场电梯故障困人"));

  public static CaseCategory named(String name) {
    return ALL.stream()
        .filter(c -> c.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown case category " + name));
  }

  /** Dispatch deadline counted from the report: 5 minutes for urgent classes and Ⅰ/Ⅱ. */
  public Duration dispatchWithin(com.cityops.api.IncidentLevel level) {
    if (urgent || level.code() <= 2) {
      return Duration.ofMinutes(5);
    }
    return level == com.cityops.api.IncidentLevel.III
        ? Duration.ofMinutes(15)
        : Duration.ofMinutes(30);
  }

  /** Resolution deadline counted from the report: hours, tighter for urgent and severe cases. */
  public Duration resolveWithin(com.cityops.api.IncidentLevel level) {
    if (urgent || level.code() <= 2) {
      return Duration.ofHours(2);
    }
    return level == com.cityops.api.IncidentLevel.III ? Duration.ofHours(3) : Duration.ofHours(4);
  }

  private static CaseCategory of(
      String name,
      IndicatorDomain domain,
      double weight,
      boolean urgent,
      double[] levelWeights,
      List<IncidentSource> sources,
      List<String> departments,
      int handlingMinutes,
      String... titles) {
    return new CaseCategory(
        name,
        domain,
        weight,
        urgent,
        levelWeights,
        sources,
        departments,
        Duration.ofMinutes(handlingMinutes),
        List.of(titles));
  }

  private static double[] lv(double i, double ii, double iii, double iv) {
    return new double[] {i, ii, iii, iv};
  }

  private static List<IncidentSource> sources(IncidentSource... sources) {
    return List.of(sources);
  }

  private static List<String> depts(String... departments) {
    return List.of(departments);
  }
}
