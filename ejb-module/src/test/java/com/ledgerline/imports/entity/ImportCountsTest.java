package com.ledgerline.imports.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportCountsTest {
  private static ImportCounts counts(int rowsRead, int linesPosted, Map<String, Integer> byCode) {
    return new ImportCounts(rowsRead, 2, 1, 10, 20, 7, linesPosted, 1, 2, 2, 4, byCode, 3, 4, 5, 0);
  }

  @Test
  void aRunThatAccountsForEveryRowReconciles() {
    assertEquals(List.of(), counts(23, 14, Map.of("X", 2)).brokenIdentities());
  }

  @Test
  void aRowUnaccountedForBreaksTheRowIdentity() {
    List<String> broken = counts(24, 14, Map.of("X", 2)).brokenIdentities();

    assertEquals(1, broken.size());
    assertTrue(broken.get(0).startsWith("rows read 24"));
  }

  @Test
  void aLineUnaccountedForBreaksTheLineIdentity() {
    assertTrue(counts(23, 13, Map.of("X", 2)).brokenIdentities().get(0).startsWith("lines read"));
  }

  @Test
  void byCodeCountsMustSumToTheInvoicesNotPosted() {
    assertTrue(
        counts(23, 14, Map.of("X", 1)).brokenIdentities().get(0).startsWith("not posted by code"));
  }

  @Test
  void aRunThatDoesNotReconcileCannotFinish() {
    ImportRun run =
        new ImportRun("online-retail", LocalDate.of(2010, 12, 1), LocalDate.of(2010, 12, 1));

    assertThrows(IllegalStateException.class, () -> run.finish(counts(24, 14, Map.of("X", 2))));
    assertEquals(ImportRun.Status.RUNNING, run.status());
    run.finish(counts(23, 14, Map.of("X", 2)));
    assertEquals(ImportRun.Status.FINISHED, run.status());
    assertThrows(IllegalStateException.class, () -> run.fail("late"));
  }

  @Test
  void anIssueDetailIsClippedToTheColumn() {
    ImportIssue issue = new ImportIssue(1L, "536365", 3, "INVALID_QUANTITY", "x".repeat(1500));

    assertEquals(1000, issue.detail().length());
    assertTrue(issue.detail().endsWith("…"));
  }
}
