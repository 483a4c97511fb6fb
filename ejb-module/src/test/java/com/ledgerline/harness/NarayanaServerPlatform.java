package com.ledgerline.harness;

import jakarta.transaction.TransactionManager;
import org.eclipse.persistence.platform.server.ServerPlatformBase;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.ExternalTransactionController;
import org.eclipse.persistence.transaction.JTATransactionController;

/**
 * EclipseLink's {@code eclipselink.target-server} for the harness: JTA on, the transaction manager
 * is Narayana's (no JNDI), no JMX runtime services.
 */
public final class NarayanaServerPlatform extends ServerPlatformBase {
  public NarayanaServerPlatform(DatabaseSession session) {
    super(session);
  }

  @Override
  public Class<? extends ExternalTransactionController> getExternalTransactionControllerClass() {
    return TransactionController.class;
  }

  @Override
  public String getServerNameAndVersion() {
    return "Narayana JTA (ledgerline harness)";
  }

  @Override
  public boolean isRuntimeServicesEnabledDefault() {
    return false;
  }

  /** Registers EclipseLink's synchronizations with Narayana's transactions. */
  public static final class TransactionController extends JTATransactionController {
    public TransactionController() {
      super();
    }

    @Override
    protected TransactionManager acquireTransactionManager() {
      return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }
  }
}
