package com.ledgerline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.shared.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The screens' bundle and the readable form of refusals and amounts. */
class MessagesTest {
  private final ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE);

  @Test
  void aRefusalReadsAsItsCodesTextAndTheBoundarysDetail() {
    assertEquals(
        "A line asks for more units than the variant has on hand and backorders are not allowed:"
            + " SKU-1 has 2 on hand, 3 asked",
        Messages.describe(
            ErrorCode.INSUFFICIENT_STOCK, "SKU-1 has 2 on hand, 3 asked", Locale.ENGLISH));
    assertEquals(
        bundle.getString("error.UNKNOWN_SALE"),
        Messages.describe(ErrorCode.UNKNOWN_SALE, " ", Locale.ENGLISH));
    // a key the bundle lacks reads as itself (a code without a text reads as the code)
    assertEquals("error.NO_SUCH_CODE", Messages.text(Locale.ENGLISH, "error.NO_SUCH_CODE"));
  }

  @Test
  void everyErrorCodeHasATextEveryTextNamesAnExistingCodeAndNoneUsesAnAsciiApostrophe() {
    Set<String> codes =
        Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
    List<String> stale = new ArrayList<>();
    for (String key : bundle.keySet()) {
      assertFalse(bundle.getString(key).contains("'"), key + " (MessageFormat eats ')");
      if (key.startsWith("error.") && key.substring(6).matches("[A-Z_]+")) {
        if (!codes.contains(key.substring(6))) {
          stale.add(key);
        }
      }
    }
    assertTrue(stale.isEmpty(), "texts for codes that do not exist: " + stale);
    // every refusal a screen can meet reads as a sentence, not as a code
    List<String> withoutText =
        codes.stream().filter(c -> !bundle.containsKey("error." + c)).sorted().toList();
    assertEquals(List.of(), withoutText, "error codes without a text in messages.properties");
  }

  @Test
  void amountsShowEveryDecimalOfTheirScaleWithGroupedThousands() {
    assertEquals("1,234.50", MoneyConverter.format(new BigDecimal("1234.50")));
    assertEquals("1,234,567.0001", MoneyConverter.format(new BigDecimal("1234567.0001")));
    assertEquals("-0.05", MoneyConverter.format(new BigDecimal("-0.05")));
    assertEquals("12", MoneyConverter.format(new BigDecimal("12")));
    assertEquals("", MoneyConverter.format(null));
    assertEquals(
        new BigDecimal("1234.50"), new MoneyConverter().getAsObject(null, null, "1,234.50"));
  }
}
