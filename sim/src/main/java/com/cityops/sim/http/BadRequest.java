package com.cityops.sim.http;

import com.cityops.api.ProblemType;

/** A request the API refuses, answered as problem+json with a message a person can act on. */
final class BadRequest extends RuntimeException {
  private final ProblemType problem;

  BadRequest(ProblemType problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  ProblemType problem() {
    return problem;
  }
}
