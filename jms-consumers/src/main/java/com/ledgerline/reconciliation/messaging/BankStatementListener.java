package com.ledgerline.reconciliation.messaging;

import com.ledgerline.reconciliation.boundary.BankStatements;
import com.ledgerline.reconciliation.boundary.Reconciliation;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bank feed: statement files on {@code ledgerline.bank.statements}, one file per message (a
 * {@code BytesMessage} with the file's bytes, or a {@code TextMessage}), with the string properties
 * {@code fileName} (required), and optionally {@code format}, {@code mapping}, {@code account},
 * {@code statementId} as over REST. Imported as the system through {@link
 * BankStatements#importFromFeed} in a transaction of its own; a refusal (malformed, duplicate…) is
 * audited as {@code bank-statement.refused} and the message consumed; an imported file is matched
 * at once by a reconciliation run in a follow-on transaction; a technical failure rolls the
 * delivery back, so the broker redelivers and then dead-letters it. This is a plain consumer of
 * files, not a channel of JSON messages.
 */
@DeclareRoles(Roles.SYSTEM)
@RunAs(Roles.SYSTEM)
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = "${MPCONFIG=ledgerline.resource.adapter}"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = BankStatementListener.QUEUE),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
public class BankStatementListener implements MessageListener {
  public static final String QUEUE = "ledgerline.bank.statements";
  private static final Logger LOG = Logger.getLogger(BankStatementListener.class.getName());

  @EJB private BankStatements statements;
  @EJB private Reconciliation reconciliation;

  @Override
  public void onMessage(Message message) {
    String fileName = null;
    try {
      fileName = message.getStringProperty("fileName");
      byte[] content;
      if (message instanceof BytesMessage bytes) {
        content = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(content);
      } else if (message instanceof TextMessage text) {
        content =
            text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
      } else {
        content = new byte[0];
      }
      statements.importFromFeed(
          new BankStatements.Upload(
              fileName,
              message.getStringProperty("format"),
              null,
              content,
              message.getStringProperty("mapping"),
              message.getStringProperty("account"),
              message.getStringProperty("statementId")));
      reconcile();
    } catch (BusinessRuleViolation refused) {
      LOG.warning(() -> "bank statement refused: " + refused.getMessage());
      statements.recordFeedRefusal(fileName, refused.code(), refused.detail());
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable message on " + QUEUE, e);
    }
  }

  /**
   * Matches the new lines in a follow-on transaction of its own: the import stands whatever the run
   * does, and a failed run is retried by the next one ({@code POST /api/reconciliation/runs}).
   */
  private void reconcile() {
    try {
      reconciliation.run("IMPORT");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "reconciliation run after a bank feed import failed", e);
    }
  }
}
