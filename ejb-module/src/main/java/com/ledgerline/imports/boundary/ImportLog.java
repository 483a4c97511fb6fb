package com.ledgerline.imports.boundary;

import com.ledgerline.imports.control.OnlineRetailLoad;
import com.ledgerline.imports.entity.ImportCounts;
import com.ledgerline.imports.entity.ImportIssue;
import com.ledgerline.imports.entity.ImportRun;
import com.ledgerline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The record of import runs and their issues ({@code imp_import_run}, {@code imp_import_issue}).
 * Every write is its own transaction ({@code REQUIRES_NEW}), so what a run has done so far is
 * recorded even when a later step of the run fails, and no sale's rollback takes an issue row with
 * it. The import writes it as the system; administrators and auditors read it.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class ImportLog {
  /** Longest page of {@link #issues}. */
  public static final int MAX_LIMIT = 5000;

  @PersistenceContext private EntityManager em;

  /**
   * Opens a run in state {@code RUNNING}.
   *
   * @param source the data source, e.g. {@code online-retail}
   * @param from first date of the range, inclusive
   * @param to last date of the range, inclusive
   * @return the run id
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long open(String source, LocalDate from, LocalDate to) {
    ImportRun run = new ImportRun(source, from, to);
    em.persist(run);
    em.flush();
    return run.id();
  }

  /** Stores issues of a running run, all in one transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(long runId, List<OnlineRetailLoad.Issue> issues) {
    for (OnlineRetailLoad.Issue issue : issues) {
      em.persist(
          new ImportIssue(
              runId, issue.sourceReference(), issue.lineCount(), issue.code(), issue.detail()));
      // one insert at a time, so the ids follow the order recorded (the list is read by id)
      em.flush();
    }
  }

  /**
   * Closes a run as {@code FINISHED} with its figures.
   *
   * @throws IllegalStateException when the run is unknown, not running, or the figures do not
   *     reconcile (a defect of the import, not of the data)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void finish(long runId, ImportCounts counts) {
    run(runId).finish(counts);
  }

  /** Closes a run as {@code FAILED}, keeping what it posted, with the failure's description. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fail(long runId, String detail) {
    run(runId).fail(detail);
  }

  /**
   * The issues of a run, in the order recorded.
   *
   * @param offset issues to skip, ≥ 0
   * @param limit issues to return, 1..{@value #MAX_LIMIT}
   * @return empty when there is no such run
   */
  @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.SYSTEM})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<List<ImportIssueView>> issues(long runId, int offset, int limit) {
    if (em.find(ImportRun.class, runId) == null) {
      return Optional.empty();
    }
    return Optional.of(
        em.createNamedQuery(ImportIssue.BY_RUN, ImportIssue.class)
            .setParameter("run", runId)
            .setFirstResult(Math.max(0, offset))
            .setMaxResults(Math.min(MAX_LIMIT, Math.max(1, limit)))
            .getResultStream()
            .map(
                issue ->
                    new ImportIssueView(
                        issue.id(),
                        issue.sourceReference(),
                        issue.lineCount(),
                        issue.code(),
                        issue.detail()))
            .toList());
  }

  private ImportRun run(long runId) {
    ImportRun run = em.find(ImportRun.class, runId);
    if (run == null) {
      throw new IllegalStateException("no import run " + runId);
    }
    return run;
  }
}
