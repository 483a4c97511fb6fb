package com.ledgerline.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** The end of every scenario: the ledger's invariant checks (DESIGN.md 7) over REST. */
public final class Invariants {
  private Invariants() {}

  /**
   * Runs {@code GET /api/checks/invariants} as the given (auditor) client and fails the test on any
   * violation, or when a named check is not among those that ran.
   */
  public static void assertHold(Api auditor, String... mustRun) throws Exception {
    Api.Reply reply = auditor.get("api/checks/invariants");
    assertEquals(200, reply.status(), reply.body());
    JsonArray results = reply.structure().asJsonArray();
    assertFalse(results.isEmpty(), "no invariant check ran");
    List<String> names = new ArrayList<>();
    for (JsonValue result : results) {
      JsonObject r = result.asJsonObject();
      names.add(r.getString("name"));
      assertEquals(0, r.getJsonNumber("violations").longValue(), r.toString());
    }
    for (String name : mustRun) {
      assertTrue(names.contains(name), name + " is not among " + names);
    }
  }
}
