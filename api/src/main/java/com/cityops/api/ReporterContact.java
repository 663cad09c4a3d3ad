package com.cityops.api;

import org.jspecify.annotations.Nullable;

/**
 * Who reported a case and how to call them back. Personal data: {@code masked} says whether the
 * server already masked it for the caller's role (e.g. {@code 张*}, {@code 138****5678}, {@code
 * 310***********123X}; rules in {@link PersonalDataMasking}).
 *
 * @param idNumber the reporter's resident ID number (身份证号), 18 characters (older ones 15), when the
 *     reporter gave it; absent otherwise
 */
public record ReporterContact(
    @PersonalData String name,
    @PersonalData String phone,
    @PersonalData @Nullable String idNumber,
    boolean masked) {}
