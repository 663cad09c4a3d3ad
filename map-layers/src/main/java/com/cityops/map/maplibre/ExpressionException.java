package com.cityops.map.maplibre;

/** An expression or filter that is malformed or uses an operator CityOps does not evaluate. */
public final class ExpressionException extends RuntimeException {
  public ExpressionException(String message) {
    super(message);
  }
}
