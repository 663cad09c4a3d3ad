package com.cityops.sim.indicators;

import static com.cityops.api.IndicatorDomain.CITY_MANAGEMENT;
import static com.cityops.api.IndicatorDomain.ECONOMY;
import static com.cityops.api.IndicatorDomain.ENVIRONMENT;
import static com.cityops.api.IndicatorDomain.FIRE;
import static com.cityops.api.IndicatorDomain.FLOOD_CONTROL;
import static com.cityops.api.IndicatorDomain.GAS;
import static com.cityops.api.IndicatorDomain.HOTLINE;
import static com.cityops.api.IndicatorDomain.LIVELIHOOD;
import static com.cityops.api.IndicatorDomain.TRAFFIC;
import static com.cityops.sim.indicators.DailyProfile.AFTERNOON_PEAK;
import static com.cityops.sim.indicators.DailyProfile.COMMUTE;
import static com.cityops.sim.indicators.DailyProfile.DAYTIME;
import static com.cityops.sim.indicators.DailyProfile.EVENING_PEAK;
import static com.cityops.sim.indicators.DailyProfile.FLAT;
import static com.cityops.sim.indicators.DailyProfile.NIGHT_HIGH;

import com.cityops.api.IndicatorDomain;
import com.cityops.api.Threshold;
import com.cityops.api.ThresholdDirection;
import java.util.ArrayList;
import java.util.List;

/**
 * The city's vital signs (城市体征): a table of templates, one line each, read as
 * {@code id, name, domain, unit, warning, alarm, direction(+ above / - below), baseline, amplitude,
 * profile, noise, min, max, decimals, rainGain, incidentGain}. Per-district templates are repeated for
 * each of the 16 districts, which with the city-wide ones gives 200+ indicators.
 */
public final class IndicatorCatalog {

  /** A district the catalog makes per-district indicators for. */
  public record DistrictRef(String code, String name) {}

  private record Template(String id, String name, IndicatorDomain domain, String unit, double warning,
      double alarm, int direction, double baseline, double amplitude, DailyProfile profile, double noise,
      double min, double max, int decimals, double rainGain, double incidentGain) {}

  /** Per district; {@code %s} is the district's name. */
  private static final List<Template> PER_DISTRICT = List.of(
      t("traffic.congestion_index", "%s道路拥堵指数", TRAFFIC, "", 6, 8, +1, 2.6, 3.0, COMMUTE, 0.25, 1, 10, 1, 0.05, 0),
      t("traffic.avg_speed", "%s路网平均车速", TRAFFIC, "km/h", 22, 15, -1, 38, -12, COMMUTE, 1.5, 5, 70, 1, -0.15, 0),
      t("flood.rainfall", "%s小时降雨量", FLOOD_CONTROL, "mm/h", 20, 50, +1, 0, 0, FLAT, 0.05, 0, 150, 1, 1.0, 0),
      t("flood.waterlogged_points", "%s道路积水点", FLOOD_CONTROL, "处", 3, 8, +1, 0, 0, FLAT, 0.1, 0, 80, 0, 0.12, 0),
      t("fire.alarms_today", "%s今日火警", FIRE, "起", 8, 15, +1, 2, 1.5, EVENING_PEAK, 0.4, 0, 40, 0, 0, 0),
      t("gas.pipe_pressure", "%s燃气管网压力", GAS, "kPa", 2.0, 1.8, -1, 2.6, -0.15, EVENING_PEAK, 0.03, 1.2, 3.2, 2, 0, 0),
      t("env.aqi", "%s空气质量指数", ENVIRONMENT, "AQI", 150, 200, +1, 52, 14, COMMUTE, 4, 5, 400, 0, -0.4, 0),
      t("env.noise", "%s区域环境噪声", ENVIRONMENT, "dB(A)", 65, 70, +1, 51, 8, DAYTIME, 1.0, 35, 90, 1, 0, 0),
      t("live.water_pressure", "%s供水管网压力", LIVELIHOOD, "MPa", 0.16, 0.14, -1, 0.24, 0.05, NIGHT_HIGH, 0.006, 0.08, 0.45, 3, 0, 0),
      t("live.power_load", "%s用电负荷", LIVELIHOOD, "万千瓦", 115, 130, +1, 62, 34, AFTERNOON_PEAK, 2.5, 10, 200, 1, 0, 0),
      t("city.open_cases", "%s在办案件", CITY_MANAGEMENT, "件", 60, 100, +1, 0, 0, FLAT, 0, 0, 2000, 0, 0, 1.0),
      t("hotline.calls_per_hour", "%s12345来电量", HOTLINE, "通/小时", 160, 230, +1, 18, 70, DAYTIME, 5, 0, 1000, 0, 1.2, 0.8));

  /** City-wide. */
  private static final List<Template> CITY = List.of(
      t("traffic.city_congestion_index", "全市道路拥堵指数", TRAFFIC, "", 6, 8, +1, 2.5, 3.2, COMMUTE, 0.15, 1, 10, 1, 0.05, 0),
      t("traffic.expressway_speed", "快速路平均车速", TRAFFIC, "km/h", 35, 25, -1, 62, -24, COMMUTE, 2, 10, 90, 1, -0.2, 0),
      t("traffic.metro_ridership", "轨道交通客流", TRAFFIC, "万人次/小时", 95, 110, +1, 12, 68, COMMUTE, 3, 0, 150, 1, 0.1, 0),
      t("traffic.bus_on_time", "公交准点率", TRAFFIC, "%", 85, 75, -1, 95, -6, COMMUTE, 0.8, 40, 100, 1, -0.25, 0),
      t("traffic.metro_on_time", "地铁列车准点率", TRAFFIC, "%", 98, 95, -1, 99.8, -0.3, COMMUTE, 0.08, 80, 100, 2, -0.02, 0),
      t("traffic.accidents_today", "今日道路交通事故", TRAFFIC, "起", 60, 90, +1, 20, 18, DAYTIME, 2, 0, 300, 0, 0.3, 0),
      t("traffic.tunnels_closed", "越江隧道封闭", TRAFFIC, "条", 1, 3, +1, 0, 0, FLAT, 0.05, 0, 20, 0, 0.03, 0),
      t("flood.city_rainfall", "全市平均小时降雨量", FLOOD_CONTROL, "mm/h", 20, 50, +1, 0, 0, FLAT, 0.03, 0, 150, 1, 1.0, 0),
      t("flood.tide_wusongkou", "吴淞口潮位", FLOOD_CONTROL, "m", 4.8, 5.3, +1, 3.2, 0.9, EVENING_PEAK, 0.05, 1.5, 6.5, 2, 0.008, 0),
      t("flood.tide_huangpu_park", "黄浦公园潮位", FLOOD_CONTROL, "m", 4.55, 4.8, +1, 3.0, 0.8, EVENING_PEAK, 0.05, 1.5, 6.0, 2, 0.008, 0),
      t("flood.tide_mipu", "米市渡水位", FLOOD_CONTROL, "m", 3.5, 3.8, +1, 2.6, 0.4, EVENING_PEAK, 0.04, 1.5, 5.0, 2, 0.01, 0),
      t("flood.pumps_running", "排水泵站运行", FLOOD_CONTROL, "座", 200, 280, +1, 18, 6, DAYTIME, 2, 0, 357, 0, 4.0, 0),
      t("flood.underpasses_closed", "下立交封闭", FLOOD_CONTROL, "处", 2, 5, +1, 0, 0, FLAT, 0.05, 0, 40, 0, 0.06, 0),
      t("flood.wind_speed", "全市平均风速", FLOOD_CONTROL, "m/s", 10.8, 17.2, +1, 3.2, 1.5, AFTERNOON_PEAK, 0.4, 0, 40, 1, 0.12, 0),
      t("fire.response_minutes", "消防平均到场时间", FIRE, "分钟", 12, 15, +1, 8.5, 1.5, COMMUTE, 0.4, 3, 30, 1, 0.05, 0),
      t("fire.alarms_city_today", "全市今日火警", FIRE, "起", 90, 140, +1, 35, 25, EVENING_PEAK, 3, 0, 400, 0, 0, 0),
      t("fire.hydrant_availability", "市政消火栓完好率", FIRE, "%", 95, 90, -1, 98.6, 0, FLAT, 0.15, 80, 100, 1, 0, 0),
      t("gas.supply_volume", "燃气供气量", GAS, "万立方米/小时", 420, 480, +1, 180, 160, EVENING_PEAK, 8, 50, 600, 0, 0, 0),
      t("gas.leak_alarms_today", "今日燃气泄漏报警", GAS, "起", 12, 20, +1, 3, 2, EVENING_PEAK, 0.6, 0, 100, 0, 0, 0),
      t("gas.station_pressure", "门站出口压力", GAS, "MPa", 0.32, 0.28, -1, 0.4, -0.02, EVENING_PEAK, 0.004, 0.2, 0.5, 3, 0, 0),
      t("env.city_aqi", "全市空气质量指数", ENVIRONMENT, "AQI", 150, 200, +1, 50, 12, COMMUTE, 3, 5, 400, 0, -0.4, 0),
      t("env.pm25", "全市PM2.5浓度", ENVIRONMENT, "μg/m³", 75, 115, +1, 28, 9, COMMUTE, 2, 1, 400, 0, -0.3, 0),
      t("env.noise_complaints", "今日噪声投诉", ENVIRONMENT, "件", 350, 500, +1, 60, 140, EVENING_PEAK, 8, 0, 2000, 0, 0, 0),
      t("env.temperature", "全市气温", ENVIRONMENT, "℃", 35, 38, +1, 12, 6, AFTERNOON_PEAK, 0.3, -10, 42, 1, -0.08, 0),
      t("live.city_power_load", "全市用电负荷", LIVELIHOOD, "万千瓦", 3300, 3600, +1, 1900, 900, AFTERNOON_PEAK, 30, 500, 4500, 0, 0, 0),
      t("live.water_supply", "全市供水量", LIVELIHOOD, "万立方米/日", 1200, 1300, +1, 760, 160, DAYTIME, 10, 300, 1500, 0, 0, 0),
      t("live.er_wait", "急诊平均候诊时长", LIVELIHOOD, "分钟", 60, 90, +1, 22, 18, EVENING_PEAK, 3, 5, 240, 0, 0.2, 0),
      t("live.elevator_entrapments", "今日电梯困人", LIVELIHOOD, "起", 40, 70, +1, 8, 10, COMMUTE, 1.2, 0, 200, 0, 0, 0),
      t("econ.power_consumption", "全社会用电量", ECONOMY, "亿千瓦时/日", 6.2, 6.8, +1, 4.6, 0.5, AFTERNOON_PEAK, 0.05, 2, 8, 2, 0, 0),
      t("econ.port_throughput", "港口集装箱吞吐量", ECONOMY, "万标箱/日", 15.5, 17, +1, 13.2, 0.8, DAYTIME, 0.3, 5, 20, 1, -0.03, 0),
      t("econ.retail_index", "社会消费活跃指数", ECONOMY, "", 40, 30, -1, 58, 30, EVENING_PEAK, 2, 0, 100, 1, -0.3, 0),
      t("econ.logistics_index", "城市物流运行指数", ECONOMY, "", 45, 35, -1, 82, 10, DAYTIME, 1.5, 0, 120, 1, -0.2, 0),
      t("city.closure_rate", "案件按期结案率", CITY_MANAGEMENT, "%", 90, 80, -1, 96.5, -1.5, DAYTIME, 0.5, 50, 100, 1, 0, 0),
      t("city.dispatch_on_time", "按时派单率", CITY_MANAGEMENT, "%", 92, 85, -1, 98.2, -1.2, DAYTIME, 0.4, 50, 100, 1, -0.05, 0),
      t("city.open_cases_city", "全市在办案件", CITY_MANAGEMENT, "件", 800, 1200, +1, 0, 0, FLAT, 0, 0, 20000, 0, 0, 1.0),
      t("city.illegal_parking_today", "今日违停处置", CITY_MANAGEMENT, "起", 1800, 2400, +1, 300, 700, DAYTIME, 20, 0, 5000, 0, 0, 0),
      t("hotline.calls_city", "12345全市来电量", HOTLINE, "通/小时", 2600, 3400, +1, 280, 1150, DAYTIME, 40, 0, 8000, 0, 18, 0.5),
      t("hotline.answer_rate", "12345接通率", HOTLINE, "%", 90, 80, -1, 97.5, -3, DAYTIME, 0.5, 40, 100, 1, -0.15, 0),
      t("hotline.backlog", "12345待办工单", HOTLINE, "件", 600, 900, +1, 120, 150, DAYTIME, 10, 0, 5000, 0, 2.5, 0.6),
      t("hotline.satisfaction", "12345满意率", HOTLINE, "%", 90, 85, -1, 96, 0, FLAT, 0.4, 50, 100, 1, -0.05, 0));

  private IndicatorCatalog() {}

  private static Template t(String id, String name, IndicatorDomain domain, String unit, double warning,
      double alarm, int direction, double baseline, double amplitude, DailyProfile profile, double noise,
      double min, double max, int decimals, double rainGain, double incidentGain) {
    return new Template(id, name, domain, unit, warning, alarm, direction, baseline, amplitude, profile, noise,
        min, max, decimals, rainGain, incidentGain);
  }

  public static List<IndicatorDefinition> build(List<DistrictRef> districts) {
    List<IndicatorDefinition> all = new ArrayList<>();
    for (Template t : CITY) {
      all.add(definition(t, t.id() + ".city", t.name(), null, 1));
    }
    for (Template t : PER_DISTRICT) {
      for (DistrictRef d : districts) {
        // Districts differ in size and density: a stable ±15 % per district keeps the tiles from looking cloned.
        double scale = 0.85 + ((d.code().hashCode() * 31 + t.id().hashCode()) & 0xff) / 255.0 * 0.3;
        all.add(definition(t, t.id() + "." + d.code(), String.format(t.name(), d.name()), d.code(), scale));
      }
    }
    return List.copyOf(all);
  }

  private static IndicatorDefinition definition(Template t, String id, String name, String districtCode, double scale) {
    ThresholdDirection direction = t.direction() > 0 ? ThresholdDirection.ABOVE : ThresholdDirection.BELOW;
    return new IndicatorDefinition(id, name, t.domain(), t.unit(), districtCode,
        new Threshold(t.warning(), t.alarm(), direction), t.baseline() * scale, t.amplitude() * scale, t.profile(),
        t.noise(), t.min(), t.max(), t.decimals(), t.rainGain(), t.incidentGain());
  }
}
