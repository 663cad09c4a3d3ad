package com.cityops.api;

import java.util.List;

/**
 * Body of {@code POST /audit}: the next records of one client's audit log, exactly as written (one
 * JSON line each, see {@link AuditChain}). Records the server already holds are skipped, so a batch
 * may be sent again; an empty batch asks where the server's copy ends.
 *
 * @param clientId the installation whose log this is (letters, digits and '-', at most 64)
 * @param records at most {@link #MAX_RECORDS} lines, oldest first (and the body at most 64 KiB)
 */
public record AuditBatch(String clientId, List<String> records) {
  public static final int MAX_RECORDS = 200;
}
