package com.cityops.sim.geo;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Names for generated places: the real street names of the focus district, plausible names
 * elsewhere, road names for addresses and residents' committees. The generated names are
 * fictitious; only Putuo's street names and the district names are real.
 */
final class PlaceNames {
  static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("310101", "HP"),
          Map.entry("310104", "XH"),
          Map.entry("310105", "CN"),
          Map.entry("310106", "JA"),
          Map.entry("310107", "PT"),
          Map.entry("310109", "HK"),
          Map.entry("310110", "YP"),
          Map.entry("310112", "MH"),
          Map.entry("310113", "BS"),
          Map.entry("310114", "JD"),
          Map.entry("310115", "PD"),
          Map.entry("310116", "JS"),
          Map.entry("310117", "SJ"),
          Map.entry("310118", "QP"),
          Map.entry("310120", "FX"),
          Map.entry("310151", "CM"));

  /** 普陀区's real streets and towns. */
  static final List<String> PUTUO_STREETS =
      List.of("长寿路街道", "曹家渡街道", "甘泉路街道", "石泉路街道", "宜川路街道", "真如镇街道", "长征镇", "桃浦镇", "万里街道", "长风新村街道");

  private static final String[] STEMS = {
    "新华", "兴隆", "永安", "和平", "建设", "光明", "东昌", "华阳", "康健", "田林", "虹桥", "仙霞", "天平", "枫林", "凌云", "龙华",
    "江宁", "石门", "临汾", "彭浦", "共和", "大宁", "芷江", "欧阳", "嘉兴", "四川", "凉城", "江湾", "五角场", "定海", "平凉", "殷行",
    "长白", "延吉", "控江", "新江湾", "七宝", "莘庄", "梅陇", "颛桥", "华漕", "吴泾", "马桥", "浦江", "古美", "江川", "吴淞", "友谊",
    "张庙", "罗店", "大场", "杨行", "月浦", "罗泾", "顾村", "高境", "庙行", "淞南", "安亭", "马陆", "徐行", "华亭", "外冈", "江桥",
    "南翔", "菊园", "潍坊", "陆家嘴", "周家渡", "塘桥", "上钢", "南码头", "沪东", "金杨", "洋泾", "浦兴", "东明", "花木", "川沙",
    "高桥", "北蔡", "合庆", "唐镇", "曹路", "金桥", "高行", "高东", "张江", "三林", "惠南", "周浦", "新场", "大团", "康桥", "航头",
    "祝桥", "泥城", "宣桥", "书院", "万祥", "老港", "朱泾", "枫泾", "张堰", "亭林", "吕巷", "廊下", "金山卫", "漕泾", "山阳", "岳阳",
    "永丰", "方松", "中山", "泗泾", "佘山", "车墩", "新桥", "洞泾", "九亭", "泖港", "石湖荡", "新浜", "叶榭", "小昆山", "夏阳",
    "盈浦", "香花桥", "朱家角", "练塘", "金泽", "赵巷", "徐泾", "华新", "重固", "白鹤", "南桥", "奉城", "庄行", "金汇", "四团",
    "青村", "柘林", "海湾", "西渡", "城桥", "堡镇", "新河", "庙镇", "竖新", "向化", "三星", "港沿", "中兴", "陈家", "绿华", "港西",
    "建设", "新村", "长兴", "横沙", "瑞金", "打浦桥", "淮海", "豫园", "老西门", "小东门", "外滩", "半淞园", "南京东路", "南京西路",
    "静安寺", "曹家渡", "北站", "宝山路", "天目西", "北京西路", "华泾", "斜土", "长桥", "湖南", "漕河泾", "新泾", "程家桥", "北新泾",
    "周家桥", "华阳路"
  };

  private static final String[] ROADS = {
    "中山北路", "金沙江路", "真北路", "曹杨路", "武宁路", "长寿路", "大渡河路", "枣阳路", "铜川路", "梅川路", "光新路", "宜川路", "志丹路",
    "岚皋路", "交通路", "新村路", "祁连山路", "桃浦路", "云岭东路", "绥德路", "延安西路", "南京西路", "淮海中路", "徐家汇路", "漕溪北路",
    "虹桥路", "天山路", "仙霞路", "中山南路", "四平路", "大连路", "控江路", "黄兴路", "国定路", "共和新路", "沪太路", "场中路", "牡丹江路",
    "友谊路", "世纪大道", "张杨路", "浦东南路", "杨高中路", "锦绣路", "龙阳路", "沪南公路", "川沙路", "莘松路", "七莘路", "都市路", "沪闵路",
    "嘉松北路", "博乐路", "城中路", "人民北路", "中山西路", "公园路", "卫零路", "石化一路", "南亭公路", "嘉松中路", "华夏东路", "八一路",
    "环城北路"
  };

  private PlaceNames() {}

  /** A unique-looking street name; outer districts have more towns (镇). */
  static String streetName(boolean outer, RandomGenerator rnd) {
    String stem = STEMS[rnd.nextInt(STEMS.length)];
    if (outer && rnd.nextDouble() < 0.6) {
      return stem + "镇";
    }
    return stem + (stem.endsWith("路") ? "街道" : "路街道");
  }

  static String road(RandomGenerator rnd) {
    return ROADS[rnd.nextInt(ROADS.length)];
  }

  static String community(RandomGenerator rnd) {
    String stem = STEMS[rnd.nextInt(STEMS.length)];
    return switch (rnd.nextInt(4)) {
      case 0 -> stem + "一村居委会";
      case 1 -> stem + "新苑居委会";
      case 2 -> stem + "二村居委会";
      default -> stem + "居委会";
    };
  }
}
