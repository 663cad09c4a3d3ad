package com.cityops.api;

import java.util.List;

/**
 * A list answer ({@code GET /incidents}, {@code /indicators}, {@code /devices}, {@code /layers})
 * with the stream seq it is valid at.
 */
public record ItemList<T>(long seq, int count, List<T> items) {

  public static <T> ItemList<T> of(long seq, List<T> items) {
    return new ItemList<>(seq, items.size(), List.copyOf(items));
  }
}
