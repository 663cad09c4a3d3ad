package com.cityops.map.raster;

import com.cityops.map.render.DrawOp;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Symbolizer;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Paints a {@link RenderPlan} with Java2D into a premultiplied ARGB image — off the UI thread, at
 * any pixel scale (HiDPI screens, report exports). Paths are anti-aliased; markers are stamped from
 * sprites drawn once per symbol and scale, because a 100,000-point layer cannot afford to rasterise
 * a circle per point; labels get a halo so they read on any background.
 *
 * <p>Thread-safe: one instance may paint into different images from several threads.
 */
public final class PlanRasterizer {
  private final String fontFamily;
  private final IconImages icons;
  private final Map<SpriteKey, BufferedImage> sprites = new ConcurrentHashMap<>();
  private final Map<Float, Font> fonts = new ConcurrentHashMap<>();

  /**
   * @param problems told once per problem (an icon that cannot be read, …) in words an operator's
   *     IT can act on; the rest still paints
   */
  public PlanRasterizer(String fontFamily, Consumer<String> problems) {
    this.fontFamily = fontFamily;
    this.icons = new IconImages(problems);
  }

  public PlanRasterizer() {
    this(MapFonts.preferredFamily(), problem -> {});
  }

  /** A new image of the plan's viewport at {@code scale} device pixels per logical pixel. */
  public BufferedImage render(RenderPlan plan, double scale, Rgba background) {
    BufferedImage image =
        new BufferedImage(
            (int) Math.ceil(plan.viewport().width() * scale),
            (int) Math.ceil(plan.viewport().height() * scale),
            BufferedImage.TYPE_INT_ARGB_PRE);
    paint(plan, image, scale, background);
    return image;
  }

  /**
   * Clears {@code target} to {@code background} (transparent when null) and paints the plan onto
   * it. The target must be {@link BufferedImage#TYPE_INT_ARGB_PRE} when a toolkit shares its
   * pixels.
   */
  public void paint(RenderPlan plan, BufferedImage target, double scale, Rgba background) {
    clear(target, background);
    paintOver(plan, target, scale);
  }

  /** Paints the plan over what {@code target} already shows (a basemap, say). */
  public void paintOver(RenderPlan plan, BufferedImage target, double scale) {
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      AffineTransform logical = AffineTransform.getScaleInstance(scale, scale);
      for (RenderPlan.LayerOps layer : plan.layers()) {
        g.setComposite(
            AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) layer.opacity()));
        for (DrawOp op : layer.ops()) {
          if (op instanceof DrawOp.Path path) {
            g.setTransform(logical);
            paintPath(g, path);
          } else if (op instanceof DrawOp.Markers batch) {
            paintMarkers(g, batch, scale);
          } else if (op instanceof DrawOp.Marker marker) {
            g.setTransform(new AffineTransform());
            stamp(g, marker.x() * scale, marker.y() * scale, sprite(marker.symbol(), scale));
          } else if (op instanceof DrawOp.Icon icon) {
            g.setTransform(new AffineTransform());
            paintIcon(g, icon.x(), icon.y(), icon.symbol(), scale);
          } else if (op instanceof DrawOp.Text text) {
            g.setTransform(logical);
            paintText(g, text);
          } else if (op instanceof DrawOp.Raster raster) {
            g.setTransform(logical);
            paintRaster(g, raster);
          }
        }
      }
    } finally {
      g.dispose();
    }
  }

  /** Icons are stamped like sprites; one that cannot be read is drawn as its fallback marker. */
  private void paintIcon(Graphics2D g, double x, double y, Symbolizer.Icon icon, double scale) {
    BufferedImage image = icons.get(icon, scale);
    if (image == null) {
      stamp(g, x * scale, y * scale, sprite(icon.fallback(), scale));
    } else {
      stamp(g, x * scale, y * scale, image);
    }
  }

  private static void clear(BufferedImage target, Rgba background) {
    int argb = background == null ? 0 : premultiplied(background);
    if (target.getRaster().getDataBuffer() instanceof DataBufferInt ints
        && target.getType() == BufferedImage.TYPE_INT_ARGB_PRE) {
      java.util.Arrays.fill(ints.getData(), argb);
      return;
    }
    Graphics2D g = target.createGraphics();
    g.setComposite(AlphaComposite.Src);
    g.setColor(new Color(argb, true));
    g.fillRect(0, 0, target.getWidth(), target.getHeight());
    g.dispose();
  }

  private static int premultiplied(Rgba c) {
    int a = (int) Math.round(c.a() * 255);
    return a << 24 | (c.r() * a / 255) << 16 | (c.g() * a / 255) << 8 | c.b() * a / 255;
  }

  private static void paintPath(Graphics2D g, DrawOp.Path p) {
    Path2D.Double shape = new Path2D.Double(Path2D.WIND_EVEN_ODD, p.xy().length / 2);
    double[] xy = p.xy();
    int[] starts = p.starts();
    for (int part = 0; part < starts.length; part++) {
      int from = starts[part];
      int to = part + 1 < starts.length ? starts[part + 1] : xy.length / 2;
      if (to - from < 2) {
        continue;
      }
      shape.moveTo(xy[2 * from], xy[2 * from + 1]);
      for (int i = from + 1; i < to; i++) {
        shape.lineTo(xy[2 * i], xy[2 * i + 1]);
      }
      if (p.closed()) {
        shape.closePath();
      }
    }
    if (p.fill() != null) {
      g.setColor(awt(p.fill()));
      g.fill(shape);
    }
    if (p.stroke() != null && p.width() > 0) {
      g.setColor(awt(p.stroke()));
      g.setStroke(stroke(p.width(), p.line()));
      g.draw(shape);
    }
  }

  static BasicStroke stroke(double width, DrawOp.LineStyle line) {
    int cap =
        switch (line.cap()) {
          case BUTT -> BasicStroke.CAP_BUTT;
          case ROUND -> BasicStroke.CAP_ROUND;
          case SQUARE -> BasicStroke.CAP_SQUARE;
        };
    int join =
        switch (line.join()) {
          case BEVEL -> BasicStroke.JOIN_BEVEL;
          case ROUND -> BasicStroke.JOIN_ROUND;
          case MITER -> BasicStroke.JOIN_MITER;
        };
    double[] dash = line.dash();
    double total = 0;
    for (double d : dash) {
      total += Math.max(0, d);
    }
    if (dash.length < 2 || !(total > 0)) {
      return new BasicStroke((float) width, cap, join, 10f);
    }
    // Lengths are in line widths; an even count alternates drawn, gap (an odd one is repeated).
    int n = dash.length % 2 == 0 ? dash.length : 2 * dash.length;
    float[] lengths = new float[n];
    for (int i = 0; i < n; i++) {
      lengths[i] = (float) Math.max(0.01, dash[i % dash.length] * width);
    }
    return new BasicStroke((float) width, cap, join, 10f, lengths, 0f);
  }

  private void paintText(Graphics2D g, DrawOp.Text t) {
    Symbolizer.Label style = t.style();
    Font font =
        fonts.computeIfAbsent(
            (float) style.size(), s -> new Font(fontFamily, Font.PLAIN, 1).deriveFont(s));
    FontRenderContext frc = g.getFontRenderContext();
    GlyphVector glyphs = font.createGlyphVector(frc, t.text());
    Rectangle2D box = glyphs.getVisualBounds();
    // Centred on the anchor, like the label placer assumed when it checked for overlaps.
    float x = (float) (t.x() - box.getWidth() / 2 - box.getX());
    float y = (float) (t.y() - box.getHeight() / 2 - box.getY());
    Shape outline = glyphs.getOutline(x, y);
    if (style.halo() != null) {
      g.setColor(awt(style.halo()));
      g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(outline);
    }
    g.setColor(awt(style.color()));
    g.fill(outline);
  }

  private static void paintRaster(Graphics2D g, DrawOp.Raster r) {
    BufferedImage image = wrap(r.argbPre(), r.pixelWidth(), r.pixelHeight());
    g.drawImage(
        image,
        (int) Math.round(r.x()),
        (int) Math.round(r.y()),
        (int) Math.round(r.width()),
        (int) Math.round(r.height()),
        null);
  }

  /** The pixels as an image without copying them (the op's array is never written to). */
  static BufferedImage wrap(int[] argbPre, int width, int height) {
    java.awt.image.DirectColorModel model =
        new java.awt.image.DirectColorModel(
            java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
            32,
            0x00ff0000,
            0x0000ff00,
            0x000000ff,
            0xff000000,
            true,
            DataBufferInt.TYPE_INT);
    java.awt.image.WritableRaster raster =
        java.awt.image.Raster.createPackedRaster(
            new DataBufferInt(argbPre, width * height),
            width,
            height,
            width,
            model.getMasks(),
            null);
    return new BufferedImage(model, raster, true, null);
  }

  /** Stamps one sprite per position, in the op's order. */
  private void paintMarkers(Graphics2D g, DrawOp.Markers batch, double scale) {
    g.setTransform(new AffineTransform());
    BufferedImage[] sprites = new BufferedImage[batch.symbols().size()];
    for (int k = 0; k < sprites.length; k++) {
      sprites[k] = sprite(batch.symbols().get(k), scale);
    }
    int[] symbol = batch.symbol();
    for (int i = 0; i < symbol.length; i++) {
      stamp(g, batch.x(i) * scale, batch.y(i) * scale, sprites[symbol[i]]);
    }
  }

  private static void stamp(Graphics2D g, double x, double y, BufferedImage sprite) {
    g.drawImage(
        sprite,
        (int) Math.round(x - sprite.getWidth() / 2.0),
        (int) Math.round(y - sprite.getHeight() / 2.0),
        null);
  }

  private BufferedImage sprite(Symbolizer.Marker symbol, double scale) {
    return sprites.computeIfAbsent(new SpriteKey(symbol, scale), k -> drawSprite(symbol, scale));
  }

  /** One marker drawn anti-aliased, with a pixel of room for its outline. */
  static BufferedImage drawSprite(Symbolizer.Marker s, double scale) {
    double d = s.size() * scale;
    int side = (int) Math.ceil(d) + 3;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    double c = side / 2.0;
    double r = d / 2;
    Shape shape =
        switch (s.shape()) {
          case CIRCLE -> new java.awt.geom.Ellipse2D.Double(c - r, c - r, d, d);
          case SQUARE -> new Rectangle2D.Double(c - r, c - r, d, d);
          case TRIANGLE ->
              polygon(new double[] {c, c + r, c - r}, new double[] {c - r, c + r, c + r});
          case DIAMOND ->
              polygon(new double[] {c, c + r, c, c - r}, new double[] {c - r, c, c + r, c});
        };
    if (s.fill() != null) {
      g.setColor(awt(s.fill()));
      g.fill(shape);
    }
    if (s.stroke() != null) {
      g.setColor(awt(s.stroke()));
      g.setStroke(new BasicStroke((float) Math.max(1, scale)));
      g.draw(shape);
    }
    g.dispose();
    return image;
  }

  private static Shape polygon(double[] xs, double[] ys) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      p.lineTo(xs[i], ys[i]);
    }
    p.closePath();
    return p;
  }

  static Color awt(Rgba c) {
    return new Color(c.r(), c.g(), c.b(), (int) Math.round(c.a() * 255));
  }

  private record SpriteKey(Symbolizer.Marker symbol, double scale) {}
}
