package com.ledgerline.shared;

import jakarta.ejb.ApplicationException;

/**
 * A request broke a business rule. Thrown by boundaries and control classes; always rolls back the
 * container transaction, so a refused document leaves no partial write. REST answers it with a
 * problem document carrying {@link #code()}.
 */
@ApplicationException(rollback = true)
public class BusinessRuleViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public BusinessRuleViolation(ErrorCode code, String detail) {
    super(code.name() + ": " + detail);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** The human-readable detail, without the code prefix. */
  public String detail() {
    return getMessage().substring(code.name().length() + 2);
  }
}
