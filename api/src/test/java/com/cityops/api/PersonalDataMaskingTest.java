package com.cityops.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class PersonalDataMaskingTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"张伟, 张*", "王秀英, 王**", "欧阳子涵, 欧阳**", "诸葛亮, 诸葛*", "欧阳娜娜, 欧阳**"})
  void namesKeepTheSurname(String name, String masked) {
    assertThat(PersonalDataMasking.name(name)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"13812345678, 138****5678", "12345, *****"})
  void phonesKeepTheFirstThreeAndLastFourDigits(String phone, String masked) {
    assertThat(PersonalDataMasking.phone(phone)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "31010419900307123X, 310***********123X",
    "310104199003071234, 310***********1234",
    "310104900307123, 310********7123",
    "123456, ******"
  })
  void idNumbersKeepTheFirstThreeAndLastFour(String idNumber, String masked) {
    assertThat(PersonalDataMasking.idNumber(idNumber)).isEqualTo(masked).hasSameSizeAs(idNumber);
  }

  @ParameterizedTest
  @NullSource
  void nullStaysNull(String absent) {
    assertThat(PersonalDataMasking.name(absent)).isNull();
    assertThat(PersonalDataMasking.phone(absent)).isNull();
    assertThat(PersonalDataMasking.idNumber(absent)).isNull();
    assertThat(PersonalDataMasking.mask((ReporterContact) null)).isNull();
  }

  @Test
  void masksAContactOnceAndSaysSo() {
    ReporterContact clear = new ReporterContact("张伟", "13812345678", "31010419900307123X", false);
    ReporterContact masked = PersonalDataMasking.mask(clear);
    assertThat(masked)
        .isEqualTo(new ReporterContact("张*", "138****5678", "310***********123X", true));
    assertThat(PersonalDataMasking.mask(masked)).isSameAs(masked);
    assertThat(PersonalDataMasking.mask(new ReporterContact("李娜", "13900001111", null, false)))
        .isEqualTo(new ReporterContact("李*", "139****1111", null, true));
  }
}
