package com.cityops.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem (see {@link ProblemType})
 * @param errors optional field-level details, each a readable sentence
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    @Nullable List<String> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(ProblemType type, String detail, String instance) {
    return new Problem(type.uri(), type.title(), type.status(), detail, instance, null);
  }
}
