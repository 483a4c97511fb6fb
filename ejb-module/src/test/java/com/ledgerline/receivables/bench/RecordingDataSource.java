package com.ledgerline.receivables.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A single-connection data source for one benchmark thread: every {@code getConnection} hands out
 * the same physical connection (closing it is a no-op), so that timings contain no connection
 * set-up, as behind an application server's pool. While {@link #capture} is on, it records each
 * prepared statement executed with its parameters, so that the benchmark can EXPLAIN ANALYZE
 * exactly the statements a report ran.
 */
final class RecordingDataSource implements DataSource {

  /** One executed statement and its parameters by position. */
  record Statement(String sql, Map<Integer, Object> parameters) {}

  private final DataSource target;
  private Connection shared;
  private volatile List<Statement> captured;

  RecordingDataSource(DataSource target) {
    this.target = target;
  }

  /** Closes the shared connection. */
  void closeShared() throws SQLException {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  /** Starts recording; {@link #stop()} returns what ran since. */
  void capture() {
    captured = new ArrayList<>();
  }

  List<Statement> stop() {
    List<Statement> result = captured;
    captured = null;
    return result == null ? List.of() : result;
  }

  @Override
  public synchronized Connection getConnection() throws SQLException {
    if (shared == null || shared.isClosed()) {
      shared = target.getConnection();
    }
    return wrap(shared);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  private Connection wrap(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              if (method.getName().equals("isClosed")) {
                return false;
              }
              Object result = invoke(connection, method, args);
              if (method.getName().equals("prepareStatement")
                  && result instanceof PreparedStatement statement) {
                return wrap(statement, (String) args[0]);
              }
              return result;
            });
  }

  private PreparedStatement wrap(PreparedStatement statement, String sql) {
    Map<Integer, Object> parameters = new TreeMap<>();
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.startsWith("set")
                  && args != null
                  && args.length >= 2
                  && args[0] instanceof Integer index) {
                parameters.put(index, args[1]);
              }
              if (name.startsWith("execute") && (args == null || args.length == 0)) {
                List<Statement> sink = captured;
                if (sink != null) {
                  sink.add(new Statement(sql, new TreeMap<>(parameters)));
                }
              }
              return invoke(statement, method, args);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return target.isWrapperFor(type);
  }
}
