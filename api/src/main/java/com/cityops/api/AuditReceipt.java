package com.cityops.api;

/**
 * Answer to {@code POST /audit}: how much of the client's audit log the server now holds.
 *
 * @param records records held for this client, counted from the start of its log
 * @param lastHash the hash of the last of them ({@link AuditChain#GENESIS} when none)
 * @param accepted records of this batch that were new
 */
public record AuditReceipt(String clientId, int records, String lastHash, int accepted) {}
