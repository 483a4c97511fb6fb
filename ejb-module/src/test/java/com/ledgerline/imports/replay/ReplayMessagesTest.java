package com.ledgerline.imports.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.channels.control.MessageContracts;
import com.ledgerline.imports.control.OnlineRetailCsv;
import com.ledgerline.imports.control.OnlineRetailCsv.Invoice;
import com.ledgerline.imports.replay.ReplayMessages.Kind;
import com.ledgerline.imports.replay.ReplayMessages.Messages;
import com.ledgerline.imports.replay.ReplayMessages.Outbound;
import com.ledgerline.imports.replay.ReplayMessages.TaxTable;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay's messages: valid against the published contracts, deterministic, by the rules. */
class ReplayMessagesTest {
  private static final LocalDate DAY = LocalDate.of(2010, 12, 1);
  private static final TaxTable UK_VAT =
      new TaxTable(
          List.of(
              new TaxTable.Rate(
                  new BigDecimal("17.5"), LocalDate.of(2010, 1, 1), LocalDate.of(2011, 1, 4)),
              new TaxTable.Rate(new BigDecimal("20"), LocalDate.of(2011, 1, 4), null)),
          PriceBasis.TAX_EXCLUSIVE,
          RoundingPolicy.PER_LINE,
          RoundingMode.HALF_UP);

  private static List<Invoice> firstDay() throws Exception {
    try (InputStream in =
        ReplayMessagesTest.class.getResourceAsStream("/imports/online_retail_2010-12-01.csv.gz")) {
      return OnlineRetailCsv.read(in, DAY, DAY).invoices();
    }
  }

  private static List<Outbound> all(Messages m) {
    List<Outbound> all = new ArrayList<>(m.announcements());
    all.addAll(m.openingStock());
    all.addAll(m.invoices());
    return all;
  }

  @Test
  void everyMessageOfTheFirstDayPassesItsPublishedContract() throws Exception {
    Messages messages = ReplayMessages.of(firstDay(), DAY, DAY, UK_VAT);
    int checked = 0;
    for (Outbound m : all(messages)) {
      if (MessageContracts.isPublished(m.kind().messageType, 1)) {
        JsonObject body = MessageContracts.validate(m.kind().messageType, 1, m.body());
        String key =
            body.containsKey("transactionId")
                ? body.getString("transactionId")
                : body.getString("messageId");
        assertEquals(m.key(), key);
        checked++;
      }
    }
    assertTrue(checked > 1000, "checked " + checked);
  }

  @Test
  void theFirstDaySendsEachInvoiceOnceByItsKind() throws Exception {
    Messages messages = ReplayMessages.of(firstDay(), DAY, DAY, UK_VAT);
    // README: 143 invoices (3,108 rows): 136 sales, 6 cancellations, 1 stock write-off
    assertEquals(143, messages.invoices().size() + messages.withheld().size());
    assertEquals(136, messages.invoices().stream().filter(m -> m.kind() == Kind.SALE).count());
    assertEquals(6, messages.invoices().stream().filter(m -> m.kind() == Kind.RETURN).count());
    assertEquals(1, messages.invoices().stream().filter(m -> m.kind() == Kind.WRITE_OFF).count());
    assertEquals(3108, messages.invoices().stream().mapToInt(Outbound::lines).sum());
  }

  @Test
  void theSameRangeGivesTheSameMessagesSoASecondReplayIsAllDuplicates() throws Exception {
    List<Outbound> first = all(ReplayMessages.of(firstDay(), DAY, DAY, UK_VAT));
    List<Outbound> second = all(ReplayMessages.of(firstDay(), DAY, DAY, UK_VAT));
    assertEquals(first, second);
  }

  @Test
  void walkInPaysByCardSettledAndKnownCustomersOnAccountPending() throws Exception {
    int zero = 0;
    for (Outbound m : ReplayMessages.of(firstDay(), DAY, DAY, UK_VAT).invoices()) {
      if (m.kind() != Kind.SALE) {
        continue;
      }
      JsonObject body = MessageContracts.validate("pos.sale", 1, m.body());
      BigDecimal amount = new BigDecimal(body.getString("amount"));
      if (amount.signum() == 0) {
        assertEquals(0, body.getJsonArray("payments").size(), m.body());
        zero++;
        continue;
      }
      assertEquals(1, body.getJsonArray("payments").size(), m.body());
      JsonObject tender = body.getJsonArray("payments").getJsonObject(0);
      boolean walkIn = body.getString("customerNumber").equals("OR-WALKIN");
      assertEquals(walkIn ? "card" : "bank_transfer", tender.getString("method"));
      assertEquals(walkIn ? "settled" : "pending", tender.getString("status"));
      assertEquals(0, amount.compareTo(new BigDecimal(tender.getString("amount"))));
    }
    assertTrue(zero < 136, "most sales have something to pay");
  }

  @Test
  void theAmountIsTheNetPlusVatRoundedPerLineHalfUp() {
    Invoice invoice =
        new Invoice("536999", List.of(row(1, "85123A", "6", "2.55"), row(2, "71053", "3", "3.39")));
    JsonObject body =
        MessageContracts.validate("pos.sale", 1, ReplayMessages.sale(invoice, UK_VAT).body());
    // 15.30 + VAT 17.5 % 2.6775 → 2.68; 10.17 + 1.77975 → 1.78: 25.47 + 4.46
    assertEquals("29.93", body.getString("amount"));
    assertEquals("2010-12-01T08:26:00Z", body.getString("capturedAt"));
  }

  private static OnlineRetailCsv.Row row(int n, String sku, String quantity, String price) {
    return new OnlineRetailCsv.Row(
        n,
        "536999",
        sku,
        "ITEM " + sku,
        new BigDecimal(quantity),
        DAY.atTime(8, 26),
        new BigDecimal(price),
        "17850.0",
        "United Kingdom",
        null);
  }
}
