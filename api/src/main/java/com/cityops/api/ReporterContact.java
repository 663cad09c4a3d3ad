package com.cityops.api;

/**
 * Who reported a case and how to call them back. Personal data: {@code masked} says whether the
 * server already masked it for the caller's role (e.g. {@code 张*}, {@code 138****5678}).
 */
public record ReporterContact(
    @PersonalData String name, @PersonalData String phone, boolean masked) {}
