package com.cityops.api;

import java.time.Instant;

/**
 * Payload of {@code alert.raised}.
 *
 * @param incidentId the case it concerns, or null
 * @param deviceId the device it concerns, or null
 * @param suggestedMode the mode walls should switch to, or null to leave the mode alone
 */
public record Alert(
    String id,
    AlertKind kind,
    IncidentLevel level,
    String message,
    String incidentId,
    String deviceId,
    OperatingMode suggestedMode,
    Instant raisedAt) {}
