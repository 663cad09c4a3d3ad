package com.cityops.map.data;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** A fixed set of features in memory with an R-tree (JTS STRtree) for area queries. */
public final class MemoryFeatureSource implements FeatureSource {
  private final String name;
  private final List<Feature> features;
  private final STRtree index = new STRtree();
  private final Envelope bounds = new Envelope();

  public MemoryFeatureSource(String name, List<Feature> features) {
    this.name = name;
    this.features = List.copyOf(features);
    for (Feature f : this.features) {
      Envelope e = f.geometry().getEnvelopeInternal();
      index.insert(e, f);
      bounds.expandToInclude(e);
    }
    index.build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Envelope bounds() {
    return new Envelope(bounds);
  }

  public List<Feature> all() {
    return features;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Feature> features(Envelope area) {
    synchronized (index) {
      return (List<Feature>) index.query(area);
    }
  }
}
