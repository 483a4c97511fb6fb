package com.ledgerline.platform.boundary;

import com.ledgerline.platform.messaging.JmsOutboundEvents;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.sql.Connection;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness: the ledger database answers and is migrated, and the broker
 * accepts a connection. {@code deployment/ledgerline start} waits on {@code /health/ready}.
 */
@ApplicationScoped
public class ReadinessChecks {
  @Resource(lookup = "jdbc/ledgerline")
  private DataSource dataSource;

  @Inject private DatabaseMigrations migrations;

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> {
      try (Connection connection = dataSource.getConnection()) {
        boolean valid = connection.isValid(5);
        return HealthCheckResponse.named("ledger-database")
            .status(valid)
            .withData("schemaVersion", String.valueOf(migrations.schemaVersion()))
            .build();
      } catch (Exception e) {
        return HealthCheckResponse.named("ledger-database")
            .down()
            .withData("error", String.valueOf(e.getMessage()))
            .build();
      }
    };
  }

  @Produces
  @Readiness
  HealthCheck broker() {
    return () -> {
      // Looked up when the check runs, not injected: inside the EAR the connection factory is
      // created only after the embedded adapter is deployed, so it does not exist at deploy time.
      try (JMSContext context =
          InitialContext.<ConnectionFactory>doLookup(JmsOutboundEvents.CONNECTION_FACTORY)
              .createContext()) {
        context.createTopic("ledgerline.events");
        return HealthCheckResponse.named("message-broker").up().build();
      } catch (RuntimeException | NamingException e) {
        return HealthCheckResponse.named("message-broker")
            .down()
            .withData("error", String.valueOf(e.getMessage()))
            .build();
      }
    };
  }
}
