package com.cityops.app.state;

/**
 * Bad input counted since start (shown on the status endpoint).
 *
 * @param unreadable messages that are not the contract's JSON at all
 * @param unknownType messages of a type this client does not know (a newer server)
 * @param refused readable messages with impossible values or beyond the size limit, stepped over
 */
public record InputProblems(long unreadable, long unknownType, long refused) {}
