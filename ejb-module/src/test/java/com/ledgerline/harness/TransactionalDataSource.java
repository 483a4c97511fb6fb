package com.ledgerline.harness;

import com.arjuna.ats.jdbc.TransactionalDriver;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.sql.XADataSource;

/**
 * The JTA data source EclipseLink gets: a {@link DataSource} face on Narayana's {@link
 * TransactionalDriver}, which takes an XA connection from the given {@link XADataSource}, enlists
 * its {@code XAResource} in the calling thread's transaction and hands the same connection to every
 * caller in that transaction.
 */
final class TransactionalDataSource implements DataSource {
  /** Only names the data source to the driver; the XA data source decides where it connects. */
  private static final String URL = TransactionalDriver.arjunaDriver + "ledgerline-harness";

  private final TransactionalDriver driver = new TransactionalDriver();
  private final XADataSource xaDataSource;
  private final String user;
  private final String password;

  TransactionalDataSource(XADataSource xaDataSource, String user, String password) {
    this.xaDataSource = xaDataSource;
    this.user = user;
    this.password = password;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    Properties properties = new Properties();
    properties.put(TransactionalDriver.XADataSource, xaDataSource);
    properties.setProperty(TransactionalDriver.userName, username);
    properties.setProperty(TransactionalDriver.password, pass);
    return driver.connect(URL, properties);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
