package com.cityops.app.state;

/**
 * How current one item's data is, as the operator should read it: {@code LIVE} within its normal
 * update rhythm, {@code DELAYED} late but recent, {@code STALE} too old to act on without checking.
 */
public enum Freshness {
  LIVE,
  DELAYED,
  STALE
}
