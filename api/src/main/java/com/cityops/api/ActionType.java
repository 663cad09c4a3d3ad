package com.cityops.api;

/** What an operator can do to a case through {@code POST /incidents/{id}/actions}. */
public enum ActionType {
  /** 受理: acknowledge a discovered case, which registers it (发现 → 立案). */
  ACK,
  /** 派单: send a registered case to departments with a deadline (立案 → 派单). */
  DISPATCH,
  /** 升级: raise the level by one (Ⅳ → Ⅲ → Ⅱ → Ⅰ) and hand it to the matching tier. */
  ESCALATE,
  /** 反馈: departments report what they did (派单/处置 → 反馈). */
  FEEDBACK,
  /** 核查: check the result; passed moves to 核查, failed sends it back to 处置. */
  VERIFY,
  /** 结案: close a verified case. */
  CLOSE,
  /** 合并: close this case as a duplicate of {@code targetId}. */
  MERGE
}
