package com.ledgerline.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

/** Master data the tests set up through the REST API as an administrator would. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * A stock-tracked, standard-rated GBP variant with opening stock: {@code POST /api/variants},
   * then {@code POST /api/stock/receipts}; both must answer 201.
   *
   * @param sellingPrice and {@code unitCost} as JSON decimals
   * @param postingDate ISO date of the receipt
   */
  public static void stockedVariant(
      Api admin,
      String sku,
      String name,
      String sellingPrice,
      String quantity,
      String unitCost,
      String postingDate)
      throws IOException, InterruptedException {
    Api.Reply variant =
        admin.post(
            "api/variants",
            "{\"sku\":\""
                + sku
                + "\",\"name\":"
                + jakarta.json.Json.createValue(name)
                + ",\"taxCategory\":\"STANDARD\",\"sellingPrice\":"
                + sellingPrice
                + ",\"currency\":\"GBP\",\"stockTracked\":true}");
    assertEquals(201, variant.status(), variant.body());
    Api.Reply receipt =
        admin.post(
            "api/stock/receipts",
            "{\"sku\":\""
                + sku
                + "\",\"quantity\":"
                + quantity
                + ",\"unitCost\":"
                + unitCost
                + ",\"postingDate\":\""
                + postingDate
                + "\"}");
    assertEquals(201, receipt.status(), receipt.body());
  }
}
