package com.cityops.sim.world;

import com.cityops.api.Json;
import com.cityops.api.Problem;

/**
 * The answer to an action request as it goes on the wire, kept verbatim for idempotent replays.
 *
 * @param replayed true when this is the stored answer to an earlier request with the same key
 */
public record ActionOutcome(int status, String contentType, String body, boolean replayed) {

  static ActionOutcome problem(ActionRejected rejected, String instance) {
    Problem problem = Problem.of(rejected.problem(), rejected.getMessage(), instance);
    return new ActionOutcome(problem.status(), Problem.MEDIA_TYPE, Json.write(problem), false);
  }
}
