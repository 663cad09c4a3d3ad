package com.cityops.sim.world;

import java.util.random.RandomGenerator;

/** Plausible (fictitious) Chinese names and mobile numbers for simulated reporters. */
final class PeopleNames {
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡",
    "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "沈", "欧阳", "诸葛", "司马"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞",
    "平", "刚", "桂英", "建华", "文", "晓东", "海燕", "志强", "丹", "玉兰", "建国", "佳怡", "子涵", "浩然", "雨桐", "宇轩",
    "欣怡", "俊杰", "梓萱", "思远", "立新"
  };
  private static final String[] MOBILE_PREFIXES = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "177", "180", "181", "186", "187", "188", "189", "199"
  };

  private PeopleNames() {}

  static String name(RandomGenerator rnd) {
    return SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
  }

  static String mobile(RandomGenerator rnd) {
    return MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)]
        + String.format("%08d", rnd.nextInt(100_000_000));
  }
}
