package com.cityops.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"张伟, 张*", "王秀英, 王**", "欧阳子涵, 欧阳**", "诸葛亮, 诸葛*"})
  void namesKeepTheSurname(String name, String masked) {
    assertThat(Masking.maskName(name)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"13812345678, 138****5678", "12345, *****"})
  void phonesKeepTheFirstThreeAndLastFourDigits(String phone, String masked) {
    assertThat(Masking.maskPhone(phone)).isEqualTo(masked);
  }
}
