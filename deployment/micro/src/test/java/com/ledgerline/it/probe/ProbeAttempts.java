package com.ledgerline.it.probe;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Records each delivery attempt in its own transaction, which commits whatever the MDB does. */
@Stateless
public class ProbeAttempts {
  @Resource(lookup = "jdbc/ledgerline")
  private DataSource dataSource;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(String probe, int deliveryCount) {
    write(
        "insert into it_probe_attempt (probe, delivery_count) values (?, ?)", probe, deliveryCount);
  }

  /** Writes inside the caller's (the MDB's) transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void writeEffect(String probe) {
    write("insert into it_probe_effect (probe) values (?)", probe, null);
  }

  private void write(String sql, String probe, Integer count) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, probe);
      if (count != null) {
        s.setInt(2, count);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
