/**
 * A container-free transactional harness for the posting core: Narayana JTA as the transaction
 * manager, EclipseLink in JTA mode over PostgreSQL's {@code PGXADataSource} (enlisted by Narayana's
 * transactional JDBC driver) and an Artemis XA session for the outbound events, all in a plain JVM.
 *
 * <p>It owns its own database ({@code <ledgerline.db.name>_harness}), rebuilt by Flyway at every
 * start, so it never touches the database the Arquillian tests use. It records every XA call the
 * transaction manager makes on each resource, which is the evidence that a posting went through
 * two-phase commit and the place where crash tests hook in between the phases.
 *
 * <p>It must never replace the container-based tests of boundaries and MDBs (STYLE.md, Tests): it
 * exercises control classes such as {@code SalePosting} under a real XA transaction.
 */
package com.ledgerline.harness;
