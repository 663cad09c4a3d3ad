package com.cityops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {
  // The example of GB 11643-1999 Annex A and well-known published specimens.
  @ParameterizedTest
  @ValueSource(strings = {"11010519491231002X", "440524188001010014", "310101199001010012"})
  void acceptsNumbersWithTheRightCheckCharacter(String number) {
    assertThat(ResidentIdNumber.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105194912310021",
        "11010519491231002x",
        "440524188001010015",
        "310101199001010019",
        "31010119900101001",
        "A10101199001010019",
        ""
      })
  void refusesWrongCheckCharactersAndShapes(String number) {
    assertThat(ResidentIdNumber.isValid(number)).isFalse();
  }

  @Test
  void computesTheCheckCharacterIncludingX() {
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
    assertThatThrownBy(() -> ResidentIdNumber.checkCharacter("1234"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
