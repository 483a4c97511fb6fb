package com.ledgerline.web.dashboard;

import static com.ledgerline.shared.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's chart configurations: labels stay data, amounts keep their decimals. */
class ChartConfigTest {
  private static final String LABEL = "</script><script>alert('x')</script> & Co";

  @Test
  void aLabelWithMarkupCannotCloseTheScriptAndReadsBackUnchanged() {
    String config =
        ChartConfig.bar(
            LABEL,
            List.of(LABEL),
            List.of(ChartConfig.dataset(LABEL, List.of(new BigDecimal("12.50")), 0)),
            "axis",
            false,
            false);
    assertFalse(config.contains("<"), config);
    assertFalse(config.contains(">"), config);
    assertFalse(config.contains("&"), config);
    JsonObject read = JSON.createReader(new StringReader(config)).readObject();
    assertEquals(LABEL, read.getJsonObject("data").getJsonArray("labels").getString(0));
    JsonObject dataset = read.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
    assertEquals(LABEL, dataset.getString("label"));
    assertEquals(
        new BigDecimal("12.50"), dataset.getJsonArray("data").getJsonNumber(0).bigDecimalValue());
  }

  @Test
  void aDayWithoutFiguresIsAGapNotAZero() {
    String config =
        ChartConfig.bar(
            "t",
            List.of("a", "b"),
            List.of(ChartConfig.dataset("s", Arrays.asList(5L, null), 1)),
            "axis",
            true,
            true);
    JsonObject read = JSON.createReader(new StringReader(config)).readObject();
    var data =
        read.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data");
    assertEquals(5, data.getInt(0));
    assertEquals(jakarta.json.JsonValue.NULL, data.get(1));
    assertEquals("y", read.getJsonObject("options").getString("indexAxis"));
  }
}
