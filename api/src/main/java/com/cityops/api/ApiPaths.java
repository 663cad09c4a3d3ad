package com.cityops.api;

/** Paths of the contract, shared by the server and the client so they cannot drift apart. */
public final class ApiPaths {
  public static final String BASE = "/api/v1";
  public static final String LOGIN = BASE + "/auth/login";

  /** Who the bearer token names ({@link LoginResponse} without a token). */
  public static final String SESSION = BASE + "/auth/session";

  public static final String SNAPSHOT = BASE + "/snapshot";
  public static final String INCIDENTS = BASE + "/incidents";
  public static final String INDICATORS = BASE + "/indicators";
  public static final String DEVICES = BASE + "/devices";
  public static final String LAYERS = BASE + "/layers";
  public static final String STREAM = BASE + "/stream";
  public static final String HEALTH = BASE + "/health";

  /** Where clients ship their tamper-evident audit logs ({@link AuditBatch}). */
  public static final String AUDIT = BASE + "/audit";

  /** Where walls are steered from: {@code /walls/{wall}/scene} ({@link WallScene}). */
  public static final String WALLS = BASE + "/walls";

  public static final String SIM_SCENARIO = BASE + "/sim/scenario";
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  /** WebSocket close code: resume from the requested seq is impossible; take a new snapshot. */
  public static final int CLOSE_RESUME_REFUSED = 4410;

  /** WebSocket close code: the client fell too far behind and was dropped; resume with since. */
  public static final int CLOSE_TOO_SLOW = 4429;

  /** WebSocket close code: no or invalid token. */
  public static final int CLOSE_UNAUTHORIZED = 4401;

  private ApiPaths() {}

  public static String incident(String id) {
    return INCIDENTS + "/" + id;
  }

  /** The scene of one wall: a controller PUTs it, followers get it on the stream. */
  public static String wallScene(String wall) {
    return WALLS + "/" + wall + "/scene";
  }

  public static String incidentActions(String id) {
    return incident(id) + "/actions";
  }
}
