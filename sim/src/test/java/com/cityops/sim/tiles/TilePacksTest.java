package com.cityops.sim.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import com.cityops.map.tiles.TileFormat;
import com.cityops.map.tiles.TileResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TilePacksTest {
  static final Path FIXTURES = Path.of("..", "map-layers", "src", "test", "resources", "tiles");

  @TempDir Path dir;

  @Test
  void everyMbTilesFileOfTheDirectoryIsAPackNamedAfterIt() throws Exception {
    Files.copy(FIXTURES.resolve("raster.mbtiles"), dir.resolve("raster.mbtiles"));
    Files.copy(FIXTURES.resolve("districts.mbtiles"), dir.resolve("districts.mbtiles"));
    Files.copy(FIXTURES.resolve("districts.pmtiles"), dir.resolve("districts.pmtiles"));
    Files.createDirectories(dir.resolve("nested.mbtiles"));
    Files.writeString(dir.resolve("notes.txt"), "not a pack");

    try (TilePacks packs = TilePacks.fromDirectory(dir)) {
      assertThat(packs.all()).extracting(TilePack::id).containsExactly("districts", "raster");
      TilePack districts = packs.get("districts").orElseThrow();
      assertThat(districts.info().format()).isEqualTo(TileFormat.MVT);
      assertThat(districts.info().center())
          .isEqualTo(new TilePackInfo.Center(121.4350585, 31.2714845, 6));
      assertThat(districts.info().vectorLayers()).hasSize(1);
      assertThat(districts.info().vectorLayers().get(0).get("fields").has("adcode")).isTrue();
      assertThat(districts.info().description()).isEqualTo("Shanghai district boundaries");
      assertThat(packs.get("raster").orElseThrow().info().center()).isNull();
      assertThat(packs.get("nowhere")).isEmpty();
    }
  }

  @Test
  void anEmptyDirectoryServesNothing() {
    try (TilePacks packs = TilePacks.fromDirectory(dir)) {
      assertThat(packs.all()).isEmpty();
      assertThat(packs).hasToString("no tile packs");
    }
  }

  @Test
  void aMissingDirectoryOrAnUnreadablePackStopsTheStartNamingTheFile() throws Exception {
    assertThatThrownBy(() -> TilePacks.fromDirectory(dir.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent")
        .hasMessageContaining("does not exist");

    Files.copy(FIXTURES.resolve("districts.mbtiles"), dir.resolve("a.mbtiles"));
    Files.writeString(dir.resolve("broken.mbtiles"), "this is not SQLite");
    assertThatThrownBy(() -> TilePacks.fromDirectory(dir))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("broken.mbtiles");
  }

  @Test
  void aFileNameThatCannotBeAUrlSegmentIsRefused() throws Exception {
    Files.copy(FIXTURES.resolve("raster.mbtiles"), dir.resolve("my tiles.mbtiles"));
    assertThatThrownBy(() -> TilePacks.fromDirectory(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'my tiles'")
        .hasMessageContaining("rename the file");
  }

  @Test
  void aBundledPackIsCopiedToATemporaryFileDeletedOnClose() throws Exception {
    Path copy;
    try (TilePacks packs =
        TilePacks.bundled("shanghai", FIXTURES.resolve("raster.mbtiles").toUri().toURL())) {
      assertThat(packs.all()).extracting(TilePack::id).containsExactly("shanghai");
      TilePack pack = packs.all().get(0);
      assertThat(pack.tile(TileId.of(9, 428, 209))).isInstanceOf(TileResult.Found.class);
      copy = pack.file();
      assertThat(copy.getFileName().toString()).startsWith("cityops-shanghai-");
      assertThat(copy).exists();
    }
    assertThat(copy).doesNotExist();
    assertThat(TilePacks.bundled("shanghai", null).all()).isEmpty();
  }

  @Test
  void withoutADirectoryTheBundledBasemapIsServedIfTheBuildHasOne() {
    boolean bundled = TilePacks.class.getResource(TilePacks.BUNDLED) != null;
    try (TilePacks packs = TilePacks.forConfig(null)) {
      assertThat(packs.all())
          .extracting(TilePack::id)
          .isEqualTo(bundled ? List.of("shanghai") : List.of());
    }
  }
}
