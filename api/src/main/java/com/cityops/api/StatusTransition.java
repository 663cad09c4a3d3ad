package com.cityops.api;

import java.time.Instant;

/** One step of a case's timeline: the status it entered, when, who moved it, and why. */
public record StatusTransition(IncidentStatus status, Instant at, String actor, String note) {}
