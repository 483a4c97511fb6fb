package com.ledgerline.web;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The texts of the screens and the readable form of a refusal. Every text lives in {@code
 * com/ledgerline/web/messages.properties}; a boundary's {@link ErrorCode} reads as the bundle's
 * {@code error.<CODE>} followed by the boundary's detail, or, for a code the bundle does not know
 * yet, as the code and its detail. Messages are rendered escaped like every other text.
 */
public final class Messages {
  static final String BUNDLE = "com.ledgerline.web.messages";

  private Messages() {}

  /**
   * The bundle's text for a key, formatted with {@link MessageFormat}; the key itself if absent.
   */
  public static String text(String key, Object... arguments) {
    return text(locale(), key, arguments);
  }

  static String text(Locale locale, String key, Object... arguments) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  /** The refusal a failure carries: the violation inside an EJB exception, or none. */
  public static Optional<BusinessRuleViolation> violation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BusinessRuleViolation violation) {
        return Optional.of(violation);
      }
      if (cause instanceof EJBAccessException) {
        return Optional.of(
            new BusinessRuleViolation(ErrorCode.NOT_ALLOWED, text("error.notAllowed.detail")));
      }
    }
    return Optional.empty();
  }

  /**
   * How a refusal reads: "{text of the code}: {detail}" (the detail is the boundary's, naming the
   * document or figure), or "{CODE}: {detail}" when the bundle has no text for the code.
   */
  public static String describe(ErrorCode code, String detail) {
    return describe(code, detail, locale());
  }

  static String describe(ErrorCode code, String detail, Locale locale) {
    String key = "error." + code.name();
    String readable = text(locale, key);
    String head = readable.equals(key) ? code.name() : readable;
    return detail == null || detail.isBlank() ? head : head + ": " + detail;
  }

  /**
   * Shows a failed action as an error message on the page (for {@code clientId}, null = global). A
   * failure that carries no business rule (a bug, the database gone) is shown as such and rethrown
   * for the server log.
   */
  public static void error(String clientId, Throwable failure) {
    Optional<BusinessRuleViolation> violation = violation(failure);
    if (violation.isEmpty()) {
      add(clientId, FacesMessage.SEVERITY_ERROR, text("error.unexpected"), null);
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new EJBException(failure.toString());
    }
    BusinessRuleViolation v = violation.get();
    add(clientId, FacesMessage.SEVERITY_ERROR, describe(v.code(), v.detail()), v.code().name());
  }

  /** An information message from the bundle, kept over a redirect. */
  public static void info(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_INFO, text(key, arguments), null);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  private static void add(
      String clientId, FacesMessage.Severity severity, String text, String code) {
    FacesMessage message = new FacesMessage(severity, text, code == null ? text : code);
    FacesContext.getCurrentInstance().addMessage(clientId, message);
  }

  private static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces == null || faces.getViewRoot() == null
        ? Locale.ENGLISH
        : faces.getViewRoot().getLocale();
  }
}
