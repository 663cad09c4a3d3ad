package com.cityops.app.security;

import com.cityops.app.state.SignedInUser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundImage;
import javafx.scene.layout.BackgroundPosition;
import javafx.scene.layout.BackgroundRepeat;
import javafx.scene.layout.BackgroundSize;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The screen watermark (水印标记): a faint tiled text — who is signed in (name and id) and the time to
 * the minute — over everything a window shows, so that a photo or screenshot of the screen says
 * whose seat it came from. It lies over the content ({@link #over}), takes no mouse or keyboard
 * input, is in every scene snapshot, and has no setting: operators cannot turn it off. The text is
 * drawn once into a small image (when the user or the minute changes) that the window repeats as a
 * background, so it costs a window nothing per frame beyond copying that image.
 *
 * <p>FX thread only.
 */
public final class Watermark {
  public static final String ID = "watermark";

  private static final double TILE_WIDTH = 420;
  private static final double TILE_HEIGHT = 220;
  private static final double ANGLE = -22;

  /** Mid-grey at 8%: faint on the dark, light and high-contrast themes alike. */
  private static final Color INK = Color.gray(0.5, 0.08);

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ObservableValue<SignedInUser> user;
  private final String fallbackUser;
  private final Supplier<Instant> clock;
  private final ZoneId zone;
  private final ObjectProperty<Background> background = new SimpleObjectProperty<>();
  private final Timeline everyMinute;
  private String text = "";

  /**
   * @param user who is signed in (null before the sign-in answers)
   * @param fallbackUser the command line's user name, shown until then
   * @param zone the centre's time zone, as the top bar's clock shows it
   */
  public Watermark(
      ObservableValue<SignedInUser> user,
      String fallbackUser,
      Supplier<Instant> clock,
      ZoneId zone) {
    this.user = user;
    this.fallbackUser = fallbackUser;
    this.clock = clock;
    this.zone = zone;
    user.addListener((obs, was, now) -> redraw());
    everyMinute = new Timeline(new KeyFrame(Duration.seconds(20), e -> redraw()));
    everyMinute.setCycleCount(Timeline.INDEFINITE);
    everyMinute.play();
    redraw();
  }

  /** {@code content} with the watermark over it: use as a window's root. */
  public Parent over(Parent content) {
    Region layer = new Region();
    layer.setId(ID);
    layer.setMouseTransparent(true);
    layer.setFocusTraversable(false);
    layer.backgroundProperty().bind(background);
    StackPane root = new StackPane(content, layer);
    root.getStyleClass().add("watermarked");
    return root;
  }

  /** What the watermark says now, e.g. "值班员 · operator · 2026-12-03 02:33". */
  public String text() {
    return text;
  }

  public void close() {
    everyMinute.stop();
  }

  private void redraw() {
    SignedInUser who = user.getValue();
    String name = who == null ? fallbackUser : who.displayName() + " · " + who.username();
    String now = MINUTE.format(clock.get().atZone(zone));
    String next = name + " · " + now;
    if (next.equals(text)) {
      return;
    }
    text = next;
    background.set(tile(name, now));
  }

  private static Background tile(String name, String time) {
    Canvas canvas = new Canvas(TILE_WIDTH, TILE_HEIGHT);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.translate(TILE_WIDTH / 2, TILE_HEIGHT / 2);
    g.rotate(ANGLE);
    g.setFill(INK);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.setFont(Font.font(20));
    g.fillText(name, 0, -14);
    g.setFont(Font.font(16));
    g.fillText(time, 0, 14);
    SnapshotParameters transparent = new SnapshotParameters();
    transparent.setFill(Color.TRANSPARENT);
    Image image = canvas.snapshot(transparent, null);
    return new Background(
        new BackgroundImage(
            image,
            BackgroundRepeat.REPEAT,
            BackgroundRepeat.REPEAT,
            BackgroundPosition.DEFAULT,
            BackgroundSize.DEFAULT));
  }
}
