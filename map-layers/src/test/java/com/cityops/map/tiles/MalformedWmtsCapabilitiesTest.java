package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cityops.map.data.MapDataException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WMTS fuzz target's findings (docs/fuzzing.md) and their neighbours as plain tests. */
class MalformedWmtsCapabilitiesTest {
  static final Path SEED =
      Path.of(
          "src/test/resources/com/cityops/map/tiles/WmtsCapabilitiesFuzzTestInputs/parse/"
              + "tianditu-trimmed.xml");

  /** Each replaces the first {@code element} of the seed (a matrix of set "w") with {@code bad}. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // the fuzzer's finding: NumberFormatException escaped
        "TopLeftCorner | -20037508.342?892 20037508.3427892",
        "TopLeftCorner | -20037508.3427892", // one number: was ArrayIndexOutOfBounds
        "TopLeftCorner | ''",
        "TopLeftCorner | 1 2 3",
        "TopLeftCorner | NaN 0",
        "TopLeftCorner | 0 Infinity",
        "ScaleDenominator | 0",
        "ScaleDenominator | -1e9",
        "TileWidth | -256",
        "TileHeight | 0",
        "MatrixWidth | 2.5",
        "MatrixHeight | 99999999999",
      })
  void badMatrixNumbersNameTheSetAndMatrix(String element, String bad) throws Exception {
    String seed = Files.readString(SEED, StandardCharsets.UTF_8);
    String doc =
        seed.replaceFirst(
            "<" + element + ">[^<]*</" + element + ">",
            "<" + element + ">" + bad + "</" + element + ">");
    assertNotEquals(seed, doc);
    MapDataException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () ->
                assertThrows(
                    MapDataException.class,
                    () ->
                        WmtsCapabilities.parse(
                            new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                            "caps.xml")));
    assertTrue(e.getMessage().contains("caps.xml"), e.getMessage());
    assertTrue(e.getMessage().contains("tile matrix set w, matrix "), e.getMessage());
    assertTrue(e.getMessage().contains(element), e.getMessage());
  }
}
