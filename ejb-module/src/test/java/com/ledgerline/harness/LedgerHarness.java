package com.ledgerline.harness;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;
import com.arjuna.ats.jdbc.common.jdbcPropertyManager;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.transaction.xa.XAResource;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The posting core's container in a plain JVM: Narayana JTA, the {@code ledger} persistence unit on
 * EclipseLink in JTA mode over PostgreSQL XA, and Artemis XA outbound events. One per test class;
 * {@link #start()} rebuilds the harness database.
 *
 * <p>Narayana is configured once per JVM from system properties, each defaulted here when the test
 * command did not set it: the object store under {@code target/narayana/object-store}, node
 * identifier {@code ledgerline-harness}. Connections run at READ COMMITTED, PostgreSQL's default
 * and the application server pool's (Narayana's transactional driver would otherwise switch them to
 * SERIALIZABLE).
 */
public final class LedgerHarness implements AutoCloseable {
  /** The persistence unit of {@code META-INF/persistence.xml}. */
  public static final String PERSISTENCE_UNIT = "ledger";

  /**
   * Narayana's transactional driver logs at INFO each time a connection handle is closed inside a
   * transaction; held here so the level set on it stays (JUL keeps loggers weakly).
   */
  private static final Logger NARAYANA_JDBC_LOG = Logger.getLogger("com.arjuna.ats.jdbc");

  private final HarnessSettings settings;
  private final HarnessDatabase database;
  private final XaRecorder recorder;
  private final TransactionManager transactionManager;
  private final EntityManagerFactory entityManagerFactory;
  private final ArtemisOutboundEvents events;

  /** Work done inside a harness transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(EntityManager em) throws Exception;
  }

  private LedgerHarness(HarnessSettings settings) {
    this.settings = settings;
    configureNarayana();
    this.database = new HarnessDatabase(settings);
    database.createIfMissing();
    database.rollBackOrphanedPreparedTransactions();
    database.rebuild();
    this.recorder = new XaRecorder();
    recorder.beforeCommit(
        XaRecorder.POSTGRESQL,
        xid ->
            recorder.observed(
                XaRecorder.POSTGRESQL,
                database.isPrepared(xid) ? "in pg_prepared_xacts" : "not in pg_prepared_xacts"));
    this.transactionManager = com.arjuna.ats.jta.TransactionManager.transactionManager();
    DataSource jtaDataSource =
        new TransactionalDataSource(
            new RecordingXADataSource(database.xaDataSource(), recorder),
            settings.databaseUser(),
            settings.databasePassword());
    Map<String, Object> properties = new HashMap<>();
    properties.put(PersistenceUnitProperties.TRANSACTION_TYPE, "JTA");
    properties.put(PersistenceUnitProperties.JTA_DATASOURCE, jtaDataSource);
    properties.put(PersistenceUnitProperties.TARGET_SERVER, NarayanaServerPlatform.class.getName());
    // no javaagent here: entities run unwoven, as plain classes
    properties.put(PersistenceUnitProperties.WEAVING, "false");
    this.entityManagerFactory =
        Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, properties);
    this.events = new ArtemisOutboundEvents(settings, transactionManager, recorder);
  }

  /** Settings from the system properties; rebuilds the harness database. */
  public static LedgerHarness start() {
    return new LedgerHarness(HarnessSettings.fromSystemProperties());
  }

  private static synchronized void configureNarayana() {
    String objectStore = Path.of("target", "narayana", "object-store").toAbsolutePath().toString();
    System.setProperty(
        "ObjectStoreEnvironmentBean.objectStoreDir",
        System.getProperty("ObjectStoreEnvironmentBean.objectStoreDir", objectStore));
    System.setProperty(
        "com.arjuna.ats.arjuna.objectstore.objectStoreDir",
        System.getProperty("ObjectStoreEnvironmentBean.objectStoreDir"));
    System.setProperty(
        "CoreEnvironmentBean.nodeIdentifier",
        System.getProperty("CoreEnvironmentBean.nodeIdentifier", "ledgerline-harness"));
    jdbcPropertyManager
        .getJDBCEnvironmentBean()
        .setIsolationLevel(Connection.TRANSACTION_READ_COMMITTED);
    NARAYANA_JDBC_LOG.setLevel(Level.WARNING);
  }

  /**
   * Runs {@code work} in a new JTA transaction with an entity manager joined to it, then commits.
   * If the work throws, the transaction is rolled back and the exception rethrown (as a container
   * does for a system exception).
   *
   * @throws jakarta.transaction.RollbackException when the commit rolled back instead, e.g. a
   *     resource failed to prepare
   */
  public <T> T inTransaction(Work<T> work) throws Exception {
    transactionManager.begin();
    EntityManager em = null;
    try {
      em = entityManagerFactory.createEntityManager();
      em.joinTransaction();
      T result = work.apply(em);
      transactionManager.commit();
      return result;
    } catch (Exception | Error e) {
      if (transactionManager.getTransaction() != null) {
        transactionManager.rollback();
      }
      throw e;
    } finally {
      if (em != null) {
        em.close();
      }
    }
  }

  /**
   * The resources enlisted in the current transaction so far, by their {@link XaRecorder} names,
   * one entry per distinct resource Narayana holds (what its two phases will go through).
   */
  public List<String> enlistedResources() throws SystemException {
    Transaction transaction = transactionManager.getTransaction();
    if (!(transaction instanceof TransactionImple narayana)) {
      throw new IllegalStateException("no Narayana transaction on this thread: " + transaction);
    }
    List<String> names = new ArrayList<>();
    for (XAResource resource : narayana.getResources().keySet()) {
      names.add(resource instanceof RecordingXAResource r ? r.resource() : resource.toString());
    }
    return names;
  }

  /** A subscriber to the outbound topic for one customer's events, subscribed from now on. */
  public TopicSubscriber subscribe(String customerNumber) {
    return TopicSubscriber.forGroup(settings, customerNumber);
  }

  public ArtemisOutboundEvents events() {
    return events;
  }

  public HarnessDatabase database() {
    return database;
  }

  public XaRecorder xa() {
    return recorder;
  }

  public TransactionManager transactionManager() {
    return transactionManager;
  }

  @Override
  public void close() {
    try {
      events.close();
    } finally {
      entityManagerFactory.close();
    }
  }
}
