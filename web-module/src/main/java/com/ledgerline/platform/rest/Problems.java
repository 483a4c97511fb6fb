package com.ledgerline.platform.rest;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a broken business rule with an RFC 9457 problem document: {@code type} ends in the stable
 * code, {@code code} carries it alone, {@code detail} says what was wrong. The status comes from
 * the code (4xx for the client's mistakes).
 */
@Provider
public class Problems implements ExceptionMapper<BusinessRuleViolation> {
  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  @Override
  public Response toResponse(BusinessRuleViolation violation) {
    return problem(violation.code().httpStatus(), violation.code().name(), violation.detail());
  }

  static Response problem(int status, String code, String detail) {
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(
            JSON.createObjectBuilder()
                .add("type", "urn:ledgerline:problem:" + code)
                .add("title", code.replace('_', ' ').toLowerCase())
                .add("status", status)
                .add("code", code)
                .add("detail", detail)
                .build()
                .toString())
        .build();
  }

  /**
   * A signed-in caller whose roles the boundary's {@code @RolesAllowed} does not list: 403 {@code
   * NOT_ALLOWED}. (Without credentials the web container answers 401 before any boundary runs.)
   */
  static Response notAllowed() {
    return problem(
        ErrorCode.NOT_ALLOWED.httpStatus(),
        ErrorCode.NOT_ALLOWED.name(),
        "your roles do not allow this");
  }

  /** The EJB container refused the caller's roles. */
  @Provider
  public static class AccessRefused implements ExceptionMapper<EJBAccessException> {
    @Override
    public Response toResponse(EJBAccessException exception) {
      return notAllowed();
    }
  }

  /** An EJB wraps a violation thrown below a boundary in some paths; unwrap it. */
  @Provider
  public static class Unwrapping implements ExceptionMapper<EJBException> {
    @Override
    public Response toResponse(EJBException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof BusinessRuleViolation violation) {
          return new Problems().toResponse(violation);
        }
        if (cause instanceof EJBAccessException) {
          return notAllowed();
        }
      }
      return problem(500, "INTERNAL_ERROR", "the request failed and nothing was written");
    }
  }
}
