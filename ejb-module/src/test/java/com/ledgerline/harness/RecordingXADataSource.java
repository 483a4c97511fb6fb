package com.ledgerline.harness;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

/**
 * PostgreSQL's {@link XADataSource} as the harness enlists it: each XA connection hands out one
 * {@link XAResource} (the same each time the transaction manager asks), recorded in the {@link
 * XaRecorder} under {@link XaRecorder#POSTGRESQL} and reset after a failed prepare ({@link
 * PgjdbcPrepareFailureReset}). Everything else goes to the real data source.
 */
final class RecordingXADataSource implements XADataSource {
  private final XADataSource delegate;
  private final XaRecorder recorder;

  RecordingXADataSource(XADataSource delegate, XaRecorder recorder) {
    this.delegate = delegate;
    this.recorder = recorder;
  }

  @Override
  public XAConnection getXAConnection() throws SQLException {
    return new Recording(delegate.getXAConnection());
  }

  @Override
  public XAConnection getXAConnection(String user, String password) throws SQLException {
    return new Recording(delegate.getXAConnection(user, password));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  private final class Recording implements XAConnection {
    private final XAConnection connection;
    private XAResource xaResource;

    Recording(XAConnection connection) {
      this.connection = connection;
    }

    @Override
    public synchronized XAResource getXAResource() throws SQLException {
      if (xaResource == null) {
        xaResource =
            recorder.record(
                XaRecorder.POSTGRESQL, new PgjdbcPrepareFailureReset(connection.getXAResource()));
      }
      return xaResource;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return connection.getConnection();
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
      connection.addConnectionEventListener(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
      connection.removeConnectionEventListener(listener);
    }

    @Override
    public void addStatementEventListener(StatementEventListener listener) {
      connection.addStatementEventListener(listener);
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
      connection.removeStatementEventListener(listener);
    }
  }
}
