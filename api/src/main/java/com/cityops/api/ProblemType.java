package com.cityops.api;

/** The problems the contract defines, each with its URI, title and HTTP status. */
public enum ProblemType {
  MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
  INVALID_REQUEST("invalid-request", "Invalid request", 400),
  BAD_BBOX("bad-bbox", "Invalid bounding box", 400),
  MISSING_IDEMPOTENCY_KEY("missing-idempotency-key", "Idempotency-Key header required", 400),
  UNAUTHORIZED("unauthorized", "Authentication required", 401),
  BAD_CREDENTIALS("bad-credentials", "Wrong username or password", 401),
  FORBIDDEN("forbidden", "Not allowed for this role", 403),
  NOT_FOUND("not-found", "Not found", 404),
  ILLEGAL_TRANSITION("illegal-transition", "Action not allowed in the case's current state", 409),
  /**
   * Closing (or verifying) a case needs a check by another role than the one that handled it: the
   * 核查 step and the 反馈 step were taken by the same console role.
   */
  INDEPENDENT_VERIFICATION_REQUIRED(
      "independent-verification-required",
      "Verification by a different role than the handler's required",
      409),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused", "Idempotency-Key already used for a different request", 422),
  /** Shipped audit records that do not continue the log the server holds for that client. */
  AUDIT_CHAIN_GAP("audit-chain-gap", "Audit records do not continue the log the server holds", 409),
  /** A shipped audit record whose hash does not match its content (changed after writing). */
  AUDIT_RECORD_ALTERED("audit-record-altered", "Audit record changed after it was written", 422),
  PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  INTERNAL("internal", "Internal server error", 500);

  private static final String BASE = "https://cityops.example/problems/";

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String uri() {
    return BASE + slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }
}
