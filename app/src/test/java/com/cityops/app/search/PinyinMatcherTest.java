package com.cityops.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinyinMatcherTest {
  private final PinyinMatcher pinyin = new PinyinMatcher();

  @ParameterizedTest
  @CsvSource({
    "普陀区, putuoqu, ptq",
    "长风新村街道, changfengxincunjiedao, cfxcjd",
    "浦东新区, pudongxinqu, pdxq",
    "CAM-0012 摄像头, cam0012shexiangtou, cam0012sxt",
  })
  void makesFullPinyinAndInitials(String name, String full, String initials) {
    assertThat(pinyin.keyOf(name).readings()).contains(new SearchKey.Reading(full, initials));
  }

  @org.junit.jupiter.api.Test
  void readsAPolyphoneEveryWayButKeepsTheNumberOfReadingsBounded() {
    SearchKey changfeng = pinyin.keyOf("长风");
    assertThat(changfeng.score("cf")).isPositive();
    assertThat(changfeng.score("zf")).isPositive();
    // 长重行乐 — four polyphones in a row
    assertThat(pinyin.keyOf("长重行乐还长重行乐").readings())
        .hasSizeLessThanOrEqualTo(PinyinMatcher.MAX_READINGS);
  }

  @ParameterizedTest
  @CsvSource({"ptq", "putuo", "putuoqu", "普陀", "普陀区", "pt", "tuo"})
  void findsPutuoByWhatAnOperatorTypes(String query) {
    assertThat(pinyin.keyOf("普陀区").score(SearchKey.normalise(query))).isPositive();
  }

  @ParameterizedTest
  @CsvSource({"xh", "xuhui", "闵行", "pdq"})
  void doesNotFindPutuoByOtherNames(String query) {
    assertThat(pinyin.keyOf("普陀区").score(SearchKey.normalise(query))).isZero();
  }

  @org.junit.jupiter.api.Test
  void ranksTheExactNameOverInitialsOverPartOfThePinyin() {
    SearchKey key = pinyin.keyOf("普陀区");
    assertThat(key.score("普陀区")).isGreaterThan(key.score("ptq"));
    assertThat(key.score("ptq")).isGreaterThan(key.score("putuo"));
    assertThat(key.score("putuo")).isGreaterThan(key.score("tuoqu"));
  }

  @org.junit.jupiter.api.Test
  void ignoresCaseAndSpacesInTheQuery() {
    assertThat(pinyin.keyOf("普陀区").score(SearchKey.normalise(" Pu Tuo "))).isPositive();
  }

  @org.junit.jupiter.api.Test
  void convertsEachNameOnce() {
    assertThat(pinyin.keyOf("普陀区")).isSameAs(pinyin.keyOf("普陀区"));
  }
}
