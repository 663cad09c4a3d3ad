package com.cityops.sim.world;

import com.cityops.api.ProblemType;

/**
 * An operator action the world refuses, with the problem to answer and a reason a person can act
 * on.
 */
public final class ActionRejected extends RuntimeException {
  private final ProblemType problem;

  public ActionRejected(ProblemType problem, String reason) {
    super(reason);
    this.problem = problem;
  }

  public ProblemType problem() {
    return problem;
  }
}
